import { drawTable, type Cell } from './draw';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import type { PptxSection } from '../registry';
import { measureCell, paginateRows, rowHeight } from './table-layout';

// A table that runs over as many slides as it needs: the header repeated on each, the title
// followed by "(continued)" after the first. Shared by the mapping and coverage tables.

/** The tables' font size (pt) and cell margins (inches). */
export const TABLE_PT = 12;
export const TABLE_MARGIN = { h: 0.06, v: 0.04 };

/** Draws `rows` under `header` with column widths `colW` on slides of `section`; returns how many slides. */
export function addTableSlides(
  ctx: DeckContext,
  section: PptxSection,
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  colW: readonly number[],
  name: string,
): number {
  const measure = (texts: readonly string[], bold = false) => {
    const cells = texts.map((t, i) => measureCell(t, colW[i] - 2 * TABLE_MARGIN.h, TABLE_PT, ctx.font, bold));
    return { cells, height: rowHeight(Math.max(...cells.map((c) => c.lines)), TABLE_PT, TABLE_MARGIN.v) };
  };
  const head = measure(header, true);
  const body = rows.map((r) => measure(r));
  const pages = paginateRows(head.height, body.map((r) => r.height), CONTENT_RECT.h);
  pages.forEach((indices, i) => {
    const p = addSlide(ctx, section);
    drawSlideTitle(p, i === 0 ? title : `${title} (continued)`);
    const tableRows: Cell[][] = [head.cells.map((c) => ({ text: c.text, bold: true })), ...indices.map((r) => body[r].cells.map((c) => ({ text: c.text })))];
    drawTable(p, { x: CONTENT_RECT.x, y: CONTENT_RECT.y }, colW, tableRows, [head.height, ...indices.map((r) => body[r].height)], { size: TABLE_PT, margin: TABLE_MARGIN, name });
  });
  return pages.length;
}
