import type { FormatDescriptor } from '../types';

/** The native document (`.crosswalk.json`): opened through io's pipeline, written by its serialiser. */
export const jsonFormat: FormatDescriptor = {
  id: 'json',
  label: 'Crosswalk document',
  extensions: ['.crosswalk.json', '.json'],
  mimeTypes: ['application/json'],
  sniff: (text, fileName) => {
    if (/"format"\s*:\s*"crosswalk"/.test(text.slice(0, 4096))) return 1;
    return /\.crosswalk\.json$/i.test(fileName ?? '') ? 0.8 : 0;
  },
  import: async (text) => (await import('./import')).importCrosswalkJson(text),
  exports: [
    {
      id: 'json',
      label: 'Crosswalk document',
      extension: '.crosswalk.json',
      mime: 'application/json',
      run: async (doc) => (await import('../../io/serialise')).serialiseDocument(doc),
    },
  ],
};
