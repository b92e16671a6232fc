import type { Cardinality, CrosswalkDocument, Entity, Field, FieldKey, Link } from '../../model/types';
import { decodeEntityCodes } from './text';

/** The result of importing Mermaid text. */
export type ImportResult =
  | { ok: true; doc: CrosswalkDocument; warnings: string[] }
  | { ok: false; error: { line: number; message: string } };

class ImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

// Cardinality words and symbols, longest first so `zero or more` wins over `zero`.
const LEFT_FORMS: [string, Cardinality][] = [
  ['one or zero', 'zero-or-one'], ['zero or one', 'zero-or-one'], ['one or more', 'one-or-more'],
  ['one or many', 'one-or-more'], ['zero or more', 'zero-or-more'], ['zero or many', 'zero-or-more'],
  ['only one', 'exactly-one'], ['many(0)', 'zero-or-more'], ['many(1)', 'one-or-more'],
  ['1+', 'one-or-more'], ['0+', 'zero-or-more'], ['|o', 'zero-or-one'], ['||', 'exactly-one'],
  ['}o', 'zero-or-more'], ['}|', 'one-or-more'], ['1', 'exactly-one'],
];
const RIGHT_SYMBOLS: [string, Cardinality][] = [
  ['o|', 'zero-or-one'], ['||', 'exactly-one'], ['o{', 'zero-or-more'], ['|{', 'one-or-more'],
];
const WORD_FORMS = LEFT_FORMS.filter(([w]) => /^[a-z01]/.test(w));

const ENTITY_TOKEN = String.raw`"[^"]*"|(?:[^\x00-\x7F]|[\w\-*.])+`;

function unquote(token: string): string {
  return token.startsWith('"') && token.endsWith('"') && token.length >= 2 ? token.slice(1, -1) : token;
}

/** A readable, safe id for a quoted or odd entity name (`"Customer Account"` → `Customer_Account`). */
function idFor(token: string): string {
  const raw = unquote(token);
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(raw)) return raw;
  const id = raw.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(id) ? id : `e_${id}`;
}

interface Parsed {
  title?: string;
  entities: Map<string, Entity>;
  links: Link[];
  warnings: string[];
}

/**
 * Reads a Mermaid `erDiagram` (the syntax Mermaid's documentation shows: aliases, attribute
 * blocks with keys and comments, every cardinality form, identifying `--` and
 * non-identifying `..` relationships, quoted and unquoted labels, `%%` comments, front matter)
 * into a document without positions. Both kinds of relationship become relations.
 * Never throws: text that is not an erDiagram gives the line and what is wrong.
 */
export function importMermaidEr(text: string): ImportResult {
  try {
    const parsed = parse(text);
    const doc: CrosswalkDocument = {
      format: 'crosswalk',
      version: 1,
      title: parsed.title?.trim() || 'Imported diagram',
      systems: [],
      entities: [...parsed.entities.values()],
      links: parsed.links,
    };
    return { ok: true, doc, warnings: parsed.warnings };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: { line: e.line, message: e.message } };
    return { ok: false, error: { line: 1, message: e instanceof Error ? e.message : String(e) } };
  }
}

function parse(text: string): Parsed {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Parsed = { entities: new Map(), links: [], warnings: [] };
  const ids = new Map<string, string>(); // token → entity id
  const entityIds = new UniqueIds();
  // Each entity's field ids, kept beside the entity so a repeated name costs no rescan.
  const fieldIds = new Map<Entity, UniqueIds>();
  let i = 0;

  // Front matter: --- title: X ---
  while (i < lines.length && lines[i].trim() === '') i++;
  if (lines[i]?.trim() === '---') {
    const start = i;
    i++;
    while (i < lines.length && lines[i].trim() !== '---') {
      const m = /^\s*title\s*:\s*(.*)$/.exec(lines[i]);
      if (m) out.title = unquote(m[1].trim());
      i++;
    }
    if (i >= lines.length) throw new ImportError(start + 1, 'front matter opened with --- is never closed');
    i++;
  }
  // The header.
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '' || t.startsWith('%%')) continue;
    if (/^erDiagram\b/.test(t)) {
      const rest = t.slice('erDiagram'.length).trim();
      if (rest) lines[i] = rest; // `erDiagram A ||--|| B : x` on one line
      else i++;
      break;
    }
    const kind = /^(\w+)/.exec(t)?.[1];
    throw new ImportError(i + 1, kind ? `expected "erDiagram", found "${kind}": only entity-relationship diagrams can be imported` : 'expected "erDiagram"');
  }
  if (i > lines.length) throw new ImportError(lines.length, 'expected "erDiagram"');

  const entityFor = (token: string, line: number, alias?: string): Entity => {
    const key = unquote(token);
    let id = ids.get(key);
    if (id === undefined) {
      id = entityIds.claim(idFor(token));
      ids.set(key, id);
      if (!key) throw new ImportError(line, 'an entity name is empty');
      out.entities.set(id, { id, name: decodeEntityCodes(key), fields: [] });
    }
    const entity = out.entities.get(id)!;
    if (alias !== undefined) entity.name = decodeEntityCodes(alias) || entity.name;
    return entity;
  };

  const entityHead = new RegExp(String.raw`^(${ENTITY_TOKEN})\s*(?:\[\s*(?:"([^"]*)"|([^\]"]*))\s*\])?\s*(\{)?\s*(.*)$`);

  for (; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = lines[i].trim();
    if (t === '' || t.startsWith('%%')) continue;
    if (/^(title|accTitle|accDescr)\b/.test(t)) {
      const m = /^title\s+(.*)$/.exec(t);
      if (m && !out.title) out.title = m[1];
      if (/^accDescr\s*\{/.test(t)) while (i < lines.length && !lines[i].includes('}')) i++;
      continue;
    }
    if (/^direction\s+(TB|BT|LR|RL)\b/i.test(t) || /^(style|classDef|class)\b/.test(t)) {
      out.warnings.push(`line ${lineNo}: styling ignored`);
      continue;
    }
    const rel = parseRelationship(t, lineNo);
    if (rel) {
      const a = entityFor(rel.left, lineNo);
      const b = entityFor(rel.right, lineNo);
      const link: Link = { id: `rel-${out.links.length + 1}`, kind: 'relation', from: { entity: a.id }, to: { entity: b.id }, cardinality: rel.cardinality };
      const label = decodeEntityCodes(rel.label);
      if (label) link.label = label;
      out.links.push(link);
      continue;
    }
    const head = entityHead.exec(t);
    if (!head) throw new ImportError(lineNo, `cannot read "${t.slice(0, 60)}": expected an entity, an attribute block or a relationship like A ||--o{ B : label`);
    const [, token, quotedAlias, bareAlias, open, rest] = head;
    const entity = entityFor(token, lineNo, quotedAlias ?? bareAlias?.trim());
    if (!open) {
      if (rest && !rest.startsWith('%%')) throw new ImportError(lineNo, `unexpected "${rest.slice(0, 40)}" after entity ${token}`);
      continue;
    }
    // An attribute block: until the closing brace, possibly on the same line.
    let body = rest;
    let bodyLine = lineNo;
    for (;;) {
      const close = closingBrace(body);
      const part = close >= 0 ? body.slice(0, close) : body;
      if (part.trim()) {
        let taken = fieldIds.get(entity);
        if (!taken) fieldIds.set(entity, (taken = new UniqueIds()));
        addAttribute(entity, taken, part.trim(), bodyLine);
      }
      if (close >= 0) {
        if (body.slice(close + 1).trim()) throw new ImportError(bodyLine, 'unexpected text after "}"');
        break;
      }
      i++;
      if (i >= lines.length) throw new ImportError(lineNo, `the attribute block of ${token} is never closed with "}"`);
      bodyLine = i + 1;
      body = lines[i].trim().startsWith('%%') ? '' : lines[i].trim();
    }
  }
  return out;
}

/** The index of the first `}` outside a quoted comment, or -1. */
function closingBrace(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '}' && !quoted) return i;
  }
  return -1;
}

function parseRelationship(t: string, lineNo: number): { left: string; right: string; cardinality: { from: Cardinality; to: Cardinality }; label: string } | undefined {
  const m = new RegExp(String.raw`^(${ENTITY_TOKEN})\s+(.+?)\s+(${ENTITY_TOKEN})\s*:\s*(.*)$`).exec(t);
  const compact = new RegExp(String.raw`^(${ENTITY_TOKEN})\s*([|}][|o]|[o|][|{])?((?:--|\.\.|\.-|-\.))([|o][|{]|[o|][|}])?\s*(${ENTITY_TOKEN})\s*:\s*(.*)$`).exec(t);
  let left: string, right: string, op: string, label: string;
  if (m) {
    [, left, op, right, label] = m;
  } else if (compact && compact[2] && compact[4]) {
    left = compact[1];
    op = `${compact[2]}${compact[3]}${compact[4]}`;
    right = compact[5];
    label = compact[6];
  } else {
    if (/[|}o][|o]\s*(--|\.\.|\.-|-\.)\s*[|o][|{o]|\s(optionally )?to\s/.test(t) && !t.includes(':')) {
      throw new ImportError(lineNo, 'a relationship needs a label after ":" (use : "" for none)');
    }
    return undefined;
  }
  const card = parseCardinalities(op.trim());
  if (!card) {
    if (/--|\.\.|\bto\b/.test(op)) throw new ImportError(lineNo, `cannot read the cardinality "${op}"`);
    return undefined;
  }
  label = label.trim();
  if (label.startsWith('"')) {
    if (!label.endsWith('"') || label.length < 2) throw new ImportError(lineNo, 'the relationship label has no closing quote');
    label = label.slice(1, -1);
  }
  return { left, right, cardinality: card, label };
}

function parseCardinalities(op: string): { from: Cardinality; to: Cardinality } | undefined {
  // Symbol form: ||--o{, }o..|| (spaces allowed around the line).
  const sym = /^([|}][|o]|[|o][|])\s*(--|\.\.|\.-|-\.)\s*([o|][|{])$/.exec(op);
  if (sym) {
    const from = LEFT_FORMS.find(([s]) => s === sym[1])?.[1];
    const to = RIGHT_SYMBOLS.find(([s]) => s === sym[3])?.[1];
    return from && to ? { from, to } : undefined;
  }
  // Word form: `one or more to zero or many`, `1 optionally to 0+`.
  const word = /^(.+?)\s+(optionally to|to)\s+(.+)$/i.exec(op);
  if (!word) return undefined;
  const read = (w: string) => WORD_FORMS.find(([f]) => f === w.trim().toLowerCase())?.[1];
  const from = read(word[1]);
  const to = read(word[3]);
  return from && to ? { from, to } : undefined;
}

/**
 * Hands out unique ids: the wanted id if it is free, else `id_2`, `id_3`… Remembers where
 * each stem's search stopped, so n repeats of one name cost n steps, not n² (which made a
 * 4,000-line import take minutes).
 */
class UniqueIds {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  claim(wanted: string): string {
    let id = wanted;
    if (this.taken.has(id)) {
      let n = this.next.get(wanted) ?? 2;
      while (this.taken.has(`${wanted}_${n}`)) n++;
      id = `${wanted}_${n}`;
      this.next.set(wanted, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

function addAttribute(entity: Entity, taken: UniqueIds, text: string, lineNo: number): void {
  if (text.startsWith('%%')) return;
  // Keys: `PK`, `PK, FK`, `PK,FK`. Each separator is spaces or a comma, never both spelled
  // two ways: nested optional spaces (`(\s*PK\s*,?)*`) backtrack exponentially on a long line.
  const m = /^(\S+)\s+(\S+)((?:(?:\s*,\s*|\s+)?(?:PK|FK|UK))*(?:\s*,)?)\s*(?:"([^"]*)")?\s*$/i.exec(text);
  if (!m) throw new ImportError(lineNo, `cannot read the attribute "${text.slice(0, 60)}": expected "type name [PK|FK|UK] [\\"comment\\"]"`);
  const [, type, name, keyText, comment] = m;
  const keys = (keyText.match(/PK|FK|UK/gi) ?? []).map((k) => k.toUpperCase() as FieldKey);
  const field: Field = { id: taken.claim(name), name, type };
  // A field carries one key; the strongest wins (PK, then UK, then FK).
  const key = (['PK', 'UK', 'FK'] as const).find((k) => keys.includes(k));
  if (key) field.key = key;
  if (comment) field.description = decodeEntityCodes(comment);
  entity.fields.push(field);
}

