import { useShallow } from 'zustand/react/shallow';
import * as ops from '../../model/ops';
import { DEFAULT_CARDINALITY, endpointNamer, linkEnds } from '../../model/meaning';
import { moveEntityToSystem } from '../../model/placement';
import { findEntity, findLink, findSystem } from '../../model/queries';
import { pairOfFocus } from '../../layout/pairs';
import { sidesForSelection } from '../mapping/open-table';
import { CARDINALITIES, type Cardinality, type Entity, type FieldKey, type Link, type LinkKind } from '../../model/types';
import { addFieldAfter, deleteSelection, nudgeField, removeField } from '../store/commands';
import { applyEdit, getState, select, setUi, useAppStore } from '../store/store';
import { CommitField, Section, SelectField } from './fields';
import { count } from '../../model/plural';

const CARDINALITY_LABELS: Record<Cardinality, string> = {
  'exactly-one': 'exactly one (1)',
  'zero-or-one': 'zero or one (0..1)',
  'one-or-more': 'one or more (1..N)',
  'zero-or-more': 'zero or more (0..N)',
};

/** Edits whatever is selected; with nothing selected, the document's title and description. */
export function Inspector() {
  const selection = useAppStore(useShallow((s) => ({ ids: s.selection.ids, field: s.selection.field })));
  const doc = useAppStore((s) => s.doc);
  if (selection.ids.length > 1) {
    return (
      <div className="cw-inspector" aria-label="Inspector">
        <Section title={`${selection.ids.length} selected`}>
          <button type="button" onClick={deleteSelection}>Delete selected</button>
        </Section>
      </div>
    );
  }
  const id = selection.ids[0] ?? selection.field?.entity;
  const system = id ? findSystem(doc, id) : undefined;
  const entity = id ? findEntity(doc, id) : undefined;
  const link = id ? findLink(doc, id) : undefined;
  const note = id ? doc.notes?.find((n) => n.id === id) : undefined;
  return (
    <div className="cw-inspector" aria-label="Inspector">
      {!id && (
        <Section title="Document">
          <CommitField label="Title" required value={doc.title} onCommit={(v) => applyEdit((d) => ops.updateDocumentInfo(d, { title: v }))} />
          <CommitField label="Description" multiline value={doc.description ?? ''} onCommit={(v) => applyEdit((d) => ops.updateDocumentInfo(d, { description: v }))} />
          <p className="cw-hint">
            {count(doc.systems.length, 'system')} · {count(doc.entities.length, 'entity')} · {count(doc.links.length, 'link')}. Select something to edit it.
          </p>
        </Section>
      )}
      {system && (
        <Section title="System">
          <CommitField label="Name" required value={system.name} onCommit={(v) => applyEdit((d) => ops.updateSystem(d, system.id, { name: v }))} />
          <CommitField label="Kind" placeholder="HRIS, IdP, CRM…" value={system.kind ?? ''} onCommit={(v) => applyEdit((d) => ops.updateSystem(d, system.id, { kind: v }))} />
          <CommitField label="Description" multiline value={system.description ?? ''} onCommit={(v) => applyEdit((d) => ops.updateSystem(d, system.id, { description: v }))} />
        </Section>
      )}
      {entity && <EntityInspector entity={entity} selectedField={selection.field?.entity === entity.id ? selection.field.field : undefined} />}
      {link && <LinkInspector link={link} />}
      {note && (
        <Section title="Note">
          <CommitField label="Text" multiline value={note.text} onCommit={(v) => applyEdit((d) => ops.updateNote(d, note.id, { text: v }))} />
        </Section>
      )}
    </div>
  );
}

function EntityInspector({ entity, selectedField }: { entity: Entity; selectedField?: string }) {
  const systems = useAppStore((s) => s.doc.systems);
  return (
    <>
      <Section title="Entity">
        <CommitField label="Name" required value={entity.name} onCommit={(v) => applyEdit((d) => ops.updateEntity(d, entity.id, { name: v }))} />
        <SelectField
          label="System"
          value={entity.system ?? ''}
          options={[{ value: '', label: '(none)' }, ...systems.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={(v) => applyEdit((d) => moveEntityToSystem(d, entity.id, v || undefined))}
        />
        <CommitField label="Description" multiline value={entity.description ?? ''} onCommit={(v) => applyEdit((d) => ops.updateEntity(d, entity.id, { description: v }))} />
      </Section>
      <Section title={`Fields (${entity.fields.length})`}>
        <ol className="cw-field-list">
          {entity.fields.map((f, i) => (
            <li key={f.id} className={f.id === selectedField ? 'is-active' : ''}>
              <button type="button" className="cw-linkish" onClick={() => select({ ids: [entity.id], field: { entity: entity.id, field: f.id } })}>
                {f.key ? `${f.key} ` : ''}
                {f.name}
                {f.type ? `: ${f.type}` : ''}
              </button>
              <span className="cw-row-buttons">
                <button type="button" aria-label={`Move ${f.name} up`} disabled={i === 0} onClick={() => nudgeField(entity.id, f.id, -1)}>↑</button>
                <button type="button" aria-label={`Move ${f.name} down`} disabled={i === entity.fields.length - 1} onClick={() => nudgeField(entity.id, f.id, 1)}>↓</button>
                <button type="button" aria-label={`Delete field ${f.name}`} onClick={() => removeField(entity.id, f.id)}>×</button>
              </span>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => addFieldAfter(entity.id, selectedField)}>+ Add field</button>
      </Section>
      {selectedField && <FieldInspector entity={entity} fieldId={selectedField} />}
    </>
  );
}

function FieldInspector({ entity, fieldId }: { entity: Entity; fieldId: string }) {
  const field = entity.fields.find((f) => f.id === fieldId);
  if (!field) return null;
  const update = (patch: Parameters<typeof ops.updateField>[3]) => applyEdit((d) => ops.updateField(d, entity.id, field.id, patch));
  return (
    <Section title={`Field ${field.name}`}>
      <CommitField label="Field name" required value={field.name} onCommit={(v) => update({ name: v })} />
      <CommitField label="Type" value={field.type ?? ''} onCommit={(v) => update({ type: v || undefined })} />
      <SelectField<FieldKey>
        label="Key"
        value={field.key ?? ''}
        options={[{ value: '', label: '(none)' }, { value: 'PK', label: 'PK — primary key' }, { value: 'FK', label: 'FK — foreign key' }, { value: 'UK', label: 'UK — unique' }]}
        onChange={(v) => update({ key: v || undefined })}
      />
      <label className="cw-field-row cw-check">
        <input type="checkbox" checked={!!field.required} onChange={(e) => update({ required: e.target.checked })} />
        <span>Required</span>
      </label>
      <CommitField label="Field description" multiline value={field.description ?? ''} onCommit={(v) => update({ description: v })} />
    </Section>
  );
}

function LinkInspector({ link }: { link: Link }) {
  const doc = useAppStore((s) => s.doc);
  const update = (patch: Partial<Omit<Link, 'id'>>) => applyEdit((d) => ops.updateLink(d, link.id, patch));
  // What is drawn (the default when none is stored); a spread keeps keys this version does not know.
  const cardinality = link.cardinality ?? DEFAULT_CARDINALITY;
  const kinds: { value: LinkKind; label: string }[] =
    link.kind === 'flow' ? [{ value: 'flow', label: 'Flow (system → system)' }] : [
      { value: 'relation', label: 'Relation (within a model)' },
      { value: 'mapping', label: 'Mapping (field → field)' },
    ];
  return (
    <Section title={link.kind === 'flow' ? 'Flow' : link.kind === 'mapping' ? 'Mapping' : 'Relation'}>
      <p className="cw-endpoints">
        {linkEnds(endpointNamer(doc), link)}
      </p>
      <SelectField<LinkKind> label="Kind" value={link.kind} options={kinds} onChange={(v) => v && update({ kind: v })} />
      <CommitField label="Label" value={link.label ?? ''} onCommit={(v) => update({ label: v })} />
      {link.kind === 'relation' && (
        <>
          <SelectField<Cardinality>
            label="From end"
            value={cardinality.from}
            options={CARDINALITIES.map((c) => ({ value: c, label: CARDINALITY_LABELS[c] }))}
            onChange={(v) => v && update({ cardinality: { ...cardinality, from: v } })}
          />
          <SelectField<Cardinality>
            label="To end"
            value={cardinality.to}
            options={CARDINALITIES.map((c) => ({ value: c, label: CARDINALITY_LABELS[c] }))}
            onChange={(v) => v && update({ cardinality: { ...cardinality, to: v } })}
          />
        </>
      )}
      {link.kind === 'mapping' && (
        <CommitField label="Transform" placeholder="lowercase, lookup, concat…" value={link.transform ?? ''} onCommit={(v) => update({ transform: v })} />
      )}
      {link.kind === 'flow' && (
        <>
          <CommitField label="Protocol" placeholder="SCIM 2.0, REST, SFTP…" value={link.protocol ?? ''} onCommit={(v) => update({ protocol: v })} />
          <CommitField label="Schedule" placeholder="hourly, event-driven…" value={link.schedule ?? ''} onCommit={(v) => update({ schedule: v })} />
        </>
      )}
      <CommitField label="Description" multiline value={link.description ?? ''} onCommit={(v) => update({ description: v })} />
      {link.kind !== 'relation' && pairOfFocus(doc, [link.id]) && (
        <button type="button" className="cw-integration-open" onClick={() => setUi({ integration: pairOfFocus(getState().doc, [link.id]) })}>
          Integration view of these two systems
        </button>
      )}
      {link.kind !== 'relation' && (
        <button type="button" className="cw-integration-open" onClick={() => openLinkTable(link.id)}>
          Mapping table of this pair
        </button>
      )}
    </Section>
  );
}

/** Opens the mapping table on the two sides a flow or mapping joins. */
function openLinkTable(linkId: string): void {
  const sides = sidesForSelection(getState().doc, { ids: [linkId] });
  if (sides) setUi({ mappingTable: { source: sides[0], target: sides[1] } });
}
