import { describe, expect, it } from 'vitest';
import { canReuse, cssTransformFor, isExact, MAX_MAGNIFY, overscanArea, overscanFor, type DrawnView } from '../../src/app/canvas/overview-view';
import { LEVEL_HYSTERESIS, SYSTEM_ZOOM, TITLE_ZOOM, levelAt, levelFrom } from '../../src/app/canvas/overview-model';

// While the view moves, the overview canvas shows the picture it drew with a CSS transform,
// and draws again only when that picture no longer covers the pane, would blur, or changes
// level of detail.

const pane = { width: 1440, height: 900 };
const margin = overscanFor(pane.width, pane.height);
const drawnAt = (x: number, y: number, zoom: number): DrawnView => ({ x, y, zoom, level: levelAt(zoom), origin: { x: -margin, y: -margin }, area: overscanArea(pane.width, pane.height, margin) });

/** Where a canvas point drawn at `drawn` shows on screen under the transform for `now`. */
function shownAt(drawn: DrawnView, now: { x: number; y: number; zoom: number }, p: { x: number; y: number }) {
  const t = cssTransformFor(drawn, now);
  // Its pixel in the element (the element's 0 is the area's left edge), then the transform.
  const ex = p.x * drawn.zoom + drawn.x - drawn.origin.x;
  const ey = p.y * drawn.zoom + drawn.y - drawn.origin.y;
  return { x: ex * t.k + t.x, y: ey * t.k + t.y };
}

describe('the overview canvas between redraws', () => {
  it('overscans a fifth of the longer side, within bounds', () => {
    expect(margin).toBe(259);
    expect(overscanFor(300, 200)).toBe(96);
    expect(overscanFor(4000, 3000)).toBe(320);
  });

  it('shows every drawn point where the new view puts it, panned or zoomed', () => {
    const drawn = drawnAt(-1200.4, -800.7, 0.8);
    for (const now of [
      { x: -1100.25, y: -850.5, zoom: 0.8 },
      { x: -1300, y: -700, zoom: 0.9 },
      { x: -900, y: -600, zoom: 0.7 },
    ]) {
      for (const p of [{ x: 1500, y: 1000 }, { x: 2600.5, y: 1800.25 }]) {
        const at = shownAt(drawn, now, p);
        // Unscaled shifts are rounded to whole pixels: within half a pixel.
        expect(Math.abs(at.x - (p.x * now.zoom + now.x))).toBeLessThanOrEqual(now.zoom === drawn.zoom ? 0.5 : 1e-9);
        expect(Math.abs(at.y - (p.y * now.zoom + now.y))).toBeLessThanOrEqual(now.zoom === drawn.zoom ? 0.5 : 1e-9);
      }
    }
  });

  it('reuses the picture while a pan stays within the overscan, and not past it', () => {
    const drawn = drawnAt(-1000, -1000, 1);
    expect(canReuse(drawn, { x: -1000, y: -1000, zoom: 1 }, pane)).toBe(true);
    expect(canReuse(drawn, { x: -1000 + margin, y: -1000 - margin, zoom: 1 }, pane)).toBe(true);
    expect(canReuse(drawn, { x: -1000 + margin + 1, y: -1000, zoom: 1 }, pane)).toBe(false);
    expect(canReuse(drawn, { x: -1000, y: -1000 - margin - 1, zoom: 1 }, pane)).toBe(false);
  });

  it('reuses it while zooming in up to the magnification limit, and zooming out while it covers the pane', () => {
    // Zoom about the pane's middle.
    const about = (zoom: number, drawn: DrawnView) => {
      const k = zoom / drawn.zoom;
      return { x: pane.width / 2 - (pane.width / 2 - drawn.x) * k, y: pane.height / 2 - (pane.height / 2 - drawn.y) * k, zoom };
    };
    const drawn = drawnAt(-2000, -1500, 1);
    expect(canReuse(drawn, about(MAX_MAGNIFY * 0.99, drawn), pane)).toBe(true);
    expect(canReuse(drawn, about(MAX_MAGNIFY * 1.01, drawn), pane)).toBe(false);
    // Out: the overscan covers the pane down to (w/2) / (w/2 + margin).
    const least = pane.width / 2 / (pane.width / 2 + margin);
    expect(canReuse(drawn, about(least * 1.01, drawn), pane)).toBe(true);
    expect(canReuse(drawn, about(least * 0.99, drawn), pane)).toBe(false);
  });

  it('after a quick redraw of the pane alone, reuses it only while it still covers the pane', () => {
    const drawn = { ...drawnAt(-1000, -1000, 1), area: { x: 0, y: 0, ...pane } };
    expect(canReuse(drawn, { x: -1000, y: -1000, zoom: 1 }, pane)).toBe(true);
    expect(canReuse(drawn, { x: -999, y: -1000, zoom: 1 }, pane)).toBe(false);
    // Zoomed in about the middle, the pane still shows only drawn pixels.
    expect(canReuse(drawn, { x: pane.width / 2 - (pane.width / 2 + 1000) * 1.1, y: pane.height / 2 - (pane.height / 2 + 1000) * 1.1, zoom: 1.1 }, pane)).toBe(true);
  });

  it('keeps the level of detail while the zoom goes to and fro about a threshold, and draws again beyond it', () => {
    // Drawn just above the threshold (as a fit of 1,000 entities is): a notch out and back keeps the level.
    const drawn = drawnAt(0, 0, SYSTEM_ZOOM * 1.05);
    expect(drawn.level).toBe('titles');
    expect(levelAt(SYSTEM_ZOOM * 0.99)).toBe('systems');
    expect(canReuse(drawn, { x: 0, y: 0, zoom: SYSTEM_ZOOM * 0.99 }, pane)).toBe(true);
    expect(levelFrom(SYSTEM_ZOOM * 0.99, 'titles')).toBe('titles');
    expect(levelFrom(SYSTEM_ZOOM * 1.01, 'systems')).toBe('systems');
    // Past the band, the level changes (and the picture is drawn again), whichever way.
    expect(canReuse(drawn, { x: 0, y: 0, zoom: (SYSTEM_ZOOM / LEVEL_HYSTERESIS) * 0.99 }, pane)).toBe(false);
    expect(levelFrom((SYSTEM_ZOOM / LEVEL_HYSTERESIS) * 0.99, 'titles')).toBe('systems');
    expect(levelFrom(SYSTEM_ZOOM * LEVEL_HYSTERESIS * 1.01, 'systems')).toBe('titles');
    // A jump across several levels lands on the level at the new zoom.
    expect(levelFrom(TITLE_ZOOM * 1.05, 'systems')).toBe('fields');
    expect(levelFrom(0.01, 'fields')).toBe('systems');
  });

  it('knows when what is drawn is exactly the view (no crisp redraw needed at rest)', () => {
    const drawn = drawnAt(10.5, 20.25, 0.5);
    expect(isExact(drawn, { x: 10.5, y: 20.25, zoom: 0.5 })).toBe(true);
    expect(isExact(drawn, { x: 10.75, y: 20.25, zoom: 0.5 })).toBe(false);
    expect(isExact(drawn, { x: 10.5, y: 20.25, zoom: 0.51 })).toBe(false);
  });
});
