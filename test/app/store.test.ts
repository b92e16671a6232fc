import { beforeEach, describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import type { CrosswalkDocument } from '../../src/model/types';
import { loadExample } from '../fixtures/examples';
import { addFieldAfter, connect, deleteSelection, duplicateSelection, copySelection, paste, removeField } from '../../src/app/store/commands';
import {
  applyEdit,
  applyTransient,
  commitTransient,
  getState,
  redo,
  replaceDocument,
  select,
  undo,
  HISTORY_LIMIT,
} from '../../src/app/store/store';

const example = (): CrosswalkDocument => loadExample();

beforeEach(() => {
  replaceDocument(example(), { keepHistory: false });
});

describe('store history', () => {
  it('undoes and redoes every edit', () => {
    const before = getState().doc;
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'Changed' }));
    expect(getState().doc.title).toBe('Changed');
    undo();
    expect(getState().doc).toBe(before);
    redo();
    expect(getState().doc.title).toBe('Changed');
  });

  it('records nothing for an edit that changes nothing', () => {
    applyEdit((d) => d);
    expect(getState().history.past).toHaveLength(0);
  });

  it('records a drag as one undo step', () => {
    const before = getState().doc;
    for (let x = 0; x < 10; x++) applyTransient((d) => ops.setPositions(d, new Map([['workday', { x, y: x }]])));
    expect(getState().history.past).toHaveLength(0);
    commitTransient();
    expect(getState().history.past).toHaveLength(1);
    undo();
    expect(getState().doc).toBe(before);
  });

  it('bounds the history', () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) applyEdit((d) => ops.updateDocumentInfo(d, { title: `T${i}` }));
    expect(getState().history.past.length).toBe(HISTORY_LIMIT);
  });

  it('a new edit clears the redo stack', () => {
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'A' }));
    undo();
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'B' }));
    expect(getState().history.future).toHaveLength(0);
  });
});

describe('commands', () => {
  it('deleting an entity removes its links and undo brings both back', () => {
    const before = getState().doc;
    const touching = before.links.filter((l) => 'entity' in l.from && (l.from.entity === 'okta-user' || ('entity' in l.to && l.to.entity === 'okta-user')));
    expect(touching.length).toBeGreaterThan(3);
    select({ ids: ['okta-user'] });
    deleteSelection();
    const after = getState().doc;
    expect(after.entities.some((e) => e.id === 'okta-user')).toBe(false);
    for (const l of touching) expect(after.links.some((x) => x.id === l.id)).toBe(false);
    // Focus lists lose the deleted entity and links too.
    expect(after.walkthrough!.some((s) => s.focus?.includes('okta-user'))).toBe(false);
    undo();
    expect(getState().doc).toBe(before);
  });

  it('deleting a selected field removes only the field and its links', () => {
    select({ ids: ['wd-worker'], field: { entity: 'wd-worker', field: 'work_email' } });
    deleteSelection();
    const doc = getState().doc;
    expect(doc.entities.find((e) => e.id === 'wd-worker')!.fields.some((f) => f.id === 'work_email')).toBe(false);
    expect(doc.links.some((l) => l.id === 'm-email-login')).toBe(false);
    expect(doc.entities.some((e) => e.id === 'wd-worker')).toBe(true);
  });

  it('connect makes a mapping across systems, a relation within one, a flow between systems', () => {
    const m = connect({ entity: 'wd-worker', field: 'hire_date' }, { entity: 'okta-user', field: 'status' });
    const r = connect({ entity: 'wd-worker', field: 'hire_date' }, { entity: 'wd-position', field: 'position_id' });
    const f = connect({ system: 'google' }, { system: 'slack' });
    const doc = getState().doc;
    expect(doc.links.find((l) => l.id === m)!.kind).toBe('mapping');
    expect(doc.links.find((l) => l.id === r)!.kind).toBe('relation');
    expect(doc.links.find((l) => l.id === f)!.kind).toBe('flow');
    expect(connect({ system: 'google' }, { entity: 'okta-user' })).toBeUndefined();
  });

  it('adds a field after the given one and starts editing it', () => {
    const id = addFieldAfter('wd-position', 'position_id')!;
    const fields = getState().doc.entities.find((e) => e.id === 'wd-position')!.fields;
    expect(fields[1].id).toBe(id);
    expect(getState().ui.editingField).toEqual({ entity: 'wd-position', field: id, part: 'name', fresh: true });
    removeField('wd-position', id);
    expect(getState().doc.entities.find((e) => e.id === 'wd-position')!.fields.some((f) => f.id === id)).toBe(false);
  });

  it('duplicates and pastes with fresh ids', () => {
    select({ ids: ['workday'] });
    duplicateSelection();
    const doc = getState().doc;
    expect(doc.systems).toHaveLength(5);
    const copy = getState().selection.ids[0];
    expect(copy).not.toBe('workday');
    expect(doc.entities.filter((e) => e.system === copy)).toHaveLength(2);
    select({ ids: ['okta'] });
    expect(copySelection()).toBe(true);
    paste();
    expect(getState().doc.systems).toHaveLength(6);
  });
});
