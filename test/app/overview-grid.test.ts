import { describe, expect, it } from 'vitest';
import { GridIndex, type GridRect } from '../../src/app/canvas/overview-grid';

// The overview canvas culls with a grid index: a query must answer exactly what a full scan
// answers, in list order, whatever the sizes of the boxes and of the query.

const meets = (a: GridRect, b: GridRect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

/** A fixed pseudo-random sequence (the same boxes every run). */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('GridIndex', () => {
  const next = random(7);
  // Entity-sized boxes, and long thin line boxes spanning much of the plane (the big list).
  const boxes: GridRect[] = Array.from({ length: 3000 }, (_, i) =>
    i % 5 === 0
      ? { x: next() * 20000, y: next() * 15000, width: next() * 15000, height: next() * 3000 }
      : { x: next() * 20000, y: next() * 15000, width: 240, height: 66 + next() * 300 },
  );
  const grid = new GridIndex(boxes);

  it('answers what a full scan answers, in list order, for small, large and outside queries', () => {
    const queries: GridRect[] = [
      { x: 5000, y: 5000, width: 1440, height: 900 },
      { x: 100, y: 100, width: 10, height: 10 },
      { x: -500, y: -500, width: 30000, height: 30000 },
      { x: 19000, y: 14000, width: 4000, height: 4000 },
      { x: -5000, y: -5000, width: 100, height: 100 },
      ...Array.from({ length: 40 }, () => ({ x: next() * 22000 - 1000, y: next() * 16000 - 1000, width: next() * 5000, height: next() * 4000 })),
    ];
    for (const q of queries) {
      const expected = boxes.flatMap((b, i) => (meets(q, b) ? [i] : []));
      expect(grid.query(q)).toEqual(expected);
    }
  });

  it('answers each box once although it lies in many cells, and a zoomed-in view visits few', () => {
    const q = { x: 8000, y: 6000, width: 1440, height: 900 };
    const found = grid.query(q);
    expect(new Set(found).size).toBe(found.length);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(boxes.length / 4);
  });

  it('copes with no boxes, one box and boxes of no size', () => {
    expect(new GridIndex([]).query({ x: 0, y: 0, width: 100, height: 100 })).toEqual([]);
    const one = new GridIndex([{ x: 10, y: 10, width: 0, height: 0 }]);
    expect(one.query({ x: 0, y: 0, width: 20, height: 20 })).toEqual([0]);
    expect(one.query({ x: 11, y: 11, width: 5, height: 5 })).toEqual([]);
  });
});
