import { describe, expect, it } from 'vitest';
import { parseFieldLines } from '../../../src/formats/fields-text/fields-text';
import { HOSTILE_STRINGS } from '../../fixtures/arbitrary-doc';

const read = (text: string) => parseFieldLines(text);

describe('parseFieldLines', () => {
  it.each([
    ['email varchar(255) not null', { name: 'email', type: 'varchar(255)', required: true }],
    ['id int primary key,', { name: 'id', type: 'int', key: 'PK', required: true }],
    ['  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,', { name: 'user_id', type: 'BIGINT', key: 'FK' }],
    ['code text unique', { name: 'code', type: 'text', key: 'UK' }],
    ['amount decimal(10,2) NOT NULL DEFAULT 0', { name: 'amount', type: 'decimal(10,2)', required: true }],
    ['created_at timestamp with time zone', { name: 'created_at', type: 'timestamp with time zone' }],
    ['"Work Email" character varying(320)', { name: 'Work Email', type: 'character varying(320)' }],
    ['[First Name] nvarchar(50) NULL', { name: 'First Name', type: 'nvarchar(50)' }],
    ["note text COMMENT 'free text, it''s long'", { name: 'note', type: 'text', description: "free text, it's long" }],
    ["email varchar [unique, not null, note: 'login']", { name: 'email', type: 'varchar', key: 'UK', required: true, description: 'login' }],
    ['tags text[]', { name: 'tags', type: 'text[]' }],
    ['name: string', { name: 'name', type: 'string' }],
    ['nickname?: string;', { name: 'nickname', type: 'string', required: false }],
    ['readonly id: number', { name: 'id', type: 'number' }],
    ['"given name": "string",', { name: 'given name', type: 'string' }],
    ['- login', { name: 'login' }],
    ['  - hire_date: date  # first day', { name: 'hire_date', type: 'date' }],
    ['first_name', { name: 'first_name' }],
    ['Work Email', { name: 'Work Email' }],
    ['Hire Date', { name: 'Hire Date' }],
    ['Date of Birth', { name: 'Date of Birth' }],
    ['hire_date date', { name: 'hire_date', type: 'date' }],
    ['first_name\tstring\tyes', { name: 'first_name', type: 'string', required: true }],
    ['last_name\tstring\tno\tFamily name', { name: 'last_name', type: 'string', description: 'Family name' }],
    ['| manager_id | string | x |', { name: 'manager_id', type: 'string', required: true }],
    ['email,string,true', { name: 'email', type: 'string', required: true }],
  ])('%s', (line, expected) => {
    const r = read(line);
    expect(r.warnings).toEqual([]);
    expect(r.fields).toEqual([expected]);
  });

  it('reads a whole CREATE TABLE, with a table-level primary key', () => {
    const r = read(`CREATE TABLE hr.worker (
  worker_id varchar(32) NOT NULL,
  position_id varchar(32) NOT NULL,
  -- the day they start
  start_date date,
  PRIMARY KEY (worker_id, position_id),
  CONSTRAINT fk_pos FOREIGN KEY (position_id) REFERENCES position (position_id)
);`);
    expect(r.warnings).toEqual([]);
    expect(r.fields).toEqual([
      { name: 'worker_id', type: 'varchar(32)', required: true, key: 'PK' },
      { name: 'position_id', type: 'varchar(32)', required: true, key: 'PK' },
      { name: 'start_date', type: 'date' },
    ]);
  });

  it('maps spreadsheet columns by their header row, in any order', () => {
    const r = read('Type\tField Name\tNullable\tNotes\r\nstring\temail\tno\tWork e-mail\r\nint\tage\tyes\t\r\n');
    expect(r.fields).toEqual([
      { name: 'email', type: 'string', required: true, description: 'Work e-mail' },
      { name: 'age', type: 'int' },
    ]);
  });

  it('reads a Markdown table with its header and separator', () => {
    const r = read('| Field | Type | Required | Description |\n|---|---|:-:|---|\n| login | string | yes | Sign-in name |\n| email | string |  | |');
    expect(r.fields).toEqual([
      { name: 'login', type: 'string', required: true, description: 'Sign-in name' },
      { name: 'email', type: 'string' },
    ]);
  });

  it('reads a column of names copied from a spreadsheet', () => {
    expect(read('Employee ID\nLegal First Name\nWork Email\n\nCost Center\n').fields.map((f) => f.name)).toEqual(['Employee ID', 'Legal First Name', 'Work Email', 'Cost Center']);
  });

  it('warns, with the line, about what it cannot read and keeps the rest', () => {
    const r = read('id int\n!!! ???\n\tstring\tyes\nid text\nname text');
    expect(r.fields.map((f) => f.name)).toEqual(['id', 'name']);
    expect(r.warnings).toEqual([
      { line: 2, message: 'cannot read a field name in "!!! ???"' },
      { line: 3, message: expect.stringContaining('cannot read a field name') },
      { line: 4, message: '"id" is already listed: kept once' },
    ]);
  });

  it('keeps hostile names (quotes, <script>, RTL, emoji) as they are', () => {
    const names = HOSTILE_STRINGS.filter((s) => !/[\n\r\t]/.test(s) && /[\p{L}\p{N}]/u.test(s));
    const r = read(names.map((n) => `"${n.replace(/"/g, '""')}" text`).join('\n'));
    expect(r.warnings).toEqual([]);
    expect(r.fields.map((f) => f.name)).toEqual(names.map((n) => n.trim()));
  });

  it('gives nothing for empty text', () => {
    expect(read('')).toEqual({ fields: [], warnings: [] });
    expect(read('\n  \n-- only a comment\n')).toEqual({ fields: [], warnings: [] });
  });
});
