import type { Cardinality, CrosswalkDocument, Entity, Field, Link } from '../../model/types';
import { isEntityEndpoint } from '../../model/types';

/**
 * Writes a document as DBML: the title and description as the Project, each entity as a
 * table (fields with type, `pk`, `unique`, `not null`, notes), each system as a TableGroup of
 * its entities, each relation between two fields as a `Ref` (operator from its cardinality,
 * label as the ref's name) and each note as a sticky note. Every name is quoted, so any
 * Unicode, quote or newline survives; a table name used by two entities is qualified with its
 * system's name as the schema. DBML has no place for mappings and flows, nor for a relation
 * between whole entities, nor for an entity without fields: those are left out. Deterministic: the same
 * document always gives the same text, and what `importDbml` reads back exports the same.
 */
export function exportDbml(doc: CrosswalkDocument): string {
  const out: string[] = [];
  out.push(`Project ${quoteName(doc.title)} {`);
  if (hasNote(doc.description)) out.push(`  Note: ${quoteString(doc.description)}`);
  out.push('}', '');

  const tableNames = nameTables(doc);
  const fieldNames = new Map(doc.entities.map((e) => [e.id, nameFields(e)]));
  const bySystem = new Map<string | undefined, Entity[]>();
  const systemIds = new Set(doc.systems.map((s) => s.id));
  // DBML refuses a table without columns, so an entity with no fields is left out.
  for (const e of doc.entities.filter((x) => x.fields.length > 0)) {
    const key = e.system && systemIds.has(e.system) ? e.system : undefined;
    let members = bySystem.get(key);
    if (!members) bySystem.set(key, (members = []));
    members.push(e);
  }

  const groupNames = new UniqueNames();
  for (const system of doc.systems) {
    const members = bySystem.get(system.id) ?? [];
    for (const e of members) out.push(...table(e, tableNames.get(e.id)!, fieldNames.get(e.id)!), '');
    const name = groupNames.take(system.name);
    out.push(`TableGroup ${quoteName(name)} {`);
    for (const e of members) out.push(`  ${tableNames.get(e.id)!}`);
    if (hasNote(system.description)) out.push(`  Note: ${quoteString(system.description)}`);
    out.push('}', '');
  }
  for (const e of bySystem.get(undefined) ?? []) out.push(...table(e, tableNames.get(e.id)!, fieldNames.get(e.id)!), '');

  // Links DBML cannot hold are left out without a comment, so export → import → export is stable.
  const refs = refLines(doc, tableNames, fieldNames);
  out.push(...refs);
  if (refs.length) out.push('');

  (doc.notes ?? []).forEach((n, i) => out.push(`Note ${quoteName(`note_${i + 1}`)} {`, `  ${quoteString(n.text)}`, '}', ''));
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/**
 * Names made unique with ` (2)`, ` (3)`…: the first suffix whose key is free. Each stem
 * remembers the suffix it got to (the names taken only grow, so the ones below it are still
 * taken), which keeps 5,000 tables of one name linear instead of 12.5 million tries.
 */
class UniqueNames {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  take(stem: string, key: (name: string) => string = (name) => name): string {
    let name = stem;
    if (this.used.has(key(name))) {
      let n = this.next.get(key(stem)) ?? 2;
      while (this.used.has(key((name = `${stem} (${n})`)))) n++;
      this.next.set(key(stem), n + 1);
    }
    this.used.add(key(name));
    return name;
  }
}

/** A quoted DBML name: `"…"` with `\`, `"` and line breaks escaped (the parser reads these escapes). */
export function quoteName(name: string): string {
  return `"${escape(name, '"')}"`;
}

/**
 * A DBML string literal (`'…'`) for notes. The DBML parser takes the indentation its lines
 * share off a note and empties lines of only white space; the text is written that way
 * already, so export → import → export gives the same bytes.
 */
export function quoteString(text: string): string {
  return `'${escape(dedentLikeDbml(text), "'")}'`;
}

/** Whether a description makes a note: an empty one (once read as DBML reads it) comes back as none. */
function hasNote(text: string | undefined): text is string {
  return text !== undefined && dedentLikeDbml(text) !== '';
}

/**
 * What the DBML parser makes of a note: leading blank lines dropped, then the indentation
 * its non-blank lines share cut off every line (found by asking the parser; see the tests).
 */
export function dedentLikeDbml(text: string): string {
  // Any white space but the line break counts, as in the parser (U+00A0, U+3000, U+0085… too).
  const blank = (line: string) => !/[^\s\u0085]/.test(line);
  const lines = text.split('\n');
  while (lines.length > 1 && blank(lines[0])) lines.shift();
  if (lines.length === 1 && blank(lines[0])) return '';
  const indents = lines.filter((l) => !blank(l)).map((l) => /^(?:[^\S\n]|\u0085)*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

function escape(text: string, quote: '"' | "'"): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/[\\"'\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    if (c === '"' || c === "'") return c === quote ? `\\${c}` : c;
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A type as DBML accepts it bare (`int`, `varchar(255)`, `decimal(10,2)`, `int[]`), else quoted. */
function typeText(type: string | undefined): string {
  const t = type?.trim() || 'unknown';
  return /^[A-Za-z_][A-Za-z0-9_]*(\(\s*\d+(\s*,\s*\d+)*\s*\))?(\[\])?$/.test(t) ? t : quoteName(t);
}

/**
 * Each entity's table reference (quoted). Names repeated inside one system get ` (2)`,
 * ` (3)`…; a name still used in another system is then qualified by its system's name as
 * the schema. Deciding in that order keeps export → import → export stable: the suffixed
 * names come back as they were written.
 */
function nameTables(doc: CrosswalkDocument): Map<string, string> {
  const systemName = new Map(doc.systems.map((s) => [s.id, s.name]));
  const inSystem = new Map<string, UniqueNames>();
  const bare = new Map<string, string>();
  // Only the tables that are written take part: an entity with no fields is left out, and a
  // name it shares must not qualify another table (the re-import would not see it).
  const written = doc.entities.filter((x) => x.fields.length > 0);
  for (const e of written) {
    const key = e.system ?? '';
    let taken = inSystem.get(key);
    if (!taken) inSystem.set(key, (taken = new UniqueNames()));
    bare.set(e.id, taken.take(e.name));
  }
  const count = new Map<string, number>();
  for (const name of bare.values()) count.set(name, (count.get(name) ?? 0) + 1);
  const used = new UniqueNames();
  const names = new Map<string, string>();
  for (const e of written) {
    const base = bare.get(e.id)!;
    const schema = (count.get(base) ?? 0) > 1 && e.system ? systemName.get(e.system) : undefined;
    const ref = (n: string) => (schema ? `${quoteName(schema)}.${quoteName(n)}` : quoteName(n));
    // Two systems of one name can still clash: a suffix settles it.
    names.set(e.id, ref(used.take(base, ref)));
  }
  return names;
}

/** Each field's column name, made unique within its table (DBML refuses repeated columns). */
function nameFields(e: Entity): Map<string, string> {
  const used = new UniqueNames();
  const names = new Map<string, string>();
  for (const f of e.fields) names.set(f.id, used.take(f.name));
  return names;
}

function table(e: Entity, name: string, fieldNames: Map<string, string>): string[] {
  const lines = [`Table ${name} {`];
  for (const f of e.fields) lines.push(`  ${quoteName(fieldNames.get(f.id)!)} ${typeText(f.type)}${settings(f)}`);
  if (hasNote(e.description)) lines.push(`  Note: ${quoteString(e.description)}`);
  lines.push('}');
  return lines;
}

function settings(f: Field): string {
  const s: string[] = [];
  if (f.key === 'PK') s.push('pk');
  if (f.key === 'UK') s.push('unique');
  if (f.required && f.key !== 'PK') s.push('not null');
  if (hasNote(f.description)) s.push(`note: ${quoteString(f.description)}`);
  return s.length ? ` [${s.join(', ')}]` : '';
}

const MANY: ReadonlySet<Cardinality> = new Set(['zero-or-more', 'one-or-more']);

function operator(link: Link): string {
  const fromMany = link.cardinality ? MANY.has(link.cardinality.from) : true;
  const toMany = link.cardinality ? MANY.has(link.cardinality.to) : false;
  if (fromMany && toMany) return '<>';
  if (fromMany) return '>';
  if (toMany) return '<';
  return '-';
}

function refLines(
  doc: CrosswalkDocument,
  tables: Map<string, string>,
  fields: Map<string, Map<string, string>>,
): string[] {
  const refs: string[] = [];
  const pairs = new Set<string>();
  const names = new UniqueNames();
  for (const link of doc.links) {
    const { from, to } = link;
    if (link.kind !== 'relation' || !isEntityEndpoint(from) || !isEntityEndpoint(to) || !from.field || !to.field) {
      continue;
    }
    const fromColumn = fields.get(from.entity)?.get(from.field);
    const toColumn = fields.get(to.entity)?.get(to.field);
    if (fromColumn === undefined || toColumn === undefined) {
      continue;
    }
    const a = `${tables.get(from.entity)}.${quoteName(fromColumn)}`;
    const b = `${tables.get(to.entity)}.${quoteName(toColumn)}`;
    // DBML refuses two refs between the same columns, whichever way round.
    const pair = [a, b].sort().join(' ');
    if (pairs.has(pair) || a === b) {
      continue;
    }
    pairs.add(pair);
    const label = link.label?.trim() ?? '';
    const name = label && names.take(label);
    refs.push(`Ref${name ? ` ${quoteName(name)}` : ''}: ${a} ${operator(link)} ${b}`);
  }
  return refs;
}
