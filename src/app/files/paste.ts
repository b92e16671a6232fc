import { useEffect } from 'react';
import { parseFieldLines } from '../../formats/fields-text/fields-text';
import { buildFields, IdScope } from '../../formats/import-kit';
import { entityHeight } from '../../model/geometry';
import { makeRoom } from '../../model/placement';
import * as ops from '../../model/ops';
import type { CrosswalkDocument } from '../../model/types';
import { isTypingTarget } from '../actions/shortcut';
import { paste } from '../store/commands';
import { applyEdit, getState, notify, type AppState } from '../store/store';
import { count } from '../../model/plural';

// Paste to fill: text pasted while an entity (or one of its fields) is selected becomes
// fields of that entity, after the selected field. The key binding of the Paste action
// steps aside while an entity is selected (see its `enabled`), so the browser's paste event,
// which carries the text, reaches the listener below.

/** Where pasted fields go: the selected entity, after the selected field if there is one. */
export function fieldsPasteTarget(state: Pick<AppState, 'doc' | 'selection'>): { entity: string; after?: string } | undefined {
  const { doc, selection } = state;
  if (selection.field && doc.entities.some((e) => e.id === selection.field!.entity)) return { entity: selection.field.entity, after: selection.field.field };
  if (selection.ids.length !== 1) return undefined;
  const id = selection.ids[0];
  return doc.entities.some((e) => e.id === id) ? { entity: id } : undefined;
}

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

/** Copied canvas items travel as JSON with this marker (see copySelection). */
const FRAGMENT_MARKER = 'application/x-crosswalk-fragment';

/** Listens for the browser's paste event: field lines onto a selected entity, else the app's paste. */
export function usePasteFields(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const { ui } = getState();
      if (ui.presenting || ui.paletteOpen || ui.helpOpen || ui.exportOpen || ui.importOpen) return;
      if (!fieldsPasteTarget(getState())) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (text.trim() && !text.includes(FRAGMENT_MARKER) && pasteFields(text)) return;
      paste();
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
