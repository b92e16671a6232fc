import { getFlowInstance } from '../canvas/flow-instance';
import { captureFrame, keepInCapture, type CaptureFrame } from './export-plan';
import './export.css';

// PNG pictures of the canvas, taken from the DOM with html-to-image (loaded on first use):
// `.react-flow__viewport` drawn at zoom 1, sized to the bounds of what is exported, on
// white, with handles, controls, minimap and background dots left out. Every node is in the
// DOM (the canvas does not use onlyRenderVisibleElements), so off-screen parts are drawn too.

/** What to capture. */
export interface CaptureOptions {
  /** Asked pixel ratio; lowered when the picture would pass the browser's limit. */
  pixelRatio: number;
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
  const nodes = flow.getNodes().filter((n) => !keep || keep.has(n.id));
  if (nodes.length === 0) throw new NothingToCaptureError('there is nothing to draw');
  // The instance's getNodesBounds resolves child positions inside systems (sub flows).
  const frame = captureFrame(flow.getNodesBounds(nodes), options.pixelRatio);
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

/** The canvas as a PNG file. */
export async function capturePngBlob(options: CaptureOptions): Promise<{ blob: Blob; frame: CaptureFrame }> {
  const { canvas, frame } = await captureCanvas(options);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`the browser could not encode a ${canvas.width} × ${canvas.height} picture`);
  return { blob, frame };
}

/** The canvas as a PNG data URL (what the PPTX exporter takes for picture slides). */
export async function capturePngDataUrl(options: CaptureOptions): Promise<{ dataUrl: string; frame: CaptureFrame }> {
  const { canvas, frame } = await captureCanvas(options);
  return { dataUrl: canvas.toDataURL('image/png'), frame };
}

/** Lets the browser paint (a progress message) before a long, blocking step. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
