import type { FormatImportOptions, FormatImportResult } from '../types';
import { findErDiagramBlocks } from './blocks';
import { importMermaidEr } from './import-er';

// The registry's door into the erDiagram reader: a Markdown note is read from its first
// erDiagram block, and every line number counts from the top of the whole text.

const LINE_PREFIX = /^line (\d+): /;

/** Reads an erDiagram, or the first erDiagram block of a Markdown note, as a new document. */
export async function importMermaid(text: string, options: FormatImportOptions): Promise<FormatImportResult> {
  const first = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('%%')) ?? '';
  const direct = /^\s*(erDiagram\b|---\s*$)/.test(first);
  const blocks = direct ? [] : findErDiagramBlocks(text);
  if (!direct && blocks.length === 0 && /\.(md|markdown)$/i.test(options.fileName ?? '')) {
    return { ok: false, errors: [{ line: 1, message: 'no ```mermaid block holding an erDiagram in this Markdown file' }] };
  }
  const source = blocks[0] ?? { text, lineOffset: 0 };
  const result = importMermaidEr(source.text);
  if (!result.ok) return { ok: false, errors: [{ line: result.error.line + source.lineOffset, message: result.error.message }] };
  const warnings = result.warnings.map((w) => {
    const m = LINE_PREFIX.exec(w);
    return m ? { line: Number(m[1]) + source.lineOffset, message: w.slice(m[0].length) } : { message: w };
  });
  if (blocks.length > 1) {
    warnings.unshift({ line: source.lineOffset + 1, message: `${blocks.length} erDiagram blocks; imported the first` });
  }
  const doc = options.title ? { ...result.doc, title: options.title } : result.doc;
  return { ok: true, doc, warnings };
}
