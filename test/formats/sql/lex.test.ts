import { describe, expect, it } from 'vitest';
import { LexError, splitStatements } from '../../../src/formats/sql/lex';

const texts = (sql: string, dialect: 'postgresql' | 'mysql' | 'mssql' = 'postgresql') =>
  splitStatements(sql, dialect).map((s) => ({ line: s.line, first: s.tokens[0].text, count: s.tokens.length }));

describe('splitting SQL into statements', () => {
  it('ends statements at semicolons outside quotes, comments and dollar-quoting', () => {
    const sql = [
      "CREATE TABLE a (x text DEFAULT ';');",
      '-- a comment; with a semicolon',
      '/* a block;',
      '   comment */ CREATE TABLE "b;c" (y int);',
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      "SELECT $$ ; $$, E'it\\'s ; here';",
    ].join('\n');
    expect(texts(sql).map((s) => [s.line, s.first])).toEqual([
      [1, 'CREATE'],
      [4, 'CREATE'],
      [5, 'CREATE'],
      [6, 'SELECT'],
    ]);
  });

  it('reads quoted names and strings without their quotes, doubled quotes as one', () => {
    const [s] = splitStatements(`CREATE TABLE "a ""b""" (c text COMMENT 'it''s')`, 'postgresql');
    expect(s.tokens.filter((t) => t.kind === 'ident' || t.kind === 'string').map((t) => [t.kind, t.text])).toEqual([
      ['ident', 'a "b"'],
      ['string', "it's"],
    ]);
  });

  it('knows each dialect’s quoting: MySQL backticks and # comments, T-SQL brackets and GO', () => {
    const [mysql] = splitStatements('CREATE TABLE `a``b` (x int) # trailing; comment', 'mysql');
    expect(mysql.tokens[2]).toMatchObject({ kind: 'ident', text: 'a`b' });
    expect(mysql.tokens.some((t) => t.text.includes('trailing'))).toBe(false);
    const mssql = texts('CREATE TABLE [a]]b] (x int)\nGO\nCREATE TABLE c (y int)\n  go  \n', 'mssql');
    expect(mssql.map((s) => s.line)).toEqual([1, 3]);
    expect(splitStatements('CREATE TABLE [a]]b] (x int)', 'mssql')[0].tokens[2].text).toBe('a]b');
  });

  it('keeps the line of every token, across quoted text holding newlines', () => {
    const [s] = splitStatements("CREATE TABLE t (\n  a text DEFAULT 'x\ny',\n  b int\n)", 'postgresql');
    expect(s.tokens.find((t) => t.text === 'b')?.line).toBe(4);
  });

  it('reports an unclosed quote or comment at the line it opens', () => {
    const lineOf = (sql: string) => {
      try {
        splitStatements(sql, 'postgresql');
      } catch (e) {
        return e instanceof LexError ? e.line : -1;
      }
      return 0;
    };
    expect(lineOf("CREATE TABLE a (x int);\nCREATE TABLE b (y text DEFAULT 'no end)")).toBe(2);
    expect(lineOf('SELECT 1;\n\n/* never closed')).toBe(3);
  });
});
