// How the view moves: the zoom step of a mouse wheel notch, and the room a fit leaves for
// what floats over the canvas (the zoom controls, the minimap). Pure, so both are tested
// without a browser.

/** The most one wheel event may zoom by (a notch of a mouse wheel): six notches ≈ 1.77×. */
export const WHEEL_STEP = 1.1;

/**
 * The zoom factor for a plain wheel event: proportional to the scrolled distance (a
 * trackpad's many small events zoom smoothly), but never more than {@link WHEEL_STEP} per
 * event, however large the browser makes a notch's delta.
 */
export function wheelZoomFactor(event: { deltaY: number; deltaMode: number }): number {
  const pixels = event.deltaY * (event.deltaMode === 1 ? 20 : event.deltaMode === 2 ? 400 : 1);
  const max = Math.log2(WHEEL_STEP);
  const exponent = Math.max(-max, Math.min(max, -pixels * 0.002));
  return 2 ** exponent;
}

/** A rectangle in the canvas element's own pixels (left/top from its corner). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Paddings in pixels on each side of the canvas. */
export interface Paddings {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Space kept around the fitted content, and between it and an overlay. */
export const FIT_MARGIN = 24;

/**
 * The paddings for fitting `content` (its aspect: width / height in canvas units) into a
 * `width` × `height` canvas so that no overlay covers it. Each overlay sits against a side
 * or a corner; it is kept clear either by a band along the nearest vertical side or along
 * the nearest horizontal side — whichever choice, over all overlays, leaves the largest zoom.
 */
export function fitPaddings(width: number, height: number, content: { width: number; height: number }, overlays: readonly Rect[]): Paddings {
  const base: Paddings = { top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN };
  const usable = overlays.filter((o) => o.width > 0 && o.height > 0);
  let best = base;
  let bestZoom = -Infinity;
  // Every choice of band (vertical or horizontal) per overlay: 2^n, n is 2 or so.
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    const p = { ...base };
    usable.forEach((o, i) => {
      if (mask & (1 << i)) {
        if (o.left + o.width / 2 < width / 2) p.left = Math.max(p.left, o.left + o.width + FIT_MARGIN);
        else p.right = Math.max(p.right, width - o.left + FIT_MARGIN);
      } else if (o.top + o.height / 2 < height / 2) p.top = Math.max(p.top, o.top + o.height + FIT_MARGIN);
      else p.bottom = Math.max(p.bottom, height - o.top + FIT_MARGIN);
    });
    const w = width - p.left - p.right;
    const h = height - p.top - p.bottom;
    if (w <= 0 || h <= 0) continue;
    const zoom = Math.min(w / Math.max(1, content.width), h / Math.max(1, content.height));
    if (zoom > bestZoom) {
      bestZoom = zoom;
      best = p;
    }
  }
  return best;
}
