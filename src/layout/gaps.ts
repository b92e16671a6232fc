import type { ElkNode } from 'elkjs/lib/elk-api';

// ELK keeps one gap between layers, whatever crosses it: the four downstream systems of an
// identity hub sat 140 px from it with 25 mappings and their labels squeezed into the gap.
// After layout, each vertical strip between columns of boxes is widened in proportion to
// the lines that cross it, so their labels have room along the lines.

/** The least gap between two columns of boxes (ELK's gap between layers). */
export const MIN_COLUMN_GAP = 140;
/** Room added per line crossing a gap. */
export const GAP_PER_LINE = 12;
/** The widest a gap grows. */
export const MAX_COLUMN_GAP = 720;

/** The gap two columns of boxes need for `lines` lines between them. */
export function neededGap(lines: number): number {
  return Math.min(MAX_COLUMN_GAP, MIN_COLUMN_GAP + GAP_PER_LINE * lines);
}

/** The top-level node an ELK id (a node or a port `e3.p1.E`) belongs to. */
function topOf(root: ElkNode): Map<string, ElkNode> {
  const top = new Map<string, ElkNode>();
  for (const child of root.children ?? []) {
    top.set(child.id, child);
    for (const p of child.ports ?? []) top.set(p.id, child);
    for (const grand of child.children ?? []) {
      top.set(grand.id, child);
      for (const p of grand.ports ?? []) top.set(p.id, child);
    }
  }
  return top;
}

/**
 * Widens the gaps between columns of a laid-out part (its top-level boxes: systems, free
 * entities, notes) in proportion to the lines crossing each, by moving everything right of
 * a gap further right. Changes `root` in place (positions of its children, its width).
 */
export function widenGaps(root: ElkNode): void {
  const boxes = root.children ?? [];
  if (boxes.length < 2) return;
  const top = topOf(root);
  // Lines between two different top-level boxes, as pairs of boxes.
  const lines: [ElkNode, ElkNode][] = [];
  for (const e of root.edges ?? []) {
    const a = top.get(e.sources[0]);
    const b = top.get(e.targets[0]);
    if (a && b && a !== b) lines.push([a, b]);
  }
  if (lines.length === 0) return;

  // The free vertical strips: x ranges no box covers.
  const spans = boxes.map((b) => [b.x ?? 0, (b.x ?? 0) + (b.width ?? 0)] as const).sort((p, q) => p[0] - q[0]);
  const strips: { from: number; to: number }[] = [];
  let reach = spans[0][1];
  for (const [x1, x2] of spans.slice(1)) {
    if (x1 > reach) strips.push({ from: reach, to: x1 });
    reach = Math.max(reach, x2);
  }

  let shift = 0;
  const shifts: { at: number; by: number }[] = [];
  for (const s of strips) {
    let crossing = 0;
    for (const [a, b] of lines) {
      const ax1 = a.x ?? 0;
      const ax2 = ax1 + (a.width ?? 0);
      const bx1 = b.x ?? 0;
      const bx2 = bx1 + (b.width ?? 0);
      if ((ax2 <= s.from && bx1 >= s.to) || (bx2 <= s.from && ax1 >= s.to)) crossing++;
    }
    const extra = Math.max(0, neededGap(crossing) - (s.to - s.from));
    if (extra > 0) {
      shift += extra;
      shifts.push({ at: s.to, by: shift });
    }
  }
  if (shifts.length === 0) return;
  const shiftAt = (x: number) => {
    let by = 0;
    for (const s of shifts) if (x >= s.at) by = s.by;
    return by;
  };
  for (const b of boxes) b.x = (b.x ?? 0) + shiftAt(b.x ?? 0);
  root.width = (root.width ?? 0) + shift;
}
