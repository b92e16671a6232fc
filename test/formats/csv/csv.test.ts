import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMappingSheet } from '../../../src/formats/csv/export';
import { importMappingSheet } from '../../../src/formats/csv/import';
import type { CrosswalkDocument } from '../../../src/model/types';
import { validateDocument } from '../../../src/model/validate';
import { arbitraryDocument } from '../../fixtures/arbitrary-doc';

const HEADER = 'source_system,source_entity,source_field,target_system,target_entity,target_field,transform,notes';

const doc: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Sheet',
  systems: [
    { id: 'wd', name: 'Workday' },
    { id: 'okta', name: 'Okta' },
  ],
  entities: [
    { id: 'worker', name: 'Worker', system: 'wd', fields: [{ id: 'mail', name: 'Work_Email' }] },
    { id: 'user', name: 'User', system: 'okta', fields: [{ id: 'login', name: 'login' }] },
    { id: 'loose', name: 'Loose, "quoted"', fields: [] },
  ],
  links: [
    { id: 'm1', kind: 'mapping', from: { entity: 'worker', field: 'mail' }, to: { entity: 'user', field: 'login' }, transform: 'lowercase', description: 'The sign-in name;\nnever changes' },
    { id: 'm2', kind: 'mapping', from: { entity: 'worker' }, to: { entity: 'loose' } },
    { id: 'r1', kind: 'relation', from: { entity: 'worker' }, to: { entity: 'worker' } },
  ],
};

describe('mapping sheet export', () => {
  it('writes exactly the header, one row per mapping, notes from the description, empty field cells for whole entities', () => {
    expect(exportMappingSheet(doc)).toBe(
      `${HEADER}\r\n` +
        'Workday,Worker,Work_Email,Okta,User,login,lowercase,"The sign-in name;\nnever changes"\r\n' +
        'Workday,Worker,,,"Loose, ""quoted""",,,\r\n',
    );
  });

  it('writes only the header for a document without mappings', () => {
    expect(exportMappingSheet({ ...doc, links: [] })).toBe(`${HEADER}\r\n`);
  });
});

describe('mapping sheet import', () => {
  it('reads back what export wrote: the same mappings between the same names', () => {
    const back = importMappingSheet(exportMappingSheet(doc));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(exportMappingSheet(back.doc)).toBe(exportMappingSheet(doc));
    expect(back.doc.links.map((l) => [l.transform, l.description])).toEqual([
      ['lowercase', 'The sign-in name;\nnever changes'],
      [undefined, undefined],
    ]);
  });

  it('matches names case-insensitively, so one entity is made once', () => {
    const r = importMappingSheet('source_entity,source_field,target_entity,target_field\nWorker,a,User,x\nworker,A,USER,X\n');
    expect(r.ok && r.doc.entities.map((e) => [e.name, e.fields.map((f) => f.name)])).toEqual([
      ['Worker', ['a']],
      ['User', ['x']],
    ]);
  });

  it('fails with every problem and its line, and makes no document', () => {
    const r = importMappingSheet('source_entity,target_entity\nA,\n,B\nA,B\n');
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 2, message: 'the row names no target entity' },
        { line: 3, message: 'the row names no source entity' },
      ],
    });
  });

  it('refuses a sheet without the endpoint columns, or without rows', () => {
    const noTarget = importMappingSheet('source_entity,transform\nA,x\n');
    expect(!noTarget.ok && noTarget.errors).toEqual([{ line: 1, message: 'the header has no target_entity column' }]);
    const empty = importMappingSheet('source_entity,target_entity\r\n\r\n');
    expect(!empty.ok && empty.errors[0].message).toBe('the sheet has a header but no mapping rows');
    expect(importMappingSheet('').ok).toBe(false);
  });

  /** Names a sheet keeps as they are: no surrounding spaces (cells are trimmed), plain newlines. */
  const sheetSafe = (name: string) => name.replace(/\r\n?/g, '\n').trim() || 'x';

  it('round-trips any names: export → import → export is stable', () => {
    fc.assert(
      fc.property(arbitraryDocument({ maxLinks: 10 }), (random) => {
        const d: CrosswalkDocument = {
          ...random,
          systems: random.systems.map((s) => ({ ...s, name: sheetSafe(s.name) })),
          entities: random.entities.map((e) => ({ ...e, name: sheetSafe(e.name), fields: e.fields.map((f) => ({ ...f, name: sheetSafe(f.name) })) })),
          links: random.links.map((l) => ({ ...l, transform: l.transform?.replace(/\r\n?/g, '\n').trim(), description: l.description?.replace(/\r\n?/g, '\n').trim() })),
        };
        const sheet = exportMappingSheet(d);
        const back = importMappingSheet(sheet);
        if (!d.links.some((l) => l.kind === 'mapping')) {
          expect(back.ok).toBe(false);
          return;
        }
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(validateDocument(back.doc).ok).toBe(true);
        expect(exportMappingSheet(back.doc)).toBe(sheet);
      }),
      { numRuns: 150 },
    );
  });
});
