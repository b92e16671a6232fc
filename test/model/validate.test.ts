import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/model/validate';
import { formatProblem } from '../../src/model/path';

const base = () => ({
  format: 'crosswalk',
  version: 1,
  title: 'T',
  systems: [{ id: 'hr', name: 'HR' }, { id: 'idp', name: 'IdP' }],
  entities: [
    { id: 'w', name: 'Worker', system: 'hr', fields: [{ id: 'email', name: 'email' }, { id: 'id', name: 'id', key: 'PK' }] },
    { id: 'u', name: 'User', system: 'idp', fields: [{ id: 'login', name: 'login' }] },
  ],
  links: [
    { id: 'm', kind: 'mapping', from: { entity: 'w', field: 'email' }, to: { entity: 'u', field: 'login' }, transform: 'lowercase' },
    { id: 'f', kind: 'flow', from: { system: 'hr' }, to: { system: 'idp' } },
  ],
  notes: [{ id: 'n', text: 'hello' }],
  walkthrough: [{ id: 's', title: 'Step', focus: ['w', 'm', 'n', 'hr'] }],
});

function problems(mutate: (d: ReturnType<typeof base>) => void): string[] {
  const d = base();
  mutate(d);
  const r = validateDocument(d);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('validateDocument', () => {
  it('accepts a good document', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it.each<[string, (d: ReturnType<typeof base>) => void, string[]]>([
    ['duplicate field id', (d) => (d.entities[0].fields[1].id = 'email'), ['entities[0].fields[1].id: duplicate id "email"']],
    ['duplicate id across kinds', (d) => (d.walkthrough[0].id = 'w'), ['walkthrough[0].id: duplicate id "w" (also used by entities[0])']],
    ['unknown system of an entity', (d) => (d.entities[1].system = 'crm'), ['entities[1].system: unknown system "crm"']],
    ['unknown entity of a link', (d) => (d.links[0].to = { entity: 'x', field: 'login' }), ['links[0].to.entity: unknown entity "x"']],
    ['unknown field of a link', (d) => (d.links[0].from = { entity: 'w', field: 'phone' }), ['links[0].from.field: unknown field "phone" in entity "w"']],
    ['a flow must join systems', (d) => (d.links[1].to = { entity: 'u' } as never), ['links[1].to: a flow joins two systems: expected {"system": id}']],
    ['a mapping must join entities', (d) => (d.links[0].from = { system: 'hr' } as never), ['links[0].from: expected {"entity": id, "field"?: id}']],
    ['unknown focus id', (d) => d.walkthrough[0].focus.push('ghost'), ['walkthrough[0].focus[4]: unknown id "ghost"']],
    ['empty id', (d) => (d.systems[0].id = ''), ['systems[0].id: must not be empty']],
    ['a mapping from a field to itself', (d) => (d.links[0].to = { entity: 'w', field: 'email' }), ['links[0].to: a mapping cannot join a field to itself']],
    ['a relation from a field to itself', (d) => {
      d.links[0] = { id: 'm', kind: 'relation', from: { entity: 'w', field: 'email' }, to: { entity: 'w', field: 'email' } } as never;
    }, ['links[0].to: a relation cannot join a field to itself']],
    ['an endpoint naming both a system and an entity', (d) => (d.links[0].to = { entity: 'u', system: 'hr' } as never), ['links[0].to: must be {"system": id} or {"entity": id, "field"?: id}, not both']],
  ])('%s', (_name, mutate, expected) => {
    expect(problems(mutate)).toEqual(expected);
  });

  it('reports structural problems with their paths, all of them', () => {
    const p = problems((d) => {
      (d as { title?: string }).title = undefined;
      (d.entities[0].fields[0] as { key?: string }).key = 'XX';
      (d.systems[0] as { position?: unknown }).position = { x: Infinity, y: 0 };
      (d.links[0] as { kind: string }).kind = 'arrow';
    });
    expect(p.some((x) => x.startsWith('title:'))).toBe(true);
    expect(p.some((x) => x.startsWith('entities[0].fields[0].key:'))).toBe(true);
    expect(p.some((x) => x.startsWith('links[0].kind:'))).toBe(true);
    expect(p.length).toBeGreaterThanOrEqual(3);
  });

  it('accepts an entity related to itself (a self reference) and two fields of one entity', () => {
    expect(
      problems((d) => {
        d.links.push({ id: 'self', kind: 'relation', from: { entity: 'w' }, to: { entity: 'w' } } as never);
        d.links.push({ id: 'pair', kind: 'relation', from: { entity: 'w', field: 'email' }, to: { entity: 'w', field: 'id' } } as never);
      }),
    ).toEqual([]);
  });

  it('lists each problem once, in document order, when a file has several', () => {
    const p = problems((d) => {
      d.entities[0].fields[1].id = 'email';
      d.entities[1].system = 'crm';
      d.links[0].to = { entity: 'w', field: 'email' };
      d.walkthrough[0].focus.push('ghost', 'ghost');
    });
    expect(p).toEqual([
      'entities[0].fields[1].id: duplicate id "email"',
      'entities[1].system: unknown system "crm"',
      'links[0].to: a mapping cannot join a field to itself',
      'walkthrough[0].focus[4]: unknown id "ghost"',
      'walkthrough[0].focus[5]: unknown id "ghost"',
    ]);
    expect(new Set(p).size).toBe(p.length);
  });

  it('accepts hostile names: any Unicode, markup, control characters', () => {
    expect(
      problems((d) => {
        d.entities[0].name = '<script>alert(1)</script>';
        d.entities[1].name = 'שלום 👩‍💻 \u0001\u001f "q" %% end';
        d.systems[0].name = 'line\nbreak';
      }),
    ).toEqual([]);
  });
});
