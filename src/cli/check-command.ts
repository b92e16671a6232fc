import { computeCoverage, coverageToJson, GAP_LABELS, openGaps, type Gap } from '../model/coverage';
import { parseArgs, printable } from './args';
import { onePositional, openDocument } from './document-commands';
import { EXIT, type CliIo } from './io';
import { count } from '../model/plural';

// `check DOC [--json] [--strict]`: the mapping coverage and gap report, for people and for
// docs-as-code CI jobs (with --strict, any gap fails the job).

function where(g: { system?: string; entity: string }): string {
  return g.system === undefined ? g.entity : `${g.system} ${g.entity}`;
}

function gapLine(g: Gap): string {
  const links = g.links.length ? ` [${g.links.join(', ')}]` : '';
  const ack = g.acknowledged === undefined ? '' : ` — acknowledged: ${g.acknowledged}`;
  return `  ${g.kind}: ${where(g)}.${g.field} (${GAP_LABELS[g.kind]})${links}${ack}`;
}

/** `check DOC [--json] [--strict]`: exit 0, or 1 with --strict when a gap is not acknowledged (or the document is bad). */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { json: { value: false }, strict: { value: false } });
  const path = onePositional(positionals, 'DOC (the document to check)');
  const doc = await openDocument(io, path);
  if (!doc) return EXIT.failed;
  const report = computeCoverage(doc);
  if (flags.has('json')) {
    io.stdout(`${JSON.stringify(coverageToJson(report), null, 2)}\n`);
  } else {
    const lines: string[] = [];
    if (report.entities.length === 0) lines.push('No entity receives a mapping yet: nothing to cover.');
    for (const e of report.entities) {
      lines.push(`${printable(where(e))}: ${e.mapped} of ${count(e.fields, 'field')} mapped; required ${e.requiredMapped} of ${e.required}`);
      for (const g of report.gaps) if (g.entityId === e.entityId) lines.push(printable(gapLine(g)));
    }
    const n = openGaps(report).length;
    const acknowledged = report.gaps.length - n;
    lines.push(`${n === 0 ? 'No gaps' : `${n} gap${n === 1 ? '' : 's'}`}${acknowledged ? ` (and ${acknowledged} acknowledged)` : ''}.`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return flags.has('strict') && openGaps(report).length > 0 ? EXIT.failed : EXIT.ok;
}
