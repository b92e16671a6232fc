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

/**
 * How sure a format is that a text is its own, from 0 (not at all) to 1 (certain). Sniffing
 * is cheap and loads no parser: the registry asks every format and takes the surest.
 */
export type Sniffer = (text: string, fileName: string | undefined) => number;

/** The export-side counterpart of {@link Importer}: one way to write a document. */
export interface FormatExport {
  /** The command line's `--to` name, unique across formats. */
  id: string;
  label: string;
  /** The file extension written, with its dot. */
  extension: string;
  mime: string;
  run(doc: CrosswalkDocument, options?: ExportOptions): Promise<string | Uint8Array>;
}

/** An option an importer takes (the command line's flag and the dialog's choice). */
export interface FormatOption {
  /** The `FormatImportOptions` key and the command line's flag name. */
  id: 'dialect';
  label: string;
  values: readonly string[];
  default: string;
}

/**
 * One format, as the registry lists it: everything the command line, the import dialog,
 * the Open button and a drop need to know, without loading the format's code. The heavy
 * parts (`import`, each export's `run`) load on first use.
 */
export interface FormatDescriptor {
  /** The folder name, and the command line's `--from` name when the format imports. */
  id: string;
  label: string;
  /** Other `--from` names the format answers to (`json-schema` beside `openapi`). */
  aliases?: readonly string[];
  /** Lower-case file name endings with their dot, most specific first (`.crosswalk.json`). */
  extensions: readonly string[];
  /** MIME types a file picker may offer for it. */
  mimeTypes?: readonly string[];
  sniff: Sniffer;
  options?: readonly FormatOption[];
  /** Turns text into a document; absent for export-only formats. */
  import?: Importer;
  exports?: readonly FormatExport[];
  /** A short example for the import dialog's empty text box. */
  sample?: string;
}

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
export type PptxSection = 'title' | 'walkthrough' | 'overview' | 'integrations' | 'coverage' | 'models' | 'mappings';
