import type { FormatDescriptor } from '../types';
import { sniffDbml } from './sniff';

/** DBML (dbdiagram.io): tables, refs, enums, notes, TableGroups; in and out. */
export const dbmlFormat: FormatDescriptor = {
  id: 'dbml',
  label: 'DBML',
  extensions: ['.dbml'],
  sniff: sniffDbml,
  import: async (text, options) => (await import('./dbml-import')).importDbml(text, options),
  exports: [
    {
      id: 'dbml',
      label: 'DBML',
      extension: '.dbml',
      mime: 'text/plain',
      run: async (doc) => (await import('./dbml-export')).exportDbml(doc),
    },
  ],
  sample: `Table hr.worker {
  id integer [pk]
  email varchar(255) [not null, unique]
  manager_id integer [ref: > hr.worker.id]
}`,
};
