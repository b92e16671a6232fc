import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../../src/formats/merge';
import type { CrosswalkDocument } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';

const base: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Base',
  systems: [{ id: 'okta', name: 'Okta', position: { x: 10, y: 10 }, size: { width: 300, height: 200 } }],
  entities: [
    {
      id: 'user',
      name: 'User',
      system: 'okta',
      position: { x: 20, y: 40 },
      fields: [
        { id: 'login', name: 'login', type: 'string' },
        { id: 'email', name: 'email' },
      ],
    },
  ],
  links: [{ id: 'map-login', kind: 'relation', from: { entity: 'user', field: 'login' }, to: { entity: 'user', field: 'email' } }],
};

const incoming: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Sheet',
  systems: [
    { id: 'okta', name: 'OKTA' },
    { id: 'workday', name: 'Workday' },
  ],
  entities: [
    { id: 'okta-user', name: 'user', system: 'okta', fields: [{ id: 'login', name: 'LOGIN', type: 'varchar', required: true }, { id: 'login-x', name: 'department' }] },
    { id: 'user', name: 'Worker', system: 'workday', fields: [{ id: 'mail', name: 'Work_Email' }] },
  ],
  links: [
    { id: 'map-login', kind: 'mapping', from: { entity: 'user', field: 'mail' }, to: { entity: 'okta-user', field: 'login' }, transform: 'lowercase' },
    { id: 'dup', kind: 'relation', from: { entity: 'okta-user', field: 'login' }, to: { entity: 'okta-user' } },
  ],
  walkthrough: [{ id: 's1', title: 'Hire', focus: ['user', 'map-login', 'okta'] }],
};

describe('mergeDocuments', () => {
  const { doc, added } = mergeDocuments(base, incoming);

  it('matches systems, entities and fields by name, case-insensitively, keeping what is there', () => {
    expect(doc.systems.map((s) => s.name)).toEqual(['Okta', 'Workday']);
    const user = doc.entities.find((e) => e.id === 'user')!;
    expect(user.position).toEqual({ x: 20, y: 40 });
    // login keeps its type and gains what it lacked; department is new.
    expect(user.fields).toEqual([
      { id: 'login', name: 'login', type: 'string', required: true },
      { id: 'email', name: 'email' },
      { id: 'login-x', name: 'department' },
    ]);
  });

  it('adds what is new with ids that do not clash, and moves every reference onto them', () => {
    expect(added.systems).toEqual(['workday']);
    const worker = doc.entities.find((e) => e.name === 'Worker')!;
    expect(worker.id).not.toBe('user');
    expect(worker.system).toBe('workday');
    const mapping = doc.links.find((l) => l.kind === 'mapping')!;
    expect(mapping.id).not.toBe('map-login');
    expect(mapping.from).toEqual({ entity: worker.id, field: 'mail' });
    expect(mapping.to).toEqual({ entity: 'user', field: 'login' });
    expect(added).toMatchObject({ entities: [worker.id], fields: 2, links: [mapping.id, expect.any(String)] });
    expect(doc.walkthrough?.[0].focus).toEqual([worker.id, mapping.id, 'okta']);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('changes neither input, and merging the same thing twice adds nothing more', () => {
    expect(base.entities[0].fields).toHaveLength(2);
    const again = mergeDocuments(doc, incoming);
    expect(again.added).toMatchObject({ systems: [], entities: [], fields: 0, links: [] });
    expect(again.doc.entities).toEqual(doc.entities);
    expect(again.updated.links).toEqual([]);
    expect(again.doc.links).toEqual(doc.links);
  });

  it('updates a mapping restated with a new transform or notes instead of adding a second one', () => {
    const mapping = doc.links.find((l) => l.kind === 'mapping')!;
    const edited: CrosswalkDocument = { ...incoming, links: [{ ...incoming.links[0], transform: 'lower(trim(x))', description: 'UPN' }] };
    const again = mergeDocuments(doc, edited);
    expect(again.added.links).toEqual([]);
    expect(again.updated.links).toEqual([mapping.id]);
    const mappings = again.doc.links.filter((l) => l.kind === 'mapping');
    expect(mappings).toEqual([{ ...mapping, transform: 'lower(trim(x))', description: 'UPN' }]);
    // An empty cell says nothing: the transform stays.
    const blank = mergeDocuments(again.doc, { ...incoming, links: [{ ...incoming.links[0], transform: '' }] });
    expect(blank.updated.links).toEqual([]);
    expect(blank.doc.links).toEqual(again.doc.links);
    // A relation keeps what it says and only gains what it lacked.
    const relation = mergeDocuments(base, { ...base, links: [{ ...base.links[0], id: 'other', label: 'same as', cardinality: { from: 'exactly-one', to: 'exactly-one' } }] });
    expect(relation.doc.links).toEqual([{ ...base.links[0], label: 'same as', cardinality: { from: 'exactly-one', to: 'exactly-one' } }]);
  });
});
