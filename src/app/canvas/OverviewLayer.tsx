import { useEffect, useMemo, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import * as ops from '../../model/ops';
import type { CrosswalkDocument, Point } from '../../model/types';
import { applyTransient, commitTransient, getState, select } from '../store/store';
import { cancelIdle, whenIdle } from '../idle';
import { finishDrag } from './drag';
import { drawOverview, type Marks } from './overview-draw';
import { buildOverview, hitTest, levelAt, levelFrom } from './overview-model';
import { canReuse, cssTransformFor, isExact, overscanArea, overscanFor, type CssTransform, type DrawnView, type ViewTransform } from './overview-view';

// The canvas of a large document: this layer draws the whole diagram on one <canvas> under
// React Flow's nodes, following React Flow's viewport with no React render per frame: a pan
// or zoom step moves the picture already drawn (overview-view.ts) and draws only when needed. React Flow holds only the few nodes a person is working on
// (hovered, selected, edited: see Canvas.tsx), and none when zoomed out. Clicks and drags
// on what only the canvas draws are hit-tested against the document's geometry, so
// selecting and moving work as on the DOM nodes; React Flow's own nodes keep their events,
// and everywhere else the pointer falls through to React Flow's pane (pan, zoom, deselect).

interface Props {
  doc: CrosswalkDocument;
  selected: readonly string[];
  focus?: ReadonlySet<string>;
  /** Whether elements can be selected (not while presenting). */
  interactive: boolean;
  /** Whether elements can be moved (not while presenting, nor in a read-only document). */
  movable: boolean;
  snapToGrid: boolean;
  /** Told the entity under the pointer (or none), so the canvas can hand it to the DOM. */
  onHover?: (id: string | undefined) => void;
}

const CANVAS_STYLE = { transformOrigin: '0 0', willChange: 'transform' } as const;

/** How near a line, in screen pixels, a click selects it. */
const LINE_TOLERANCE = 5;

/** Pixels the pointer must move before a press becomes a drag. */
const DRAG_THRESHOLD = 3;

export function OverviewLayer({ doc, selected, focus, interactive, movable, snapToGrid, onHover }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();
  const model = useMemo(() => buildOverview(doc), [doc]);
  const marks = useMemo<Marks>(() => ({ selected: new Set(selected), focus }), [selected, focus]);
  // The latest inputs, read by the store subscription and the pointer handlers.
  const live = useRef({ model, marks, interactive, movable, snapToGrid, onHover });
  live.current = { model, marks, interactive, movable, snapToGrid, onHover };
  const redraw = useRef<() => void>(undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    const root = canvas?.parentElement;
    if (!canvas || !root) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let size = { width: 0, height: 0 };
    let margin = 0;
    let ratio = 1;
    /** What the canvas holds (undefined until first drawn). */
    let drawn: DrawnView | undefined;
    const now = (): ViewTransform => {
      const [x, y, zoom] = flowStore.getState().transform;
      return { x, y, zoom };
    };
    const place = (t: CssTransform) => {
      canvas.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
    };
    let idle = 0;
    // The frame loop while the view moves (below).
    let changed = false;
    let quiet = 0;
    let tick = 0;
    /** What the last drawing showed (an unchanged document and marks need no drawing). */
    let drawnWith: { model: unknown; marks: unknown } | undefined;
    /**
     * Draws at the current view: the whole overscanned canvas, or (`paneOnly`: after an edit,
     * a selection or at rest) only the pane, which is quicker; the overscan is then drawn when
     * the page is idle (a pan before that draws it at once).
     */
    const draw = (paneOnly = false) => {
      if (!size.width || !size.height) return;
      const v = now();
      const full = overscanArea(size.width, size.height, margin);
      const area = paneOnly ? { x: 0, y: 0, width: size.width, height: size.height } : full;
      const region = paneOnly ? { x: -full.x, y: -full.y, width: size.width, height: size.height } : undefined;
      drawnWith = { model: live.current.model, marks: live.current.marks };
      // The level shown stays while the zoom goes to and fro about its threshold.
      const level = levelFrom(v.zoom, drawn?.level);
      drawOverview(ctx, live.current.model, { x: v.x - full.x, y: v.y - full.y, zoom: v.zoom, width: full.width, height: full.height, level }, live.current.marks, ratio, region);
      drawn = { ...v, level, origin: { x: full.x, y: full.y }, area };
      place(cssTransformFor(drawn, v, ratio));
      canvas.dataset.drawn = paneOnly ? 'pane' : 'true';
      if (paneOnly && !idle) idle = whenIdle(drawOverscan, 1000);
    };
    /** The overscan, once the page is idle and the view at rest. */
    const drawOverscan = () => {
      idle = 0;
      if (tick) idle = whenIdle(drawOverscan, 1000);
      else if (canvas.dataset.drawn === 'pane') draw();
    };
    const resize = () => {
      const r = root.getBoundingClientRect();
      // (The observer's first report repeats the size the mount drew at: nothing to draw again.)
      if (drawn && r.width === size.width && r.height === size.height && ratio === (window.devicePixelRatio || 1)) return;
      size = { width: r.width, height: r.height };
      margin = overscanFor(r.width, r.height);
      ratio = window.devicePixelRatio || 1;
      const area = overscanArea(r.width, r.height, margin);
      canvas.width = Math.round(area.width * ratio);
      canvas.height = Math.round(area.height * ratio);
      canvas.style.width = `${area.width}px`;
      canvas.style.height = `${area.height}px`;
      // The first picture is the pane alone (sooner), the overscan when idle.
      draw(drawn === undefined);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(root);
    // A viewport change moves and scales the picture already drawn (a CSS transform: the
    // compositor's work, in the same frame as React Flow's nodes move), and draws only when
    // the picture no longer covers the pane, would blur, or changes level of detail. Two
    // frames with no change count as rest: then it is drawn again, crisp, at the exact view.
    const onFrame = () => {
      tick = 0;
      quiet = changed ? 0 : quiet + 1;
      changed = false;
      if (quiet < 2) {
        tick = requestAnimationFrame(onFrame);
        return;
      }
      if (drawn && !isExact(drawn, now())) draw(true);
    };
    let lastTransform = flowStore.getState().transform;
    const unsubscribe = flowStore.subscribe((s) => {
      if (s.transform === lastTransform) return;
      lastTransform = s.transform;
      const v = now();
      if (drawn && canReuse(drawn, v, size)) place(cssTransformFor(drawn, v, ratio));
      else draw();
      changed = true;
      if (!tick) tick = requestAnimationFrame(onFrame);
    });
    // An edit or a selection is drawn in the next frame, before it is painted: an edit that
    // also moves the view (a reveal, see flow-instance.ts) has been drawn there by then, once.
    let redrawFrame = 0;
    redraw.current = () => {
      redrawFrame ||= requestAnimationFrame(() => {
        redrawFrame = 0;
        if (drawnWith?.model !== live.current.model || drawnWith.marks !== live.current.marks) draw(true);
      });
    };

    const toCanvas = (e: MouseEvent): Point => {
      const r = root.getBoundingClientRect();
      const [x, y, zoom] = flowStore.getState().transform;
      return { x: (e.clientX - r.left - x) / zoom, y: (e.clientY - r.top - y) / zoom };
    };
    const hitAt = (e: MouseEvent) => {
      const target = e.buttons ? document.elementFromPoint(e.clientX, e.clientY) : (e.target as Element | null);
      // Controls, the minimap, other panels and React Flow's own nodes keep their own events.
      if (target?.closest('.react-flow__panel, .react-flow__node')) return undefined;
      const zoom = flowStore.getState().transform[2];
      // What is drawn is what can be hit.
      return hitTest(live.current.model, toCanvas(e), drawn?.level ?? levelAt(zoom), LINE_TOLERANCE / zoom);
    };
    let swallowClick = false;
    const onPointerDown = (e: PointerEvent) => {
      swallowClick = false;
      if (e.button !== 0 || !live.current.interactive) return;
      const hit = hitAt(e);
      if (!hit) return;
      // Ours: React Flow's pane must not pan or clear the selection.
      e.stopPropagation();
      e.preventDefault();
      swallowClick = true;
      const ids = getState().selection.ids;
      if (e.shiftKey || e.metaKey || e.ctrlKey) {
        select({ ids: ids.includes(hit.id) ? ids.filter((i) => i !== hit.id) : [...ids, hit.id] });
        return;
      }
      if (!(ids.length === 1 && ids[0] === hit.id)) select({ ids: [hit.id] });
      if (hit.kind === 'link' || !live.current.movable) return;
      const m = live.current.model;
      const box = (hit.kind === 'entity' ? m.geometry.entities : hit.kind === 'system' ? m.geometry.systems : m.geometry.notes).get(hit.id);
      if (!box) return;
      const entity = hit.kind === 'entity' ? getState().doc.entities.find((x) => x.id === hit.id) : undefined;
      const parent = entity?.system !== undefined ? m.geometry.systems.get(entity.system) : undefined;
      const start = toCanvas(e);
      const startX = e.clientX;
      const startY = e.clientY;
      let moved = false;
      const onMove = (ev: PointerEvent) => {
        if (!moved && Math.hypot(ev.clientX - startX, ev.clientY - startY) < DRAG_THRESHOLD) return;
        moved = true;
        const p = toCanvas(ev);
        let x = box.x + p.x - start.x - (parent?.x ?? 0);
        let y = box.y + p.y - start.y - (parent?.y ?? 0);
        if (live.current.snapToGrid) {
          x = Math.round(x / 10) * 10;
          y = Math.round(y / 10) * 10;
        }
        applyTransient((d) => ops.setPositions(d, new Map([[hit.id, { x, y }]])));
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        if (!moved) return;
        if (hit.kind === 'entity') finishDrag([hit.id]);
        else commitTransient();
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    const onClick = (e: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.stopPropagation();
    };
    const onMouseDown = (e: MouseEvent) => {
      // The compatibility mousedown of a press we handled: keep it from d3-zoom.
      if (swallowClick) e.stopPropagation();
    };
    let hovered: string | undefined;
    const onHover = (e: MouseEvent) => {
      // While a connection is dragged, the entity under the pointer must be handed to the
      // DOM too (its handles are where the connection ends).
      if (e.buttons && !flowStore.getState().connection.inProgress) return;
      // (The pointer may be captured by the handle a connection started from: ask what is under it.)
      const target = e.buttons ? document.elementFromPoint(e.clientX, e.clientY) : (e.target as Element | null);
      const node = target?.closest('.react-flow__node');
      const hit = node ? undefined : hitAt(e);
      const id = node ? (node.getAttribute('data-id') ?? undefined) : hit?.kind === 'entity' ? hit.id : undefined;
      if (id !== hovered) {
        hovered = id;
        live.current.onHover?.(id);
      }
      if (!node) root.style.cursor = live.current.interactive && hit ? (hit.kind === 'link' || !live.current.movable ? 'pointer' : 'move') : '';
    };
    root.addEventListener('pointerdown', onPointerDown, true);
    root.addEventListener('mousedown', onMouseDown, true);
    root.addEventListener('click', onClick, true);
    root.addEventListener('mousemove', onHover);
    return () => {
      unsubscribe();
      cancelAnimationFrame(tick);
      cancelAnimationFrame(redrawFrame);
      cancelIdle(idle);
      observer.disconnect();
      redraw.current = undefined;
      root.removeEventListener('pointerdown', onPointerDown, true);
      root.removeEventListener('mousedown', onMouseDown, true);
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('mousemove', onHover);
      root.style.cursor = '';
    };
  }, [flowStore]);

  // A new document, selection or focus: draw again at the current view.
  useEffect(() => {
    redraw.current?.();
  }, [model, marks]);

  // Its own compositor layer, moved and scaled there (see overview-view.ts).
  return <canvas ref={canvasRef} className="cw-overview" style={CANVAS_STYLE} aria-label="Diagram overview" data-testid="overview" />;
}

