import { beforeEach, describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import type { CrosswalkDocument } from '../../src/model/types';
import { loadExample } from '../fixtures/examples';
import { addFieldAfter, addNoteAt, connect, deleteSelection, duplicateSelection, copySelection, editField, paste, removeField } from '../../src/app/store/commands';
import { generateDocument } from '../fixtures/generate';
import {
  applyEdit,
  applyExternalDocument,
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

  it('undo snapshots share every element an edit did not touch (no copy of the document per step)', () => {
    replaceDocument(generateDocument({ systems: 3, entitiesPerSystem: 6, fieldsPerEntity: 4, mappings: 10 }), { keepHistory: false });
    const start = getState().doc;
    const [a, b] = [start.entities[2], start.entities[9]];
    addNoteAt({ x: 0, y: -500 });
    editField(a.id, a.fields[1].id, { name: 'renamed' });
    addFieldAfter(b.id, b.fields[0].id);
    applyEdit((d) => ops.updateLink(d, d.links[0].id, { label: 'changed' }));
    const steps = [...getState().history.past, getState().doc];
    expect(steps).toHaveLength(5);
    expect(steps[0]).toBe(start);
    // Objects of `next` that are not the very objects of `prev`, per kind.
    const made = (prev: CrosswalkDocument, next: CrosswalkDocument) => {
      const old = new Set<object>([...prev.systems, ...prev.entities, ...prev.links, ...(prev.notes ?? [])]);
      const fresh = (items: readonly { id: string }[]) => items.filter((x) => !old.has(x)).map((x) => x.id);
      return { systems: fresh(next.systems), entities: fresh(next.entities), links: fresh(next.links), notes: fresh(next.notes ?? []) };
    };
    // A note: only the note is new; the entity and link lists themselves are shared.
    expect(made(steps[0], steps[1])).toEqual({ systems: [], entities: [], links: [], notes: [expect.any(String)] });
    expect(steps[1].entities).toBe(steps[0].entities);
    expect(steps[1].links).toBe(steps[0].links);
    // A field renamed: its entity alone (and within it, the other fields are shared).
    expect(made(steps[1], steps[2])).toEqual({ systems: [], entities: [a.id], links: [], notes: [] });
    const before = steps[1].entities.find((e) => e.id === a.id)!;
    const after = steps[2].entities.find((e) => e.id === a.id)!;
    after.fields.forEach((f, i) => (i === 1 ? expect(f).not.toBe(before.fields[i]) : expect(f).toBe(before.fields[i])));
    // A field added: its entity, and at most the entities it pushed down and its system, in one system.
    const grown = made(steps[2], steps[3]);
    expect(grown.entities).toContain(b.id);
    const inB = new Set(steps[3].entities.filter((e) => e.system === b.system).map((e) => e.id));
    expect(grown.entities.every((id) => inB.has(id))).toBe(true);
    expect(grown.systems.every((id) => id === b.system)).toBe(true);
    expect(grown.links).toEqual([]);
    // A link relabelled: that link alone; the entity list is shared.
    expect(made(steps[3], steps[4])).toEqual({ systems: [], entities: [], links: [steps[0].links[0].id], notes: [] });
    expect(steps[4].entities).toBe(steps[3].entities);
  });

  it('a new edit clears the redo stack', () => {
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'A' }));
    undo();
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'B' }));
    expect(getState().history.future).toHaveLength(0);
  });
});

describe('another tab’s version (applyExternalDocument)', () => {
  const copy = (d: CrosswalkDocument) => JSON.parse(JSON.stringify(d)) as CrosswalkDocument;

  it('is not an undo step here: undo takes back this tab’s own edits and keeps the other tab’s', () => {
    const start = getState().doc;
    const [e1, e2] = start.entities;
    applyEdit((d) => ops.updateEntity(d, e1.id, { name: 'Mine' }));
    const other = copy(ops.updateEntity(getState().doc, e2.id, { name: 'Theirs' }));
    applyExternalDocument(other);
    expect(getState().doc).toEqual(other);
    undo();
    // This tab's rename is undone; the other tab's stays.
    expect(getState().doc.entities[0].name).toBe(e1.name);
    expect(getState().doc.entities[1].name).toBe('Theirs');
    undo();
    expect(getState().doc.entities[1].name).toBe('Theirs');
    redo();
    expect(getState().doc.entities.map((e) => e.name).slice(0, 2)).toEqual(['Mine', 'Theirs']);
  });

  it('stops undo at an edit the other tab changed again, and says why', () => {
    const [e1] = getState().doc.entities;
    applyEdit((d) => ops.updateEntity(d, e1.id, { name: 'Mine' }));
    applyExternalDocument(copy(ops.updateEntity(getState().doc, e1.id, { name: 'Theirs' })));
    const toasts = getState().toasts.length;
    undo();
    expect(getState().doc.entities[0].name).toBe('Theirs');
    expect(getState().toasts.slice(toasts).map((t) => t.text).join(' ')).toMatch(/Nothing more to undo in this tab/);
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
