import { linesHeight, wrapText } from './text-fit';

// Measuring table cells ourselves: pptxgenjs's autoPage misjudges wrapped rows, and a
// renderer grows a row whose text does not fit, pushing the table off the slide. So every
// cell is wrapped here (never shortened), and each row gets the height of its tallest cell.

/** A cell's text as it will be written, and how many lines it takes. */
export interface MeasuredCell {
  text: string;
  lines: number;
}

/** Wraps a cell's text into its column: the whole text, never shortened. */
export function measureCell(text: string, widthIn: number, sizePt: number, font: string, bold = false): MeasuredCell {
  if (text === '') return { text, lines: 1 };
  const lines = text.split('\n').reduce((n, t) => n + wrapText(t, widthIn, sizePt, { font, bold }).length, 0);
  return { text, lines: Math.max(1, lines) };
}

/** Height of a table row whose tallest cell takes `lines` lines. */
export function rowHeight(lines: number, sizePt: number, marginV: number): number {
  return linesHeight(Math.max(1, lines), sizePt) + 2 * marginV;
}

/**
 * Splits rows into pages: each page holds the header (repeated) and as many rows as fit
 * `available` inches. A row taller than a page still gets a page of its own.
 */
export function paginateRows(headerH: number, rowHeights: readonly number[], available: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = headerH;
  rowHeights.forEach((h, i) => {
    if (page.length > 0 && used + h > available) {
      pages.push(page);
      page = [];
      used = headerH;
    }
    page.push(i);
    used += h;
  });
  if (page.length) pages.push(page);
  return pages;
}
