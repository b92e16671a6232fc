import { describe, expect, it } from 'vitest';
import { guessSqlDialect } from '../../../src/formats/sql/dialect';
import { importSql } from '../../../src/formats/sql/import';
import type { CrosswalkDocument, Link } from '../../../src/model/types';
import { validateDocument } from '../../../src/model/validate';

async function imported(sql: string, dialect: 'postgresql' | 'mysql' | 'mssql' = 'postgresql'): Promise<CrosswalkDocument> {
  const r = await importSql(sql, { dialect });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(validateDocument(r.doc).ok).toBe(true);
  return r.doc;
}

const relation = (doc: CrosswalkDocument, from: string): Link | undefined =>
  doc.links.find((l) => 'entity' in l.from && doc.entities.find((e) => e.id === (l.from as { entity: string }).entity)?.name === from);

describe('SQL DDL import', () => {
  it('gives each foreign key the cardinality its columns imply', async () => {
    const doc = await imported(`
      CREATE TABLE person (id int PRIMARY KEY);
      CREATE TABLE required_fk (id int PRIMARY KEY, person_id int NOT NULL REFERENCES person (id));
      CREATE TABLE nullable_fk (id int PRIMARY KEY, person_id int REFERENCES person (id));
      CREATE TABLE unique_fk (id int PRIMARY KEY, person_id int NOT NULL UNIQUE REFERENCES person (id));
      CREATE TABLE extension (person_id int PRIMARY KEY REFERENCES person (id), bio text);`);
    expect(relation(doc, 'required_fk')?.cardinality).toEqual({ from: 'zero-or-more', to: 'exactly-one' });
    expect(relation(doc, 'nullable_fk')?.cardinality).toEqual({ from: 'zero-or-more', to: 'zero-or-one' });
    expect(relation(doc, 'unique_fk')?.cardinality).toEqual({ from: 'zero-or-one', to: 'exactly-one' });
    expect(relation(doc, 'extension')?.cardinality).toEqual({ from: 'zero-or-one', to: 'exactly-one' });
    // A column that is both PK and FK is PK, and its foreign key is still a relation.
    expect(doc.entities.find((e) => e.name === 'extension')?.fields[0]).toMatchObject({ name: 'person_id', key: 'PK', required: true });
  });

  it('puts each schema in its own system, and unqualified tables in one named after the file', async () => {
    const r = await importSql('CREATE TABLE hr.a (x int); CREATE TABLE b (y int); CREATE TABLE "Sales Ops".c (z int);', { fileName: 'warehouse.sql' });
    if (!r.ok) throw new Error('import failed');
    expect(r.doc.systems.map((s) => s.name)).toEqual(['hr', 'warehouse', 'Sales Ops']);
    expect(r.doc.title).toBe('warehouse');
    const none = await imported('CREATE TABLE b (y int)');
    expect(none.systems.map((s) => s.name)).toEqual(['Database']);
  });

  it('reads foreign keys declared after the tables, in ALTER TABLE, and to the primary key when no column is named', async () => {
    const doc = await imported(`
      CREATE TABLE child (id int, parent_id int NOT NULL);
      ALTER TABLE child ADD CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent;
      ALTER TABLE child ADD PRIMARY KEY (id), ADD COLUMN note text NOT NULL;
      CREATE TABLE parent (pid int PRIMARY KEY);`);
    const child = doc.entities.find((e) => e.name === 'child')!;
    expect(child.fields.map((f) => [f.name, f.key, f.required])).toEqual([
      ['id', 'PK', true],
      ['parent_id', 'FK', true],
      ['note', undefined, true],
    ]);
    expect(doc.links[0].to).toEqual({ entity: 'parent', field: 'pid' });
  });

  it('skips a statement it cannot read, with its line, and imports the rest whole', async () => {
    const r = await importSql('CREATE TABLE good (id int PRIMARY KEY);\n\nCREATE TABLE bad (id int PRIMARY KEY,\n  name text NOT NUL);\nCREATE TABLE other (id int);');
    if (!r.ok) throw new Error('import failed');
    expect(r.doc.entities.map((e) => e.name)).toEqual(['good', 'other']);
    expect(r.warnings[0]).toEqual({ line: 4, message: 'cannot read CREATE TABLE bad (stopped at "NOT"); skipped' });
  });

  it('fails, with every reason, when no table can be read', async () => {
    const r = await importSql('CREATE TABLE (id int);\nINSERT INTO t VALUES (1);', { dialect: 'postgresql' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([1, undefined]);
    expect(r.errors[1].message).toBe('no table could be read from this PostgreSQL script');
  });

  it('guesses the dialect from what only one dialect writes', () => {
    expect(guessSqlDialect('CREATE TABLE `a` (id int) ENGINE=InnoDB;')).toBe('mysql');
    expect(guessSqlDialect('CREATE TABLE [dbo].[a] ([id] int)\nGO')).toBe('mssql');
    expect(guessSqlDialect('CREATE TABLE a (id int);')).toBe('postgresql');
  });
});
