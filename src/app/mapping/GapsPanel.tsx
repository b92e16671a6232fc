import { useMemo, useState } from 'react';
import { acknowledgeGap, computeCoverage, GAP_LABELS, openGaps, type Gap } from '../../model/coverage';
import { isEntityEndpoint, type CrosswalkDocument } from '../../model/types';
import { applyEdit, select, setUi, useAppStore, type TableSide } from '../store/store';
import './mapping.css';
import { count } from '../../model/plural';

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
  const [note, setNote] = useState<string>();
  const acknowledge = (text: string | undefined) => applyEdit((d) => acknowledgeGap(d, gap.entityId, gap.fieldId, gap.kind, text));
  return (
    <li className={`cw-gap is-${gap.kind}${gap.acknowledged !== undefined ? ' is-acknowledged' : ''}`}>
      <div className="cw-gap-line">
        <button type="button" className="cw-gap-open" title="Open this row in the mapping table" onClick={() => openGapRow(doc, gap)}>
          <span className="cw-gap-where">{where}</span>
          <span className="cw-gap-kind">{GAP_LABELS[gap.kind]}{gap.links.length > 1 ? ` (${gap.links.length})` : ''}</span>
          {gap.acknowledged !== undefined && <span className="cw-gap-note">Acknowledged: {gap.acknowledged || 'no note'}</span>}
        </button>
        <button type="button" className="cw-gap-show" aria-label={`Show ${where} on the canvas`} title="Show on the canvas" onClick={() => select({ ids: [gap.entityId], field: { entity: gap.entityId, field: gap.fieldId } })}>
          ◎
        </button>
      </div>
      {note === undefined ? (
        <button type="button" className="cw-gap-ack" onClick={() => (gap.acknowledged === undefined ? setNote('') : acknowledge(undefined))}>
          {gap.acknowledged === undefined ? 'Acknowledge…' : 'Count it again'}
        </button>
      ) : (
        <form
          className="cw-gap-ack-form"
          onSubmit={(e) => {
            e.preventDefault();
            acknowledge(note.trim());
            setNote(undefined);
          }}
        >
          <input autoFocus aria-label={`Why the gap of ${where} is fine`} placeholder="Why it is fine (pushed by a nightly script…)" value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setNote(undefined))} />
          <button type="submit">Acknowledge</button>
        </form>
      )}
    </li>
  );
}

function gapsTitle(all: number, open: number): string {
  if (all === 0) return 'No gaps';
  const acknowledged = all - open;
  return `${count(open, 'gap')}${acknowledged ? `, ${acknowledged} acknowledged` : ''}`;
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
        <h3>{gapsTitle(report.gaps.length, openGaps(report).length)}</h3>
        <ul className="cw-gap-list">
          {report.gaps.map((g) => <GapItem key={`${g.kind}\u0000${g.entityId}\u0000${g.fieldId}`} doc={doc} gap={g} />)}
        </ul>
      </section>
    </div>
  );
}
