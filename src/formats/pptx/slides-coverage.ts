import { computeCoverage, GAP_LABELS } from '../../model/coverage';
import { isEntityEndpoint } from '../../model/types';
import { drawTable, type Cell } from './draw';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import { groupMappings, pairTitle } from './slides-mappings';
import { measureCell, paginateRows, rowHeight } from './table-layout';
import { cleanText } from './xml-safety';

// Coverage, one table per integration (source system → target system): for each target
// entity the pair feeds, how many fields are fed, how many required fields are, and every
// gap by field (DESIGN.md "Coverage and gaps"; the same report as `cw check` and the note).

const SIZE = 12;
const MARGIN = { h: 0.06, v: 0.04 };
const COL_W = [2.6, 1.1, 1.3, 4.2];
const HEADER = ['Target', 'Fields fed', 'Required fed', 'Gaps'];

/** Adds the coverage slides; returns how many. */
export function addCoverageSlides(ctx: DeckContext): number {
  const report = computeCoverage(ctx.doc);
  if (report.entities.length === 0) return 0;
  const byEntity = new Map(report.entities.map((e) => [e.entityId, e]));
  let count = 0;
  for (const group of groupMappings(ctx)) {
    const targets: string[] = [];
    for (const l of group.links) if (isEntityEndpoint(l.to) && !targets.includes(l.to.entity) && byEntity.has(l.to.entity)) targets.push(l.to.entity);
    if (targets.length === 0) continue;
    const texts = targets.map((id) => {
      const e = byEntity.get(id)!;
      const gaps = report.gaps
        .filter((g) => g.entityId === id)
        .map((g) => cleanText(`${g.field}: ${GAP_LABELS[g.kind]}${g.acknowledged === undefined ? '' : ` (acknowledged: ${g.acknowledged || 'no note'})`}`));
      return [cleanText(e.entity), `${e.mapped} / ${e.fields}`, `${e.requiredMapped} / ${e.required}`, gaps.length ? gaps.join('\n') : 'none'];
    });
    const measure = (cells: string[], bold = false) => {
      const m = cells.map((t, i) => measureCell(t, COL_W[i] - 2 * MARGIN.h, SIZE, ctx.font, bold));
      return { cells: m, height: rowHeight(Math.max(...m.map((c) => c.lines)), SIZE, MARGIN.v) };
    };
    const header = measure(HEADER, true);
    const rows = texts.map((t) => measure(t));
    const title = `Coverage: ${pairTitle(ctx, group)}`;
    paginateRows(header.height, rows.map((r) => r.height), CONTENT_RECT.h).forEach((indices, i) => {
      const p = addSlide(ctx, 'coverage');
      drawSlideTitle(p, i === 0 ? title : `${title} (continued)`);
      const tableRows: Cell[][] = [header.cells.map((c) => ({ text: c.text, bold: true })), ...indices.map((r) => rows[r].cells.map((c) => ({ text: c.text })))];
      drawTable(p, { x: CONTENT_RECT.x, y: CONTENT_RECT.y }, COL_W, tableRows, [header.height, ...indices.map((r) => rows[r].height)], { size: SIZE, margin: MARGIN, name: 'Coverage table' });
      count++;
    });
  }
  return count;
}
