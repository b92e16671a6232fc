import type { ExportFormat, PptxSection } from '../../formats/registry';
import { resolveDrawnSet } from '../../formats/svg/select';
import type { CrosswalkDocument } from '../../model/types';

// The decisions of the export dialog that need no DOM: which formats it lists, how big a
// picture comes out, which pictures a "diagram slides as pictures" deck needs, and which
// canvas elements a capture keeps. Kept apart from capture.ts so they can be unit-tested.

/** What the dialog can export: every registry format, plus PNG (taken from the canvas). */
export type ExportChoiceId = ExportFormat['id'] | 'png';

/** One entry of the dialog's format list. */
export interface ExportChoice {
  id: ExportChoiceId;
  label: string;
}

/**
 * The dialog's format list: the registry's formats in registry order, with the file
 * extension in the label, and PNG right after SVG (PNG is made from the DOM, so it cannot
 * live in the pure registry).
 */
export function exportChoices(formats: readonly Pick<ExportFormat, 'id' | 'label' | 'extension'>[]): ExportChoice[] {
  const out: ExportChoice[] = [];
  for (const f of formats) {
    out.push({ id: f.id, label: `${f.label} (${f.extension})` });
    if (f.id === 'svg') out.push({ id: 'png', label: 'PNG picture (.png)' });
  }
  if (!out.some((c) => c.id === 'png')) out.push({ id: 'png', label: 'PNG picture (.png)' });
  return out;
}

/** The slide groups, in deck order, with their labels in the dialog. */
export const PPTX_SECTIONS: readonly { id: PptxSection; label: string }[] = [
  { id: 'title', label: 'Title slide' },
  { id: 'walkthrough', label: 'Walkthrough steps' },
  { id: 'overview', label: 'Appendix: system overview' },
  { id: 'integrations', label: 'Appendix: integration per system pair' },
  { id: 'coverage', label: 'Appendix: coverage and gaps' },
  { id: 'models', label: 'Appendix: data models' },
  { id: 'mappings', label: 'Appendix: mapping tables' },
];

/** Fonts every slide viewer has (fonts are named in a deck, not embedded); Arial first. */
export const PPTX_FONTS: readonly string[] = ['Arial', 'Calibri', 'Helvetica', 'Verdana', 'Tahoma', 'Georgia', 'Times New Roman', 'Courier New'];

// The picture keys documented by src/formats/pptx (slides-steps.ts); a unit test checks
// they still match, so the dialog need not load the deck code just to name them.
/** Picture key of a walkthrough step's diagram. */
export const stepPicture = (stepId: string): string => `step:${stepId}`;

/** One picture a deck needs: its key, and what to draw (undefined = the whole diagram). */
export interface PictureJob {
  key: string;
  /** Focus ids (as a walkthrough step holds them), or undefined for the whole diagram. */
  focus?: readonly string[];
  /** What the progress line calls it. */
  label: string;
}

/**
 * The pictures a deck with "diagram slides as pictures" needs: one per walkthrough step
 * (its focus, or the whole diagram when it has none). The appendix stays native: the
 * canvas has no systems-only or integration view to take a picture of.
 */
export function pictureJobs(doc: CrosswalkDocument, sections: ReadonlySet<PptxSection>): PictureJob[] {
  const jobs: PictureJob[] = [];
  if (sections.has('walkthrough')) {
    (doc.walkthrough ?? []).forEach((step, i) => {
      const focus = step.focus?.length ? step.focus : undefined;
      jobs.push({ key: stepPicture(step.id), focus, label: `step ${i + 1}` });
    });
  }
  return jobs;
}

/**
 * The ids a selection export draws, the same set the SVG exporter draws for `only`: the
 * selected boxes, entities inside selected systems, selected links with their ends, and
 * links between drawn boxes.
 */
export function selectionKeepSet(doc: CrosswalkDocument, ids: readonly string[]): Set<string> {
  const drawn = resolveDrawnSet(doc, ids);
  return new Set([...drawn.systems, ...drawn.entities, ...drawn.notes, ...drawn.links]);
}

/** A rectangle in canvas coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding all the given ones (empty ones ignored). */
export function unionRects(first: Rect, more: readonly Rect[]): Rect {
  let [x0, y0, x1, y1] = [first.x, first.y, first.x + first.width, first.y + first.height];
  for (const r of more) {
    if (!(r.width > 0 || r.height > 0) || ![r.x, r.y, r.width, r.height].every(Number.isFinite)) continue;
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Browsers refuse canvases larger than this on a side (Chromium: 16,384 × 16,384 in area). */
export const MAX_CANVAS_SIDE = 16_384;
/** White space around a captured picture, in canvas units. */
export const CAPTURE_PADDING = 40;

/** The pixel ratio to use so that neither side passes `maxSide` (default: the browser's limit). */
export function safePixelRatio(width: number, height: number, asked: number, maxSide = MAX_CANVAS_SIDE): number {
  const longest = Math.max(width, height, 1);
  const limit = Math.min(maxSide, MAX_CANVAS_SIDE);
  if (longest * asked <= limit) return asked;
  // Round down to two decimals so rounding never pushes a side back over the limit.
  return Math.max(0.01, Math.floor((limit / longest) * 100) / 100);
}

/** Where and how big a capture is. */
export interface CaptureFrame {
  /** Size of the captured area in canvas units (= CSS pixels at zoom 1). */
  width: number;
  height: number;
  /** The viewport transform that puts the bounds' top-left corner at (padding, padding). */
  transform: string;
  /** The pixel ratio that will be used, and whether it is lower than asked. */
  pixelRatio: number;
  scaledDown: boolean;
  /** The picture's size in pixels. */
  pixelWidth: number;
  pixelHeight: number;
}

/**
 * The frame of a capture at zoom 1: the bounds plus padding on each side, and the pixel
 * ratio lowered when the picture would pass `maxSide` pixels (default: the browser's
 * limit). (What React Flow's
 * `getViewportForBounds` gives with min = max zoom 1 and a pixel padding, written out.)
 */
export function captureFrame(
  bounds: { x: number; y: number; width: number; height: number },
  askedRatio: number,
  padding = CAPTURE_PADDING,
  maxSide = MAX_CANVAS_SIDE,
): CaptureFrame {
  const width = Math.ceil(bounds.width + 2 * padding);
  const height = Math.ceil(bounds.height + 2 * padding);
  const pixelRatio = safePixelRatio(width, height, askedRatio, maxSide);
  return {
    width,
    height,
    transform: `translate(${padding - bounds.x}px, ${padding - bounds.y}px) scale(1)`,
    pixelRatio,
    scaledDown: pixelRatio < askedRatio,
    pixelWidth: Math.floor(width * pixelRatio),
    pixelHeight: Math.floor(height * pixelRatio),
  };
}

/** Classes of canvas chrome that never belongs in a picture. */
export const LEFT_OUT_CLASSES: readonly string[] = [
  'react-flow__handle',
  'react-flow__minimap',
  'react-flow__controls',
  'react-flow__panel',
  'react-flow__background',
  'cw-dot-grid',
  'react-flow__resize-control',
  'react-flow__attribution',
  'react-flow__nodesselection',
  'react-flow__selection',
  'react-flow__edgeupdater',
  'react-flow__connectionline',
];

/** What the capture filter looks at on an element. */
export interface CaptureElementInfo {
  classes: { contains(name: string): boolean };
  /** `data-id` (React Flow puts the node or edge id there). */
  dataId: string | null;
  /** `data-link` of an edge label (the link id). */
  link: string | null;
}

/**
 * Whether an element goes into a capture: chrome (handles, controls, minimap, background
 * dots, selection boxes) never does; with a keep set, only nodes, edges and edge labels of
 * kept ids do.
 */
export function keepInCapture(el: CaptureElementInfo, keep?: ReadonlySet<string>): boolean {
  if (LEFT_OUT_CLASSES.some((c) => el.classes.contains(c))) return false;
  if (!keep) return true;
  const isItem = el.classes.contains('react-flow__node') || el.classes.contains('react-flow__edge');
  if (isItem && el.dataId !== null && !keep.has(el.dataId)) return false;
  if (el.classes.contains('cw-link-label') && el.link !== null && !keep.has(el.link)) return false;
  return true;
}
