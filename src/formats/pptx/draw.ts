import type PptxGenJS from 'pptxgenjs';

// Drawing primitives over a pptxgenjs slide, in inches. Every primitive clamps what it
// places to the slide, so no shape can end up off the page whatever the document holds,
// and nothing is ever written below the smallest font size.

/** Slide width of LAYOUT_16x9, in inches. */
export const SLIDE_W = 10;
/** Slide height of LAYOUT_16x9, in inches. */
export const SLIDE_H = 5.625;
/** No text on any slide is smaller than this (points). */
export const MIN_PT = 12;
/** Outline width of boxes and tables (points). */
export const BOX_LINE_PT = 0.75;
/** Width of connector lines (points). */
export const LINK_LINE_PT = 1;
const BLACK = '000000';
const WHITE = 'FFFFFF';
// Rounding to EMU could push an edge a hair past the slide.
const EDGE = 0.002;

/** A rectangle in inches. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What every primitive needs: the slide and the deck's one font; what it has placed so far. */
export interface Painter {
  slide: PptxGenJS.Slide;
  font: string;
  /** The box of every text placed on the slide, for the overlap check (overlap.ts). */
  texts: Rect[];
  /** Numbers shape names on this slide (`Field 3`), so connectors can name their ends. */
  seq: number;
}

/** A shape name unique on the painter's slide: `Field 3`. */
export function uniqueName(p: Painter, kind: string): string {
  return `${kind} ${++p.seq}`;
}

/** One paragraph of a text box; one run, so pptxgenjs writes a schema-valid paragraph. */
export interface Paragraph {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  bullet?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** How a text box looks. */
export interface BoxStyle {
  border?: boolean;
  dashed?: boolean;
  /** White fill (labels drawn over lines); the default is no fill. */
  fill?: boolean;
  valign?: 'top' | 'middle' | 'bottom';
  /** Horizontal and vertical inner margins, in inches. */
  inset?: { h: number; v: number };
  /** Shape name shown in PowerPoint's selection pane (never user text). */
  name?: string;
}

/** Default inner margins of a text box, in inches. */
export const DEFAULT_INSET = { h: 0.06, v: 0.03 };

/** Clamps a rectangle into the slide (shrinking it if it is larger than the slide). */
export function clampRect(r: Rect): Rect {
  const w = Math.max(0, Math.min(r.w, SLIDE_W - 2 * EDGE));
  const h = Math.max(0, Math.min(r.h, SLIDE_H - 2 * EDGE));
  const x = Math.min(Math.max(r.x, EDGE), SLIDE_W - EDGE - w);
  const y = Math.min(Math.max(r.y, EDGE), SLIDE_H - EDGE - h);
  return { x: round(x), y: round(y), w: round(w), h: round(h) };
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/** A rectangle shape (with a text body, so it stays editable) holding paragraphs of text. */
export function drawBox(p: Painter, rect: Rect, paragraphs: readonly Paragraph[], style: BoxStyle = {}): void {
  const r = clampRect(rect);
  if (paragraphs.some((para) => para.text !== '')) p.texts.push(r);
  const inset = style.inset ?? DEFAULT_INSET;
  const runs: PptxGenJS.TextProps[] = paragraphs.map((para, i) => ({
    text: para.text,
    options: {
      fontSize: Math.max(MIN_PT, para.size),
      bold: para.bold ?? false,
      italic: para.italic ?? false,
      align: para.align ?? 'left',
      breakLine: i < paragraphs.length - 1,
      ...(para.bullet ? { bullet: { indent: 12 } } : {}),
    },
  }));
  const ptH = inset.h * 72;
  const ptV = inset.v * 72;
  p.slide.addText(runs.length ? runs : '', {
    ...r,
    shape: 'rect',
    fontFace: p.font,
    fontSize: Math.max(MIN_PT, paragraphs[0]?.size ?? MIN_PT),
    color: BLACK,
    valign: style.valign ?? 'middle',
    // pptxgenjs reads this array as [left, right, bottom, top], in points.
    margin: [ptH, ptH, ptV, ptV],
    wrap: true,
    ...(style.fill ? { fill: { color: WHITE } } : {}),
    line: style.border
      ? { color: BLACK, width: BOX_LINE_PT, ...(style.dashed ? { dashType: 'dash' as const } : {}) }
      : { type: 'none' },
    ...(style.name ? { objectName: style.name } : {}),
  });
}

/** Line style of a connector. */
export interface LineStyle {
  dashed?: boolean;
  arrow?: boolean;
  widthPt?: number;
  /** Shape name (a connector mark, see connectors.ts). */
  name?: string;
}

/**
 * A straight line from (x1, y1) to (x2, y2). pptxgenjs places lines by a box, so a line
 * going left or up gets a positive box and a flip (a negative size is invalid XML).
 */
export function drawLine(p: Painter, x1: number, y1: number, x2: number, y2: number, style: LineStyle = {}): void {
  const [ax, ay, bx, by] = [clampX(x1), clampY(y1), clampX(x2), clampY(y2)];
  if (Math.abs(ax - bx) < 1e-4 && Math.abs(ay - by) < 1e-4) return;
  p.slide.addShape('line', {
    x: round(Math.min(ax, bx)),
    y: round(Math.min(ay, by)),
    w: round(Math.abs(bx - ax)),
    h: round(Math.abs(by - ay)),
    flipH: bx < ax,
    flipV: by < ay,
    ...(style.name ? { objectName: style.name } : {}),
    line: {
      color: BLACK,
      width: style.widthPt ?? LINK_LINE_PT,
      dashType: style.dashed ? 'dash' : 'solid',
      ...(style.arrow ? { endArrowType: 'triangle' as const } : {}),
    },
  });
}

function clampX(x: number): number {
  return Math.min(Math.max(x, EDGE), SLIDE_W - EDGE);
}

function clampY(y: number): number {
  return Math.min(Math.max(y, EDGE), SLIDE_H - EDGE);
}

/** One cell of a native table. */
export interface Cell {
  text: string;
  bold?: boolean;
  colspan?: number;
  align?: 'left' | 'center' | 'right';
  /** Font size of this cell when it differs from the table's (points). */
  size?: number;
}

/** A native table (`<a:tbl>`), rows at the given heights; the caller has measured them. */
export function drawTable(
  p: Painter,
  at: { x: number; y: number },
  colW: readonly number[],
  rows: readonly Cell[][],
  rowH: readonly number[],
  options: { size: number; margin: { h: number; v: number }; name?: string; fill?: boolean },
): void {
  const fill = options.fill ?? false;
  const w = colW.reduce((a, b) => a + b, 0);
  const h = rowH.reduce((a, b) => a + b, 0);
  const r = clampRect({ x: at.x, y: at.y, w, h });
  p.texts.push(r);
  const border: PptxGenJS.BorderProps = { type: 'solid', pt: BOX_LINE_PT, color: BLACK };
  const tableRows: PptxGenJS.TableRow[] = rows.map((row) =>
    row.map((cell) => ({
      text: cell.text,
      options: {
        bold: cell.bold ?? false,
        align: cell.align ?? 'left',
        ...(cell.size ? { fontSize: Math.max(MIN_PT, cell.size) } : {}),
        ...(fill ? { fill: { color: WHITE } } : {}),
        ...(cell.colspan && cell.colspan > 1 ? { colspan: cell.colspan } : {}),
      },
    })),
  );
  p.slide.addTable(tableRows, {
    x: r.x,
    y: r.y,
    w: r.w,
    h: r.h,
    colW: colW.map(round),
    rowH: rowH.map(round),
    fontFace: p.font,
    fontSize: Math.max(MIN_PT, options.size),
    color: BLACK,
    valign: 'middle',
    border,
    // Inches (values below 1 are read as inches), in top, right, bottom, left order.
    margin: [options.margin.v, options.margin.h, options.margin.v, options.margin.h],
    ...(options.name ? { objectName: options.name } : {}),
  });
}
