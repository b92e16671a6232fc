import { isWord, type Token } from './lex';
import { closingParen, DefinitionError, qualified, readDefinition, readName, splitTopLevel, type Definition } from './read-definitions';
import type { QualifiedName, TableChange } from './schema-facts';

// Statements read from their tokens, the same way in every dialect: the shape of CREATE
// TABLE (its definitions are then checked by the parser), ALTER TABLE … ADD, COMMENT ON and
// T-SQL's MS_Description extended properties.

/** What a CREATE TABLE statement's tokens say, and the plain statement the parser checks. */
export interface CreateTableTokens {
  table: QualifiedName;
  definitions: Definition[];
  parserTokens: Token[];
  /** MySQL's table option COMMENT = '…'. */
  description?: string;
}

/**
 * Reads `CREATE [OR REPLACE] [TEMP…] TABLE [IF NOT EXISTS] name (definitions) [options]`.
 * Undefined when the table has no column list (`AS SELECT`, `PARTITION OF`, `LIKE`).
 * Throws {@link DefinitionError} on what cannot be a table definition.
 */
export function readCreateTableTokens(tokens: readonly Token[], line: number): CreateTableTokens | undefined {
  let i = tokens.findIndex((t) => isWord(t, 'table')) + 1;
  if (isWord(tokens[i], 'if') && isWord(tokens[i + 1], 'not') && isWord(tokens[i + 2], 'exists')) i += 3;
  const name = readName(tokens, i);
  if (!name) throw new DefinitionError(tokens[i]?.line ?? line, 'CREATE TABLE must name the table');
  const open = name.next;
  if (tokens[open]?.text !== '(') {
    if (tokens[open] === undefined || isWord(tokens[open], 'as', 'partition', 'like', 'of', 'clone')) return undefined;
    throw new DefinitionError(tokens[open].line, `expected "(" and the column definitions after the table name, found ${JSON.stringify(tokens[open].text)}`);
  }
  const close = closingParen(tokens, open);
  if (close < 0) throw new DefinitionError(tokens[open].line, 'the column list opened here is never closed with ")"');
  const definitions = splitTopLevel(tokens.slice(open + 1, close)).map((part) => readDefinition(part, part[0]?.line ?? tokens[open].line));
  const parserTokens: Token[] = [...tokens.slice(0, open + 1)];
  for (const d of definitions) {
    if (d.kind !== 'column' && d.kind !== 'primary-key' && d.kind !== 'unique') continue;
    if (parserTokens.length > open + 1) parserTokens.push({ ...tokens[open], text: ',', breaks: 0, spaced: false });
    parserTokens.push(...d.parserTokens);
  }
  parserTokens.push(tokens[close]);
  const result: CreateTableTokens = { table: qualified(name.parts), definitions, parserTokens };
  // Table options after the list: only MySQL's COMMENT [=] '…' is kept; the parser need not see any.
  for (let j = close + 1; j < tokens.length; j++) {
    if (!isWord(tokens[j], 'comment')) continue;
    const value = tokens[j + 1]?.text === '=' ? tokens[j + 2] : tokens[j + 1];
    if (value?.kind === 'string') result.description = value.text;
  }
  return result;
}

/**
 * Reads `ALTER TABLE [ONLY] [IF EXISTS] name ADD …[, ADD …]`: added keys, foreign keys and
 * columns. Other actions (DROP, OWNER TO, ENABLE TRIGGER…) change nothing the import keeps.
 */
export function readAlterTableTokens(tokens: readonly Token[], line: number): TableChange[] {
  let i = 2;
  if (isWord(tokens[i], 'only')) i++;
  if (isWord(tokens[i], 'if') && isWord(tokens[i + 1], 'exists')) i += 2;
  const name = readName(tokens, i);
  if (!name) throw new DefinitionError(tokens[i]?.line ?? line, 'ALTER TABLE must name the table');
  const table = qualified(name.parts);
  let rest = tokens.slice(name.next);
  if (isWord(rest[0], 'with') && isWord(rest[1], 'check', 'nocheck')) rest = rest.slice(2);
  const changes: TableChange[] = [];
  let adding = false;
  for (const action of splitTopLevel(rest)) {
    // T-SQL lists several constraints after one ADD: `ADD CONSTRAINT a …, CONSTRAINT b …`.
    const more: boolean = adding && isWord(action[0], 'constraint', 'primary', 'unique', 'foreign', 'check');
    adding = isWord(action[0], 'add') || more;
    if (!adding) continue;
    let j = more ? 0 : 1;
    if (isWord(action[j], 'column')) j++;
    if (isWord(action[j], 'if') && isWord(action[j + 1], 'not') && isWord(action[j + 2], 'exists')) j += 3;
    const at = action[j]?.line ?? action[0].line;
    const d = readDefinition(action.slice(j), at);
    if (d.kind === 'foreign-key') changes.push({ kind: 'foreign-key', table, foreignKey: d.foreignKey });
    else if (d.kind === 'primary-key' || d.kind === 'unique') changes.push({ kind: d.kind, table, columns: d.columns, line: at });
    else if (d.kind === 'column') {
      changes.push({ kind: 'column', table, column: { name: d.name, type: d.type, description: d.description, ...keysOf(d.parserTokens) }, line: at });
      if (d.foreignKey) changes.push({ kind: 'foreign-key', table, foreignKey: { ...d.foreignKey, columns: [d.name] } });
    }
  }
  return changes;
}

/** NOT NULL, PRIMARY KEY and UNIQUE of a column added by ALTER TABLE (no parser runs there). */
function keysOf(tokens: readonly Token[]): { notNull: boolean; primaryKey: boolean; unique: boolean } {
  const has = (a: string, b?: string) => tokens.some((t, k) => isWord(t, a) && (b === undefined || isWord(tokens[k + 1], b)));
  return { notNull: has('not', 'null'), primaryKey: has('primary', 'key'), unique: has('unique') };
}

/** `COMMENT ON TABLE x IS '…'` / `COMMENT ON COLUMN x.y IS '…'` (`IS NULL` removes it). */
export function readCommentOn(tokens: readonly Token[], line: number): TableChange | undefined {
  if (!isWord(tokens[0], 'comment') || !isWord(tokens[1], 'on')) return undefined;
  const what = tokens[2];
  const name = readName(tokens, 3);
  if (!name || !isWord(tokens[name.next], 'is')) return undefined;
  const value = tokens[name.next + 1];
  const text = value?.kind === 'string' ? value.text : isWord(value, 'null') ? undefined : '';
  if (text === '') return undefined;
  if (isWord(what, 'table')) return { kind: 'table-comment', table: qualified(name.parts), text, line };
  if (isWord(what, 'column') && name.parts.length >= 2) {
    return { kind: 'column-comment', table: qualified(name.parts.slice(0, -1)), column: name.parts[name.parts.length - 1], text, line };
  }
  return undefined;
}

/**
 * T-SQL's `EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'…',
 * @level0name = N'schema', @level1name = N'table' [, @level2name = N'column']`, named or positional.
 */
export function readExtendedProperty(tokens: readonly Token[], line: number): TableChange | undefined {
  if (!isWord(tokens[0], 'exec', 'execute')) return undefined;
  const proc = readName(tokens, 1);
  if (!proc || proc.parts[proc.parts.length - 1].toLowerCase() !== 'sp_addextendedproperty') return undefined;
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (let j = proc.next; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind === 'word' && t.text.startsWith('@') && tokens[j + 1]?.text === '=' && tokens[j + 2]?.kind === 'string') {
      named.set(t.text.slice(1).toLowerCase(), tokens[j + 2].text);
      j += 2;
    } else if (t.kind === 'string') positional.push(t.text);
  }
  const get = (key: string, index: number) => named.get(key) ?? positional[index];
  if (get('name', 0)?.toLowerCase() !== 'ms_description') return undefined;
  const text = get('value', 1);
  const schema = get('level0name', 3);
  const table = get('level1name', 5);
  const column = get('level2name', 7);
  if (text === undefined || !table || get('level1type', 4)?.toLowerCase() !== 'table') return undefined;
  const name: QualifiedName = schema ? { schema, name: table } : { name: table };
  if (column && get('level2type', 6)?.toLowerCase() === 'column') return { kind: 'column-comment', table: name, column, text, line };
  return column ? undefined : { kind: 'table-comment', table: name, text, line };
}

