import { csvFormat } from './csv/format';
import { dbmlFormat } from './dbml/format';
import { jsonFormat } from './json/format';
import { markdownFormat } from './markdown/format';
import { mermaidFormat } from './mermaid/format';
import { jsonSchemaFormat, openApiFormat } from './openapi/format';
import { pptxFormat } from './pptx/format';
import { sqlFormat } from './sql/format';
import { svgFormat } from './svg/format';
import type { FormatDescriptor, FormatExport, Importer } from './types';

export type { ExportOptions, PptxSection } from './types';

// The one list of formats. The command line's usage text and flags, the import dialog's
// choices, the Open button's accepted file types and a dropped file's handling all come
// from here. A new format is a folder with a `format.ts` descriptor and one line below.

/** Every format, in menu order. Nothing heavy loads until a format's import or export runs. */
export const FORMATS: readonly FormatDescriptor[] = [
  mermaidFormat,
  markdownFormat,
  pptxFormat,
  svgFormat,
  jsonFormat,
  csvFormat,
  sqlFormat,
  dbmlFormat,
  openApiFormat,
  jsonSchemaFormat,
];

/** An export, as the export menu and `cw export --to` list it. */
export type ExportFormat = FormatExport;

/** Every export of every format, in menu order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = FORMATS.flatMap((f) => f.exports ?? []);

/** Finds an export by its `--to` id. */
export function findExportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/** A format that imports. */
export type ImportFormat = FormatDescriptor & { import: Importer };

/** The formats that import, in menu order. */
export const IMPORT_FORMATS: readonly ImportFormat[] = FORMATS.filter((f): f is ImportFormat => f.import !== undefined);

/** Every name `--from` accepts: each importing format's id and aliases. */
export function importFormatNames(): string[] {
  return IMPORT_FORMATS.flatMap((f) => [f.id, ...(f.aliases ?? [])]);
}

/** Finds an importing format by its `--from` name (id or alias), any case. */
export function findImportFormat(name: string): ImportFormat | undefined {
  const n = name.toLowerCase();
  return IMPORT_FORMATS.find((f) => f.id === n || (f.aliases ?? []).includes(n));
}

/** What the file picker accepts: every importing format's extensions and MIME types. */
export function acceptedFileTypes(): string {
  const all = IMPORT_FORMATS.flatMap((f) => [...f.extensions, ...(f.mimeTypes ?? [])]);
  return [...new Set(all)].join(',');
}

/**
 * Guesses the format of a text: each importing format sniffs it, a file name ending in one
 * of its extensions adds weight, and the surest wins. Undefined when none is at all sure.
 */
export function guessImportFormat(text: string, fileName?: string): ImportFormat | undefined {
  const name = fileName?.toLowerCase() ?? '';
  let best: ImportFormat | undefined;
  let bestScore = 0;
  for (const f of IMPORT_FORMATS) {
    const byName = name && f.extensions.some((e) => name.endsWith(e)) ? 0.3 : 0;
    const score = f.sniff(text, fileName) + byName;
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return bestScore >= 0.3 ? best : undefined;
}
