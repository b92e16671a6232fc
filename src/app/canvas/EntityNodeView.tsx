import { memo, useState } from 'react';
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { ENTITY_HEADER_HEIGHT, ENTITY_WIDTH, FIELD_ROW_HEIGHT } from '../../model/geometry';
import { measureText } from '../../formats/svg/text';
import * as ops from '../../model/ops';
import type { Field } from '../../model/types';
import { addFieldAfter, editField, nudgeField } from '../store/commands';
import { applyEdit, getState, select, setUi, undo, useAppStore } from '../store/store';
import { entityHandleId } from './handles';
import { InlineInput, InlineName, type InlineExit } from './InlineInput';
import type { EntityNode } from './to-flow';
import { count } from '../../model/plural';

const handleStyle = (top: number) => ({ top });

// Clipping text for its ellipsis costs the browser a clip per element on every frame it
// composites (a profile of 100 entities: most of each frame while the view moved, and of an
// edit), so only text that may not fit is clipped (`is-cut`, styles.css). The room is what
// styles.css leaves a row's name and type (border, padding, key column, gaps) and an
// entity's name (beside its coverage badge); text measured (Arial's widths, the canvas font)
// under 85% of it fits whatever the font's small differences.
const ROW_CONTENT = ENTITY_WIDTH - 2 - 20;
const FIELD_ROOM = ROW_CONTENT - 22 - 2 * 6;
const TYPE_ROOM = ROW_CONTENT * 0.45;
const NAME_ROOM = ROW_CONTENT - 60;
const SURE = 0.85;

/** Whether a field row's name or type may need cutting with an ellipsis. */
function fieldMayOverflow(f: Field, bold: boolean): boolean {
  const type = measureText(f.type ?? '', { size: 11.5 });
  const name = measureText(f.required ? `${f.name} *` : f.name, { size: 12.5, bold });
  return type > TYPE_ROOM * SURE || name + type > FIELD_ROOM * SURE;
}

/** Moves inline editing after a field's name or type was committed with a key. */
function nextEditing(fields: readonly Field[], fieldId: string, part: 'name' | 'type', exit: InlineExit, entityId: string) {
  const i = fields.findIndex((f) => f.id === fieldId);
  if (exit === 'enter') {
    addFieldAfter(entityId, fieldId);
    return;
  }
  if (exit === 'alt-up' || exit === 'alt-down') {
    nudgeField(entityId, fieldId, exit === 'alt-up' ? -1 : 1);
    setUi({ editingField: { entity: entityId, field: fieldId, part } });
    return;
  }
  if (exit === 'tab') {
    if (part === 'name') setUi({ editingField: { entity: entityId, field: fieldId, part: 'type' } });
    else if (i + 1 < fields.length) setUi({ editingField: { entity: entityId, field: fields[i + 1].id, part: 'name' } });
    else setUi({ editingField: undefined });
    return;
  }
  if (exit === 'shift-tab') {
    if (part === 'type') setUi({ editingField: { entity: entityId, field: fieldId, part: 'name' } });
    else if (i > 0) setUi({ editingField: { entity: entityId, field: fields[i - 1].id, part: 'type' } });
    else setUi({ editingField: undefined });
    return;
  }
  setUi({ editingField: undefined });
}

/** An entity: a title row, then one row per field with its own handles on both sides. */
export const EntityNodeView = memo(function EntityNodeView({ id, data, selected }: NodeProps<EntityNode>) {
  const { entity, dimmed, coverage, unfedRequired, pointer } = data;
  const unfed = unfedRequired ? new Set(unfedRequired.split(' ')) : undefined;
  const editing = useAppStore((s) => (s.ui.editingField?.entity === id ? s.ui.editingField : undefined));
  const selectedField = useAppStore((s) => (s.selection.field?.entity === id ? s.selection.field.field : undefined));
  const [renaming, setRenaming] = useState(false);
  // An entity just added opens with its name selected for typing.
  const fresh = useAppStore((s) => s.ui.renaming === id);
  // Handle elements only where a connection can start or end: on the entity under the
  // pointer, the selected one, and every drawn entity while a connection is being dragged.
  // Edges do not need them (the node carries its handles' places, see to-flow.ts); each
  // handle is a store subscription and a few elements, 22 per entity of 10 fields.
  const [hovered, setHovered] = useState(false);
  const connecting = useStore((s) => s.connection.inProgress);
  const withHandles = hovered || pointer || connecting || selected;

  const commitField = (field: Field, part: 'name' | 'type', value: string, exit: InlineExit) => {
    if (exit !== 'escape') {
      const trimmed = value.trim();
      if (part === 'name' && trimmed !== '' && trimmed !== field.name) editField(id, field.id, { name: trimmed });
      if (part === 'type' && trimmed !== (field.type ?? '')) editField(id, field.id, { type: trimmed || undefined });
    }
    const fields = getState().doc.entities.find((e) => e.id === id)?.fields ?? entity.fields;
    // Escape on a row that Enter just added takes the row back (its add was the last edit).
    if (exit === 'escape' && editing?.fresh && editing.field === field.id) undo();
    if (exit === 'escape' || exit === 'blur') setUi({ editingField: undefined });
    else nextEditing(fields, field.id, part, exit, id);
  };

  return (
    <div
      // Zoomed out, an entity is a title box (styles.css, `cw-titles`) unless it is being worked on.
      className={`cw-entity${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${hovered || pointer || selected || editing ? ' is-open' : ''}`}
      data-testid={`entity-${id}`}
      title={entity.description}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <div className="cw-entity-header" style={{ height: ENTITY_HEADER_HEIGHT }} onDoubleClick={() => setRenaming(true)}>
        {withHandles && <Handle type="source" position={Position.Left} id={entityHandleId(undefined, 'L')} style={handleStyle(ENTITY_HEADER_HEIGHT / 2)} />}
        <InlineName
          name={entity.name}
          label="Entity name"
          className={`cw-entity-name${measureText(entity.name, { size: 12.5, bold: true }) > NAME_ROOM * SURE ? ' is-cut' : ''}`}
          editing={renaming || fresh}
          onEnd={(name) => {
            setRenaming(false);
            if (getState().ui.renaming === id) setUi({ renaming: undefined });
            if (name) applyEdit((d) => ops.updateEntity(d, id, { name }));
          }}
        />
        {coverage && (
          <span className="cw-entity-coverage" title={`${coverage.replace('/', ' of ')} fields fed by mappings${unfed ? `; ${count(unfed.size, 'required field')} not fed` : ''}`}>
            {coverage}
          </span>
        )}
        {withHandles && <Handle type="source" position={Position.Right} id={entityHandleId(undefined, 'R')} style={handleStyle(ENTITY_HEADER_HEIGHT / 2)} />}
      </div>
      {entity.fields.length === 0 && (
        <div className="cw-field cw-field-empty" style={{ height: FIELD_ROW_HEIGHT }}>
          <button type="button" className="nodrag" onClick={() => addFieldAfter(id)}>+ field</button>
        </div>
      )}
      {entity.fields.map((f, i) => {
        const top = ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT + FIELD_ROW_HEIGHT / 2;
        const isEditing = editing?.field === f.id;
        return (
          <div
            key={f.id}
            className={`cw-field${selectedField === f.id ? ' is-field-selected' : ''}${unfed?.has(f.id) ? ' is-unfed' : ''}${fieldMayOverflow(f, !!unfed?.has(f.id)) ? ' is-cut' : ''}`}
            style={{ height: FIELD_ROW_HEIGHT }}
            data-field={f.id}
            title={unfed?.has(f.id) ? `Required, and no mapping feeds it${f.description ? ` — ${f.description}` : ''}` : f.description}
            onClick={(e) => {
              e.stopPropagation();
              // Shift, Ctrl or Cmd + click adds the entity to the selection, like a click on its title.
              const others = e.shiftKey || e.metaKey || e.ctrlKey ? getState().selection.ids.filter((x) => x !== id) : [];
              select({ ids: [...others, id], field: { entity: id, field: f.id } });
            }}
          >
            {withHandles && <Handle type="source" position={Position.Left} id={entityHandleId(f.id, 'L')} style={handleStyle(top)} />}
            <span className="cw-field-key">{f.key ?? ''}</span>
            {isEditing && editing.part === 'name' ? (
              <InlineInput value={f.name} label="Field name" onDone={(v, x) => commitField(f, 'name', v, x)} />
            ) : (
              <span
                className={`cw-field-name${f.required ? ' is-required' : ''}`}
                onDoubleClick={(e) => {
                  e.stopPropagation();
                  setUi({ editingField: { entity: id, field: f.id, part: 'name' } });
                }}
              >
                {f.name}
              </span>
            )}
            {isEditing && editing.part === 'type' ? (
              <InlineInput value={f.type ?? ''} label="Field type" placeholder="type" className="cw-type-input" onDone={(v, x) => commitField(f, 'type', v, x)} />
            ) : (
              <span
                className="cw-field-type"
                onDoubleClick={(e) => {
                  e.stopPropagation();
                  setUi({ editingField: { entity: id, field: f.id, part: 'type' } });
                }}
              >
                {f.type ?? ''}
              </span>
            )}
            {withHandles && <Handle type="source" position={Position.Right} id={entityHandleId(f.id, 'R')} style={handleStyle(top)} />}
          </div>
        );
      })}
    </div>
  );
});
