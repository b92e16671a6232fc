import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_GAP, estimateLayers, planColumnLimits, splitIntoColumns, targetColumnHeight } from '../../src/layout/columns';

/** Height of each column, gaps included, for an assignment. */
function columnHeights(heights: readonly number[], column: readonly number[]): number[] {
  const out: number[] = [];
  heights.forEach((h, i) => (out[column[i]] = (out[column[i]] ?? -COLUMN_GAP) + h + COLUMN_GAP));
  return out;
}

describe('splitIntoColumns', () => {
  it('keeps everything in one column when it fits', () => {
    expect(splitIntoColumns([100, 100, 100], 1000)).toEqual([0, 0, 0]);
    expect(splitIntoColumns([], 100)).toEqual([]);
  });

  it('cuts a tall system into contiguous columns, balanced by height', () => {
    // 5 × 200 with gaps is 1160: two columns of three and two (680), not four and one (920).
    const five = [200, 200, 200, 200, 200];
    const split = splitIntoColumns(five, 700);
    expect(Math.max(...split)).toBe(1);
    expect(Math.max(...columnHeights(five, split))).toBe(680);
    // Only one best cut: 300+100 | 100+300.
    expect(splitIntoColumns([300, 100, 100, 300], 500)).toEqual([0, 0, 1, 1]);
    // A tall entity first: it gets a column alone rather than the tallest column growing.
    expect(splitIntoColumns([600, 100, 100, 100, 100], 650)).toEqual([0, 1, 1, 1, 1]);
  });

  it('gives an entity taller than the limit a column of its own', () => {
    expect(splitIntoColumns([900, 100], 500)).toEqual([0, 1]);
  });

  it('is contiguous and in order, with no more columns than the limit asks for and none much over it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 60, max: 500 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 100, max: 3000 }), (heights, limit) => {
        const column = splitIntoColumns(heights, limit);
        expect(column).toHaveLength(heights.length);
        expect(column[0]).toBe(0);
        for (let i = 1; i < column.length; i++) expect(column[i] - column[i - 1]).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < column.length; i++) expect(column[i] - column[i - 1]).toBeLessThanOrEqual(1);
        const columns = Math.max(...column) + 1;
        expect(columns).toBeLessThanOrEqual(heights.length);
        if (Math.max(...heights) <= limit) {
          // Balanced contiguous columns: none passes the limit by more than one entity.
          expect(Math.max(...columnHeights(heights, column))).toBeLessThanOrEqual(limit + Math.max(...heights) + COLUMN_GAP);
          // No more columns than the limit asks for.
          const total = heights.reduce((a, b) => a + b, 0) + (heights.length - 1) * COLUMN_GAP;
          expect(columns).toBeLessThanOrEqual(Math.ceil((total + COLUMN_GAP) / (limit + COLUMN_GAP)));
        }
      }),
    );
  });
});

describe('targetColumnHeight', () => {
  it('aims at the given aspect ratio and never goes below the tallest entity', () => {
    const heights = new Array<number>(16).fill(200);
    const h = targetColumnHeight(heights, 400, 2);
    // 16 boxes of 400 × 240 area, shaped 2:1 → about 876 tall.
    expect(h).toBeCloseTo(Math.sqrt((16 * 400 * 240) / 2), 5);
    expect(targetColumnHeight([2000, 50], 400, 2)).toBe(2000);
    expect(targetColumnHeight([], 400, 2)).toBe(0);
  });
});

describe('estimateLayers', () => {
  it('puts each box one layer after the farthest box pointing to it', () => {
    // 0 → 1 → 2, 0 → 2, 3 → 2
    expect(estimateLayers(4, [[0, 1], [1, 2], [0, 2], [3, 2]])).toEqual([0, 1, 2, 0]);
  });

  it('ignores the link that closes a cycle, and self links', () => {
    expect(estimateLayers(3, [[0, 1], [1, 2], [2, 0], [1, 1]])).toEqual([0, 1, 2]);
  });

  it('gives unlinked boxes layer 0', () => {
    expect(estimateLayers(2, [])).toEqual([0, 0]);
  });
});

describe('planColumnLimits', () => {
  const chrome = 64;

  it('leaves systems that fit alone at the target', () => {
    expect(planColumnLimits([{ layer: 0, heights: [100, 100] }], 1000, chrome, 40)).toEqual([1000]);
  });

  it('lowers the limit for systems that share a layer until their stack fits', () => {
    const systems = [
      { layer: 0, heights: [300, 200, 170] },
      { layer: 0, heights: [300, 170, 140] },
      { layer: 1, heights: [400] },
    ];
    const target = 900;
    const limits = planColumnLimits(systems, target, chrome, 40);
    expect(limits[2]).toBe(target);
    expect(limits[0]).toBe(limits[1]);
    expect(limits[0]).toBeLessThan(target);
    const stacked = systems
      .slice(0, 2)
      .reduce((sum, s, i) => sum + Math.max(...columnHeights(s.heights, splitIntoColumns(s.heights, limits[i]))) + chrome, 40);
    expect(stacked).toBeLessThanOrEqual(target);
  });
});
