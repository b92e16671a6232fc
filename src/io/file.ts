import { validateDocument } from '../model/validate';
import { formatProblem, type Problem } from '../model/path';
import { CURRENT_VERSION, type CrosswalkDocument } from '../model/types';
import { MIGRATIONS } from './migrations';

/** Why a file could not be opened; each kind gets its own message in the UI and CLI. */
export type ParseError =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'not-json'; message: string; line?: number; column?: number }
  | { kind: 'not-object'; found: JsonKind }
  | { kind: 'not-crosswalk' }
  | { kind: 'version-missing' }
  | { kind: 'version-too-new'; version: number }
  | { kind: 'version-unknown'; version: unknown }
  | { kind: 'invalid'; problems: Problem[] };

/** What a JSON value is, in the words a message uses. */
export type JsonKind = 'array' | 'string' | 'number' | 'boolean' | 'null' | 'object';

/** The kind of a parsed JSON value. */
export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** The typed result of opening a file. */
export type ParseResult = { ok: true; doc: CrosswalkDocument } | { ok: false; error: ParseError };

/** Files larger than this are refused before parsing (characters of JSON text). */
export const MAX_FILE_CHARS = 50 * 1024 * 1024;

/**
 * Opens the text of a `.crosswalk.json` file: envelope → version → migrations → validation
 * (tldraw's pipeline). Never throws; every failure is a typed error.
 */
export function parseDocumentText(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) return fail({ kind: 'too-large', bytes: text.length, limit: MAX_FILE_CHARS });
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail(describeJsonError(text, e));
  }
  return parseDocumentValue(raw);
}

/** Like {@link parseDocumentText}, for a value already parsed from JSON. */
export function parseDocumentValue(raw: unknown): ParseResult {
  const found = jsonKind(raw);
  if (found !== 'object') return fail({ kind: 'not-object', found });
  if ((raw as Record<string, unknown>).format !== 'crosswalk') return fail({ kind: 'not-crosswalk' });
  let value = raw as Record<string, unknown>;
  const version = value.version;
  if (version === undefined) return fail({ kind: 'version-missing' });
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({ kind: 'version-unknown', version });
  }
  if (version > CURRENT_VERSION) return fail({ kind: 'version-too-new', version });
  for (let v = version; v < CURRENT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) return fail({ kind: 'version-unknown', version });
    value = migrate(value);
  }
  const result = validateDocument(value);
  return result.ok ? { ok: true, doc: result.doc } : fail({ kind: 'invalid', problems: result.problems });
}

function fail(error: ParseError): ParseResult {
  return { ok: false, error };
}

function describeJsonError(text: string, e: unknown): ParseError {
  const message = e instanceof Error ? e.message : String(e);
  // V8: "... at position 42" or "(line 3 column 5)".
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { kind: 'not-json', message, line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { kind: 'not-json', message, line, column };
  }
  return { kind: 'not-json', message };
}

/** Turns a parse error into lines a person can act on (`path: message` for invalid documents). */
export function describeParseError(error: ParseError): string[] {
  switch (error.kind) {
    case 'too-large':
      return [`The file is too large (${error.bytes} characters; the limit is ${error.limit}).`];
    case 'not-json':
      return [
        `The file is not valid JSON${error.line ? ` (line ${error.line}, column ${error.column})` : ''}: ${error.message}`,
      ];
    case 'not-object':
      return [
        `This is not a Crosswalk document: the file holds ${error.found === 'null' ? 'JSON null' : `a JSON ${error.found}`}, not an object.`,
      ];
    case 'not-crosswalk':
      return ['This is not a Crosswalk document: "format" must be "crosswalk".'];
    case 'version-missing':
      return ['version: missing (this build reads version 1).'];
    case 'version-too-new':
      return [
        `version: this document is version ${error.version}, made by a newer Crosswalk; this build reads up to version ${CURRENT_VERSION}.`,
      ];
    case 'version-unknown':
      return [`version: unknown version ${JSON.stringify(error.version)}.`];
    case 'invalid':
      return error.problems.map(formatProblem);
  }
}
