import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/app/actions/actions';
import { addFromCatalogue } from '../../src/app/files/catalogue';
import { getState, replaceDocument, select, undo } from '../../src/app/store/store';
import { catalogueEntries } from '../../src/formats/catalogue/catalogue';
import { computeGeometry } from '../../src/model/geometry';
import { createDocument } from '../../src/model/ops';
import { validateDocument } from '../../src/model/validate';
import { loadExample } from '../fixtures/examples';

function valid() {
  const r = validateDocument(getState().doc);
  expect(r.ok ? [] : r.problems).toEqual([]);
}

function inside(systemId: string, entityId: string) {
  const geo = computeGeometry(getState().doc);
  const s = geo.systems.get(systemId)!;
  const e = geo.entities.get(entityId)!;
  return e.x >= s.x && e.y >= s.y && e.x + e.width <= s.x + s.width && e.y + e.height <= s.y + s.height;
}

describe('adding from the catalogue', () => {
  beforeEach(() => replaceDocument(createDocument('Blank'), { keepHistory: false }));

  it('has a palette command per catalogue object, found by its keywords', () => {
    for (const e of catalogueEntries()) {
      const action = ACTIONS.find((a) => a.id === `catalogue:${e.id}`);
      expect(action?.label).toBe(`Add ${e.system} ${e.entity}…`);
      expect(action?.keywords).toContain(e.keywords[0]);
    }
  });

  it('makes a system named after the catalogue’s when nothing is selected, in one undo step', async () => {
    const id = await addFromCatalogue('scim-user');
    const doc = getState().doc;
    expect(doc.systems.map((s) => s.name)).toEqual(['SCIM 2.0']);
    const entity = doc.entities.find((e) => e.id === id)!;
    expect(entity.system).toBe(doc.systems[0].id);
    expect(entity.fields.map((f) => f.name)).toContain('emails[].value');
    expect(inside(doc.systems[0].id, id!)).toBe(true);
    expect(getState().selection.ids).toEqual([id]);
    valid();
    undo();
    expect(getState().doc.systems).toEqual([]);
    expect(getState().doc.entities).toEqual([]);
  });

  it('drops into the selected system, below what is there, and grows the system to fit', async () => {
    replaceDocument(loadExample(), { keepHistory: false });
    const doc = getState().doc;
    const system = doc.systems[0];
    select({ ids: [system.id] });
    const before = doc.entities.filter((e) => e.system === system.id).length;
    const id = await addFromCatalogue('salesforce-contact');
    const after = getState().doc;
    expect(after.entities.filter((e) => e.system === system.id)).toHaveLength(before + 1);
    expect(inside(system.id, id!)).toBe(true);
    expect(after.systems).toHaveLength(doc.systems.length);
    valid();
  });

  it('reuses a system already named like the catalogue’s, and keeps ids unique when added twice', async () => {
    const a = await addFromCatalogue('okta-user');
    select({ ids: [] });
    const b = await addFromCatalogue('okta-user');
    const doc = getState().doc;
    expect(doc.systems.map((s) => s.name)).toEqual(['Okta']);
    expect(a).not.toBe(b);
    expect(doc.entities.every((e) => e.system === doc.systems[0].id)).toBe(true);
    expect(inside(doc.systems[0].id, a!) && inside(doc.systems[0].id, b!)).toBe(true);
    valid();
  });
});

describe('where a new catalogue system goes', () => {
  it('to the right of the whole diagram, covering nothing', async () => {
    replaceDocument(loadExample(), { keepHistory: false });
    const before = computeGeometry(getState().doc).bounds;
    select({ ids: [] });
    await addFromCatalogue('servicenow-user');
    const doc = getState().doc;
    const system = doc.systems.find((s) => s.name === 'ServiceNow')!;
    const box = computeGeometry(doc).systems.get(system.id)!;
    expect(box.x).toBeGreaterThanOrEqual(before.x + before.width);
  });
});
