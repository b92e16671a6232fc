import { levelFrom, type DetailLevel } from './overview-model';

// When the overview canvas must be drawn again, and how to show what it already holds at a
// new view. The canvas is drawn larger than the pane (an overscan margin on every side); while
// the view pans or zooms, the compositor moves and scales that picture with a CSS transform
// (no drawing, no raster on the main thread) until the pane would show an edge of it, the
// picture would be magnified enough to blur, or the level of detail changes. At rest it is
// drawn again, crisp, at the exact view.

/** A viewport as React Flow keeps it: screen = canvas × zoom + (x, y). */
export interface ViewTransform {
  x: number;
  y: number;
  zoom: number;
}

/** A rectangle in screen pixels (CSS px). */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the canvas holds: the view it was drawn at and the part of the screen (at that view) it covers. */
export interface DrawnView extends ViewTransform {
  level: DetailLevel;
  /** Where the canvas element's top left pixel is, in screen pixels at the drawn view (−overscan). */
  origin: { x: number; y: number };
  /**
   * The part drawn for this view, in screen pixels at the drawn view: the whole canvas (the
   * pane and the overscan), or only the pane after a quick redraw of what changed.
   */
  area: ScreenRect;
}

/** The CSS transform of the canvas element (origin at its top left): screen = element px × k + (x, y). */
export interface CssTransform {
  x: number;
  y: number;
  k: number;
}

/** How much a picture may be magnified before it is drawn again (beyond it, blur shows). */
export const MAX_MAGNIFY = 1.25;

/** The overscan margin for a pane: about a fifth of its longer side, within 96–320 px. */
export function overscanFor(width: number, height: number): number {
  return Math.round(Math.min(320, Math.max(96, 0.18 * Math.max(width, height))));
}

/** The area a full drawing covers for a pane and a margin. */
export function overscanArea(width: number, height: number, margin: number): ScreenRect {
  return { x: -margin, y: -margin, width: width + 2 * margin, height: height + 2 * margin };
}

/**
 * The transform that shows what was drawn at `drawn` at the view `now`. A point at screen p
 * in the drawn view is at (p − drawn) × k + now, k = now.zoom / drawn.zoom; the element's
 * pixel 0 is at the drawn view's `origin`. An unscaled shift is rounded to device pixels, so the
 * picture stays sharp while it pans (off by under half a pixel until the crisp redraw).
 */
export function cssTransformFor(drawn: DrawnView, now: ViewTransform, pixelRatio = 1): CssTransform {
  const k = now.zoom / drawn.zoom;
  let x = now.x - drawn.x * k + drawn.origin.x * k;
  let y = now.y - drawn.y * k + drawn.origin.y * k;
  if (k === 1) {
    x = Math.round(x * pixelRatio) / pixelRatio;
    y = Math.round(y * pixelRatio) / pixelRatio;
  }
  return { x, y, k };
}

/**
 * Whether the picture drawn at `drawn` can stand for the view `now` in a pane of the given
 * size: the same level of detail (see levelFrom), not magnified past MAX_MAGNIFY, and
 * covering the whole pane.
 */
export function canReuse(drawn: DrawnView, now: ViewTransform, pane: { width: number; height: number }): boolean {
  if (levelFrom(now.zoom, drawn.level) !== drawn.level) return false;
  const k = now.zoom / drawn.zoom;
  if (!(k > 0) || k > MAX_MAGNIFY) return false;
  // The drawn area's corners on screen now.
  const x = now.x + (drawn.area.x - drawn.x) * k;
  const y = now.y + (drawn.area.y - drawn.y) * k;
  return x <= 1e-6 && y <= 1e-6 && x + drawn.area.width * k >= pane.width - 1e-6 && y + drawn.area.height * k >= pane.height - 1e-6;
}

/** Whether what is drawn is exactly the view (else it is redrawn once the view rests). */
export function isExact(drawn: DrawnView, now: ViewTransform): boolean {
  return drawn.zoom === now.zoom && Math.abs(drawn.x - now.x) < 1e-3 && Math.abs(drawn.y - now.y) < 1e-3;
}
