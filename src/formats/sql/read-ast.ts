import type { Prepared } from './prepare';
import type { ColumnFacts, QualifiedName, TableFacts } from './schema-facts';

// Reads node-sql-parser's tree for CREATE TABLE: the columns, NOT NULL and the keys (the
// types, foreign keys and comments come from the tokens, see read-definitions.ts). The tree's shape differs a
// little between the dialect builds (a column is a string in one and `{expr: {value}}` in
// another) and is not fully typed by the package, so it is read defensively as unknown data.

type Tree = Record<string, unknown>;

const asTree = (v: unknown): Tree | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Tree) : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** A column reference's name: `"x"`, `{column: "x"}`, `{column: {expr: {value: "x"}}}`. */
function columnName(v: unknown, p: Prepared): string | undefined {
  const direct = asText(v);
  if (direct !== undefined) return p.resolve(direct);
  const t = asTree(v);
  if (!t) return undefined;
  if ('column' in t) return columnName(t.column, p);
  if ('expr' in t) return columnName(t.expr, p);
  if ('value' in t) return columnName(t.value, p);
  return undefined;
}

function tableName(v: unknown, p: Prepared): QualifiedName | undefined {
  const t = asTree(asList(v)[0]);
  const name = asText(t?.table);
  if (!t || name === undefined) return undefined;
  const schema = asText(t.db) ?? asText(t.schema);
  return schema ? { schema: p.resolve(schema), name: p.resolve(name) } : { name: p.resolve(name) };
}

function readColumn(def: Tree, p: Prepared): ColumnFacts | undefined {
  const name = columnName(def.column, p);
  if (name === undefined) return undefined;
  const nullable = asText(asTree(def.nullable)?.type);
  const column: ColumnFacts = {
    name,
    notNull: nullable === 'not null',
    primaryKey: /primary|^key$/i.test(asText(def.primary_key) ?? ''),
    unique: /unique/i.test(asText(def.unique) ?? '') || /unique/i.test(asText(def.unique_or_primary) ?? ''),
  };
  if (/primary/i.test(asText(def.unique_or_primary) ?? '')) column.primaryKey = true;
  return column;
}

type Constraint = { kind: 'primary-key' | 'unique'; columns: string[] };

function readConstraint(def: Tree, p: Prepared): Constraint | undefined {
  const type = (asText(def.constraint_type) ?? '').toLowerCase();
  const columns = asList(def.definition)
    .map((c) => columnName(c, p))
    .filter((c): c is string => c !== undefined);
  if (type.startsWith('primary')) return { kind: 'primary-key', columns };
  if (type.startsWith('unique')) return { kind: 'unique', columns };
  return undefined;
}

/** A CREATE TABLE tree as facts; undefined when it is not one (CREATE TABLE … AS SELECT, LIKE). */
export function readCreateTable(ast: unknown, line: number, p: Prepared): TableFacts | undefined {
  const t = asTree(ast);
  const table = tableName(t?.table, p);
  if (!t || !table || !Array.isArray(t.create_definitions)) return undefined;
  const facts: TableFacts = { table, line, columns: [], primaryKey: [], uniques: [], foreignKeys: [] };
  for (const raw of t.create_definitions) {
    const def = asTree(raw);
    if (!def) continue;
    if (def.resource === 'column') {
      const column = readColumn(def, p);
      if (!column) continue;
      facts.columns.push(column);
    } else if (def.resource === 'constraint') {
      const c = readConstraint(def, p);
      if (c?.kind === 'primary-key') facts.primaryKey = c.columns;
      else if (c?.kind === 'unique') facts.uniques.push(c.columns);
    }
  }
  return facts;
}
