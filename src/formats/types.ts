import type { CrosswalkDocument } from '../model/types';

// The contract every format folder under src/formats/ fulfils. An importer turns text into a
// whole new document (merging into an open one is done once, for every format, by the
// registry's caller); an exporter turns a document into text or bytes. Both are pure: no
// DOM, no React, no file system, so the command line and the browser share them.

/** Something an importer has to say about one place of its input. */
export interface ImportMessage {
  /** 1-based line of the input it concerns, when it has one. */
  line?: number;
  message: string;
}

/**
 * What an import gives: a complete, valid document and the warnings (statements skipped,
 * names changed) — or every error, with nothing half-imported.
 */
export type FormatImportResult =
  | { ok: true; doc: CrosswalkDocument; warnings: ImportMessage[] }
  | { ok: false; errors: ImportMessage[] };

/** SQL dialects the DDL importer reads. */
export const SQL_DIALECTS = ['postgresql', 'mysql', 'mssql'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Options an importer may read; each format ignores what it does not use. */
export interface FormatImportOptions {
  /** The title of the new document (default: from the input or the file name). */
  title?: string;
  /** The file's name, when it came from one (for titles and messages). */
  fileName?: string;
  /** SQL DDL: the dialect (default: postgresql). */
  dialect?: SqlDialect;
}

/** An importer: text in, a whole document (or every error) out. Heavy parsers load inside. */
export type Importer = (text: string, options: FormatImportOptions) => Promise<FormatImportResult>;
