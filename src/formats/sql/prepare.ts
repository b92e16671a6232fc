import type { SqlDialect } from '../types';
import type { Token } from './lex';

// Turns a statement's tokens into the text node-sql-parser reads. Every quoted name and
// every string becomes a plain placeholder, so names with quotes, newlines, `<script>` or
// any Unicode reach the parser as `"zqi3"` and come back unchanged through `resolve`. The
// text is one line (the parser reads it markedly faster); where it stops is mapped back to
// the script's token, and so to its line, by `tokenAt`.

export interface Prepared {
  sql: string;
  /** A name or string from the parser's tree, with placeholders put back. */
  resolve(value: string): string;
  /** The token at an offset of `sql` (where the parser stopped), or the last one. */
  tokenAt(offset: number): Token | undefined;
}

const QUOTE: Record<SqlDialect, [string, string]> = { postgresql: ['"', '"'], mysql: ['`', '`'], mssql: ['[', ']'] };

/** The parser's text for a statement's `tokens`. */
export function prepareStatement(tokens: readonly Token[], dialect: SqlDialect): Prepared {
  const values: string[] = [];
  const [open, close] = QUOTE[dialect];
  let sql = '';
  const starts: number[] = [];
  for (const t of tokens) {
    if (sql && (t.spaced || t.line > tokens[0].line)) sql += ' ';
    starts.push(sql.length);
    if (t.kind === 'ident') sql += `${open}zqi${values.push(t.text) - 1}${close}`;
    else if (t.kind === 'string') sql += `'zqs${values.push(t.text) - 1}'`;
    else sql += t.text;
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
