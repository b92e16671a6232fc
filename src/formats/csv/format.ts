import type { FormatDescriptor } from '../types';
import { normaliseHeader } from './columns';

/** The mapping sheet: one mapping per row, in and out. */
export const csvFormat: FormatDescriptor = {
  id: 'csv',
  label: 'Mapping sheet (CSV)',
  extensions: ['.csv'],
  mimeTypes: ['text/csv'],
  sniff: (text) => {
    const header = normaliseHeader(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
    const named = ['source_entity', 'target_entity', 'source_field', 'target_field'].filter((c) => header.includes(c));
    return named.length >= 2 ? 0.95 : 0;
  },
  import: async (text, options) => (await import('./import')).importMappingSheet(text, options),
  exports: [
    {
      id: 'csv-mappings',
      label: 'Mapping sheet (CSV)',
      extension: '.csv',
      mime: 'text/csv',
      run: async (doc) => (await import('./export')).exportMappingSheet(doc),
    },
  ],
  sample: `source_system,source_entity,source_field,target_system,target_entity,target_field,transform,notes
Workday,Worker,Work_Email,Okta,User,login,lowercase,The sign-in name`,
};
