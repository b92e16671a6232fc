import { SQL_DIALECTS, type FormatDescriptor } from '../types';

/** SQL DDL (CREATE TABLE and friends) in one of three dialects; import only. */
export const sqlFormat: FormatDescriptor = {
  id: 'sql',
  label: 'SQL DDL',
  extensions: ['.sql', '.ddl'],
  mimeTypes: ['application/sql'],
  options: [{ id: 'dialect', label: 'Dialect', values: SQL_DIALECTS, default: 'postgresql' }],
  sniff: (text) => {
    const head = text.slice(0, 20_000);
    if (/\bcreate\s+(?:(?:global|local)\s+)?(?:temp(?:orary)?\s+|unlogged\s+)?table\b/i.test(head)) return 0.9;
    return /\balter\s+table\b/i.test(head) ? 0.6 : 0;
  },
  import: async (text, options) => (await import('./import')).importSql(text, options),
  sample: `CREATE TABLE hr.worker (
  id integer PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  manager_id integer REFERENCES hr.worker (id)
);`,
};
