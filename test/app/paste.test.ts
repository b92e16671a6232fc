import { beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/app/actions/actions';
import { fieldsPasteTarget } from '../../src/app/files/paste';
import { insertPastedFields, pasteFields } from '../../src/app/files/paste-fields';
import { getState, replaceDocument, select, undo } from '../../src/app/store/store';
import type { CrosswalkDocument } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';

const doc = (): CrosswalkDocument => ({
  format: 'crosswalk', version: 1, title: 'Paste',
  systems: [{ id: 'okta', name: 'Okta' }],
  entities: [{ id: 'user', name: 'User', system: 'okta', fields: [
    { id: 'id', name: 'id', type: 'string', key: 'PK' },
    { id: 'login', name: 'login', type: 'string' },
    { id: 'status', name: 'status' },
  ] }],
  links: [],
});

beforeEach(() => replaceDocument(doc(), { keepHistory: false }));

describe('paste to fill', () => {
  it('targets the selected entity, or the entity of the selected field', () => {
    expect(fieldsPasteTarget(getState())).toBeUndefined();
    select({ ids: ['okta'] });
    expect(fieldsPasteTarget(getState())).toBeUndefined();
    select({ ids: ['user'] });
    expect(fieldsPasteTarget(getState())).toEqual({ entity: 'user' });
    select({ ids: ['user'], field: { entity: 'user', field: 'login' } });
    expect(fieldsPasteTarget(getState())).toEqual({ entity: 'user', after: 'login' });
  });

  it('leaves Mod+V to the browser’s paste event while an entity is selected', () => {
    const action = ACTIONS.find((a) => a.id === 'paste')!;
    expect(action.enabled!(getState())).toBe(true);
    select({ ids: ['user'] });
    expect(action.enabled!(getState())).toBe(false);
  });

  it('adds the fields after the selected field, as one undo step, with ids unique in the entity', () => {
    select({ ids: ['user'], field: { entity: 'user', field: 'login' } });
    expect(pasteFields('email varchar(255) not null\nid int primary key\nfirst_name\tstring\tyes\nstatus text\nLogin: string')).toBe(true);
    const user = getState().doc.entities[0];
    expect(user.fields.map((f) => f.name)).toEqual(['id', 'login', 'email', 'first_name', 'status']);
    expect(user.fields.map((f) => f.id)).toEqual(['id', 'login', 'email', 'first-name', 'status']);
    expect(user.fields[2]).toEqual({ id: 'email', name: 'email', type: 'varchar(255)', required: true });
    expect(getState().selection.field).toEqual({ entity: 'user', field: 'first-name' });
    expect(getState().toasts.at(-1)?.details).toEqual(['"id" is already a field: left out', '"status" is already a field: left out', '"Login" is already a field: left out']);
    const valid = validateDocument(getState().doc);
    expect(valid.ok).toBe(true);
    undo();
    expect(getState().doc.entities[0].fields.map((f) => f.name)).toEqual(['id', 'login', 'status']);
  });

  it('appends at the end when only the entity is selected, and gives fresh ids when names differ but slugs clash', () => {
    const next = insertPastedFields(doc(), 'user', undefined, 'Status Code\nstatus-code');
    expect(next.doc.entities[0].fields.map((f) => [f.id, f.name])).toEqual([
      ['id', 'id'], ['login', 'login'], ['status', 'status'], ['status-code', 'Status Code'], ['status-code-2', 'status-code'],
    ]);
  });

  it('changes nothing for text with no fields in it, and says why', () => {
    select({ ids: ['user'] });
    const before = getState().doc;
    expect(pasteFields('!!!\n???')).toBe(false);
    expect(getState().doc).toBe(before);
    expect(getState().toasts.at(-1)?.details).toEqual(['line 1: cannot read a field name in "!!!"', 'line 2: cannot read a field name in "???"']);
  });
});

describe('making room for pasted fields', () => {
  it('moves the entities below down and grows the system, so nothing is covered', () => {
    const base: CrosswalkDocument = {
      ...doc(),
      systems: [{ id: 'okta', name: 'Okta', position: { x: 0, y: 0 }, size: { width: 560, height: 320 } }],
      entities: [
        { ...doc().entities[0], position: { x: 24, y: 40 } },
        { id: 'group', name: 'Group', system: 'okta', position: { x: 24, y: 200 }, fields: [{ id: 'id', name: 'id' }] },
        { id: 'side', name: 'Side', system: 'okta', position: { x: 300, y: 200 }, fields: [{ id: 'id', name: 'id' }] },
      ],
    };
    const next = insertPastedFields(base, 'user', undefined, 'a\nb\nc\nd\ne\nf').doc;
    const [user, group, side] = next.entities;
    const grown = 6 * 26;
    expect(group.position).toEqual({ x: 24, y: 200 + grown });
    expect(side.position).toEqual({ x: 300, y: 200 });
    expect(next.systems[0].size!.height).toBeGreaterThanOrEqual(group.position!.y + 34 + 26 + 6 + 24);
    expect(user.fields).toHaveLength(9);
  });
});
