import { getFlowInstance } from '../canvas/flow-instance';
import { focusScope } from '../../model/meaning';
import { getState } from '../store/store';
import { resolveDrawnSet } from '../../formats/svg/select';
import type { CrosswalkDocument } from '../../model/types';
import { CAPTURE_PADDING, captureFrame, keepInCapture, selectionKeepSet, unionRects, type CaptureFrame, type Rect } from './export-plan';
import './export.css';

// PNG pictures of the canvas, taken from the DOM with html-to-image (loaded on first use):
// `.react-flow__viewport` drawn at zoom 1, sized to the bounds of what is exported, on
// white, with handles, controls, minimap and background dots left out. Every node is in the
// DOM (the canvas does not use onlyRenderVisibleElements), so off-screen parts are drawn too.
//
// html-to-image copies every computed style of every element into the picture: about
// 9 KB per element. A 320-entity diagram (34,000 elements) makes a 313 MB SVG and takes
// over a minute with the page frozen. Past CANVAS_ELEMENT_LIMIT the picture is drawn from
// the vector SVG export instead (same geometry, 2.5 s for that diagram).

/** What to capture. */
export interface CaptureOptions {
  /** Asked pixel ratio; lowered when the picture would pass the browser's limit or `maxSide`. */
  pixelRatio: number;
  maxSide?: number;
  /** Only these node and link ids (undefined: everything). */
  keep?: ReadonlySet<string>;
}

/** A captured picture. */
export interface Capture {
  canvas: HTMLCanvasElement;
  frame: CaptureFrame;
}

/** Raised when a capture has nothing to draw (an empty canvas or selection). */
export class NothingToCaptureError extends Error {}

/** Above this many canvas elements, a picture of the canvas takes more than ~15 s here. */
export const CANVAS_ELEMENT_LIMIT = 8_000;

/** How many elements a picture of the canvas would have to copy. */
export function canvasElementCount(): number {
  return document.querySelector('.react-flow__viewport')?.getElementsByTagName('*').length ?? 0;
}

/** Where a picture is drawn from: the live canvas (exactly as on screen) or the vector export. */
export type PictureSource = 'canvas' | 'vector';

/** The source to use when the user has not chosen: the canvas unless it is too large. */
export function defaultPictureSource(): PictureSource {
  return canvasElementCount() > CANVAS_ELEMENT_LIMIT ? 'vector' : 'canvas';
}

/** A picture to draw. */
export interface PictureRequest {
  source: PictureSource;
  pixelRatio: number;
  /** The longest side allowed, in pixels (default: the browser's limit). */
  maxSide?: number;
  /** Ids to draw (undefined: everything). */
  only?: readonly string[];
  /**
   * How `only` is read: as a selection (what the SVG export draws for it) or as a
   * walkthrough focus (what the canvas lights for a step: a focused entity keeps its
   * system's frame).
   */
  as?: 'selection' | 'focus';
}

/** Draws a picture of the diagram (or a part of it) into an HTML canvas element. */
export async function drawPicture(request: PictureRequest): Promise<Capture> {
  const { doc } = getState();
  const { only } = request;
  if (only) {
    const drawn = resolveDrawnSet(doc, only);
    if (drawn.systems.size + drawn.entities.size + drawn.notes.size === 0) throw new NothingToCaptureError('there is nothing to draw');
  }
  if (request.source === 'vector') return rasterizeSvg(doc, request);
  const keep = only ? (request.as === 'focus' ? focusScope(doc, only).lit : selectionKeepSet(doc, only)) : undefined;
  return captureCanvas({ pixelRatio: request.pixelRatio, maxSide: request.maxSide, keep });
}

/** Draws the vector SVG export into a canvas element. */
async function rasterizeSvg(doc: CrosswalkDocument, request: PictureRequest): Promise<Capture> {
  const { exportSvg } = await import('../../formats/svg/svg');
  const svg = exportSvg(doc, { only: request.only, padding: CAPTURE_PADDING });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const frame = captureFrame({ x: 0, y: 0, width: img.naturalWidth, height: img.naturalHeight }, request.pixelRatio, 0, request.maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = frame.pixelWidth;
    canvas.height = frame.pixelHeight;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('the browser has no 2D canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { canvas, frame };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Draws the canvas (or the kept part of it) into an HTML canvas element. While it runs,
 * the canvas is marked `cw-capturing`, which turns off selection outlines and walkthrough
 * dimming, so the picture shows the diagram as it is, not as it is being edited.
 */
export async function captureCanvas(options: CaptureOptions): Promise<Capture> {
  const flow = getFlowInstance();
  const root = document.querySelector<HTMLElement>('.react-flow');
  const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !root || !viewport) throw new Error('the canvas is not ready');
  const { keep } = options;
  const bounds = captureBounds(keep);
  if (!bounds) throw new NothingToCaptureError('there is nothing to draw');
  const frame = captureFrame(bounds, options.pixelRatio, undefined, options.maxSide);
  const { toCanvas } = await import('html-to-image');
  // html-to-image hands text nodes to the filter too; they always stay.
  const filter = (node: HTMLElement | Text): boolean =>
    !(node instanceof Element) ||
    keepInCapture({ classes: node.classList, dataId: node.getAttribute('data-id'), link: node.getAttribute('data-link') }, keep);
  root.classList.add('cw-capturing');
  try {
    const canvas = await toCanvas(viewport, {
      backgroundColor: '#ffffff',
      width: frame.width,
      height: frame.height,
      pixelRatio: frame.pixelRatio,
      filter: filter as (node: HTMLElement) => boolean,
      // No web fonts are used: skip html-to-image's scan of every stylesheet for @font-face.
      skipFonts: true,
      style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
    });
    return { canvas, frame };
  } finally {
    root.classList.remove('cw-capturing');
  }
}

/**
 * The part of the canvas a capture draws, in canvas coordinates: the kept nodes, grown to
 * hold edges that bulge out (a self-relation's loop) and edge labels. Undefined when
 * nothing is kept or the canvas is not mounted.
 */
export function captureBounds(keep?: ReadonlySet<string>): Rect | undefined {
  const flow = getFlowInstance();
  const viewport = document.querySelector('.react-flow .react-flow__viewport');
  if (!flow || !viewport) return undefined;
  const nodes = flow.getNodes().filter((n) => !keep || keep.has(n.id));
  if (nodes.length === 0) return undefined;
  // The instance's getNodesBounds resolves child positions inside systems (sub flows).
  return unionRects(flow.getNodesBounds(nodes), edgeRects(viewport, keep, (p) => flow.screenToFlowPosition(p, { snapToGrid: false })));
}

/** Where the kept edges and edge labels are drawn, in canvas coordinates. */
function edgeRects(viewport: Element, keep: ReadonlySet<string> | undefined, toFlow: (p: { x: number; y: number }) => { x: number; y: number }): Rect[] {
  const kept = (id: string | null) => !keep || (id !== null && keep.has(id));
  const elements = [
    ...Array.from(viewport.querySelectorAll('.react-flow__edge')).filter((e) => kept(e.getAttribute('data-id'))).map((e) => e.querySelector('.react-flow__edge-path')),
    ...Array.from(viewport.querySelectorAll('.cw-link-label')).filter((e) => kept(e.getAttribute('data-link'))),
  ];
  return elements.flatMap((el) => {
    if (!el) return [];
    const r = el.getBoundingClientRect();
    const a = toFlow({ x: r.left, y: r.top });
    const b = toFlow({ x: r.right, y: r.bottom });
    return [{ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }];
  });
}

/** A picture as a PNG file. */
export async function pictureBlob(request: PictureRequest): Promise<{ blob: Blob; frame: CaptureFrame }> {
  const { canvas, frame } = await drawPicture(request);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`the browser could not encode a ${canvas.width} × ${canvas.height} picture`);
  return { blob, frame };
}

/** A picture as a PNG data URL (what the PPTX exporter takes for picture slides). */
export async function pictureDataUrl(request: PictureRequest): Promise<{ dataUrl: string; frame: CaptureFrame }> {
  const { canvas, frame } = await drawPicture(request);
  return { dataUrl: canvas.toDataURL('image/png'), frame };
}

/** Lets the browser paint (a progress message) before a long, blocking step. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
