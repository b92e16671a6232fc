import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { unionBoxes, type Box } from '../../model/geometry';
import { geometryOf } from './overview-model';
import { getState } from '../store/store';
import type { CanvasNode, LinkEdge } from './to-flow';
import { fitPaddings, type Rect } from './view-steps';

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

/** The canvas element's box and the overlays (controls, minimap) in its own pixels. */
function canvasFrame(): { el: Element; frame: DOMRect; overlays: Rect[] } | undefined {
  const el = document.querySelector('.react-flow');
  if (!el) return undefined;
  const frame = el.getBoundingClientRect();
  const overlays = [...el.querySelectorAll(OVERLAYS)].map((o) => {
    const r = o.getBoundingClientRect();
    return { left: r.left - frame.left, top: r.top - frame.top, width: r.width, height: r.height };
  });
  return { el, frame, overlays };
}

/**
 * The part of the canvas (in canvas coordinates) that is visible and clear of the zoom
 * controls and the minimap, where something new can be put for the user to see.
 */
export function visibleArea(): Box | undefined {
  const c = canvasFrame();
  if (!instance || !c || c.frame.width <= 0 || c.frame.height <= 0) return undefined;
  const p = fitPaddings(c.frame.width, c.frame.height, c.frame, c.overlays);
  const a = instance.screenToFlowPosition({ x: c.frame.left + p.left, y: c.frame.top + p.top });
  const b = instance.screenToFlowPosition({ x: c.frame.right - p.right, y: c.frame.bottom - p.bottom });
  return { x: a.x, y: a.y, width: Math.max(0, b.x - a.x), height: Math.max(0, b.y - a.y) };
}

/**
 * Pans (at the same zoom) just enough to bring the given nodes into {@link visibleArea}:
 * smoothly over less than the view's size, at once further (an animation across a large
 * document drew everything it passed, frame by frame, too fast for anyone to read it, and held
 * back the first picture of the edit that asked for it).
 */
export function reveal(ids: readonly string[]): void {
  const view = visibleArea();
  const box = boundsOf(ids);
  if (!instance || !view || !box) return;
  // How far the box must move (in canvas units) to sit inside the view (centred when larger).
  const shift = (lo: number, size: number, viewLo: number, viewSize: number) =>
    size > viewSize ? viewLo + (viewSize - size) / 2 - lo : lo < viewLo ? viewLo - lo : lo + size > viewLo + viewSize ? viewLo + viewSize - (lo + size) : 0;
  const dx = shift(box.x, box.width, view.x, view.width);
  const dy = shift(box.y, box.height, view.y, view.height);
  if (dx === 0 && dy === 0) return;
  const { x, y, zoom } = instance.getViewport();
  const far = Math.abs(dx) > view.width || Math.abs(dy) > view.height;
  // The edit that asked is rendered first, so a canvas that must draw the new view draws it
  // with the edit in it, once (see OverviewLayer.tsx).
  flushSync(() => undefined);
  void instance.setViewport({ x: x + dx * zoom, y: y + dy * zoom, zoom }, { duration: far ? 0 : 200 });
}

/**
 * The boxes of the given systems, entities and notes (all of them when empty), from the
 * document's geometry: React Flow may hold only what is on screen, or nothing when zoomed
 * out (see Canvas.tsx), so its own node bounds cannot be asked.
 */
export function boundsOf(ids: readonly string[] = []): Box | undefined {
  const geo = geometryOf(getState().doc);
  if (!ids.length) return geo.systems.size + geo.entities.size + geo.notes.size ? geo.bounds : undefined;
  const boxes = ids.flatMap((id) => {
    const box = geo.systems.get(id) ?? geo.entities.get(id) ?? geo.notes.get(id);
    return box ? [box] : [];
  });
  return boxes.length ? unionBoxes(boxes) : undefined;
}

/** What floats over the canvas and must not cover fitted content. */
const OVERLAYS = '.react-flow__minimap, .react-flow__controls';

/**
 * Fits the view to the given node ids (all nodes when empty), clear of the zoom controls
 * and the minimap ({@link fitPaddings}); the side panels sit beside the canvas, not over it.
 * Returns false when it cannot yet (no instance, or the canvas not laid out).
 */
export function fitTo(ids: readonly string[] = [], duration = 300): boolean {
  const c = canvasFrame();
  const bounds = boundsOf(ids);
  if (!instance || !c || !bounds) return false;
  const { width, height } = c.frame;
  if (width <= 0 || height <= 0) return false;
  const p = fitPaddings(width, height, bounds, c.overlays);
  const padding = { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` } as const;
  void instance.setViewport(getViewportForBounds(bounds, width, height, 0.02, 1.5, padding), { duration });
  return true;
}

// "Draw everything": while a picture is taken from the DOM, every node must be there, at
// any zoom (the canvas turns culling and the overview off).
let everything = 0;
const listeners = new Set<() => void>();

/** Whether the canvas must put every node in the DOM now. */
export function useDrawEverything(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => everything > 0,
  );
}

/** Runs `fn` with every node in the DOM (two frames after asking, so React has drawn them). */
export async function withEverythingDrawn<T>(fn: () => Promise<T>): Promise<T> {
  everything++;
  listeners.forEach((l) => l());
  try {
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    return await fn();
  } finally {
    everything--;
    listeners.forEach((l) => l());
  }
}
