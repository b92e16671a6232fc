import { lineAt } from '../import-kit';
import type { ImportMessage } from '../types';

/** Parsed JSON or YAML text, with a way to find the line of a path inside it. */
export interface ParsedText {
  value: unknown;
  /** The 1-based line where the value at `path` starts, when it can be found. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Reads JSON (strictly, with JSON.parse, when the text starts with `{` or `[`) or YAML (the
 * `yaml` package, loaded on first use). Every syntax error comes back with its line.
 */
export async function parseJsonOrYaml(text: string): Promise<{ ok: true; parsed: ParsedText } | { ok: false; errors: ImportMessage[] }> {
  const body = text.replace(/^\uFEFF/, '');
  const looksJson = /^\s*[[{]/.test(body);
  const { parseDocument } = await import('yaml');
  if (looksJson) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      const offset = jsonErrorOffset(body);
      const reason = e instanceof Error ? e.message.split('\n')[0].replace(/,\s*".*$/s, '') : String(e);
      return { ok: false, errors: [{ line: lineAt(body, offset), message: `not valid JSON: ${reason}` }] };
    }
    // JSON.parse is many times faster than a YAML parse; the YAML parse (which knows where
    // each value starts) runs only if a message needs a line.
    let doc: ReturnType<typeof parseDocument> | undefined;
    return { ok: true, parsed: { value, lineOf: (path) => lineIn(body, (doc ??= parseDocument(body)), path) } };
  }
  const doc = parseDocument(body, { prettyErrors: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((err) => ({ line: err.linePos?.[0]?.line ?? 1, message: `not valid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` })),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  return { ok: true, parsed: { value, lineOf: (path) => lineIn(body, doc, path) } };
}

function lineIn(body: string, doc: { getIn(path: Iterable<unknown>, keepScalar?: boolean): unknown }, path: readonly (string | number)[]): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? lineAt(body, node.range[0]) : undefined;
}

/**
 * The offset of the first JSON syntax error in `text` (JSON.parse's messages do not always
 * say where it is). A small scanner: it checks the grammar without building values.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}
