import { useMemo } from 'react';
import { computeCoverage, GAP_LABELS, type Gap } from '../../model/coverage';
import { isEntityEndpoint, type CrosswalkDocument } from '../../model/types';
import { select, setUi, useAppStore, type TableSide } from '../store/store';

// The gaps panel: the coverage report of DESIGN.md "Coverage and gaps", each gap one click
// from the mapping-table row that fixes it, or from the field on the canvas.

/** The side that feeds a target entity most: the system (or entity) of its first mapping's source. */
function feedingSide(doc: CrosswalkDocument, entityId: string): TableSide | undefined {
  const link = doc.links.find((l) => l.kind === 'mapping' && isEntityEndpoint(l.to) && l.to.entity === entityId && isEntityEndpoint(l.from));
  if (!link || !isEntityEndpoint(link.from)) return undefined;
  const from = link.from.entity;
  const system = doc.entities.find((e) => e.id === from)?.system;
  return system !== undefined ? { system } : { entity: from };
}

/** Opens the mapping table on the row of a target field. */
export function openGapRow(doc: CrosswalkDocument, target: { systemId?: string; entityId: string; fieldId?: string }): void {
  const source = feedingSide(doc, target.entityId);
  const targetSide: TableSide = target.systemId !== undefined && source && 'system' in source ? { system: target.systemId } : { entity: target.entityId };
  if (!source) return;
  setUi({ mappingTable: { source, target: targetSide, focusRow: target.fieldId === undefined ? undefined : `${target.entityId}\u0000${target.fieldId}` } });
}

function GapItem({ doc, gap }: { doc: CrosswalkDocument; gap: Gap }) {
  const where = `${gap.system === undefined ? '' : `${gap.system} `}${gap.entity}.${gap.field}`;
  return (
    <li className={`cw-gap is-${gap.kind}`}>
      <button type="button" className="cw-gap-open" title="Open this row in the mapping table" onClick={() => openGapRow(doc, gap)}>
        <span className="cw-gap-where">{where}</span>
        <span className="cw-gap-kind">{GAP_LABELS[gap.kind]}{gap.links.length > 1 ? ` (${gap.links.length})` : ''}</span>
      </button>
      <button type="button" className="cw-gap-show" aria-label={`Show ${where} on the canvas`} title="Show on the canvas" onClick={() => select({ ids: [gap.entityId], field: { entity: gap.entityId, field: gap.fieldId } })}>
        ◎
      </button>
    </li>
  );
}

/** Coverage per target entity and every gap. */
export function GapsPanel() {
  const doc = useAppStore((s) => s.doc);
  const report = useMemo(() => computeCoverage(doc), [doc]);
  if (report.entities.length === 0) {
    return <p className="cw-hint">No entity receives a mapping yet. Map fields across systems (drag from field to field, or open the mapping table with T) and the coverage shows here.</p>;
  }
  return (
    <div className="cw-gaps" aria-label="Coverage and gaps">
      <section className="cw-section">
        <h3>Coverage</h3>
        <ul className="cw-coverage-list">
          {report.entities.map((e) => (
            <li key={e.entityId}>
              <button type="button" onClick={() => openGapRow(doc, e)}>
                <strong>{e.system === undefined ? '' : `${e.system} `}{e.entity}</strong>
                <span>{e.mapped}/{e.fields} fed · required {e.requiredMapped}/{e.required}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="cw-section">
        <h3>{report.gaps.length === 0 ? 'No gaps' : `${report.gaps.length} gap${report.gaps.length === 1 ? '' : 's'}`}</h3>
        <ul className="cw-gap-list">
          {report.gaps.map((g) => <GapItem key={`${g.kind}\u0000${g.entityId}\u0000${g.fieldId}`} doc={doc} gap={g} />)}
        </ul>
      </section>
    </div>
  );
}
