import { describe, expect, it } from 'vitest';
import {
  cardinalityOf,
  DEFAULT_CARDINALITY,
  describeEndpoint,
  endpointNamer,
  focusScope,
  isSelfLink,
  kindForConnection,
  linkEnds,
  linkLabel,
  linkLabelParts,
  linkName,
  linkNotes,
  newLink,
  retypeMovedLinks,
} from '../../src/model/meaning';
import * as ops from '../../src/model/ops';
import type { CrosswalkDocument, Endpoint, Link, LinkKind } from '../../src/model/types';

/** Freezes deeply, so a test fails if an operation mutates its input. */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const doc: CrosswalkDocument = deepFreeze({
  format: 'crosswalk',
  version: 1,
  title: 'T',
  systems: [
    { id: 'hr', name: 'Workday' },
    { id: 'idp', name: 'Okta' },
    { id: 'chat', name: 'Slack' },
  ],
  entities: [
    { id: 'w', name: 'Worker', system: 'hr', fields: [{ id: 'email', name: 'Work_Email' }, { id: 'mgr', name: 'manager' }] },
    { id: 'p', name: 'Position', system: 'hr', fields: [{ id: 'id', name: 'id' }] },
    { id: 'u', name: 'User', system: 'idp', fields: [{ id: 'login', name: 'login' }] },
    { id: 'c', name: 'Member', system: 'chat', fields: [{ id: 'handle', name: 'handle' }] },
    { id: 'loose', name: 'Loose', fields: [{ id: 'x', name: 'x' }] },
    { id: 'loose2', name: 'Loose 2', fields: [] },
  ],
  links: [
    { id: 'm', kind: 'mapping', from: { entity: 'w', field: 'email' }, to: { entity: 'u', field: 'login' }, transform: 'lowercase' },
    { id: 'r', kind: 'relation', from: { entity: 'w', field: 'mgr' }, to: { entity: 'p', field: 'id' } },
    { id: 'set', kind: 'relation', from: { entity: 'u' }, to: { entity: 'c' } },
    { id: 'f', kind: 'flow', from: { system: 'hr' }, to: { system: 'idp' }, protocol: 'SCIM' },
    { id: 'f2', kind: 'flow', from: { system: 'idp' }, to: { system: 'chat' } },
  ],
  notes: [{ id: 'n', text: 'hi' }],
});

describe('kindForConnection', () => {
  it.each<[string, Endpoint, Endpoint, LinkKind | undefined]>([
    ['field to field across systems: a mapping', { entity: 'w', field: 'email' }, { entity: 'u', field: 'login' }, 'mapping'],
    ['field to field inside one system: a relation', { entity: 'w', field: 'mgr' }, { entity: 'p', field: 'id' }, 'relation'],
    ['entity to entity across systems: a mapping', { entity: 'w' }, { entity: 'u' }, 'mapping'],
    ['entity to itself: a relation (a self reference)', { entity: 'w' }, { entity: 'w' }, 'relation'],
    ['two fields of one entity: a relation', { entity: 'w', field: 'email' }, { entity: 'w', field: 'mgr' }, 'relation'],
    ['entities in no system: a relation', { entity: 'loose' }, { entity: 'loose2' }, 'relation'],
    ['an entity in no system to one in a system: a mapping', { entity: 'loose' }, { entity: 'u' }, 'mapping'],
    ['system to system: a flow', { system: 'hr' }, { system: 'idp' }, 'flow'],
    ['system to entity: nothing', { system: 'hr' }, { entity: 'u' }, undefined],
    ['a field to itself: nothing', { entity: 'w', field: 'email' }, { entity: 'w', field: 'email' }, undefined],
  ])('%s', (_name, from, to, kind) => {
    expect(kindForConnection(doc, from, to)).toBe(kind);
  });

  it('isSelfLink is true only for one field to the same field', () => {
    expect(isSelfLink({ entity: 'w', field: 'email' }, { entity: 'w', field: 'email' })).toBe(true);
    expect(isSelfLink({ entity: 'w' }, { entity: 'w' })).toBe(false);
    expect(isSelfLink({ entity: 'w', field: 'email' }, { entity: 'p', field: 'email' })).toBe(false);
  });
});

describe('newLink', () => {
  it.each<[string, Endpoint, Endpoint, Partial<Link> | undefined]>([
    ['a relation starts with the default cardinality', { entity: 'w', field: 'mgr' }, { entity: 'p', field: 'id' }, { kind: 'relation', cardinality: { from: 'zero-or-more', to: 'exactly-one' } }],
    ['a mapping has no cardinality', { entity: 'w', field: 'email' }, { entity: 'u', field: 'login' }, { kind: 'mapping' }],
    ['a flow has no cardinality', { system: 'hr' }, { system: 'chat' }, { kind: 'flow' }],
    ['no link from a field to itself', { entity: 'u', field: 'login' }, { entity: 'u', field: 'login' }, undefined],
  ])('%s', (_name, from, to, expected) => {
    const link = newLink(doc, 'x', from, to);
    if (expected === undefined) expect(link).toBeUndefined();
    else expect(link).toEqual({ id: 'x', from, to, ...expected });
  });

  it('gives each relation its own cardinality object (the default is never shared)', () => {
    const link = newLink(doc, 'x', { entity: 'w' }, { entity: 'p' })!;
    expect(link.cardinality).not.toBe(DEFAULT_CARDINALITY);
    expect(Object.isFrozen(DEFAULT_CARDINALITY)).toBe(true);
  });
});

describe('cardinalityOf', () => {
  it.each<[string, Link, ReturnType<typeof cardinalityOf>]>([
    ['a relation without one: the default', { id: 'r', kind: 'relation', from: { entity: 'a' }, to: { entity: 'b' } }, { from: 'zero-or-more', to: 'exactly-one' }],
    ['a relation with one: its own', { id: 'r', kind: 'relation', from: { entity: 'a' }, to: { entity: 'b' }, cardinality: { from: 'one-or-more', to: 'zero-or-one' } }, { from: 'one-or-more', to: 'zero-or-one' }],
    ['a mapping: none, even if one is stored', { id: 'm', kind: 'mapping', from: { entity: 'a' }, to: { entity: 'b' }, cardinality: { from: 'one-or-more', to: 'zero-or-one' } }, undefined],
    ['a flow: none', { id: 'f', kind: 'flow', from: { system: 'a' }, to: { system: 'b' } }, undefined],
  ])('%s', (_name, link, expected) => {
    expect(cardinalityOf(link)).toEqual(expected);
  });
});

describe('link text', () => {
  const base = { id: 'l', from: { entity: 'w', field: 'email' }, to: { entity: 'u', field: 'login' } } as const;
  it.each<[string, Link, string[]]>([
    ['a mapping: transform, then label', { ...base, kind: 'mapping', transform: 'lowercase', label: 'work address' }, ['lowercase', 'work address']],
    ['a mapping with only a label', { ...base, kind: 'mapping', label: 'work address' }, ['work address']],
    ['a mapping shows no protocol', { ...base, kind: 'mapping', protocol: 'SCIM' }, []],
    ['a relation: its label only', { ...base, kind: 'relation', label: 'reports to', transform: 'x' }, ['reports to']],
    ['a flow: label, protocol, schedule', { id: 'f', kind: 'flow', from: { system: 'hr' }, to: { system: 'idp' }, label: 'joiners', protocol: 'SCIM', schedule: 'hourly' }, ['joiners', 'SCIM', 'hourly']],
    ['blank parts are left out', { id: 'f', kind: 'flow', from: { system: 'hr' }, to: { system: 'idp' }, label: '  ', schedule: 'nightly' }, ['nightly']],
    ['names keep every character', { ...base, kind: 'mapping', transform: '<script>"a" · b</script>\n2' }, ['<script>"a" · b</script>\n2']],
  ])('%s', (_name, link, parts) => {
    expect(linkLabelParts(link)).toEqual(parts);
    expect(linkLabel(link)).toBe(parts.join(' · '));
  });

  it.each<[string, Endpoint, string]>([
    ['a system by its name', { system: 'idp' }, 'Okta'],
    ['an entity by its name', { entity: 'w' }, 'Worker'],
    ['a field as Entity.Field', { entity: 'w', field: 'email' }, 'Worker.Work_Email'],
    ['a missing field by its id', { entity: 'w', field: 'gone' }, 'Worker.gone'],
    ['a missing entity by its id', { entity: 'gone' }, 'gone'],
    ['a missing system by its id', { system: 'gone' }, 'gone'],
  ])('names %s', (_name, ep, text) => {
    expect(endpointNamer(doc)(ep)).toBe(text);
    expect(describeEndpoint(doc, ep)).toBe(text);
  });

  it('names a link by its ends, or its label in lists', () => {
    const name = endpointNamer(doc);
    expect(linkEnds(name, doc.links[0])).toBe('Worker.Work_Email → User.login');
    expect(linkName(name, doc.links[0])).toBe('Worker.Work_Email → User.login');
    expect(linkName(name, { ...doc.links[0], label: ' Email ' })).toBe('Email');
  });
});

describe('focusScope', () => {
  const sorted = (s: Set<string>) => [...s].sort();
  it.each<[string, string[], { focused: string[]; systems: string[]; entities: string[]; frames: string[]; links: string[]; notes: string[] }]>([
    ['nothing for an empty focus', [], { focused: [], systems: [], entities: [], frames: [], links: [], notes: [] }],
    [
      'a system: it, its entities and the links inside it',
      ['hr'],
      { focused: ['hr', 'p', 'w'], systems: ['hr'], entities: ['p', 'w'], frames: [], links: ['r'], notes: [] },
    ],
    [
      'two systems: the links between them too (mappings and flows)',
      ['hr', 'idp'],
      { focused: ['hr', 'idp', 'p', 'u', 'w'], systems: ['hr', 'idp'], entities: ['p', 'u', 'w'], frames: [], links: ['f', 'm', 'r'], notes: [] },
    ],
    [
      'a link: it, its ends and their systems as frames, but not other links of those ends',
      ['m'],
      { focused: ['m'], systems: [], entities: ['u', 'w'], frames: ['hr', 'idp'], links: ['m'], notes: [] },
    ],
    [
      'a flow: its systems as frames',
      ['f2'],
      { focused: ['f2'], systems: [], entities: [], frames: ['chat', 'idp'], links: ['f2'], notes: [] },
    ],
    [
      'two entities: the links whose both ends are focused',
      ['w', 'p'],
      { focused: ['p', 'w'], systems: [], entities: ['p', 'w'], frames: ['hr'], links: ['r'], notes: [] },
    ],
    [
      'an entity and a note; unknown ids are ignored',
      ['u', 'n', 'ghost'],
      { focused: ['n', 'u'], systems: [], entities: ['u'], frames: ['idp'], links: [], notes: ['n'] },
    ],
  ])('%s', (_name, focus, expected) => {
    const scope = focusScope(doc, focus);
    expect({
      focused: sorted(scope.focused),
      systems: sorted(scope.systems),
      entities: sorted(scope.entities),
      frames: sorted(scope.frames),
      links: sorted(scope.links),
      notes: sorted(scope.notes),
    }).toEqual(expected);
    expect(sorted(scope.lit)).toEqual(
      [...new Set([...expected.systems, ...expected.entities, ...expected.frames, ...expected.links, ...expected.notes])].sort(),
    );
  });
});

describe('kinds the user set are never re-derived behind their back', () => {
  // The user set `set` (User ↔ Member, across systems) to "relation" against the rule.
  const kinds = (d: CrosswalkDocument) => Object.fromEntries(d.links.map((l) => [l.id, l.kind]));

  it('renaming an unrelated entity changes no link', () => {
    const next = ops.updateEntity(doc, 'p', { name: 'Job' });
    expect(kinds(next)).toEqual(kinds(doc));
    expect(next.links).toBe(doc.links);
  });

  it('renaming or describing an entity on a link changes no link', () => {
    const next = ops.updateEntity(ops.updateEntity(doc, 'u', { name: 'Account' }), 'u', { description: 'x' });
    expect(next.links).toBe(doc.links);
  });

  it('moving an entity leaves the links of entities that did not move alone', () => {
    const next = ops.updateEntity(doc, 'p', { system: 'idp' });
    expect(next.links.find((l) => l.id === 'm')).toBe(doc.links[0]);
    expect(next.links.find((l) => l.id === 'set')).toBe(doc.links[2]);
  });

  it('a link of a moved entity that followed the rule follows it after the move', () => {
    const moved = ops.updateEntity(doc, 'p', { system: 'idp' });
    expect(kinds(moved).r).toBe('mapping');
    expect(kinds(ops.updateEntity(moved, 'p', { system: 'hr' })).r).toBe('relation');
  });

  it('a link of a moved entity whose kind the user set against the rule keeps it', () => {
    // `set` is a relation across systems; moving Member to yet another place keeps it a relation.
    const moved = ops.updateEntity(doc, 'c', { system: 'hr' });
    expect(kinds(moved).set).toBe('relation');
    const out = ops.updateEntity(doc, 'c', { system: undefined });
    expect(kinds(out).set).toBe('relation');
  });

  it('retypeMovedLinks touches nothing when nothing moved', () => {
    expect(retypeMovedLinks(doc, doc, new Set())).toBe(doc);
  });

  it('a user change of kind survives a later unrelated move', () => {
    const userSet = ops.updateLink(doc, 'r', { kind: 'mapping' });
    const next = ops.updateEntity(userSet, 'u', { system: 'chat' });
    expect(kinds(next).r).toBe('mapping');
  });
});

describe('linkNotes', () => {
  it.each<[string, Partial<Link>, string]>([
    ['label and description', { label: 'work', description: 'primary address' }, 'work — primary address'],
    ['label only', { label: 'work' }, 'work'],
    ['description only', { description: 'primary address' }, 'primary address'],
    ['blank parts left out', { label: ' ', description: '' }, ''],
  ])('%s', (_name, patch, text) => {
    expect(linkNotes({ id: 'm', kind: 'mapping', from: { entity: 'a' }, to: { entity: 'b' }, ...patch })).toBe(text);
  });
});
