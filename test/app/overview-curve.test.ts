import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleCurve, type View } from '../../src/app/canvas/overview-draw';
import type { Point } from '../../src/model/types';

// The canvas strokes only the parts of a line that meet the screen (overview-draw.ts): those
// parts must be exact pieces of the curve, cover every point of it that is on screen, and
// leave out what is far off screen.

const at = (p: readonly Point[], t: number): Point => {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: w.reduce((s, k, i) => s + k * p[i].x, 0), y: w.reduce((s, k, i) => s + k * p[i].y, 0) };
};

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

function pieces(curve: Point[], v: View): { points: Point[]; join: boolean }[] {
  const out: { points: Point[]; join: boolean }[] = [];
  visibleCurve(curve[0], curve[1], curve[2], curve[3], v, (a, b, c, d, join) => out.push({ points: [a, b, c, d], join }));
  return out;
}

const onScreen = (p: Point, v: View) => {
  const x = p.x * v.zoom + v.x;
  const y = p.y * v.zoom + v.y;
  return x >= 0 && y >= 0 && x <= v.width && y <= v.height;
};

const point = fc.record({ x: fc.double({ min: -5000, max: 5000, noNaN: true }), y: fc.double({ min: -5000, max: 5000, noNaN: true }) });
const view = fc.record({
  x: fc.double({ min: -3000, max: 3000, noNaN: true }),
  y: fc.double({ min: -3000, max: 3000, noNaN: true }),
  zoom: fc.double({ min: 0.05, max: 4, noNaN: true }),
  width: fc.constant(800),
  height: fc.constant(600),
});

describe('visibleCurve', () => {
  it('draws a curve on screen whole, as one piece', () => {
    const curve = [{ x: 10, y: 10 }, { x: 200, y: 10 }, { x: 300, y: 400 }, { x: 500, y: 400 }];
    const out = pieces(curve, { x: 0, y: 0, zoom: 1, width: 800, height: 600 });
    expect(out).toEqual([{ points: curve, join: false }]);
  });

  it('draws nothing of a curve off screen', () => {
    const curve = [{ x: 1000, y: 10 }, { x: 1200, y: 10 }, { x: 1300, y: 400 }, { x: 1500, y: 400 }];
    expect(pieces(curve, { x: 0, y: 0, zoom: 1, width: 800, height: 600 })).toEqual([]);
  });

  it('cuts a long line crossing the screen to a few pieces near it', () => {
    const curve = [{ x: -20000, y: 300 }, { x: -10000, y: 300 }, { x: 10000, y: 300 }, { x: 20000, y: 300 }];
    const v = { x: 0, y: 0, zoom: 1, width: 800, height: 600 };
    const out = pieces(curve, v);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThan(40);
    for (const p of out) for (const q of p.points) expect(Math.abs(q.x - 400)).toBeLessThan(400 + 20 + 96 + 1);
  });

  it('gives exact pieces, in order, that cover every on-screen point of the curve', () => {
    fc.assert(
      fc.property(fc.tuple(point, point, point, point), view, (tuple, v) => {
        const curve = [...tuple];
        const out = pieces(curve, v);
        // In order and joined where they meet.
        for (let i = 1; i < out.length; i++) {
          const prev = out[i - 1].points[3];
          const start = out[i].points[0];
          if (out[i].join) expect(Math.hypot(prev.x - start.x, prev.y - start.y)).toBeLessThan(1e-6);
        }
        // Every sampled on-screen point of the curve lies on one of the pieces.
        const polylines = out.map((p) => Array.from({ length: 257 }, (_, i) => at(p.points, i / 256)));
        for (let i = 0; i <= 400; i++) {
          const q = at(curve, i / 400);
          if (!onScreen(q, v)) continue;
          let nearest = Infinity;
          for (const line of polylines) for (let k = 1; k < line.length; k++) nearest = Math.min(nearest, segmentDistance(q, line[k - 1], line[k]) * v.zoom);
          // Within a pixel on screen (the pieces are sampled here, not solved).
          expect(nearest).toBeLessThan(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
