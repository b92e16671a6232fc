import type { ReactFlowInstance } from '@xyflow/react';
import type { CanvasNode, LinkEdge } from './to-flow';

// Actions outside the canvas (toolbar, palette, presenter) need the viewport: where its
// centre is, how to fit a set of nodes. The canvas registers its instance here.

let instance: ReactFlowInstance<CanvasNode, LinkEdge> | undefined;

/** Called by the canvas when React Flow is ready. */
export function setFlowInstance(next: ReactFlowInstance<CanvasNode, LinkEdge> | undefined): void {
  instance = next;
}

/** The canvas's React Flow instance, once mounted. */
export function getFlowInstance(): ReactFlowInstance<CanvasNode, LinkEdge> | undefined {
  return instance;
}

/** The canvas point at the middle of the visible area (origin before mount). */
export function viewportCentre(): { x: number; y: number } {
  const el = document.querySelector('.react-flow');
  if (!instance || !el) return { x: 0, y: 0 };
  const r = el.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** Fits the view to the given node ids (all nodes when empty). */
export function fitTo(ids: readonly string[] = [], duration = 300): void {
  if (!instance) return;
  const nodes = ids.length ? ids.map((id) => ({ id })) : undefined;
  void instance.fitView({ nodes, padding: 0.12, duration, maxZoom: 1.5, minZoom: 0.02 });
}
