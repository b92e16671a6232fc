import { describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import type { CrosswalkDocument } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const doc = (): CrosswalkDocument =>
  deepFreeze({
    format: 'crosswalk',
    version: 1,
    title: 'T',
    systems: [
      { id: 'hr', name: 'HR', position: { x: 0, y: 0 }, size: { width: 600, height: 400 } },
      { id: 'idp', name: 'IdP', position: { x: 800, y: 0 } },
    ],
    entities: [
      { id: 'w', name: 'Worker', system: 'hr', position: { x: 20, y: 50 }, fields: [{ id: 'email', name: 'email' }, { id: 'mgr', name: 'manager', key: 'FK' }, { id: 'id', name: 'id', key: 'PK' }] },
      { id: 'p', name: 'Position', system: 'hr', position: { x: 300, y: 50 }, fields: [{ id: 'id', name: 'id' }] },
      { id: 'u', name: 'User', system: 'idp', position: { x: 20, y: 50 }, fields: [{ id: 'login', name: 'login' }] },
    ],
    links: [
      { id: 'm', kind: 'mapping', from: { entity: 'w', field: 'email' }, to: { entity: 'u', field: 'login' } },
      { id: 'r', kind: 'relation', from: { entity: 'w', field: 'mgr' }, to: { entity: 'p', field: 'id' }, cardinality: { from: 'zero-or-more', to: 'exactly-one' } },
      { id: 'f', kind: 'flow', from: { system: 'hr' }, to: { system: 'idp' } },
    ],
    notes: [{ id: 'n', text: 'note' }],
    walkthrough: [
      { id: 's1', title: 'One', focus: ['w', 'm', 'n'] },
      { id: 's2', title: 'Two', focus: ['hr', 'f', 'r'] },
    ],
  });

describe('edit operations', () => {
  it.each<[string, (d: CrosswalkDocument) => CrosswalkDocument, (d: CrosswalkDocument) => void]>([
    ['addSystem', (d) => ops.addSystem(d, { id: 'crm', name: 'CRM' }), (d) => expect(d.systems.map((s) => s.id)).toEqual(['hr', 'idp', 'crm'])],
    ['updateSystem', (d) => ops.updateSystem(d, 'hr', { kind: 'HRIS' }), (d) => expect(d.systems[0].kind).toBe('HRIS')],
    ['updateSystem clears an empty kind', (d) => ops.updateSystem(ops.updateSystem(d, 'hr', { kind: 'x' }), 'hr', { kind: '' }), (d) => expect('kind' in d.systems[0]).toBe(false)],
    ['addField at an index', (d) => ops.addField(d, 'w', { id: 'x', name: 'x' }, 1), (d) => expect(d.entities[0].fields.map((f) => f.id)).toEqual(['email', 'x', 'mgr', 'id'])],
    ['updateField', (d) => ops.updateField(d, 'w', 'email', { type: 'string', key: 'UK' }), (d) => expect(d.entities[0].fields[0]).toEqual({ id: 'email', name: 'email', type: 'string', key: 'UK' })],
    ['moveField', (d) => ops.moveField(d, 'w', 'id', 0), (d) => expect(d.entities[0].fields.map((f) => f.id)).toEqual(['id', 'email', 'mgr'])],
    ['updateLink', (d) => ops.updateLink(d, 'm', { transform: 'lowercase' }), (d) => expect(d.links[0].transform).toBe('lowercase')],
    ['addNote and updateNote', (d) => ops.updateNote(ops.addNote(d, { id: 'n2', text: 'a' }), 'n2', { text: 'b' }), (d) => expect(d.notes![1].text).toBe('b')],
    ['addStep at an index', (d) => ops.addStep(d, { id: 's0', title: 'Zero' }, 0), (d) => expect(d.walkthrough!.map((s) => s.id)).toEqual(['s0', 's1', 's2'])],
    ['moveStep', (d) => ops.moveStep(d, 's2', 0), (d) => expect(d.walkthrough!.map((s) => s.id)).toEqual(['s2', 's1'])],
    ['updateDocumentInfo', (d) => ops.updateDocumentInfo(d, { title: 'New', description: 'Desc' }), (d) => expect([d.title, d.description]).toEqual(['New', 'Desc'])],
    ['setTalkMinutes', (d) => ops.setTalkMinutes(d, 20), (d) => expect(d.talkMinutes).toBe(20)],
    ['setTalkMinutes undefined removes it', (d) => ops.setTalkMinutes(ops.setTalkMinutes(d, 20), undefined), (d) => expect('talkMinutes' in d).toBe(false)],
    ['setPositions rounds', (d) => ops.setPositions(d, new Map([['n', { x: 1.4, y: 2.6 }]])), (d) => expect(d.notes![0].position).toEqual({ x: 1, y: 3 })],
  ])('%s (input never mutated; result valid)', (_name, run, check) => {
    const before = doc();
    const after = run(before);
    check(after);
    expect(validateDocument(after).ok).toBe(true);
  });

  it.each<[string, (d: CrosswalkDocument) => CrosswalkDocument]>([
    ['empty system name', (d) => ops.updateSystem(d, 'hr', { name: '  ' })],
    ['empty entity name', (d) => ops.updateEntity(d, 'w', { name: '' })],
    ['empty field name', (d) => ops.updateField(d, 'w', 'email', { name: '' })],
    ['empty step title', (d) => ops.updateStep(d, 's1', { title: '' })],
    ['unknown id', (d) => ops.updateEntity(d, 'ghost', { name: 'x' })],
    ['deleting nothing', (d) => ops.deleteElements(d, [])],
    ['a talk of no minutes', (d) => ops.setTalkMinutes(d, 0)],
    ['a talk of NaN minutes', (d) => ops.setTalkMinutes(d, Number.NaN)],
  ])('refuses %s (returns the same document)', (_name, run) => {
    const d = doc();
    expect(run(d)).toBe(d);
  });

  it('keeps the identity of unchanged parts', () => {
    const d = doc();
    const next = ops.updateEntity(d, 'u', { name: 'Account' });
    expect(next.entities[0]).toBe(d.entities[0]);
    expect(next.entities[2]).not.toBe(d.entities[2]);
    expect(next.systems).toBe(d.systems);
  });
});

describe('cascades', () => {
  it('deleting a field removes its links and their ids from every focus', () => {
    const next = ops.deleteField(doc(), 'w', 'email');
    expect(next.links.map((l) => l.id)).toEqual(['r', 'f']);
    expect(next.walkthrough![0].focus).toEqual(['w', 'n']);
  });

  it('deleting an entity removes the links that touch it and leaves every focus', () => {
    const next = ops.deleteElements(doc(), ['w']);
    expect(next.links.map((l) => l.id)).toEqual(['f']);
    expect(next.walkthrough!.map((s) => s.focus)).toEqual([['n'], ['hr', 'f']]);
    expect(validateDocument(next).ok).toBe(true);
  });

  it('deleting a system removes its entities, their links and its flows', () => {
    const next = ops.deleteElements(doc(), ['hr']);
    expect(next.systems.map((s) => s.id)).toEqual(['idp']);
    expect(next.entities.map((e) => e.id)).toEqual(['u']);
    expect(next.links).toEqual([]);
    expect(next.walkthrough!.map((s) => s.focus)).toEqual([['n'], []]);
    expect(validateDocument(next).ok).toBe(true);
  });

  it('moving an entity to another system turns its relations into mappings and back', () => {
    const moved = ops.updateEntity(doc(), 'p', { system: 'idp' });
    expect(moved.links.find((l) => l.id === 'r')!.kind).toBe('mapping');
    expect(moved.links.find((l) => l.id === 'm')!.kind).toBe('mapping');
    const back = ops.updateEntity(moved, 'p', { system: 'hr' });
    expect(back.links.find((l) => l.id === 'r')!.kind).toBe('relation');
  });
});

describe('copy and paste', () => {
  it('pastes a system with its entities and the links between them, with fresh ids', () => {
    const d = doc();
    const fragment = ops.extractFragment(d, ['hr']);
    expect(fragment.entities.map((e) => e.id)).toEqual(['w', 'p']);
    expect(fragment.links.map((l) => l.id)).toEqual(['r']);
    const { doc: next, ids } = ops.pasteFragment(d, fragment, { x: 40, y: 40 });
    expect(ids).toHaveLength(1);
    expect(next.systems).toHaveLength(3);
    expect(next.entities).toHaveLength(5);
    expect(next.links).toHaveLength(4);
    const copy = next.systems[2];
    expect(copy.id).not.toBe('hr');
    expect(copy.position).toEqual({ x: 40, y: 40 });
    expect(next.entities.filter((e) => e.system === copy.id)).toHaveLength(2);
    expect(validateDocument(next).ok).toBe(true);
  });

  it('pastes an entity into its system when that still exists', () => {
    const d = doc();
    const { doc: next } = ops.pasteFragment(d, ops.extractFragment(d, ['u']), { x: 10, y: 10 });
    expect(next.entities[3].system).toBe('idp');
    expect(validateDocument(next).ok).toBe(true);
  });

  it('keeps the kinds the links were copied with, and the pasted document the kinds it had', () => {
    // The user made Worker → Position a mapping inside one system, against the rule.
    const d = ops.updateLink(doc(), 'r', { kind: 'mapping' });
    const { doc: next } = ops.pasteFragment(d, ops.extractFragment(d, ['w', 'p']), { x: 10, y: 10 });
    expect(next.links.map((l) => l.kind)).toEqual(['mapping', 'mapping', 'flow', 'mapping']);
  });
});
