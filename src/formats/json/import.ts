import { describeParseError, parseDocumentText } from '../../io/file';
import type { FormatImportResult } from '../types';

/** Opens a `.crosswalk.json` text the way a file is opened: envelope, version, migrations, validation. */
export function importCrosswalkJson(text: string): FormatImportResult {
  const result = parseDocumentText(text);
  if (result.ok) return { ok: true, doc: result.doc, warnings: [] };
  const line = result.error.kind === 'not-json' ? result.error.line : undefined;
  return { ok: false, errors: describeParseError(result.error).map((message) => ({ line, message })) };
}
