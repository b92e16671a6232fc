import { collectIds, uniqueId } from '../../model/ids';
import * as ops from '../../model/ops';
import { kindForConnection, newLink } from '../../model/meaning';
import { ENTITY_WIDTH, entityHeight, NOTE_WIDTH, noteHeight, type Box } from '../../model/geometry';
import { freeSpotNear, growSystemToHold, holdEntities, makeRoom, newEntityPosition } from '../../model/placement';
import { findEntity } from '../../model/queries';
import type { CrosswalkDocument, Endpoint, Entity, Field, Point } from '../../model/types';
import { geometryOf } from '../canvas/overview-model';
import { applyEdit, getState, notify, select, setUi } from './store';

// Edits as the user thinks of them, built from the pure operations in src/model/ops.ts.
// Each goes through applyEdit, so each is one undo step.

function freshId(doc: CrosswalkDocument, base: string): string {
  return uniqueId(base, collectIds(doc));
}

function freshFieldId(doc: CrosswalkDocument, entityId: string, base: string): string {
  const entity = findEntity(doc, entityId);
  return uniqueId(base, new Set(entity?.fields.map((f) => f.id)));
}

/** The size of a new system. */
const NEW_SYSTEM_SIZE = { width: 560, height: 320 } as const;

/**
 * Adds a system in free space as near `centre` (the view's middle) as it can, inside `view`
 * (the visible canvas) when there is room, selects it and
 * starts renaming it: typing replaces "New system", Enter keeps it, Escape keeps the default.
 */
export function addSystemAt(centre: Point, name = 'New system', view?: Box): string {
  const doc = getState().doc;
  const id = freshId(doc, name === 'New system' ? 'system' : name);
  const position = freeSpotNear(doc, centre, NEW_SYSTEM_SIZE, view, geometryOf(doc));
  applyEdit((d) => ops.addSystem(d, { id, name, position, size: { ...NEW_SYSTEM_SIZE } }), { ids: [id] });
  setUi({ renaming: id });
  return id;
}

/**
 * Adds an entity with one key field, selects it and starts renaming it. Inside the selected
 * system if one is selected (in its next free slot, the system growing to hold it), else in
 * free space near `centre` (inside `view`, the visible canvas, when there is room).
 */
export function addEntityAt(centre: Point, systemId?: string, view?: Box): string {
  const doc = getState().doc;
  const id = freshId(doc, 'entity');
  const system = systemId ? doc.systems.find((s) => s.id === systemId) : undefined;
  const fields: Field[] = [{ id: 'id', name: 'id', type: 'string', key: 'PK' }];
  const geo = geometryOf(doc);
  const pos = system ? newEntityPosition(doc, system.id, geo) : freeSpotNear(doc, centre, { width: ENTITY_WIDTH, height: entityHeight({ fields }) }, view, geo);
  const entity: Entity = { id, name: 'Entity', system: system?.id, position: { x: Math.round(pos.x), y: Math.round(pos.y) }, fields };
  if (!system) delete entity.system;
  applyEdit((d) => {
    const next = ops.addEntity(d, entity);
    return system ? growSystemToHold(next, system.id) : next;
  }, { ids: [id] });
  setUi({ renaming: id });
  return id;
}

/** Adds a free text note in free space near `centre` and starts editing its text. */
export function addNoteAt(centre: Point, text = 'Note', view?: Box): string {
  const doc = getState().doc;
  const id = freshId(doc, 'note');
  const position = freeSpotNear(doc, centre, { width: NOTE_WIDTH, height: noteHeight({ text }) }, view, geometryOf(doc));
  applyEdit((d) => ops.addNote(d, { id, text, position }), { ids: [id] });
  setUi({ renaming: id });
  return id;
}

/**
 * Adds a field after `afterFieldId` (or at the end) and starts editing its name. The
 * entities under it move down and its system grows to hold the taller entity, in the same
 * undo step.
 */
export function addFieldAfter(entityId: string, afterFieldId?: string): string | undefined {
  const doc = getState().doc;
  const entity = findEntity(doc, entityId);
  if (!entity) return undefined;
  const id = freshFieldId(doc, entityId, 'field');
  const index = afterFieldId === undefined ? entity.fields.length : entity.fields.findIndex((f) => f.id === afterFieldId) + 1;
  const field: Field = { id, name: 'field', type: 'string' };
  applyEdit((d) => holdEntities(makeRoom(ops.addField(d, entityId, field, index), entityId, entityHeight(entity)), [entityId]), { ids: [entityId], field: { entity: entityId, field: id } });
  setUi({ editingField: { entity: entityId, field: id, part: 'name', fresh: true } });
  return id;
}

/** Renames or retypes a field (an empty name is refused). */
export function editField(entityId: string, fieldId: string, patch: Partial<Omit<Field, 'id'>>): void {
  applyEdit((d) => ops.updateField(d, entityId, fieldId, patch));
}

/** Moves a field up or down by one row. */
export function nudgeField(entityId: string, fieldId: string, delta: number): void {
  const entity = findEntity(getState().doc, entityId);
  const index = entity?.fields.findIndex((f) => f.id === fieldId) ?? -1;
  if (index < 0) return;
  applyEdit((d) => ops.moveField(d, entityId, fieldId, index + delta));
}

/** Deletes a field and the links that touch it. */
export function removeField(entityId: string, fieldId: string): void {
  applyEdit((d) => ops.deleteField(d, entityId, fieldId), { ids: [entityId] });
}

/** Deletes what is selected (a selected field row alone, if only a field is selected). */
export function deleteSelection(): void {
  const { selection } = getState();
  if (selection.field) {
    removeField(selection.field.entity, selection.field.field);
    return;
  }
  if (selection.ids.length === 0) return;
  applyEdit((d) => ops.deleteElements(d, selection.ids), { ids: [] });
}

/**
 * Connects two endpoints: field to field makes a relation inside one system and a mapping
 * across systems; system to system makes a flow. Returns the new link id.
 */
export function connect(from: Endpoint, to: Endpoint): string | undefined {
  const doc = getState().doc;
  const kind = kindForConnection(doc, from, to);
  const link = kind && newLink(doc, freshId(doc, kind === 'mapping' ? 'map' : kind === 'relation' ? 'rel' : 'flow'), from, to);
  if (!link) {
    notify('info', 'Connect a field to another field, or a system to a system.');
    return undefined;
  }
  applyEdit((d) => ops.addLink(d, link), { ids: [link.id] });
  return link.id;
}

const CLIPBOARD_MIME = 'application/x-crosswalk-fragment';
let clipboard: ops.Fragment | undefined;

/** Copies the selection (to the app clipboard and, as JSON text, the system clipboard). */
export function copySelection(): boolean {
  const { doc, selection } = getState();
  if (selection.ids.length === 0) return false;
  clipboard = ops.extractFragment(doc, selection.ids);
  const text = JSON.stringify({ type: CLIPBOARD_MIME, fragment: clipboard });
  globalThis.navigator?.clipboard?.writeText(text).catch(() => {
    // The system clipboard may be denied (no focus, permissions); the app clipboard still works.
  });
  return true;
}

/** Cuts the selection. */
export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

/** Pastes the app clipboard, offset so the copy is visible beside the original. */
export function paste(offset: Point = { x: 40, y: 40 }): void {
  if (!clipboard) return;
  const fragment = clipboard;
  let ids: string[] = [];
  applyEdit((d) => {
    const result = ops.pasteFragment(d, fragment, offset);
    ids = result.ids;
    return result.doc;
  });
  select({ ids });
  // Successive pastes cascade instead of stacking exactly.
  clipboard = ops.extractFragment(getState().doc, ids);
}

/** Duplicates the selection in one step. */
export function duplicateSelection(): void {
  const { doc, selection } = getState();
  if (selection.ids.length === 0) return;
  const fragment = ops.extractFragment(doc, selection.ids);
  let ids: string[] = [];
  applyEdit((d) => {
    const result = ops.pasteFragment(d, fragment, { x: 40, y: 40 });
    ids = result.ids;
    return result.doc;
  });
  select({ ids });
}

/** Selects everything on the canvas. */
export function selectAll(): void {
  const { doc } = getState();
  select({ ids: [...doc.systems.map((s) => s.id), ...doc.entities.filter((e) => !e.system).map((e) => e.id), ...(doc.notes ?? []).map((n) => n.id)] });
}
