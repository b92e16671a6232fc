import { describe, expect, it } from 'vitest';
import { formatBlock, gridCommand, parseBlock, selectedRange, type GridCursor } from '../../../src/app/mapping/grid';
import { pasteBlock } from '../../../src/app/mapping/paste';
import { mappingRows, systemPair } from '../../../src/model/mapping-table';
import type { CrosswalkDocument } from '../../../src/model/types';

const at = (row: number, col: number): GridCursor => ({ active: { row, col }, anchor: { row, col } });
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('grid keys', () => {
  it.each([
    ['ArrowDown', {}, { kind: 'move', to: { row: 3, col: 1 }, extend: false }],
    ['ArrowUp', { shiftKey: true }, { kind: 'move', to: { row: 1, col: 1 }, extend: true }],
    ['ArrowLeft', {}, { kind: 'move', to: { row: 2, col: 0 }, extend: false }],
    ['Tab', {}, { kind: 'move', to: { row: 2, col: 2 }, extend: false }],
    ['Enter', {}, { kind: 'edit' }],
    ['x', {}, { kind: 'edit', initial: 'x' }],
    ['Delete', {}, { kind: 'clear' }],
    ['Escape', {}, { kind: 'none' }],
    ['c', { ctrlKey: true }, { kind: 'none' }],
  ])('%s %j', (k, mods, expected) => {
    expect(gridCommand(key(k, mods), at(2, 1), 10)).toEqual(expected);
  });

  it('stays inside the table and never edits the target or status column', () => {
    expect(gridCommand(key('ArrowUp'), at(0, 0), 5)).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
    expect(gridCommand(key('PageDown'), at(0, 4), 5)).toEqual({ kind: 'move', to: { row: 4, col: 4 }, extend: false });
    expect(gridCommand(key('a'), at(0, 0), 5)).toEqual({ kind: 'none' });
    expect(gridCommand(key('Enter'), at(0, 4), 5)).toEqual({ kind: 'none' });
    expect(gridCommand(key('ArrowDown'), at(0, 1), 0)).toEqual({ kind: 'none' });
  });

  it('spans the rectangle between anchor and active cell', () => {
    expect(selectedRange({ anchor: { row: 5, col: 3 }, active: { row: 2, col: 1 } })).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
  });
});

describe('clipboard text', () => {
  it('reads tab-separated blocks with quoted cells, commas and semicolons, and a plain column', () => {
    expect(parseBlock('a\tb\r\nc\t"d\te"\n')).toEqual([['a', 'b'], ['c', 'd\te']]);
    expect(parseBlock('a,b\nc,"d, e"')).toEqual([['a', 'b'], ['c', 'd, e']]);
    expect(parseBlock('a;b\nc;d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseBlock('first name\nlast, name')).toEqual([['first name'], ['last, name']]);
    expect(parseBlock('')).toEqual([]);
  });

  it('writes blocks a spreadsheet reads back the same', () => {
    const cells = [['a', 'b "quoted"'], ['line\nbreak', 'tab\there']];
    expect(parseBlock(formatBlock(cells))).toEqual(cells);
  });
});

describe('pasting a block', () => {
  const doc: CrosswalkDocument = {
    format: 'crosswalk',
    version: 1,
    title: 'Paste',
    systems: [{ id: 'wd', name: 'Workday' }, { id: 'okta', name: 'Okta' }],
    entities: [
      { id: 'worker', name: 'Worker', system: 'wd', fields: ['Work_Email', 'First_Name', 'Last_Name', 'Title'].map((n) => ({ id: n.toLowerCase(), name: n })) },
      { id: 'user', name: 'User', system: 'okta', fields: ['login', 'firstName', 'lastName', 'title', 'displayName'].map((n) => ({ id: n, name: n })) },
    ],
    links: [],
  };
  const pair = systemPair(doc, 'wd', 'okta');

  it('fills source, transform and notes from the active cell down', () => {
    const result = pasteBlock(doc, pair, mappingRows(doc, pair), { row: 0, col: 1 }, [['Work_Email', 'lowercase', 'UPN'], ['First_Name'], ['Nope']]);
    const rows = mappingRows(result.doc, pair);
    expect(rows.slice(0, 3).map((r) => [r.sources.map((s) => s.field), r.transform, r.notes])).toEqual([
      [['work_email'], 'lowercase', 'UPN'],
      [['first_name'], '', ''],
      [[], '', ''],
    ]);
    expect(result.changed).toBe(2);
    expect(result.problems).toEqual(['Row 3: no source field named "Nope"']);
  });

  it('finds rows by target name when the block starts in the target column', () => {
    const result = pasteBlock(doc, pair, mappingRows(doc, pair), { row: 0, col: 0 }, [['title', 'Title'], ['displayName', 'First_Name + Last_Name', 'first + " " + last'], ['missing', 'Title']]);
    const rows = mappingRows(result.doc, pair);
    expect(rows[3].sources.map((s) => s.field)).toEqual(['title']);
    expect(rows[4].sources.map((s) => s.field)).toEqual(['first_name', 'last_name']);
    expect(rows[4].transform).toBe('first + " " + last');
    expect(result.problems).toEqual(['Row 3: no target field named "missing"']);
  });

  it('reads a header row copied with the rows: the table’s own, or a mapping sheet’s in any order', () => {
    const rows = mappingRows(doc, pair);
    // The table's own headings, copied with a block and pasted back into the target column.
    const own = pasteBlock(doc, pair, rows, { row: 0, col: 0 }, [['Target field', 'Source field(s)', 'Transform', 'Notes', 'Status'], ['login', 'Work_Email', 'lowercase', 'UPN', '']]);
    expect(own.problems).toEqual([]);
    expect(mappingRows(own.doc, pair)[0]).toMatchObject({ sources: [{ entity: 'worker', field: 'work_email' }], transform: 'lowercase', notes: 'UPN' });
    // A mapping sheet's header decides the columns, wherever the block is pasted; rows
    // find their target by name, and a problem names its line in the pasted text.
    const sheet = [
      ['source_system', 'source_entity', 'source_field', 'target_system', 'target_entity', 'target_field', 'transform', 'notes'],
      ['Workday', 'Worker', 'Title', 'Okta', 'User', 'title', '', 'job title'],
      ['Workday', 'Worker', 'First_Name + Last_Name', 'Okta', 'User', 'displayName', 'first + " " + last', ''],
      ['Workday', 'Worker', 'Nope', 'Okta', 'User', 'login', '', ''],
    ];
    const fromSheet = pasteBlock(doc, pair, rows, { row: 2, col: 2 }, sheet);
    const after = mappingRows(fromSheet.doc, pair);
    expect(after[3]).toMatchObject({ sources: [{ entity: 'worker', field: 'title' }], notes: 'job title' });
    expect(after[4].sources.map((s) => s.field)).toEqual(['first_name', 'last_name']);
    expect(after[4].transform).toBe('first + " " + last');
    expect(fromSheet.problems).toEqual(['Row 4: no source field named "Worker.Nope"']);
    // Columns the header lacks are left alone (no source column: the mapping stays).
    const notesOnly = pasteBlock(own.doc, pair, mappingRows(own.doc, pair), { row: 0, col: 1 }, [['target_field', 'notes'], ['login', 'sign-in name']]);
    expect(mappingRows(notesOnly.doc, pair)[0]).toMatchObject({ sources: [{ entity: 'worker', field: 'work_email' }], transform: 'lowercase', notes: 'sign-in name' });
    // A header without the target column: the rows below it paste where the block went.
    const positional = pasteBlock(doc, pair, rows, { row: 1, col: 1 }, [['Source field', 'Transform'], ['First_Name', 'trim']]);
    expect(positional.problems).toEqual([]);
    expect(mappingRows(positional.doc, pair)[1]).toMatchObject({ sources: [{ entity: 'worker', field: 'first_name' }], transform: 'trim' });
    // A first row naming a real target field is data, even when the name looks like a heading.
    const titled = { ...doc, entities: doc.entities.map((e) => (e.id === 'user' ? { ...e, fields: [...e.fields, { id: 'target', name: 'target' }] } : e)) };
    const data = pasteBlock(titled, pair, mappingRows(titled, pair), { row: 0, col: 0 }, [['target', 'Title'], ['login', 'Work_Email']]);
    expect(data.changed).toBe(2);
  });
});
