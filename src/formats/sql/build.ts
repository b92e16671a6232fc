import { IdScope } from '../import-kit';
import type { Cardinality, CrosswalkDocument, Entity, Field, Link, System } from '../../model/types';
import type { ImportMessage } from '../types';
import type { ColumnFacts, ForeignKeyFacts, QualifiedName, TableChange, TableFacts } from './schema-facts';

// Turns what a script says about its tables into a document: a system per schema (or one
// for the whole file), an entity per table, a field per column, a relation per foreign key.
// Names match the way databases usually compare them: case-insensitively.

const keyOf = (n: QualifiedName) => `${n.schema?.toLowerCase() ?? ''}\u0000${n.name.toLowerCase()}`;
/** A name for messages: as written when plain, JSON-quoted when it holds anything else. */
const quoteName = (name: string) => (/^[\p{L}\p{N}_$#@]+$/u.test(name) ? name : JSON.stringify(name));
const display = (n: QualifiedName) => (n.schema ? `${quoteName(n.schema)}.${quoteName(n.name)}` : quoteName(n.name));
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class SchemaBuilder {
  readonly warnings: ImportMessage[] = [];
  private readonly tables = new Map<string, TableFacts>();

  /** Adds a table; a second definition of the same name is reported and skipped. */
  addTable(facts: TableFacts): void {
    const key = keyOf(facts.table);
    const earlier = this.tables.get(key);
    if (earlier) {
      this.warnings.push({ line: facts.line, message: `table ${display(facts.table)} is already defined on line ${earlier.line}; this definition is skipped` });
      return;
    }
    this.tables.set(key, facts);
  }

  get tableCount(): number {
    return this.tables.size;
  }

  /** The table a name means: exact, else the same name in the only schema that has it. */
  private find(name: QualifiedName, near?: QualifiedName): TableFacts | undefined {
    const exact = this.tables.get(keyOf(name));
    if (exact || name.schema) return exact;
    const sameSchema = near?.schema ? this.tables.get(keyOf({ schema: near.schema, name: name.name })) : undefined;
    if (sameSchema) return sameSchema;
    const candidates = [...this.tables.values()].filter((t) => same(t.table.name, name.name));
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** Applies a later statement's change to the table it names (declared before or after). */
  apply(change: TableChange): void {
    const table = this.find(change.table);
    if (!table) {
      this.warnings.push({ line: change.kind === 'foreign-key' ? change.foreignKey.line : change.line, message: `no table ${display(change.table)} is defined; this statement is skipped` });
      return;
    }
    switch (change.kind) {
      case 'foreign-key':
        table.foreignKeys.push(change.foreignKey);
        return;
      case 'primary-key':
        table.primaryKey = change.columns;
        return;
      case 'unique':
        table.uniques.push(change.columns);
        return;
      case 'column':
        if (table.columns.some((c) => same(c.name, change.column.name))) {
          this.warnings.push({ line: change.line, message: `column ${quoteName(change.column.name)} already exists in ${display(table.table)}` });
        } else table.columns.push(change.column);
        return;
      case 'table-comment':
        table.description = change.text;
        return;
      case 'column-comment': {
        const column = table.columns.find((c) => same(c.name, change.column));
        if (column) column.description = change.text;
        else this.warnings.push({ line: change.line, message: `no column ${quoteName(change.column)} in ${display(table.table)}; the comment is skipped` });
        return;
      }
    }
  }

  /** The document: systems, entities and relations, in the order the script declares them. */
  build(title: string, defaultSystem: string): CrosswalkDocument {
    const ids = new IdScope();
    const claim = (base: string) => ids.next(base);
    const systems: System[] = [];
    const systemIds = new Map<string, string>();
    const systemFor = (schema: string | undefined) => {
      const name = schema ?? defaultSystem;
      const key = schema === undefined ? '\u0000' : schema.toLowerCase();
      let id = systemIds.get(key);
      if (id === undefined) {
        id = claim(name);
        systemIds.set(key, id);
        systems.push({ id, name });
      }
      return id;
    };

    const entities: Entity[] = [];
    const byTable = new Map<TableFacts, Entity>();
    for (const t of this.tables.values()) {
      const system = systemFor(t.table.schema);
      const entity: Entity = { id: claim(t.table.schema ? `${t.table.schema}-${t.table.name}` : t.table.name), name: t.table.name, system, fields: fieldsOf(t) };
      if (t.description) entity.description = t.description;
      entities.push(entity);
      byTable.set(t, entity);
    }

    const links: Link[] = [];
    for (const t of this.tables.values()) {
      for (const fk of t.foreignKeys) {
        const link = this.relation(t, fk, byTable, claim);
        if (link) links.push(link);
      }
    }
    return { format: 'crosswalk', version: 1, title, systems, entities, links };
  }

  private relation(t: TableFacts, fk: ForeignKeyFacts, byTable: Map<TableFacts, Entity>, claim: (base: string) => string): Link | undefined {
    const target = this.find(fk.target, t.table);
    const child = byTable.get(t)!;
    if (!target) {
      this.warnings.push({ line: fk.line, message: `${display(t.table)}.${fk.columns.map(quoteName).join(', ')} refers to ${display(fk.target)}, which this file does not define; no relation drawn` });
      return undefined;
    }
    const parent = byTable.get(target)!;
    const targetColumns = fk.targetColumns.length ? fk.targetColumns : target.primaryKey.length ? target.primaryKey : target.columns.filter((c) => c.primaryKey).map((c) => c.name);
    const fieldId = (e: Entity, name: string | undefined) => (name === undefined ? undefined : e.fields.find((f) => same(f.name, name))?.id);
    const from = fieldId(child, fk.columns[0]);
    const to = fieldId(parent, targetColumns[0]);
    if (fk.targetColumns.length && to === undefined) {
      this.warnings.push({ line: fk.line, message: `${display(target.table)} has no column ${quoteName(fk.targetColumns[0])}; the relation joins the tables` });
    }
    const columns = fk.columns.map((n) => t.columns.find((c) => same(c.name, n)));
    const required = columns.every((c) => c && (c.notNull || c.primaryKey || isIn(t.primaryKey, c.name)));
    const unique = isSameSet(fk.columns, t.primaryKey) || t.uniques.some((u) => isSameSet(u, fk.columns)) || (columns.length === 1 && !!columns[0] && (columns[0].unique || (columns[0].primaryKey && t.primaryKey.length <= 1)));
    const cardinality: { from: Cardinality; to: Cardinality } = { from: unique ? 'zero-or-one' : 'zero-or-more', to: required ? 'exactly-one' : 'zero-or-one' };
    const link: Link = {
      id: claim(`fk-${child.name}-${fk.columns[0] ?? parent.name}`),
      kind: 'relation',
      from: from === undefined ? { entity: child.id } : { entity: child.id, field: from },
      to: to === undefined ? { entity: parent.id } : { entity: parent.id, field: to },
      cardinality,
    };
    if (fk.columns.length > 1) link.description = `(${fk.columns.join(', ')}) → (${targetColumns.join(', ')})`;
    return link;
  }
}

const isIn = (list: readonly string[], name: string) => list.some((n) => same(n, name));
const isSameSet = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.length === b.length && a.every((n) => isIn(b, n));

function fieldsOf(t: TableFacts): Field[] {
  const taken = new IdScope();
  const foreign = new Set(t.foreignKeys.flatMap((fk) => fk.columns.map((c) => c.toLowerCase())));
  const singleUnique = new Set(t.uniques.filter((u) => u.length === 1).map((u) => u[0].toLowerCase()));
  return t.columns.map((c: ColumnFacts) => {
    const field: Field = { id: taken.next(c.name), name: c.name };
    if (c.type) field.type = c.type;
    const pk = c.primaryKey || isIn(t.primaryKey, c.name);
    const key = pk ? 'PK' : foreign.has(c.name.toLowerCase()) ? 'FK' : c.unique || singleUnique.has(c.name.toLowerCase()) ? 'UK' : undefined;
    if (key) field.key = key;
    if (c.notNull || pk) field.required = true;
    if (c.description) field.description = c.description;
    return field;
  });
}
