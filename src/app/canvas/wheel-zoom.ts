import { useEffect, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import type { CanvasNode, LinkEdge } from './to-flow';
import { wheelZoomFactor } from './view-steps';

/**
 * Zooms the canvas by small steps on a plain mouse wheel (React Flow's own wheel zoom is
 * turned off: a notch of 100 px zoomed 1.15× and some browsers send far larger notches).
 * Ctrl+wheel and trackpad pinches (which arrive as Ctrl+wheel) stay React Flow's, smooth.
 * The point under the pointer stays where it is.
 */
export function useWheelZoom(wrapper: RefObject<HTMLDivElement | null>, flow: ReactFlowInstance<CanvasNode, LinkEdge>, minZoom: number, maxZoom: number): void {
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey || e.deltaY === 0) return;
      // Scrollable text (a note being edited), the minimap (it zooms itself) and the controls keep their wheel.
      if (e.target instanceof Element && e.target.closest('.nowheel, .react-flow__panel')) return;
      e.preventDefault();
      const { x, y, zoom } = flow.getViewport();
      const next = Math.min(maxZoom, Math.max(minZoom, zoom * wheelZoomFactor(e)));
      if (next === zoom) return;
      const r = el.getBoundingClientRect();
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      const k = next / zoom;
      void flow.setViewport({ x: px - (px - x) * k, y: py - (py - y) * k, zoom: next });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [wrapper, flow, minZoom, maxZoom]);
}
