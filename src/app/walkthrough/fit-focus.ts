import { getViewportForBounds, type FitViewOptions, type Rect } from '@xyflow/react';
import { boundsOf, getFlowInstance } from '../canvas/flow-instance';

/** Padding around fitted nodes: a fraction of the pane, or per side in px or %. */
export type FitPadding = NonNullable<FitViewOptions['padding']>;

/**
 * Moves the view (animated) to fit the given nodes, or every node when `nodeIds` is empty.
 * `padding` may depend on the nodes' bounds (present mode keeps clear of its card by the
 * side that shows them larger); `zoom` bounds the zoom (present mode never goes below the
 * zoom that keeps text readable).
 * It computes the viewport and sets it at once instead of calling React Flow's `fitView`,
 * which waits for the next node update and is lost when the same edit re-creates the nodes
 * (a focus change re-dims them); the boxes come from the document, so they are known.
 */
export function fitNodes(
  nodeIds: readonly string[],
  duration: number,
  padding: FitPadding | ((bounds: Rect) => FitPadding) = 0.12,
  zoom: { min: number; max: number } = { min: 0.02, max: 1.5 },
): void {
  const flow = getFlowInstance();
  const pane = document.querySelector('.react-flow');
  if (!flow || !pane) return;
  // From the document's geometry: the canvas may hold only what is on screen.
  const bounds = boundsOf(nodeIds);
  if (!bounds) return;
  const { width, height } = pane.getBoundingClientRect();
  if (width <= 0 || height <= 0 || bounds.width <= 0 || bounds.height <= 0) return;
  const pad = typeof padding === 'function' ? padding(bounds) : padding;
  const viewport = getViewportForBounds(bounds, width, height, zoom.min, zoom.max, pad);
  // Those who ask the system for less motion get the view at once.
  const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  void flow.setViewport(viewport, { duration: still ? 0 : duration });
}
