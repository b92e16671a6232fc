import { isWord, type Token } from './lex';
import type { ForeignKeyFacts, QualifiedName } from './schema-facts';

// Reads the parenthesised definitions of CREATE TABLE (and the ADD actions of ALTER TABLE)
// from tokens. What the dialect builds of node-sql-parser read differently or not at all —
// types (`hr.worker_type`, `timestamp with time zone`, `nvarchar(max)`), REFERENCES (which
// the T-SQL build cannot read), DEFAULT expressions, CHECK, IDENTITY, GENERATED — is read or
// dropped here, and each definition is handed on in one plain spelling every build reads.
// Tokens this reader does not know are handed on unchanged, so the parser still rejects a
// statement that is really broken, at the right line.

export class DefinitionError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const isName = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'ident' || t.kind === 'word');

/** Reads `a.b.c` from `i`: the parts and the index after them. */
export function readName(tokens: readonly Token[], i: number): { parts: string[]; next: number } | undefined {
  const parts: string[] = [];
  let j = i;
  while (isName(tokens[j])) {
    parts.push(tokens[j].text);
    if (tokens[j + 1]?.text !== '.') return { parts, next: j + 1 };
    j += 2;
  }
  return parts.length ? { parts, next: j } : undefined;
}

/** The last two parts of a name as schema and name (a database part before them is dropped). */
export const qualified = (parts: readonly string[]): QualifiedName =>
  parts.length >= 2 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] };

/** The index of the token closing the `(` at `open`, or -1. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punct') continue;
    if (tokens[i].text === '(') depth++;
    else if (tokens[i].text === ')' && --depth === 0) return i;
  }
  return -1;
}

/** `(a, b DESC, c(10))` from `i`: the names and the index after `)`. */
function readColumnList(tokens: readonly Token[], i: number, line: number): { columns: string[]; next: number } {
  if (tokens[i]?.text !== '(') throw new DefinitionError(tokens[i]?.line ?? line, 'expected a column list in parentheses');
  const close = closingParen(tokens, i);
  if (close < 0) throw new DefinitionError(tokens[i].line, 'a column list is never closed with ")"');
  const columns: string[] = [];
  for (const part of splitTopLevel(tokens.slice(i + 1, close))) {
    if (!isName(part[0])) throw new DefinitionError(part[0]?.line ?? tokens[i].line, 'expected a column name in the list');
    columns.push(part[0].text);
  }
  return { columns, next: close + 1 };
}

/** Splits tokens at commas outside parentheses. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.text === ',') parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts;
}

/** Words that end a column's type and start its constraints. */
const TYPE_ENDS = new Set([
  'not', 'null', 'default', 'primary', 'unique', 'references', 'check', 'constraint', 'collate', 'generated',
  'identity', 'auto_increment', 'autoincrement', 'comment', 'on', 'as', 'charset', 'key', 'foreign', 'rowguidcol',
  'sparse', 'filestream', 'masked', 'encode', 'storage', 'compression', 'visible', 'invisible', 'with', 'column_format',
]);

const isTypeEnd = (t: Token, next: Token | undefined) =>
  t.kind === 'word' &&
  // `timestamp with time zone` is a type; T-SQL's `WITH (…)` after a column is not.
  ((TYPE_ENDS.has(t.text.toLowerCase()) && !(isWord(t, 'with') && isWord(next, 'time', 'local'))) ||
    (isWord(t, 'character') && isWord(next, 'set')));

/** Type tokens as text: quoted names unquoted, strings re-quoted, spacing as written. */
function typeText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (out && t.spaced) out += ' ';
    out += t.kind === 'string' ? `'${t.text.replace(/'/g, "''")}'` : t.text;
  }
  return out;
}

/** What one definition says. */
export type Definition =
  | { kind: 'column'; name: string; type?: string; description?: string; foreignKey?: Omit<ForeignKeyFacts, 'columns'>; parserTokens: Token[] }
  | { kind: 'primary-key' | 'unique'; columns: string[]; parserTokens: Token[] }
  | { kind: 'foreign-key'; foreignKey: ForeignKeyFacts }
  | { kind: 'ignored' };

const word = (at: Token, text: string): Token => ({ ...at, kind: 'word', text, breaks: 0, spaced: true });
const punct = (at: Token, text: string): Token => ({ ...at, kind: 'punct', text, breaks: 0, spaced: false });
const list = (at: Token, names: readonly Token[]): Token[] => [
  punct(at, '('),
  ...names.flatMap((n, i) => (i ? [punct(at, ','), { ...n, spaced: true, breaks: 0 }] : [{ ...n, breaks: 0 }])),
  punct(at, ')'),
];

/** REFERENCES t [(cols)] [MATCH x] [ON DELETE|UPDATE action]… from `i` (at REFERENCES). */
function readReferences(tokens: readonly Token[], i: number, line: number): { target: QualifiedName; targetColumns: string[]; next: number } {
  const name = readName(tokens, i + 1);
  if (!name) throw new DefinitionError(tokens[i].line, 'REFERENCES must name a table');
  let j = name.next;
  let targetColumns: string[] = [];
  if (tokens[j]?.text === '(') {
    const cols = readColumnList(tokens, j, line);
    targetColumns = cols.columns;
    j = cols.next;
  }
  // The referential actions and timing: nothing the document keeps.
  for (;;) {
    if (isWord(tokens[j], 'on') && isWord(tokens[j + 1], 'delete', 'update')) {
      j += 2;
      if (isWord(tokens[j], 'no', 'set')) j++;
      j++;
    } else if (isWord(tokens[j], 'match')) j += 2;
    else if (isWord(tokens[j], 'deferrable')) j++;
    else if (isWord(tokens[j], 'not') && isWord(tokens[j + 1], 'deferrable')) j += 2;
    else if (isWord(tokens[j], 'initially')) j += 2;
    else if (isWord(tokens[j], 'not') && isWord(tokens[j + 1], 'for') && isWord(tokens[j + 2], 'replication')) j += 3;
    else if (isWord(tokens[j], 'enforced')) j++;
    else break;
  }
  return { target: qualified(name.parts), targetColumns, next: j };
}

/** Skips one DEFAULT / ON UPDATE expression from `i`: up to the next constraint word outside parentheses. */
function skipExpression(tokens: readonly Token[], i: number): number {
  // The first token always belongs to it (`DEFAULT NULL`, `DEFAULT -1`, `DEFAULT (…)`).
  let j = i;
  while (tokens[j]?.text === '-' || tokens[j]?.text === '+') j++;
  for (let first = true; j < tokens.length; first = false) {
    const t = tokens[j];
    if (!first && isTypeEnd(t, tokens[j + 1])) return j;
    j = t.kind === 'punct' && t.text === '(' ? closingParen(tokens, j) + 1 || tokens.length : j + 1;
  }
  return j;
}

/** A table-level constraint (after an optional CONSTRAINT name) or a column. */
export function readDefinition(tokens: readonly Token[], line: number): Definition {
  if (tokens.length === 0) throw new DefinitionError(line, 'an empty definition (two commas in a row?)');
  let i = 0;
  if (isWord(tokens[0], 'constraint')) i = 2;
  const head = tokens[i];
  const at = tokens[0];
  if (isWord(head, 'primary') && isWord(tokens[i + 1], 'key')) {
    let j = i + 2;
    while (isWord(tokens[j], 'clustered', 'nonclustered')) j++;
    const cols = readColumnList(tokens, j, line);
    const names = columnTokens(tokens, j);
    return { kind: 'primary-key', columns: cols.columns, parserTokens: [word(at, 'PRIMARY'), word(at, 'KEY'), ...list(at, names)] };
  }
  if (isWord(head, 'unique')) {
    let j = i + 1;
    if (isWord(tokens[j], 'key', 'index')) j++;
    if (isName(tokens[j]) && !isWord(tokens[j], 'clustered', 'nonclustered') && tokens[j + 1]?.text === '(') j++;
    while (isWord(tokens[j], 'clustered', 'nonclustered')) j++;
    const cols = readColumnList(tokens, j, line);
    return { kind: 'unique', columns: cols.columns, parserTokens: [word(at, 'UNIQUE'), ...list(at, columnTokens(tokens, j))] };
  }
  if (isWord(head, 'foreign') && isWord(tokens[i + 1], 'key')) {
    let j = i + 2;
    if (isName(tokens[j]) && tokens[j + 1]?.text === '(') j++; // MySQL: FOREIGN KEY name (cols)
    const cols = readColumnList(tokens, j, line);
    if (!isWord(tokens[cols.next], 'references')) throw new DefinitionError(tokens[cols.next]?.line ?? line, 'FOREIGN KEY (…) must be followed by REFERENCES');
    const ref = readReferences(tokens, cols.next, line);
    return { kind: 'foreign-key', foreignKey: { columns: cols.columns, target: ref.target, targetColumns: ref.targetColumns, line: head.line } };
  }
  if (isWord(head, 'check', 'exclude', 'index', 'key', 'fulltext', 'spatial', 'like', 'period') || (i === 2 && !isName(head))) {
    return { kind: 'ignored' };
  }
  if (i === 2) throw new DefinitionError(head?.line ?? line, 'CONSTRAINT must be followed by PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK');
  return readColumn(tokens, line);
}

/** The name tokens of the column list opening at `open`, for the parser. */
function columnTokens(tokens: readonly Token[], open: number): Token[] {
  const close = closingParen(tokens, open);
  return splitTopLevel(tokens.slice(open + 1, close)).map((part) => part[0]);
}

function readColumn(tokens: readonly Token[], line: number): Definition {
  const nameToken = tokens[0];
  if (!isName(nameToken)) throw new DefinitionError(nameToken.line, `expected a column name, found ${JSON.stringify(nameToken.text)}`);
  let j = 1;
  const typeStart = j;
  let depth = 0;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && isTypeEnd(t, tokens[j + 1])) break;
    j++;
  }
  const type = typeText(tokens.slice(typeStart, j)) || undefined;
  const out: Token[] = [{ ...nameToken, breaks: 0 }, word(nameToken, 'int')];
  let description: string | undefined;
  let foreignKey: Omit<ForeignKeyFacts, 'columns'> | undefined;
  while (j < tokens.length) {
    const t = tokens[j];
    const next = tokens[j + 1];
    if (isWord(t, 'not') && isWord(next, 'null')) {
      out.push(t, next);
      j += 2;
    } else if (isWord(t, 'null')) {
      out.push(t);
      j++;
    } else if (isWord(t, 'primary') && isWord(next, 'key')) {
      out.push(t, next);
      j += 2;
      while (isWord(tokens[j], 'clustered', 'nonclustered', 'asc', 'desc')) j++;
    } else if (isWord(t, 'key')) {
      out.push(word(t, 'PRIMARY'), word(t, 'KEY'));
      j++;
    } else if (isWord(t, 'unique')) {
      out.push(t);
      j++;
      while (isWord(tokens[j], 'key', 'clustered', 'nonclustered')) j++;
    } else if (isWord(t, 'references') || (isWord(t, 'foreign') && isWord(next, 'key') && isWord(tokens[j + 2], 'references'))) {
      const at = isWord(t, 'references') ? j : j + 2;
      const ref = readReferences(tokens, at, line);
      foreignKey = { target: ref.target, targetColumns: ref.targetColumns, line: t.line };
      j = ref.next;
    } else if (isWord(t, 'comment') && next?.kind === 'string') {
      description = next.text;
      j += 2;
    } else if (isWord(t, 'constraint') && isName(next)) j += 2;
    else if (isWord(t, 'default')) j = skipExpression(tokens, j + 1);
    else if (isWord(t, 'on') && isWord(next, 'update')) j = skipExpression(tokens, j + 2);
    else if (isWord(t, 'check') || isWord(t, 'as') || (isWord(t, 'identity') && next?.text === '(')) {
      // CHECK (…), a computed column's AS (…), IDENTITY(1,1): the parenthesised part goes too.
      let k = j + 1;
      if (tokens[k]?.text === '(') k = closingParen(tokens, k) + 1;
      if (isWord(tokens[k], 'stored', 'virtual', 'persisted')) k++;
      j = Math.max(k, j + 1);
    } else if (isWord(t, 'generated')) {
      // GENERATED {ALWAYS | BY DEFAULT} AS {IDENTITY [(…)] | (expr) STORED}.
      let k = j + 1;
      while (k < tokens.length && !isWord(tokens[k], 'as')) k++;
      k++;
      if (isWord(tokens[k], 'identity')) k++;
      if (tokens[k]?.text === '(') k = closingParen(tokens, k) + 1;
      if (isWord(tokens[k], 'stored', 'virtual')) k++;
      j = k;
    } else if (isWord(t, 'collate', 'charset', 'storage', 'compression', 'column_format', 'encode')) j += 2;
    else if (isWord(t, 'character') && isWord(next, 'set')) j += 3;
    else if (isWord(t, 'identity', 'auto_increment', 'autoincrement', 'rowguidcol', 'sparse', 'filestream', 'visible', 'invisible', 'deferrable')) j++;
    else if (isWord(t, 'masked') && isWord(next, 'with')) j = closingParen(tokens, j + 2) + 1 || tokens.length;
    else {
      // Not known here: the parser decides (and reports it at its line when it cannot read it).
      out.push(t);
      j++;
    }
  }
  const column: Definition = { kind: 'column', name: nameToken.text, parserTokens: out };
  if (type) column.type = type;
  if (description !== undefined) column.description = description;
  if (foreignKey) column.foreignKey = foreignKey;
  return column;
}
