import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { Box } from '../../model/geometry';

// React Flow's <Background> draws its dots in screen space and moves its pattern on every
// viewport change: each frame of a pan or zoom then repaints and re-rasterises the whole pane
// (at fit view on a 100-entity document the dots took most of the raster time while panning).
// These are the same dots (gap 20, size 1, #d0d0d0) drawn in diagram space, inside the
// viewport, so the compositor moves and scales them with the drawing.

const GAP = 20;
/** How far the dots reach from the diagram's middle on every side (diagram px): past any view that still shows it at the smallest zoom. */
const REACH = 250_000;
/** The dotted area is placed on this grid (a multiple of the gap), so an edit that grows the diagram does not move it (moving it repaints the whole canvas). */
const STEP = 50_000;

/** The canvas's dotted background, laid in diagram space around `bounds` (the diagram's). */
export const DotGrid = memo(function DotGrid({ bounds }: { bounds: Box }) {
  const x = Math.round((bounds.x + bounds.width / 2) / STEP) * STEP - REACH;
  const y = Math.round((bounds.y + bounds.height / 2) / STEP) * STEP - REACH;
  return <DotArea x={x} y={y} />;
});

/** The dots over a square of 2 × REACH from (x, y), a corner on the gap grid, so they sit where <Background> puts them. */
const DotArea = memo(function DotArea({ x, y }: { x: number; y: number }) {
  return (
    <ViewportPortal>
      <svg className="cw-dot-grid" aria-hidden="true" style={{ left: x, top: y }} width={2 * REACH} height={2 * REACH}>
        <pattern id="cw-dot-grid" width={GAP} height={GAP} patternUnits="userSpaceOnUse" patternTransform={`translate(${-GAP / 2} ${-GAP / 2})`}>
          <circle cx={0.5} cy={0.5} r={0.5} fill="#d0d0d0" />
        </pattern>
        <rect width="100%" height="100%" fill="url(#cw-dot-grid)" />
      </svg>
    </ViewportPortal>
  );
});
