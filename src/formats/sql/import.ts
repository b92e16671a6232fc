import type { FormatImportOptions, FormatImportResult, ImportMessage, SqlDialect } from '../types';
import { SchemaBuilder } from './build';
import { guessSqlDialect } from './dialect';
import { isWord, LexError, splitStatements, type Statement, type Token } from './lex';
import { loadSqlParser, PARSER_DATABASE, type SqlParser } from './parser';
import { prepareStatement, type Prepared } from './prepare';
import { readCreateTable } from './read-ast';
import { DefinitionError } from './read-definitions';
import { readAlterTableTokens, readCommentOn, readCreateTableTokens, readExtendedProperty } from './read-tokens';
import type { TableChange, TableFacts } from './schema-facts';

// SQL DDL → a document. The script is split into statements here (so one statement the
// parser cannot read is reported with its line and skipped while the rest imports); only
// the statements that shape tables are read: CREATE TABLE, ALTER TABLE, COMMENT ON and
// T-SQL's MS_Description properties. Everything else (INSERT, CREATE INDEX, GRANT…) is
// passed over. A file in which no table can be read fails, with every reason.

type Kind = 'create-table' | 'alter-table' | 'comment' | 'exec' | 'other';

/** What a statement is, from its first words. */
function classify(tokens: readonly Token[]): Kind {
  let i = 0;
  if (isWord(tokens[i], 'create')) {
    i++;
    if (isWord(tokens[i], 'or') && isWord(tokens[i + 1], 'replace')) i += 2;
    while (isWord(tokens[i], 'global', 'local', 'temp', 'temporary', 'unlogged')) i++;
    return isWord(tokens[i], 'table') ? 'create-table' : 'other';
  }
  if (isWord(tokens[0], 'alter') && isWord(tokens[1], 'table')) return 'alter-table';
  if (isWord(tokens[0], 'comment') && isWord(tokens[1], 'on')) return 'comment';
  if (isWord(tokens[0], 'exec', 'execute')) return 'exec';
  return 'other';
}

/** The statement's first words, for messages: `CREATE TABLE hr.worker`. */
function opening(s: Statement): string {
  const words: string[] = [];
  for (const t of s.tokens.slice(0, 6)) {
    if (t.kind === 'punct' && t.text !== '.') break;
    words.push(t.kind === 'ident' ? JSON.stringify(t.text) : t.kind === 'string' ? "'…'" : t.text);
  }
  return words.join(' ').replace(/ \. /g, '.').slice(0, 80);
}

/** node-sql-parser's "Expected … but "x" found." as the script's token and line where it stopped. */
function parserError(e: unknown, s: Statement, prepared: Prepared): ImportMessage {
  const error = e as { message?: string; location?: { start?: { offset?: number } } };
  const offset = error.location?.start?.offset;
  const token = offset === undefined ? undefined : prepared.tokenAt(offset);
  if (!token) return { line: s.line, message: `cannot read ${opening(s)} (${(error.message ?? String(e)).slice(0, 120)}); skipped` };
  const near = token.kind === 'string' ? 'a string' : JSON.stringify(token.text.slice(0, 40));
  return { line: token.line, message: `cannot read ${opening(s)} (stopped at ${near}); skipped` };
}

/** Imports SQL DDL as a new document, in the given dialect (or the one the script looks like, else PostgreSQL). */
export async function importSql(text: string, options: FormatImportOptions = {}): Promise<FormatImportResult> {
  const dialect: SqlDialect = options.dialect ?? guessSqlDialect(text);
  let statements: Statement[];
  try {
    statements = splitStatements(text, dialect);
  } catch (e) {
    if (e instanceof LexError) return { ok: false, errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
  const parser = await loadSqlParser(dialect);
  const builder = new SchemaBuilder();
  const unreadable: ImportMessage[] = [];
  const changes: TableChange[] = [];
  let passedOver = 0;

  for (const s of statements) {
    const kind = classify(s.tokens);
    try {
      if (kind === 'comment' || kind === 'exec') {
        const change = kind === 'comment' ? readCommentOn(s.tokens, s.line) : readExtendedProperty(s.tokens, s.line);
        if (change) changes.push(change);
        else if (kind === 'comment') unreadable.push({ line: s.line, message: `cannot read ${opening(s)}; skipped` });
        else passedOver++;
      } else if (kind === 'alter-table') changes.push(...readAlterTableTokens(s.tokens, s.line));
      else if (kind === 'create-table') {
        const table = readTable(parser, s, dialect);
        if ('message' in table) unreadable.push(table);
        else builder.addTable(table);
      } else passedOver++;
    } catch (e) {
      if (!(e instanceof DefinitionError)) throw e;
      unreadable.push({ line: e.line, message: `cannot read ${opening(s)} (${e.message}); skipped` });
    }
  }

  if (builder.tableCount === 0) {
    const errors = unreadable.length ? unreadable : [];
    errors.push({ message: `no table could be read from this ${dialectName(dialect)} script${unreadable.length ? '' : ' (it has no CREATE TABLE statement)'}` });
    return { ok: false, errors };
  }
  for (const c of changes) builder.apply(c);
  const base = options.fileName?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const doc = builder.build(options.title || base || 'Database', base || 'Database');
  const warnings = [...unreadable, ...builder.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (passedOver) warnings.push({ message: `${passedOver} statement${passedOver === 1 ? '' : 's'} that shape no table (INSERT, CREATE INDEX, GRANT…) passed over` });
  return { ok: true, doc, warnings };
}

function dialectName(d: SqlDialect): string {
  return d === 'postgresql' ? 'PostgreSQL' : d === 'mysql' ? 'MySQL' : 'SQL Server';
}

function emptyName(table: string, columns: readonly string[]): string | undefined {
  if (!table.trim()) return 'the table name is empty';
  if (columns.some((c) => !c.trim())) return 'a column name is empty';
  return undefined;
}

/**
 * A CREATE TABLE: its definitions read from the tokens, the plain statement checked by the
 * dialect's parser, and the parser's tree read for columns, NOT NULL and keys.
 */
function readTable(parser: SqlParser, s: Statement, dialect: SqlDialect): TableFacts | ImportMessage {
  const read = readCreateTableTokens(s.tokens, s.line);
  if (!read) return { line: s.line, message: `${opening(s)} has no column list (AS SELECT, PARTITION OF…); skipped` };
  const prepared = prepareStatement(read.parserTokens, dialect);
  let ast: unknown;
  try {
    ast = parser.astify(prepared.sql, { database: PARSER_DATABASE[dialect] });
  } catch (e) {
    return parserError(e, s, prepared);
  }
  const facts = readCreateTable(Array.isArray(ast) ? ast[0] : ast, s.line, prepared);
  if (!facts) return { line: s.line, message: `cannot read ${opening(s)}; skipped` };
  const bad = emptyName(facts.table.name, facts.columns.map((c) => c.name));
  if (bad) return { line: s.line, message: `${opening(s)}: ${bad}; skipped` };
  // What the tokens knew better: the table's own name (as written), types, comments, foreign keys.
  facts.table = read.table;
  if (read.description !== undefined) facts.description = read.description;
  for (const d of read.definitions) {
    if (d.kind === 'foreign-key') facts.foreignKeys.push(d.foreignKey);
    if (d.kind !== 'column') continue;
    const column = facts.columns.find((c) => c.name === d.name);
    if (!column) continue;
    if (d.type) column.type = d.type;
    if (d.description !== undefined) column.description = d.description;
    if (d.foreignKey) facts.foreignKeys.push({ ...d.foreignKey, columns: [d.name] });
  }
  return facts;
}
