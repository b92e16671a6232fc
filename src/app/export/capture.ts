import { getViewportForBounds } from '@xyflow/react';
import { getFlowInstance } from '../canvas/flow-instance';
import { expandFocus } from '../canvas/to-flow';
import type { CrosswalkDocument } from '../../model/types';

// PNG pictures of the canvas, taken from the DOM with html-to-image (loaded on first use):
// the viewport is drawn at zoom 1, sized to the bounds of what is exported, on white, with
// handles, controls, minimap and background left out.

/** Browsers refuse canvases larger than this on a side. */
export const MAX_CANVAS_SIDE = 16_384;
const PADDING = 40;

/** A captured picture. */
export interface Capture {
  dataUrl: string;
  width: number;
  height: number;
  /** The pixel ratio used (lower than asked when the picture would be too large). */
  pixelRatio: number;
}

/** The pixel ratio to use so that neither side passes the browser's canvas limit. */
export function safePixelRatio(width: number, height: number, asked: number): number {
  const side = Math.max(width, height) * asked;
  return side <= MAX_CANVAS_SIDE ? asked : Math.max(0.05, MAX_CANVAS_SIDE / Math.max(width, height));
}

const LEFT_OUT = ['react-flow__handle', 'react-flow__minimap', 'react-flow__controls', 'react-flow__background', 'react-flow__resize-control', 'react-flow__attribution'];

/**
 * Captures the canvas as a PNG: everything, or only the given ids (systems, entities, notes,
 * links) and the nodes they need.
 */
export async function capturePng(options: { pixelRatio: number; only?: readonly string[]; doc?: CrosswalkDocument }): Promise<Capture> {
  const flow = getFlowInstance();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) throw new Error('The canvas is not ready.');
  const { toPng } = await import('html-to-image');
  const keep = options.only && options.doc ? expandFocus(options.doc, options.only) : undefined;
  const nodes = flow.getNodes().filter((n) => !keep || keep.has(n.id));
  if (nodes.length === 0) throw new Error('Nothing to export: the selection is empty.');
  const bounds = flow.getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + 2 * PADDING);
  const height = Math.ceil(bounds.height + 2 * PADDING);
  const pixelRatio = safePixelRatio(width, height, options.pixelRatio);
  const vp = getViewportForBounds(bounds, width, height, 1, 1, PADDING);
  const filter = (node: HTMLElement | SVGElement | Text): boolean => {
    if (!(node instanceof Element)) return true;
    if (LEFT_OUT.some((c) => node.classList.contains(c))) return false;
    if (keep) {
      const id = node.getAttribute('data-id');
      if (id && node.classList.contains('react-flow__node') && !keep.has(id)) return false;
      const testId = node.getAttribute('data-testid');
      if (testId?.startsWith('rf__edge-') && !keep.has(testId.slice('rf__edge-'.length))) return false;
      if (node.classList.contains('cw-link-label') && node.dataset.link && !keep.has(node.dataset.link)) return false;
    }
    return true;
  };
  const dataUrl = await toPng(viewport, {
    backgroundColor: '#fff',
    width,
    height,
    pixelRatio,
    filter,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
  });
  return { dataUrl, width: Math.round(width * pixelRatio), height: Math.round(height * pixelRatio), pixelRatio };
}

/** Turns a data URL into bytes for a download. */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
