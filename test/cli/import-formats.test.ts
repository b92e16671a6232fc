import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../src/cli/run';
import { parseDocumentText } from '../../src/io/file';
import { needsLayout } from '../../src/layout/elk';
import { fakeIo } from './fake-io';

const example = readFileSync(new URL('../../examples/identity-lifecycle.crosswalk.json', import.meta.url), 'utf8');
const shop = readFileSync(new URL('../formats/sql/cases/mysql-shop/input.sql', import.meta.url), 'utf8');

function open(text: string | Uint8Array | undefined) {
  const result = parseDocumentText(typeof text === 'string' ? text : '');
  if (!result.ok) throw new Error('the written document does not open');
  return result.doc;
}

describe('import: every format of the registry', () => {
  it('reads SQL DDL, guessing the format from .sql and the dialect from the script', async () => {
    const io = fakeIo({ 'shop.sql': shop });
    expect(await runCli(['import', 'shop.sql', '-o', 'shop.crosswalk.json'], io)).toBe(0);
    const doc = open(io.written.get('shop.crosswalk.json'));
    expect(doc.entities.map((e) => e.name)).toEqual(['customer', 'address', 'product', 'order', 'order_line', 'payment']);
    expect(doc.systems.map((s) => s.name)).toEqual(['shop']);
    expect(needsLayout(doc)).toBe(false);
    expect(io.out).toBe('wrote shop.crosswalk.json (1 system, 6 entities, 6 links)\n');
  });

  it('prints FILE:line N for each statement skipped, and fails with every reason when nothing is readable', async () => {
    const partial = fakeIo({ 'db.ddl': 'CREATE TABLE a (id int);\nCREATE TABLE b (id int NOT NUL);\n' });
    expect(await runCli(['import', 'db.ddl', '--from', 'sql', '--dialect', 'postgresql'], partial)).toBe(0);
    expect(partial.err).toBe('warning: db.ddl:line 2: cannot read CREATE TABLE b (stopped at "NOT"); skipped\n');
    expect(open(partial.out).entities.map((e) => e.name)).toEqual(['a']);

    const none = fakeIo({ 'db.sql': 'CREATE TABLE b (id int NOT NUL);' });
    expect(await runCli(['import', 'db.sql', '-o', 'out.json'], none)).toBe(1);
    expect(none.err).toBe('db.sql:line 1: cannot read CREATE TABLE b (stopped at "NOT"); skipped\ndb.sql: no table could be read from this PostgreSQL script\n');
    expect(none.written.size).toBe(0);
  });

  it('merges a mapping sheet --into a document, matching by name, and validates what it writes', async () => {
    const sheet = 'source_system,source_entity,source_field,target_system,target_entity,target_field,transform,notes\nworkday,worker,Work_Email,OKTA,user,login,lowercase,\nWorkday,Worker,Cost_Center,Okta,User,costCenter,,new field\n';
    const io = fakeIo({ 'doc.json': example, 'map.csv': sheet });
    const before = open(example);
    expect(await runCli(['import', 'map.csv', '--into', 'doc.json', '-o', 'merged.json'], io)).toBe(0);
    const merged = open(io.written.get('merged.json'));
    expect(merged.title).toBe(before.title);
    expect(merged.systems).toHaveLength(before.systems.length);
    expect(merged.entities).toHaveLength(before.entities.length);
    expect(merged.links.length).toBeGreaterThan(before.links.length);
    expect(io.out).toMatch(/; added 0 systems, 0 entities, 2 fields, \d+ links?\)\n$/);
  });

  it('reports the mapping sheet’s errors with their lines, writing nothing', async () => {
    const io = fakeIo({ 'map.csv': 'source_entity,target_entity,colour\nA,B,red\n' });
    expect(await runCli(['import', 'map.csv', '-o', 'x.json'], io)).toBe(1);
    expect(io.err).toMatch(/^map\.csv:line 1: unknown column "colour"/);
    expect(io.written.size).toBe(0);
  });

  it('writes the mapping sheet back out with export --to csv-mappings', async () => {
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(['export', 'doc.json', '--to', 'csv-mappings'], io)).toBe(0);
    expect(io.out.split('\r\n')[0]).toBe('source_system,source_entity,source_field,target_system,target_entity,target_field,transform,notes');
    const mappings = open(example).links.filter((l) => l.kind === 'mapping').length;
    expect(io.out.split('\r\n').filter(Boolean)).toHaveLength(mappings + 1);
  });

  it('takes a sheet exported, edited in a spreadsheet and imported --into back as updates, not second mappings', async () => {
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(['export', 'doc.json', '--to', 'csv-mappings', '-o', 'sheet.csv'], io)).toBe(0);
    const written = io.written.get('sheet.csv');
    const sheet = typeof written === 'string' ? written : new TextDecoder().decode(written);
    const edited = sheet.replace('Workday,Worker,Work_Email,Okta,User,login,lowercase,', 'Workday,Worker,Work_Email,Okta,User,login,lower(trim(x)),UPN');
    expect(edited).not.toBe(sheet);
    io.files.set('sheet.csv', edited);
    expect(await runCli(['import', 'sheet.csv', '--into', 'doc.json', '-o', 'merged.json'], io)).toBe(0);
    expect(io.out).toMatch(/; added 0 systems, 0 entities, 0 fields, 0 links; updated 1 link\)\n$/);
    const before = open(example);
    const merged = open(io.written.get('merged.json'));
    expect(merged.links).toHaveLength(before.links.length);
    const login = merged.links.find((l) => l.kind === 'mapping' && 'field' in l.to && l.to.field === 'login' && 'field' in l.from && l.from.field === 'work_email');
    expect(login).toMatchObject({ transform: 'lower(trim(x))', description: 'UPN' });
    io.files.set('merged.json', io.written.get('merged.json')!);
    expect(await runCli(['check', 'merged.json', '--strict'], io)).toBe(0);
  });

  it.each([
    [['import', 'shop.sql', '--from', 'xlsx'], 'unknown format "xlsx" for --from (one of mermaid, json, csv, sql'],
    [['import', 'shop.sql', '--dialect', 'oracle'], 'unknown dialect "oracle" (one of postgresql, mysql, mssql)'],
    [['import', 'map.csv', '--dialect', 'mysql'], '--dialect is for SQL'],
    [['import', 'notes.txt'], 'cannot tell what format "notes.txt" is in: give --from'],
  ])('exits 2 on %j', async (argv, message) => {
    const io = fakeIo({ 'shop.sql': shop, 'map.csv': 'source_entity,target_entity\nA,B\n', 'notes.txt': 'hello' });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err).toContain(USAGE);
    expect(io.written.size).toBe(0);
  });
});
