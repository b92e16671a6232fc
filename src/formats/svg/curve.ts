import type { Box, LinkRoute, Side } from '../../model/geometry';
import type { Point } from '../../model/types';

// The shape of an edge: a cubic bezier that leaves and enters horizontally, as React Flow's
// default bezier edge does, so the exported picture looks like the canvas.

/** A cubic bezier: start, two control points, end. */
export interface Cubic {
  p0: Point;
  c1: Point;
  c2: Point;
  p1: Point;
}

/** The least horizontal reach of a control point. */
const MIN_OFFSET = 40;

/** +1 when a side faces right, -1 when it faces left. */
export function outward(side: Side): 1 | -1 {
  return side === 'right' ? 1 : -1;
}

/**
 * The bezier for a route. Control points sit horizontally off each end, by
 * max(40, |dx| / 2). When both ends are on the same side (stacked boxes, a self-relation)
 * both control points go past the outermost end, so the edge loops outward.
 * `trimFrom`/`trimTo` shorten the ends along their sides (room for an arrowhead).
 */
export function routeCurve(route: LinkRoute, trimFrom = 0, trimTo = 0): Cubic {
  const oFrom = outward(route.fromSide);
  const oTo = outward(route.toSide);
  const p0 = { x: route.from.x + oFrom * trimFrom, y: route.from.y };
  const p1 = { x: route.to.x + oTo * trimTo, y: route.to.y };
  const dx = Math.abs(p1.x - p0.x);
  if (route.fromSide !== route.toSide) {
    const offset = Math.max(MIN_OFFSET, dx / 2);
    return { p0, c1: { x: p0.x + oFrom * offset, y: p0.y }, c2: { x: p1.x + oTo * offset, y: p1.y }, p1 };
  }
  // Loop: reach past the outer end, further for ends far apart vertically.
  const outer = oFrom > 0 ? Math.max(p0.x, p1.x) : Math.min(p0.x, p1.x);
  const reach = Math.max(MIN_OFFSET, Math.min(160, Math.abs(p1.y - p0.y) / 3));
  const cx = outer + oFrom * reach;
  return { p0, c1: { x: cx, y: p0.y }, c2: { x: cx, y: p1.y }, p1 };
}

/** The point at parameter t of a cubic. */
export function pointAt(c: Cubic, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c.p0.x + b * c.c1.x + d * c.c2.x + e * c.p1.x, y: a * c.p0.y + b * c.c1.y + d * c.c2.y + e * c.p1.y };
}

/** Parameters in (0, 1) where one coordinate of a cubic has a turning point. */
function extremaParams(a: number, b: number, c: number, d: number): number[] {
  // Derivative of the cubic, divided by 3: qa t² + qb t + qc.
  const qa = -a + 3 * b - 3 * c + d;
  const qb = 2 * (a - 2 * b + c);
  const qc = b - a;
  const roots: number[] = [];
  if (Math.abs(qa) < 1e-12) {
    if (Math.abs(qb) > 1e-12) roots.push(-qc / qb);
  } else {
    const disc = qb * qb - 4 * qa * qc;
    if (disc >= 0) {
      const s = Math.sqrt(disc);
      roots.push((-qb + s) / (2 * qa), (-qb - s) / (2 * qa));
    }
  }
  return roots.filter((t) => t > 0 && t < 1);
}

/** The exact bounding box of a cubic (its ends and turning points). */
export function cubicBounds(c: Cubic): Box {
  const ts = [0, 1, ...extremaParams(c.p0.x, c.c1.x, c.c2.x, c.p1.x), ...extremaParams(c.p0.y, c.c1.y, c.c2.y, c.p1.y)];
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const t of ts) {
    const p = pointAt(c, t);
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
