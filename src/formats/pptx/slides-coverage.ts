import { computeCoverage, GAP_LABELS } from '../../model/coverage';
import { isEntityEndpoint } from '../../model/types';
import type { DeckContext } from './slide-frame';
import { groupMappings, pairTitle } from './slides-mappings';
import { addTableSlides } from './table-slides';
import { cleanText } from './xml-safety';

// Coverage in one table (continued over slides as it grows): for each integration (source
// system → target system) and each target entity it feeds, how many fields are fed, how many
// required fields are, and every gap by field (DESIGN.md "Coverage and gaps"; the same
// report as `cw check` and the note). One table, not one per pair: a pair's coverage is a
// row or two, and a slide each left them alone on white pages.

const COL_W = [2.2, 1.8, 0.9, 1.1, 3.2];
const HEADER = ['Integration', 'Target', 'Fields fed', 'Required fed', 'Gaps'];

/** Adds the coverage slides, pausing after each pair of systems; returns how many. */
export function* addCoverageSlides(ctx: DeckContext): Generator<void, number> {
  const report = computeCoverage(ctx.doc);
  if (report.entities.length === 0) return 0;
  const byEntity = new Map(report.entities.map((e) => [e.entityId, e]));
  const gapsOf = new Map<string, typeof report.gaps>();
  for (const g of report.gaps) {
    const list = gapsOf.get(g.entityId);
    if (list) list.push(g);
    else gapsOf.set(g.entityId, [g]);
  }
  const rows: string[][] = [];
  for (const group of groupMappings(ctx)) {
    const targets = new Set<string>();
    for (const l of group.links) if (isEntityEndpoint(l.to) && byEntity.has(l.to.entity)) targets.add(l.to.entity);
    [...targets].forEach((id, i) => {
      const e = byEntity.get(id)!;
      const gaps = (gapsOf.get(id) ?? [])
        .map((g) => cleanText(`${g.field}: ${GAP_LABELS[g.kind]}${g.acknowledged === undefined ? '' : ` (acknowledged: ${g.acknowledged || 'no note'})`}`));
      // The integration is named on its first row only, so the table reads as groups.
      rows.push([i === 0 ? pairTitle(ctx, group) : '', cleanText(e.entity), `${e.mapped} / ${e.fields}`, `${e.requiredMapped} / ${e.required}`, gaps.length ? gaps.join('\n') : 'none']);
    });
  }
  if (rows.length === 0) return 0;
  const count = addTableSlides(ctx, 'coverage', 'Coverage', HEADER, rows, COL_W, 'Coverage table');
  yield;
  return count;
}
