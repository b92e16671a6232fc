import type { Rect } from './draw';

// The geometry check every slide answers to: no two texts overlap. The drawing code keeps
// the box of every text it places (Painter.texts); tests read the same boxes back from the
// written slide and ask the same question.

/** Boxes closer than this (inches) still count as touching, not overlapping: EMU rounding. */
const TOLERANCE = 0.005;

/** Whether two boxes share area (touching edges do not). */
export function rectsOverlap(a: Rect, b: Rect, tolerance = TOLERANCE): boolean {
  return a.x + tolerance < b.x + b.w && b.x + tolerance < a.x + a.w && a.y + tolerance < b.y + b.h && b.y + tolerance < a.y + a.h;
}

/** Every pair of boxes (by index) that overlap. Sorted sweep on x, so a slide of hundreds stays fast. */
export function findOverlaps(rects: readonly Rect[], tolerance = TOLERANCE): [number, number][] {
  const order = rects.map((_, i) => i).sort((i, j) => rects[i].x - rects[j].x);
  const found: [number, number][] = [];
  for (let a = 0; a < order.length; a++) {
    const ra = rects[order[a]];
    for (let b = a + 1; b < order.length; b++) {
      const rb = rects[order[b]];
      if (rb.x >= ra.x + ra.w - tolerance) break;
      if (rectsOverlap(ra, rb, tolerance)) found.push([Math.min(order[a], order[b]), Math.max(order[a], order[b])]);
    }
  }
  return found;
}
