import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { WHEEL_STEP, wheelZoomFactor } from '../canvas/view-steps';
import { Dialog } from '../panels/Dialog';

// The Mermaid preview, large: the picture the panel rendered (already sanitised) shown in a
// dialog that fills the window, zoomed with buttons, the wheel, Fit and 100%, and panned by
// dragging or scrolling. Nothing is rendered again: the panel's SVG is copied.

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The drawing's own size, from its viewBox. */
function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const r = svg.getBoundingClientRect();
  return { width: Math.max(1, r.width), height: Math.max(1, r.height) };
}

interface MermaidViewerProps {
  /** The rendered picture to show (copied, not moved). */
  source: SVGSVGElement;
  title: string;
  onClose: () => void;
}

/** A large, zoomable view of a rendered Mermaid diagram. */
export function MermaidViewer({ source, title, onClose }: MermaidViewerProps) {
  const stage = useRef<HTMLDivElement>(null);
  const [svg] = useState(() => {
    const copy = source.cloneNode(true) as SVGSVGElement;
    copy.removeAttribute('style');
    copy.removeAttribute('width');
    copy.removeAttribute('height');
    return copy;
  });
  const [size] = useState(() => naturalSize(source));
  const [scale, setScale] = useState(1);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  // Where the view should be after a zoom: the drawing point that stays under the pointer.
  const anchor = useRef<{ x: number; y: number; px: number; py: number }>(undefined);

  const fitScale = useCallback(() => {
    const el = stage.current;
    if (!el) return 1;
    return clampScale(Math.min((el.clientWidth - 24) / size.width, (el.clientHeight - 24) / size.height));
  }, [size]);

  /** Zooms to `next`, keeping the drawing point under (px, py) (stage pixels; the middle by default). */
  const zoomTo = useCallback((next: number, px?: number, py?: number) => {
    const el = stage.current;
    if (!el) return;
    const s = scaleRef.current;
    const x = px ?? el.clientWidth / 2;
    const y = py ?? el.clientHeight / 2;
    anchor.current = { x: (el.scrollLeft + x) / s, y: (el.scrollTop + y) / s, px: x, py: y };
    setScale(clampScale(next));
  }, []);

  useLayoutEffect(() => {
    const el = stage.current;
    if (!el) return;
    el.querySelector('.cw-mermaid-large-picture')?.replaceChildren(svg);
    setScale(fitScale());
    // Keys go to the picture (+, -, 0), not to the canvas behind the dialog.
    el.focus();
  }, [svg, fitScale]);

  useLayoutEffect(() => {
    svg.setAttribute('width', String(size.width * scale));
    svg.setAttribute('height', String(size.height * scale));
    const el = stage.current;
    const a = anchor.current;
    if (el && a) {
      el.scrollLeft = a.x * scale - a.px;
      el.scrollTop = a.y * scale - a.py;
      anchor.current = undefined;
    }
  }, [svg, size, scale]);

  // The wheel zooms (in the canvas's small steps); a passive React listener could not stop the page scrolling.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY === 0) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      // Ctrl+wheel (and a trackpad pinch) is finer: its deltas are small, the factor follows them.
      zoomTo(scaleRef.current * wheelZoomFactor(e), e.clientX - r.left, e.clientY - r.top);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomTo]);

  // Drag to pan.
  const drag = useRef<{ x: number; y: number; left: number; top: number }>(undefined);

  return (
    <Dialog title={title} onClose={onClose} className="cw-mermaid-large">
      {/* Keys stay in the dialog (the canvas shortcuts must not act behind it); Escape closes it. */}
      <div className="cw-mermaid-large-body" onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}>
        <div className="cw-mermaid-controls" role="group" aria-label="Zoom">
          <button type="button" aria-label="Zoom out" onClick={() => zoomTo(scale / (WHEEL_STEP * WHEEL_STEP))}>−</button>
          <output className="cw-mermaid-zoom" aria-label="Zoom level">{Math.round(scale * 100)}%</output>
          <button type="button" aria-label="Zoom in" onClick={() => zoomTo(scale * WHEEL_STEP * WHEEL_STEP)}>+</button>
          <button type="button" onClick={() => zoomTo(fitScale())}>Fit</button>
          <button type="button" onClick={() => zoomTo(1)}>100%</button>
          <span className="cw-hint">Wheel to zoom, drag to move.</span>
        </div>
        <div
          ref={stage}
          className="cw-mermaid-stage"
          data-testid="mermaid-large"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === '+' || e.key === '=') zoomTo(scale * WHEEL_STEP * WHEEL_STEP);
            else if (e.key === '-') zoomTo(scale / (WHEEL_STEP * WHEEL_STEP));
            else if (e.key === '0') zoomTo(1);
          }}
          onPointerDown={(e) => {
            const el = stage.current;
            if (!el || e.button !== 0) return;
            drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
            el.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const el = stage.current;
            const d = drag.current;
            if (!el || !d) return;
            el.scrollLeft = d.left - (e.clientX - d.x);
            el.scrollTop = d.top - (e.clientY - d.y);
          }}
          onPointerUp={() => {
            drag.current = undefined;
          }}
        >
          <div className="cw-mermaid-large-picture" />
        </div>
      </div>
    </Dialog>
  );
}
