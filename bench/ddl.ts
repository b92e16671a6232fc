// Generated input for the import benchmarks: a PostgreSQL schema of N tables in a few
// schemas (about a dozen columns each, a foreign key or two, comments), written the way
// pg_dump writes it, and a mapping sheet of N rows.

/** A DDL script of `tables` tables across 5 schemas. */
export function generateDdl(tables: number): string {
  const out: string[] = [];
  const name = (i: number) => `s${i % 5}.table_${i}`;
  for (let i = 0; i < tables; i++) {
    const cols = [
      '    id bigint NOT NULL',
      `    code character varying(32) NOT NULL`,
      '    name text NOT NULL',
      '    description text',
      '    amount numeric(12,2) DEFAULT 0 NOT NULL',
      '    status character varying(16) DEFAULT \'active\'::character varying NOT NULL',
      '    created_at timestamp with time zone DEFAULT now() NOT NULL',
      '    updated_at timestamp with time zone',
      '    owner_id bigint',
      '    parent_id bigint',
      '    payload jsonb',
      '    is_deleted boolean DEFAULT false NOT NULL',
    ];
    out.push(`CREATE TABLE ${name(i)} (\n${cols.join(',\n')},\n    CONSTRAINT table_${i}_pkey PRIMARY KEY (id),\n    CONSTRAINT table_${i}_code_key UNIQUE (code)\n);\n`);
    out.push(`COMMENT ON TABLE ${name(i)} IS 'Table number ${i}; it''s generated.';\n`);
  }
  for (let i = 1; i < tables; i++) {
    out.push(`ALTER TABLE ONLY ${name(i)}\n    ADD CONSTRAINT table_${i}_parent_fkey FOREIGN KEY (parent_id) REFERENCES ${name(Math.floor(i / 2))}(id);\n`);
    if (i % 3 === 0) out.push(`ALTER TABLE ONLY ${name(i)}\n    ADD CONSTRAINT table_${i}_owner_fkey FOREIGN KEY (owner_id) REFERENCES ${name(i - 1)}(id);\n`);
  }
  return out.join('\n');
}

/** A mapping sheet of `rows` field mappings between two systems. */
export function generateSheet(rows: number): string {
  const lines = ['source_system,source_entity,source_field,target_system,target_entity,target_field,transform,notes'];
  for (let i = 0; i < rows; i++) {
    lines.push(`Workday,Entity ${i % 50},Field_${i},Okta,"Object ${i % 40}",field${i},${i % 4 === 0 ? 'lowercase' : ''},"Row ${i}, quoted ""note"""`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
