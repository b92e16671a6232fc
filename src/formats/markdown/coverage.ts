import { computeCoverage, GAP_LABELS, type CoverageReport } from '../../model/coverage';
import type { CrosswalkDocument } from '../../model/types';

// The note's "Coverage" section: the same report `cw check` prints and the app shows,
// as a table per target entity and a list of gaps.

type Escape = (text: string) => string;

function entityName(escape: Escape, e: { system?: string; entity: string }): string {
  return e.system === undefined ? escape(e.entity) : `${escape(e.system)} ${escape(e.entity)}`;
}

/** The lines of the Coverage section, or none when no entity receives a mapping. */
export function coverageSection(doc: CrosswalkDocument, escape: Escape, report: CoverageReport = computeCoverage(doc)): string[] {
  if (report.entities.length === 0) return [];
  const out = ['## Coverage', '', '| Target | Fields fed | Required fed | Gaps |', '| --- | --- | --- | --- |'];
  const gapsOf = new Map<string, number>();
  for (const g of report.gaps) gapsOf.set(g.entityId, (gapsOf.get(g.entityId) ?? 0) + 1);
  for (const e of report.entities) {
    out.push(`| ${entityName(escape, e)} | ${e.mapped} / ${e.fields} | ${e.requiredMapped} / ${e.required} | ${gapsOf.get(e.entityId) ?? 0} |`);
  }
  out.push('');
  if (report.gaps.length === 0) {
    out.push('No gaps: every required target field is fed, types agree or are transformed, and no field has two sources.', '');
    return out;
  }
  out.push('Gaps:', '');
  for (const g of report.gaps) {
    const links = g.links.length ? ` (${g.links.map(escape).join(', ')})` : '';
    out.push(`- ${entityName(escape, g)}.${escape(g.field)}: ${GAP_LABELS[g.kind]}${links}`);
  }
  out.push('');
  return out;
}
