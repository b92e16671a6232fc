import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { Box } from '../../model/geometry';

// React Flow's <Background> draws its dots in screen space and moves its pattern on every
// viewport change: each frame of a pan or zoom then repaints and re-rasterises the whole pane
// (at fit view on a 100-entity document the dots took most of the raster time while panning).
// These are the same dots (gap 20, size 1, #d0d0d0) drawn in diagram space, inside the
// viewport, so the compositor moves and scales them with the drawing.

const GAP = 20;
/** How far the dots reach past the diagram on every side (diagram px): past any view that still shows it at the smallest zoom. */
const REACH = 200_000;

/** The canvas's dotted background, laid in diagram space around `bounds` (the diagram's). */
export const DotGrid = memo(function DotGrid({ bounds }: { bounds: Box }) {
  // Whole gaps, so the dots sit where <Background> puts them (half a gap in from multiples of the gap).
  const x = Math.floor((bounds.x - REACH) / GAP) * GAP;
  const y = Math.floor((bounds.y - REACH) / GAP) * GAP;
  const width = Math.ceil((bounds.width + 2 * REACH) / GAP) * GAP;
  const height = Math.ceil((bounds.height + 2 * REACH) / GAP) * GAP;
  return (
    <ViewportPortal>
      <svg className="cw-dot-grid" aria-hidden="true" style={{ left: x, top: y }} width={width} height={height}>
        <pattern id="cw-dot-grid" width={GAP} height={GAP} patternUnits="userSpaceOnUse" patternTransform={`translate(${-GAP / 2} ${-GAP / 2})`}>
          <circle cx={0.5} cy={0.5} r={0.5} fill="#d0d0d0" />
        </pattern>
        <rect width="100%" height="100%" fill="url(#cw-dot-grid)" />
      </svg>
    </ViewportPortal>
  );
});
