import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, fitPaddings, WHEEL_STEP, wheelZoomFactor } from '../../src/app/canvas/view-steps';

describe('wheelZoomFactor', () => {
  it('zooms a notch by at most WHEEL_STEP, however large the delta', () => {
    for (const deltaY of [-100, -120, -240, -1000]) expect(wheelZoomFactor({ deltaY, deltaMode: 0 })).toBeCloseTo(WHEEL_STEP, 6);
    expect(wheelZoomFactor({ deltaY: 100, deltaMode: 0 })).toBeCloseTo(1 / WHEEL_STEP, 6);
    expect(wheelZoomFactor({ deltaY: -5, deltaMode: 1 })).toBeCloseTo(WHEEL_STEP, 6);
  });
  it('keeps six notches within a bounded factor (not 0.4× to 2.5×)', () => {
    const six = wheelZoomFactor({ deltaY: -100, deltaMode: 0 }) ** 6;
    expect(six).toBeLessThan(2);
    expect(six).toBeGreaterThan(1.5);
  });
  it('follows small trackpad deltas proportionally', () => {
    const f = wheelZoomFactor({ deltaY: -4, deltaMode: 0 });
    expect(f).toBeGreaterThan(1);
    expect(f).toBeLessThan(1.01);
  });
});

describe('fitPaddings', () => {
  // A 1100 × 800 canvas: zoom controls bottom left, minimap bottom right.
  const controls = { left: 15, top: 700, width: 27, height: 85 };
  const minimap = { left: 885, top: 635, width: 200, height: 150 };
  it('keeps a margin on every side with no overlay', () => {
    expect(fitPaddings(1100, 800, { width: 100, height: 100 }, [])).toEqual({ top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN });
  });
  it('keeps wide content clear of the minimap and controls by a band at the bottom', () => {
    const p = fitPaddings(1100, 800, { width: 4000, height: 1000 }, [controls, minimap]);
    expect(p.bottom).toBe(800 - 635 + FIT_MARGIN);
    expect(p.left).toBe(FIT_MARGIN);
    expect(p.right).toBe(FIT_MARGIN);
  });
  it('keeps tall content clear by bands at the sides', () => {
    const p = fitPaddings(1100, 800, { width: 500, height: 4000 }, [controls, minimap]);
    expect(p.right).toBe(1100 - 885 + FIT_MARGIN);
    expect(p.left).toBe(15 + 27 + FIT_MARGIN);
    expect(p.bottom).toBe(FIT_MARGIN);
  });
});
