import type { CrosswalkDocument } from '../model/types';

/** Options an exporter may read; each format ignores what it does not use. */
export interface ExportOptions {
  /** Mermaid erDiagram: also draw mappings as dotted links. */
  mermaidMappings?: boolean;
  /** PPTX: which slide groups to include (default: all). */
  pptxSections?: readonly PptxSection[];
  /** PPTX: the one font of the deck (default Arial). */
  font?: string;
  /** PPTX: step (and overview) drawings as pictures (PNG data URL per key: `step:<id>`, `overview`) instead of native shapes. */
  pictures?: Readonly<Record<string, string>>;
}

/** The slide groups of a deck, in deck order: the talk, then the appendix. */
export type PptxSection = 'title' | 'walkthrough' | 'overview' | 'integrations' | 'models' | 'mappings';

/** One export format: what the export menu and the command line both list. */
export interface ExportFormat {
  id: 'mermaid-er' | 'mermaid-flow' | 'markdown' | 'pptx' | 'svg' | 'json';
  label: string;
  extension: string;
  mime: string;
  /** Heavy formats load their code on first use. */
  run(doc: CrosswalkDocument, options?: ExportOptions): Promise<string | Uint8Array>;
}

/** Every format, in menu order. Each loads its module lazily (dynamic import). */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'mermaid-er',
    label: 'Mermaid erDiagram',
    extension: '.mmd',
    mime: 'text/plain',
    run: async (doc, o) => (await import('./mermaid/er')).exportMermaidEr(doc, { mappings: o?.mermaidMappings }),
  },
  {
    id: 'mermaid-flow',
    label: 'Mermaid flowchart (systems)',
    extension: '.mmd',
    mime: 'text/plain',
    run: async (doc) => (await import('./mermaid/flowchart')).exportMermaidFlowchart(doc),
  },
  {
    id: 'markdown',
    label: 'Markdown note',
    extension: '.md',
    mime: 'text/markdown',
    run: async (doc) => (await import('./markdown/markdown')).exportMarkdown(doc),
  },
  {
    id: 'pptx',
    label: 'PowerPoint slides',
    extension: '.pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    run: async (doc, o) => (await import('./pptx/pptx')).exportPptx(doc, o),
  },
  {
    id: 'svg',
    label: 'SVG picture',
    extension: '.svg',
    mime: 'image/svg+xml',
    run: async (doc) => (await import('./svg/svg')).exportSvg(doc),
  },
  {
    id: 'json',
    label: 'Crosswalk document',
    extension: '.crosswalk.json',
    mime: 'application/json',
    run: async (doc) => (await import('../io/serialise')).serialiseDocument(doc),
  },
];

/** Finds a format by id. */
export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
