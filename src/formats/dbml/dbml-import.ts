import type { Cardinality, CrosswalkDocument, Entity, Field, Link, Note, System } from '../../model/types';
import type { FormatImportOptions, FormatImportResult, ImportMessage, Importer } from '../types';
import { baseName, IdScope } from '../import-kit';
export { sniffDbml } from './sniff';
import { compileInBatches, WHOLE } from './batches';
import type { RawDbml, RawDiagnostic, RawEndpoint, RawField, RawRef, RawTable } from './raw';

/**
 * Reads DBML (dbdiagram.io's language) into a new document, with @dbml/parse loaded on first use.
 *
 * - Tables → entities. A TableGroup → a system; an ungrouped table in a named schema
 *   (`hr.users`, not `public`) → a system named after the schema; any other table → one system
 *   named after the Project, else the file.
 * - Columns → fields: type as written (`varchar(255)`, `hr.status`), `pk` (inline or a
 *   composite pk index) → PK, `unique` (inline or a one-column unique index) → UK,
 *   `not null` → required, `note` → description. A column on the many side of a ref → FK.
 * - Enums: an enum-typed column keeps the enum's name as its type, and its description ends
 *   with the values (`Enum hr.status: active, inactive`).
 * - Refs of every form (inline `ref: >`, `Ref:` short and long, composite, `<` `>` `-` `<>`)
 *   → relations, one per column pair; `1` → exactly-one, `*` → zero-or-more; the ref's name is
 *   the label. Table partials are merged in; sticky notes → notes; the Project note → the
 *   document's description. Records (sample rows) are skipped with a warning.
 */
export const importDbml: Importer = (text, options) => readDbml(text, options, DBML_BATCH_CHARS);

/**
 * A file longer than BATCH_ABOVE characters is compiled in batches of about `batchChars`
 * (batches.ts), so the compiler's syntax tree — ≈ 110 MB per 1,000 tables — is held for one
 * batch at a time. Small batches were faster too (5,000 tables: 17 s of CPU in batches of 12,000
 * characters, 27 s in batches of 200,000, 20 s whole); a smaller file is compiled whole, as
 * batching costs it about a third more time.
 */
export const DBML_BATCH_CHARS = 12_000;
const BATCH_ABOVE = 500_000;

/** `importDbml`, with the batch size given; `batchAbove` is how long a file must be to be batched. */
export async function readDbml(text: string, options: FormatImportOptions, batchChars: number, batchAbove = BATCH_ABOVE): Promise<FormatImportResult> {
  // @dbml/parse is the DBML compiler inside @dbml/core (whose parseDBMLToJSONv2 is these
  // four calls) without core's SQL parsers: about 107 KB gzip instead of 2.7 MB.
  const dbml = await import('@dbml/parse');
  let raw: RawDbml | undefined;
  try {
    const batched = text.length > batchAbove ? compileInBatches(dbml, text, batchChars) : WHOLE;
    if (batched !== WHOLE) raw = batched;
    else {
      const { Compiler, DEFAULT_ENTRY, MemoryProjectLayout } = dbml;
      const layout = new MemoryProjectLayout();
      layout.setSource(DEFAULT_ENTRY, text);
      const compiler = new Compiler(layout);
      const errors = compiler.parse.errors(DEFAULT_ENTRY);
      if (errors.length) return { ok: false, errors: diagnostics(errors) };
      // The typed Database result is read through the few fields raw.ts names.
      raw = compiler.parse.rawDb(DEFAULT_ENTRY) as unknown as RawDbml | undefined;
    }
  } catch (e) {
    return { ok: false, errors: [{ message: `DBML could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (!raw) return { ok: false, errors: [{ message: 'DBML could not be read' }] };
  try {
    return buildDocument(raw, options.title, options.fileName);
  } catch (e) {
    if (e instanceof DbmlImportError) return { ok: false, errors: [{ ...(e.line ? { line: e.line } : {}), message: e.message }] };
    throw e;
  }
}

class DbmlImportError extends Error {
  constructor(
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Every compile error once, with its 1-based line (the compiler counts lines from 0). */
function diagnostics(errors: readonly RawDiagnostic[]): ImportMessage[] {
  const seen = new Set<string>();
  const out: ImportMessage[] = [];
  for (const d of errors) {
    const zeroBased = d.nodeOrToken?.startPos?.line;
    const line = typeof zeroBased === 'number' ? zeroBased + 1 : undefined;
    const key = `${line}\u0000${d.diagnostic}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line ? { line, message: d.diagnostic } : { message: d.diagnostic });
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

const DEFAULT_SCHEMAS = new Set(['public', '']);

function tableKey(schema: string | null | undefined, name: string): string {
  return `${schema && !DEFAULT_SCHEMAS.has(schema) ? schema : ''}\u0000${name}`;
}

function buildDocument(raw: RawDbml, title: string | undefined, fileName: string | undefined): FormatImportResult {
  const warnings: ImportMessage[] = [];
  const ids = new IdScope();
  const projectName = raw.project?.name || undefined;
  const docTitle = title?.trim() || projectName || baseName(fileName) || 'Imported DBML';

  // Systems: TableGroups first (file order), then schemas, then one for the rest.
  const systems: System[] = [];
  const systemByName = new Map<string, System>();
  const systemNamed = (name: string, description?: string): System => {
    let s = systemByName.get(name);
    if (!s) {
      s = { id: ids.next(name), name };
      systems.push(s);
      systemByName.set(name, s);
    }
    if (description && !s.description) s.description = description;
    return s;
  };
  const groupOf = new Map<string, System>();
  for (const g of raw.tableGroups) {
    const s = systemNamed(g.name, g.note?.value);
    for (const t of g.tables) groupOf.set(tableKey(t.schemaName, t.name), s);
  }
  const systemFor = (t: RawTable): System => {
    const grouped = groupOf.get(tableKey(t.schemaName, t.name));
    if (grouped) return grouped;
    if (t.schemaName && !DEFAULT_SCHEMAS.has(t.schemaName)) return systemNamed(t.schemaName);
    return systemNamed(projectName || baseName(fileName) || 'Database');
  };

  const enumValues = new Map<string, string[]>();
  for (const en of raw.enums) enumValues.set(tableKey(en.schemaName, en.name), en.values.map((v) => v.name));

  const entities: Entity[] = [];
  const entityByTable = new Map<string, { entity: Entity; fields: Map<string, Field> }>();
  for (const t of raw.tables) {
    const system = systemFor(t);
    const entity: Entity = { id: ids.next(t.name), name: t.name, system: system.id, fields: [] };
    if (t.note?.value) entity.description = t.note.value;
    const fieldIds = new IdScope();
    const byName = new Map<string, Field>();
    for (const f of mergedFields(t, raw)) {
      const field = fieldFrom(f, fieldIds, enumValues);
      entity.fields.push(field);
      byName.set(f.name, field);
    }
    applyIndexes(t, raw, byName);
    entities.push(entity);
    entityByTable.set(tableKey(t.schemaName, t.name), { entity, fields: byName });
  }

  const links: Link[] = [];
  for (const ref of raw.refs) links.push(...relationsFrom(ref, entityByTable, ids));

  const notes: Note[] = (raw.notes ?? []).map((n) => ({ id: ids.next(`note ${n.name}`), text: n.content ?? '' }));
  for (const r of raw.records ?? []) {
    warnings.push({ ...(r.token ? { line: r.token.start.line } : {}), message: `records of ${r.tableName} (sample rows) are not imported` });
  }

  const doc: CrosswalkDocument = { format: 'crosswalk', version: 1, title: docTitle, systems, entities, links };
  if (raw.project?.note?.value) doc.description = raw.project.note.value;
  if (notes.length) doc.notes = notes;
  return { ok: true, doc, warnings };
}

/** The table's own columns with its partials' columns spliced in where `~partial` stands. */
function mergedFields(t: RawTable, raw: RawDbml): RawField[] {
  const own = new Set(t.fields.map((f) => f.name));
  const out = [...t.fields];
  const partials = [...(t.partials ?? [])].sort((a, b) => a.order - b.order);
  let inserted = 0;
  for (const p of partials) {
    const partial = raw.tablePartials?.find((x) => x.name === p.name);
    if (!partial) continue;
    const extra = partial.fields.filter((f) => !own.has(f.name));
    out.splice(Math.min(p.order + inserted, out.length), 0, ...extra);
    inserted += extra.length;
    for (const f of extra) own.add(f.name);
  }
  return out;
}

function fieldFrom(f: RawField, scope: IdScope, enums: Map<string, string[]>): Field {
  const type = f.type.schemaName ? `${f.type.schemaName}.${f.type.type_name}` : f.type.type_name;
  const field: Field = { id: scope.next(f.name), name: f.name };
  if (type) field.type = type;
  if (f.pk) field.key = 'PK';
  else if (f.unique) field.key = 'UK';
  if (f.not_null || f.pk) field.required = true;
  const values = enums.get(tableKey(f.type.schemaName, f.type.type_name));
  const description = [f.note?.value, values ? `Enum ${type}: ${values.map(enumValue).join(', ')}` : undefined].filter(Boolean).join('\n');
  if (description) field.description = description;
  return field;
}

function applyIndexes(t: RawTable, raw: RawDbml, fields: Map<string, Field>): void {
  const partialIndexes = (t.partials ?? []).flatMap((p) => raw.tablePartials?.find((x) => x.name === p.name)?.indexes ?? []);
  for (const index of [...(t.indexes ?? []), ...partialIndexes]) {
    const columns = index.columns.filter((c) => c.type === 'column').map((c) => fields.get(c.value));
    if (index.pk) {
      for (const f of columns) {
        if (!f) continue;
        f.key = 'PK';
        f.required = true;
      }
    } else if (index.unique && columns.length === 1 && columns[0] && !columns[0].key) {
      columns[0].key = 'UK';
    }
  }
}

const CARDINALITY: Record<RawEndpoint['relation'], Cardinality> = { '1': 'exactly-one', '*': 'zero-or-more' };

function relationsFrom(
  ref: RawRef,
  tables: Map<string, { entity: Entity; fields: Map<string, Field> }>,
  ids: IdScope,
): Link[] {
  let [a, b] = ref.endpoints;
  // An inline ref (`country_code int [ref: > countries.code]`) comes back with the referenced
  // side first; its second endpoint's token spans the whole column declaration holding it.
  // Turn it round so the relation reads from the column that was written, as in the source.
  if (b.token.start.offset <= a.token.start.offset && a.token.end.offset <= b.token.end.offset) [a, b] = [b, a];
  const from = tables.get(tableKey(a.schemaName, a.tableName));
  const to = tables.get(tableKey(b.schemaName, b.tableName));
  if (!from || !to) throw new DbmlImportError(ref.token.start.line, `a ref names a table that does not exist (${!from ? a.tableName : b.tableName})`);
  if (a.fieldNames.length !== b.fieldNames.length) {
    throw new DbmlImportError(ref.token.start.line, 'a composite ref needs as many columns on each side');
  }
  const links: Link[] = [];
  a.fieldNames.forEach((name, i) => {
    const fa = from.fields.get(name);
    const fb = to.fields.get(b.fieldNames[i]);
    if (!fa || !fb) throw new DbmlImportError(ref.token.start.line, `a ref names a column that does not exist (${!fa ? name : b.fieldNames[i]})`);
    const label = ref.name?.trim();
    const link: Link = {
      id: ids.next(label || `${from.entity.name} ${fa.name} ${to.entity.name}`),
      kind: 'relation',
      from: { entity: from.entity.id, field: fa.id },
      to: { entity: to.entity.id, field: fb.id },
      cardinality: { from: CARDINALITY[a.relation], to: CARDINALITY[b.relation] },
    };
    if (label) link.label = label;
    links.push(link);
    markForeignKey(a, b, fa, fb);
  });
  return links;
}

/** The many side of a ref holds the foreign key; in a one-to-one, the side that is not a key. */
function markForeignKey(a: RawEndpoint, b: RawEndpoint, fa: Field, fb: Field): void {
  const mark = (f: Field) => {
    if (!f.key) f.key = 'FK';
  };
  if (a.relation === '*' && b.relation === '1') mark(fa);
  else if (a.relation === '1' && b.relation === '*') mark(fb);
  else if (a.relation === '1' && b.relation === '1') {
    if (!fa.key) mark(fa);
    else if (!fb.key) mark(fb);
  }
}

/** An enum value as listed in a description: bare when plain, else in double quotes. */
function enumValue(v: string): string {
  return /^[\p{L}\p{N}_-]+$/u.test(v) ? v : JSON.stringify(v);
}
