import type { RawDbml, RawRef, RawToken } from './raw';

type DbmlParse = typeof import('@dbml/parse');

// A large DBML file compiled in batches, so the compiler's syntax tree (≈ 110 MB per 1,000
// tables) is held for one batch at a time, not for the whole file.
//
// The file is cut before a line that starts with a top-level keyword, into batches of about
// `batchChars` characters. Pass 1 parses each batch alone (no binding: the tree is dropped at
// once) and notes what it declares — each table's name, alias and column names, each enum's
// text — and every name it mentions. Pass 2 compiles each batch with, after it, a stub of every
// table it mentions from another batch (`Table "s"."t" as A { "col" int … }`: what a ref or a
// TableGroup needs to resolve) and a copy of every such enum; what comes from the stubs is
// dropped, and the positions of the batch's refs (the only ones the importer reports) are
// moved by the lines before it. The merged result is the whole file's result, element by
// element, in file order (the tests compare the two, batching every element apart).
//
// Anything this cannot settle alone makes the caller compile the whole file instead ('whole'),
// which gives the compiler's exact messages and lines: a compile error anywhere (a bad cut
// included), an element this does not batch (TablePartial, Records, DiagramView, `use`…), or
// a clash between batches (a name declared twice, a table in two groups, a ref repeated).

export const WHOLE = 'whole';

interface TableDecl {
  schema: string;
  name: string;
  alias?: string;
  columns: string[];
}

interface EnumDecl {
  schema: string;
  name: string;
  text: string;
}

interface Batch {
  text: string;
  /** Characters and lines of the file before the batch. */
  offset: number;
  lines: number;
  tables: TableDecl[];
  enums: EnumDecl[];
  /**
   * Every table (or enum) the batch may mention, as `schema\0name` (`public\0name` for an
   * unqualified name or an alias), with the columns it names after it.
   */
  mentions: Map<string, Set<string>>;
  hasProject: boolean;
}

const BATCHED = new Set(['table', 'ref', 'enum', 'tablegroup', 'project', 'note']);
const TOP_LEVEL = /^(?:Table|TableGroup|Ref|Enum|Project|Note|TablePartial|Records|DiagramView)\b/gim;

/** Where the file is cut: before a top-level keyword at the start of a line, every `size` characters or so. */
function cuts(text: string, size: number): number[] {
  const at = [0];
  for (;;) {
    const from = at[at.length - 1] + size;
    if (from >= text.length) break;
    TOP_LEVEL.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = TOP_LEVEL.exec(text)) && m.index > 0 && text[m.index - 1] !== '\n');
    if (!m) break;
    at.push(m.index);
  }
  return at;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const withSchema = (parts: readonly string[]): [string, string] => (parts.length > 1 ? [parts[0], parts[parts.length - 1]] : ['public', parts[0]]);

/** Pass 1: what one batch declares and mentions, from its parse alone; undefined if it must not be batched. */
function survey(p: DbmlParse, text: string, offset: number, lines: number, keys: Map<string, number>, index: number): Batch | undefined {
  const layout = new p.MemoryProjectLayout();
  layout.setSource(p.DEFAULT_ENTRY, text);
  const compiler = new p.Compiler(layout);
  const parsed = compiler.parseFile(p.DEFAULT_ENTRY);
  if (parsed.getErrors().length) return undefined;
  const { ast, tokens } = parsed.getValue();
  const batch: Batch = { text, offset, lines, tables: [], enums: [], mentions: new Map(), hasProject: false };
  // A name declared in two batches is a clash only the whole file's compile reports rightly.
  const declare = (key: string): boolean => {
    const seen = keys.get(key);
    keys.set(key, index);
    return seen === undefined || seen === index;
  };
  const fullname = (node: InstanceType<DbmlParse['SyntaxNode']>): string[] | undefined => {
    const v = compiler.nodeFullname(node).getValue();
    return Array.isArray(v) ? v : undefined;
  };
  for (const el of ast.body) {
    if (!(el instanceof p.ElementDeclarationNode)) return undefined;
    const kind = el.type?.value.toLowerCase() ?? '';
    if (!BATCHED.has(kind)) return undefined;
    const name = fullname(el);
    if (kind === 'project') {
      batch.hasProject = true;
      if (!declare('project')) return undefined;
    } else if (kind === 'table') {
      if (!name || !(el.body instanceof p.BlockExpressionNode)) return undefined;
      const [schema, table] = withSchema(name);
      const alias = compiler.nodeAlias(el).getValue();
      const decl: TableDecl = { schema, name: table, columns: [] };
      if (typeof alias === 'string') decl.alias = alias;
      if (!declare(`table\0${schema}\0${table}`) || (decl.alias !== undefined && !declare(`table\0public\0${decl.alias}`))) return undefined;
      for (const member of el.body.body) {
        if (member instanceof p.ElementDeclarationNode) {
          // Indexes, notes and checks stay in the table; sample rows are read only from the whole file.
          if (member.type?.value.toLowerCase() === 'records') return undefined;
          continue;
        }
        // A column is `name type [settings]`; `~partial` (a prefix expression) is not batched.
        if (!(member.callee instanceof p.PrimaryExpressionNode)) return undefined;
        const column = fullname(member);
        if (!column || column.length !== 1) return undefined;
        decl.columns.push(column[0]);
      }
      if (!decl.columns.length) return undefined;
      batch.tables.push(decl);
    } else if (kind === 'enum') {
      if (!name) return undefined;
      const [schema, enumName] = withSchema(name);
      if (!declare(`enum\0${schema}\0${enumName}`)) return undefined;
      batch.enums.push({ schema, name: enumName, text: text.slice(el.start, el.end) });
    } else if (name && !declare(`${kind}\0${name.join('\0')}`)) {
      return undefined;
    }
  }
  noteMentions(p, tokens, batch.mentions);
  return batch;
}

/**
 * What a batch's tokens mention: each chain of names joined by dots (`t`, `t.c`, `s.t`, `s.t.c`,
 * `t.(c1, c2)`, `s.t.(c1, c2)`) read every way it can be meant. Too many is harmless (a stub
 * more); too few makes the batch's compile fail, and the whole file is compiled instead.
 */
function noteMentions(p: DbmlParse, tokens: readonly { kind: string; value: string }[], out: Map<string, Set<string>>): void {
  const K = p.SyntaxTokenKind;
  const isName = (i: number) => tokens[i]?.kind === K.IDENTIFIER || tokens[i]?.kind === K.QUOTED_STRING;
  const isDot = (i: number) => tokens[i]?.kind === K.OP && tokens[i].value === '.';
  const note = (schema: string, table: string, columns: readonly string[]) => {
    const key = `${schema}\0${table}`;
    let set = out.get(key);
    if (!set) out.set(key, (set = new Set()));
    for (const c of columns) set.add(c);
  };
  for (let i = 0; i < tokens.length; ) {
    if (!isName(i)) {
      i++;
      continue;
    }
    const chain = [tokens[i].value];
    let j = i + 1;
    for (; isDot(j) && isName(j + 1); j += 2) chain.push(tokens[j + 1].value);
    const list: string[] = [];
    if (isDot(j) && tokens[j + 1]?.kind === K.LPAREN) {
      for (j += 2; j < tokens.length && tokens[j].kind !== K.RPAREN; j++) if (isName(j)) list.push(tokens[j].value);
    }
    if (list.length && chain.length <= 2) note(chain.length === 2 ? chain[0] : 'public', chain[chain.length - 1], list);
    note('public', chain[0], chain.length > 1 ? [chain[1]] : []);
    if (chain.length > 1) note(chain[0], chain[1], chain.length > 2 ? [chain[2]] : []);
    i = j;
  }
}

/** A DBML quoted name (the compiler reads `\\`, `\"` and `\n` escapes in it). */
function quote(name: string): string {
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** A table as a batch that mentions it needs it: its name, alias and the columns the batch names (one at least). */
function stub(t: TableDecl, mentions: ReadonlyMap<string, ReadonlySet<string>>): string {
  const alias = t.alias !== undefined ? ` as ${quote(t.alias)}` : '';
  const byName = mentions.get(`${t.schema}\0${t.name}`);
  const byAlias = t.alias !== undefined ? mentions.get(`public\0${t.alias}`) : undefined;
  const named = t.columns.filter((c) => byName?.has(c) || byAlias?.has(c));
  const columns = named.length ? named : t.columns.slice(0, 1);
  return `Table ${quote(t.schema)}.${quote(t.name)}${alias} {\n${columns.map((c) => `  ${quote(c)} int`).join('\n')}\n}\n`;
}

/** Moves a position of the batch to where it is in the file. */
function shift(token: RawToken | undefined, b: Batch): void {
  if (!token) return;
  for (const pos of [token.start, token.end]) {
    pos.offset += b.offset;
    pos.line += b.lines;
  }
}

/** Whether a result of the batch's compile comes from the batch itself (not from what was added after it). */
const own = (token: RawToken | undefined, b: Batch) => !token || token.start.offset < b.text.length;

/**
 * The raw database of `text` compiled batch by batch, or WHOLE when the whole file must be
 * compiled instead. Only the parts of the result that the importer reads are merged (raw.ts).
 */
export function compileInBatches(p: DbmlParse, text: string, batchChars: number): RawDbml | typeof WHOLE {
  const at = cuts(text, batchChars);
  if (at.length < 2) return WHOLE;
  const keys = new Map<string, number>();
  const batches: Batch[] = [];
  let lines = 0;
  for (let i = 0; i < at.length; i++) {
    const end = i + 1 < at.length ? at[i + 1] : text.length;
    const batch = survey(p, text.slice(at[i], end), at[i], lines, keys, i);
    if (!batch) return WHOLE;
    batches.push(batch);
    lines += countLines(text, at[i], end);
  }

  // Who declares what: a table by `schema\0name` and by alias, an enum by `schema\0name`.
  const tableBy = new Map<string, { batch: Batch; decl: TableDecl }>();
  const aliasBy = new Map<string, { batch: Batch; decl: TableDecl }>();
  const enumBy = new Map<string, { batch: Batch; decl: EnumDecl }>();
  for (const batch of batches) {
    for (const decl of batch.tables) {
      tableBy.set(`${decl.schema}\0${decl.name}`, { batch, decl });
      if (decl.alias !== undefined) aliasBy.set(decl.alias, { batch, decl });
    }
    for (const decl of batch.enums) enumBy.set(`${decl.schema}\0${decl.name}`, { batch, decl });
  }

  const merged: RawDbml = { tables: [], refs: [], enums: [], tableGroups: [], notes: [] };
  const grouped = new Set<string>();
  const refPairs = new Set<string>();
  for (const b of batches) {
    // What the batch mentions from other batches: a stub of each such table, a copy of each such enum.
    const tables = new Set<TableDecl>();
    const enums = new Set<EnumDecl>();
    const add = (key: string) => {
      const t = tableBy.get(key);
      if (t && t.batch !== b) tables.add(t.decl);
      const e = enumBy.get(key);
      if (e && e.batch !== b) enums.add(e.decl);
    };
    for (const key of b.mentions.keys()) {
      add(key);
      const t = key.startsWith('public\0') ? aliasBy.get(key.slice('public\0'.length)) : undefined;
      if (t && t.batch !== b) tables.add(t.decl);
    }
    const context = [...[...tables].map((t) => stub(t, b.mentions)), ...[...enums].map((e) => `${e.text}\n`)];
    const layout = new p.MemoryProjectLayout();
    layout.setSource(p.DEFAULT_ENTRY, context.length ? `${b.text}\n${context.join('')}` : b.text);
    const compiler = new p.Compiler(layout);
    if (compiler.parse.errors(p.DEFAULT_ENTRY).length) return WHOLE;
    // The typed Database result is read through the few fields raw.ts names.
    const raw = compiler.parse.rawDb(p.DEFAULT_ENTRY) as unknown as RawDbml | undefined;
    if (!raw) return WHOLE;
    for (const t of raw.tables) if (own(t.token, b)) merged.tables.push(t);
    for (const e of raw.enums as (RawDbml['enums'][number] & { token?: RawToken })[]) if (own(e.token, b)) merged.enums.push(e);
    for (const g of raw.tableGroups) {
      if (!own(g.token, b)) continue;
      for (const t of g.tables) {
        const key = `${t.schemaName ?? 'public'}\0${t.name}`;
        if (grouped.has(key)) return WHOLE;
        grouped.add(key);
      }
      merged.tableGroups.push(g);
    }
    for (const r of raw.refs) {
      if (!own(r.token, b)) continue;
      const key = refKey(r);
      if (refPairs.has(key)) return WHOLE;
      refPairs.add(key);
      shift(r.token, b);
      for (const e of r.endpoints) shift(e.token, b);
      merged.refs.push(r);
    }
    merged.notes!.push(...(raw.notes ?? []));
    if (b.hasProject && raw.project) merged.project = raw.project;
  }
  return merged;
}

/** The two column lists a ref joins, in either order (DBML refuses two refs between the same columns). */
function refKey(r: RawRef): string {
  const side = (e: RawRef['endpoints'][number]) => JSON.stringify([e.schemaName ?? 'public', e.tableName, e.fieldNames]);
  return r.endpoints.map(side).sort().join('\0');
}
