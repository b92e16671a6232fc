import { parseFieldLines } from '../../formats/fields-text/fields-text';
import { buildFields, IdScope } from '../../formats/import-kit';
import { entityHeight } from '../../model/geometry';
import { makeRoom } from '../../model/placement';
import * as ops from '../../model/ops';
import type { CrosswalkDocument } from '../../model/types';
import { applyEdit, getState, notify } from '../store/store';
import { count } from '../../model/plural';
import { fieldsPasteTarget } from './paste';

// Paste to fill, the part that reads the text (see paste.ts): loaded on the first paste onto
// an entity, with the field-line parser, which a first visit does not need.

/**
 * Pure: adds the fields `text` describes to entity `entityId`, after field `after` (else at
 * the end). Names the entity already has are left out. Field ids stay unique in the entity.
 */
export function insertPastedFields(
  doc: CrosswalkDocument,
  entityId: string,
  after: string | undefined,
  text: string,
): { doc: CrosswalkDocument; added: string[]; skipped: string[]; warnings: string[] } {
  const entity = doc.entities.find((e) => e.id === entityId);
  const parsed = parseFieldLines(text);
  const warnings = parsed.warnings.map((w) => `line ${w.line}: ${w.message}`);
  if (!entity) return { doc, added: [], skipped: [], warnings };
  const have = new Set(entity.fields.map((f) => f.name.trim().toLowerCase()));
  const fresh = parsed.fields.filter((f) => !have.has(f.name.trim().toLowerCase()));
  const skipped = parsed.fields.filter((f) => have.has(f.name.trim().toLowerCase())).map((f) => f.name);
  const fields = buildFields(fresh, new IdScope(entity.fields.map((f) => f.id)));
  const index = after === undefined ? -1 : entity.fields.findIndex((f) => f.id === after);
  const at = index >= 0 ? index + 1 : entity.fields.length;
  let next = doc;
  fields.forEach((field, i) => {
    next = ops.addField(next, entityId, field, at + i);
  });
  return { doc: makeRoom(next, entityId, entityHeight(entity)), added: fields.map((f) => f.id), skipped, warnings };
}

/** Adds pasted field lines to the selected entity as one undo step. False when nothing was added. */
export function pasteFields(text: string): boolean {
  const state = getState();
  const target = fieldsPasteTarget(state);
  if (!target) return false;
  const result = insertPastedFields(state.doc, target.entity, target.after, text);
  const notes = [...result.warnings, ...result.skipped.map((n) => `"${n}" is already a field: left out`)];
  if (!result.added.length) {
    if (notes.length) notify('info', 'No fields to add from the pasted text.', notes);
    return false;
  }
  const last = result.added[result.added.length - 1];
  applyEdit((d) => insertPastedFields(d, target.entity, target.after, text).doc, { ids: [target.entity], field: { entity: target.entity, field: last } });
  notify(notes.length ? 'info' : 'success', `Added ${count(result.added.length, 'field')}.`, notes.length ? notes : undefined);
  return true;
}
