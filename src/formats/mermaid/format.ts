import type { FormatDescriptor } from '../types';

/** Mermaid: erDiagram and flowchart out; erDiagram in (a .mmd file or a Markdown note's block). */
export const mermaidFormat: FormatDescriptor = {
  id: 'mermaid',
  label: 'Mermaid erDiagram',
  extensions: ['.mmd', '.mermaid', '.md', '.markdown'],
  mimeTypes: ['text/markdown'],
  sniff: (text, fileName) => {
    const named = /\.(mmd|mermaid)$/i.test(fileName ?? '');
    if (/^\s*(%%[^\n]*\n\s*)*erDiagram\b/.test(text)) return 1;
    // A Markdown note's block, possibly with its own front matter (a theme) before the diagram.
    if (/^\s{0,3}(`{3,}|~{3,})\s*mermaid\b[^\n]*\n\s*(---\s*\n[\s\S]*?\n---\s*\n\s*)?(%%[^\n]*\n\s*)*erDiagram\b/im.test(text)) return 0.9;
    if (/^---\s*\n[\s\S]*?\n---\s*\n\s*erDiagram\b/.test(text)) return 0.9;
    return named ? 0.5 : 0;
  },
  import: async (text, options) => (await import('./import')).importMermaid(text, options),
  exports: [
    {
      id: 'mermaid-er',
      label: 'Mermaid erDiagram',
      extension: '.mmd',
      mime: 'text/plain',
      run: async (doc, o) => (await import('./er')).exportMermaidEr(doc, { mappings: o?.mermaidMappings }),
    },
    {
      id: 'mermaid-flow',
      label: 'Mermaid flowchart (systems)',
      extension: '.mmd',
      mime: 'text/plain',
      run: async (doc) => (await import('./flowchart')).exportMermaidFlowchart(doc),
    },
  ],
  sample: `erDiagram
    CUSTOMER ||--o{ ORDER : places
    CUSTOMER {
        string id PK
        string email UK "lower-cased"
    }`,
};
