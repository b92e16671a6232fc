import { findErDiagramBlocks } from '../../formats/mermaid/blocks';
import { importMermaidEr, type ImportResult } from '../../formats/mermaid/import-er';

// The importers that run in the import worker (import.worker.ts), by format id. Pure code:
// the worker loads this module, and so does the page when it cannot start a worker. A new
// format that can be slow on big input (a parser) is added here and gets the worker for free.

/**
 * Reads erDiagram text, or the first erDiagram block of a Markdown note; error lines count
 * from the top of the given text.
 */
function importMermaidErText(text: string): ImportResult {
  const first = text.split('\n').find((l) => l.trim() && !l.trim().startsWith('%%')) ?? '';
  const block = /^\s*(erDiagram\b|---\s*$)/.test(first) ? undefined : findErDiagramBlocks(text)[0];
  const result = importMermaidEr(block ? block.text : text);
  if (!result.ok && block) return { ok: false, error: { ...result.error, line: result.error.line + block.lineOffset } };
  return result;
}

/** Every importer the worker runs: text in, a structured-clonable result out. */
export const WORKER_IMPORTERS = {
  'mermaid-er': importMermaidErText,
} satisfies Record<string, (text: string) => unknown>;

/** A format id the import worker knows. */
export type WorkerImportFormat = keyof typeof WORKER_IMPORTERS;

/** What the importer of format `F` gives. */
export type WorkerImportResult<F extends WorkerImportFormat> = Awaited<ReturnType<(typeof WORKER_IMPORTERS)[F]>>;

/** Asks the worker to import `text` as `format`. */
export interface ImportRequest {
  id: number;
  format: WorkerImportFormat;
  text: string;
}

/** The worker's answer: the importer's result, or why it threw. */
export type ImportResponse = { id: number; result: unknown } | { id: number; error: string };

/** Runs the importer of a format, in whatever thread loads this module. */
export function runImporter<F extends WorkerImportFormat>(format: F, text: string): WorkerImportResult<F> {
  const importer = WORKER_IMPORTERS[format] as (text: string) => WorkerImportResult<F>;
  if (typeof importer !== 'function') throw new Error(`No importer for the format "${String(format)}".`);
  return importer(text);
}
