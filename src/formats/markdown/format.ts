import type { FormatDescriptor } from '../types';

/** A Markdown note (export only; a note's erDiagram block is read by the Mermaid format). */
export const markdownFormat: FormatDescriptor = {
  id: 'markdown',
  label: 'Markdown note',
  extensions: ['.md'],
  sniff: () => 0,
  exports: [
    {
      id: 'markdown',
      label: 'Markdown note',
      extension: '.md',
      mime: 'text/markdown',
      run: async (doc) => (await import('./markdown')).exportMarkdown(doc),
    },
  ],
};
