import { describe, expect, it } from 'vitest';
import { formatSources, mappingRows, parseSourceCell, setRowSources, setRowText, systemPair } from '../../src/model/mapping-table';
import type { CrosswalkDocument } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';

function doc(): CrosswalkDocument {
  return {
    format: 'crosswalk',
    version: 1,
    title: 'Table',
    systems: [{ id: 'wd', name: 'Workday' }, { id: 'okta', name: 'Okta' }],
    entities: [
      { id: 'worker', name: 'Worker', system: 'wd', fields: [{ id: 'mail', name: 'Work_Email', type: 'string' }, { id: 'first', name: 'First_Name' }, { id: 'last', name: 'Last_Name' }, { id: 'hired', name: 'Hire_Date', type: 'date' }] },
      { id: 'user', name: 'User', system: 'okta', fields: [{ id: 'login', name: 'login', type: 'string', required: true }, { id: 'display', name: 'displayName' }, { id: 'start', name: 'startDate', type: 'datetime' }, { id: 'nick', name: 'nickName' }] },
    ],
    links: [
      { id: 'm-login', kind: 'mapping', from: { entity: 'worker', field: 'mail' }, to: { entity: 'user', field: 'login' }, transform: 'lowercase', description: 'UPN' },
      { id: 'm-start', kind: 'mapping', from: { entity: 'worker', field: 'hired' }, to: { entity: 'user', field: 'start' } },
    ],
    walkthrough: [{ id: 's1', title: 'Step', focus: ['m-login'] }],
  };
}

const pair = systemPair(doc(), 'wd', 'okta');
const valid = (d: CrosswalkDocument) => {
  const r = validateDocument(d);
  expect(r.ok ? [] : r.problems).toEqual([]);
  return d;
};

describe('mapping table rows', () => {
  it('has one row per target field, mapped or not, with sources, transform, notes and status', () => {
    const rows = mappingRows(doc(), pair);
    expect(rows.map((r) => [r.field.name, formatSources(doc(), r.sources, false), r.transform, r.notes, r.status])).toEqual([
      ['login', 'Work_Email', 'lowercase', 'UPN', 'mapped'],
      ['displayName', '', '', '', 'unmapped'],
      ['startDate', 'Hire_Date', '', '', 'type-mismatch'],
      ['nickName', '', '', '', 'unmapped'],
    ]);
  });

  it('marks a required field with no source', () => {
    const d = setRowSources(doc(), pair, { entity: 'user', field: 'login' }, []);
    expect(mappingRows(d, pair)[0].status).toBe('unmapped-required');
    expect(d.walkthrough?.[0].focus).toEqual([]);
    valid(d);
  });

  it('adds a mapping per new source, carrying the transform, as one row with several sources', () => {
    let d = setRowSources(doc(), pair, { entity: 'user', field: 'display' }, [{ entity: 'worker', field: 'first' }, { entity: 'worker', field: 'last' }]);
    d = setRowText(d, pair, { entity: 'user', field: 'display' }, 'transform', 'first + " " + last');
    const row = mappingRows(valid(d), pair)[1];
    expect(formatSources(d, row.sources, true)).toBe('Worker.First_Name + Worker.Last_Name');
    expect(row.links.map((l) => l.transform)).toEqual(['first + " " + last', 'first + " " + last']);
    expect(row.status).toBe('multiple-sources');
  });

  it('keeps the document when nothing changes, and removes a text when emptied', () => {
    const d = doc();
    expect(setRowSources(d, pair, { entity: 'user', field: 'login' }, [{ entity: 'worker', field: 'mail' }])).toBe(d);
    expect(setRowText(d, pair, { entity: 'user', field: 'login' }, 'transform', 'lowercase')).toBe(d);
    expect(setRowText(d, pair, { entity: 'user', field: 'nick' }, 'transform', 'x')).toBe(d);
    const cleared = setRowText(d, pair, { entity: 'user', field: 'login' }, 'notes', '');
    expect(cleared.links[0]).not.toHaveProperty('description');
  });

  it('reads a typed or pasted source cell by field name, Entity.field or entity, case-insensitive', () => {
    expect(parseSourceCell(doc(), pair, 'first_name + WORKER.last_name, Nope')).toEqual({
      sources: [{ entity: 'worker', field: 'first' }, { entity: 'worker', field: 'last' }],
      unknown: ['Nope'],
    });
    expect(parseSourceCell(doc(), pair, 'Worker').sources).toEqual([{ entity: 'worker' }]);
  });
});
