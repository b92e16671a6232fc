import type { Side } from '../../model/geometry';
import type { Rect } from './draw';

// Orthogonal connector routes on a slide, in inches. pptxgenjs has no connectors bound to
// shapes, so each link is drawn as straight line segments; the route is chosen so that it
// leaves and enters its boxes on the sides routeLink picked and crosses no other box:
//   first a three-segment elbow (out, along, in), its middle run where it is clear;
//   else five segments through a clear horizontal channel above or below the boxes in the way;
//   else, when nothing is clear, the plain elbow.

/** A point in inches. */
export interface Pt {
  x: number;
  y: number;
}

/** Where a link leaves or enters a box. */
export interface Attach extends Pt {
  side: Side;
}

/** How to route. */
export interface RouteOptions {
  /** Length of the first and last runs out of a box, in inches. */
  stub: number;
  /** Sideways shift of this link's middle run, so links between the same boxes do not overlap. */
  offset: number;
  /** Routes stay inside this area (a little outside at most). */
  area: Rect;
}

const EPS = 0.012;

/** A clear orthogonal route from `a` to `b` around `obstacles`. */
export function routeAround(a: Attach, b: Attach, obstacles: readonly Rect[], o: RouteOptions): Pt[] {
  const box = shrink(obstacles);
  const plain = elbow(a, b, o);
  if (isClear(plain, box)) return plain;

  // Other places for the middle run of a facing elbow.
  if (a.side !== b.side) {
    const lo = Math.min(a.x, b.x) + o.stub / 2;
    const hi = Math.max(a.x, b.x) - o.stub / 2;
    const mid = (a.x + b.x) / 2;
    const xs: number[] = [];
    for (let i = 0; i <= 12; i++) xs.push(lo + ((hi - lo) * i) / 12);
    xs.sort((p, q) => Math.abs(p - mid) - Math.abs(q - mid));
    for (const xm of xs) {
      const pts = [a, { x: xm, y: a.y }, { x: xm, y: b.y }, b];
      if (isClear(pts, box)) return pts;
    }
  }

  // Five segments through a horizontal channel just above or below a box in the way.
  const da = a.side === 'right' ? 1 : -1;
  const db = b.side === 'right' ? 1 : -1;
  const p1 = { x: a.x + da * (o.stub + Math.abs(o.offset)), y: a.y };
  const p4 = { x: b.x + db * (o.stub + Math.abs(o.offset)), y: b.y };
  const midY = (a.y + b.y) / 2;
  const channels = new Set<number>();
  for (const r of obstacles) {
    channels.add(r.y - 0.06 + o.offset);
    channels.add(r.y + r.h + 0.06 + o.offset);
  }
  const top = o.area.y - 0.1;
  const bottom = o.area.y + o.area.h + 0.1;
  const ys = [...channels].filter((y) => y > top && y < bottom).sort((p, q) => Math.abs(p - midY) - Math.abs(q - midY));
  for (const yc of ys) {
    const pts = [a, p1, { x: p1.x, y: yc }, { x: p4.x, y: yc }, p4, b];
    if (isClear(pts, box)) return pts;
  }
  return plain;
}

/** The three-segment elbow: out of `a`, along at `xm`, into `b`. */
export function elbow(a: Attach, b: Attach, o: RouteOptions): Pt[] {
  let xm: number;
  if (a.side !== b.side) {
    const lo = Math.min(a.x, b.x) + 0.05;
    const hi = Math.max(a.x, b.x) - 0.05;
    xm = clamp((a.x + b.x) / 2 + o.offset, Math.min(lo, hi), Math.max(lo, hi));
  } else if (a.side === 'left') {
    xm = Math.min(a.x, b.x) - o.stub - Math.abs(o.offset) * 2;
  } else {
    xm = Math.max(a.x, b.x) + o.stub + Math.abs(o.offset) * 2;
  }
  xm = clamp(xm, o.area.x - 0.25, o.area.x + o.area.w + 0.25);
  return [a, { x: xm, y: a.y }, { x: xm, y: b.y }, b];
}

function shrink(rects: readonly Rect[]): Rect[] {
  return rects.map((r) => ({ x: r.x + EPS, y: r.y + EPS, w: r.w - 2 * EPS, h: r.h - 2 * EPS })).filter((r) => r.w > 0 && r.h > 0);
}

/** Whether no segment of an orthogonal polyline passes through any box. */
export function isClear(points: readonly Pt[], boxes: readonly Rect[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    const x1 = Math.min(p.x, q.x);
    const x2 = Math.max(p.x, q.x);
    const y1 = Math.min(p.y, q.y);
    const y2 = Math.max(p.y, q.y);
    for (const r of boxes) {
      if (x1 < r.x + r.w && x2 > r.x && y1 < r.y + r.h && y2 > r.y) return false;
    }
  }
  return true;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
