import type { SqlDialect } from '../types';
import type { Token } from './lex';

// Turns a statement's tokens into the text node-sql-parser reads. Every quoted name and
// every string becomes a plain placeholder, so names with quotes, newlines, `<script>` or
// any Unicode reach the parser as `"zqi3"` and come back unchanged through `resolve`. Lines
// are kept, so a parser error's line is the script's line.

export interface Prepared {
  sql: string;
  /** A name or string from the parser's tree, with placeholders put back. */
  resolve(value: string): string;
  /** The token at an offset of `sql` (where the parser stopped), or the last one. */
  tokenAt(offset: number): Token | undefined;
}

const QUOTE: Record<SqlDialect, [string, string]> = { postgresql: ['"', '"'], mysql: ['`', '`'], mssql: ['[', ']'] };

/** The parser's text for `tokens`, the first of which sits on `firstLine`. */
export function prepareStatement(tokens: readonly Token[], firstLine: number, dialect: SqlDialect): Prepared {
  const values: string[] = [];
  const [open, close] = QUOTE[dialect];
  let sql = '';
  let line = firstLine;
  const starts: number[] = [];
  for (const t of tokens) {
    if (t.line > line) {
      sql += '\n'.repeat(t.line - line);
      line = t.line;
    } else if (t.spaced && sql) sql += ' ';
    starts.push(sql.length);
    if (t.kind === 'ident') sql += `${open}zqi${values.push(t.text) - 1}${close}`;
    else if (t.kind === 'string') sql += `'zqs${values.push(t.text) - 1}'`;
    else sql += t.text;
    // A quoted run spanning lines: its line breaks go after the placeholder.
    if (t.breaks) {
      sql += '\n'.repeat(t.breaks);
      line += t.breaks;
    }
  }
  const resolve = (value: string) => {
    const m = /^zq[is](\d+)$/.exec(value);
    return m ? (values[Number(m[1])] ?? value) : value;
  };
  const tokenAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
    return tokens[i];
  };
  return { sql, resolve, tokenAt };
}
