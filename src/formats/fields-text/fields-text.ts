import type { FieldSpec } from '../import-kit';
import type { ImportMessage } from '../types';

/** Fields read from pasted lines, and what could not be read (by line). */
export interface ParsedFields {
  fields: FieldSpec[];
  warnings: ImportMessage[];
}

// Words that read as a type in `name type …` lines. A second word outside this list still
// counts as a type when it has a size (`citext(10)`), brackets (`text[]`) or constraints follow.
const TYPE_WORDS = new Set(
  ('string text varchar nvarchar char nchar character varying citext clob int integer bigint smallint tinyint mediumint ' +
    'number numeric decimal float double real money currency serial bigserial smallserial bool boolean bit date datetime datetime2 ' +
    'datetimeoffset timestamp timestamptz time timetz interval uuid guid uniqueidentifier json jsonb xml blob binary varbinary bytea ' +
    'bytes byte long short enum array object map list email url uri id reference picklist phone textarea int2 int4 int8 float4 float8 any')
    .split(' '),
);

const CONSTRAINT = /\b(not\s+null|null|primary\s+key|unique|references|default|check|auto_increment|identity|generated|collate|pk|fk)\b/i;
const HEADER_NAME = /^(name|field|field name|column|column name|attribute|property)$/i;
const HEADER_TYPE = /^(type|data ?type|format)$/i;
const HEADER_REQUIRED = /^(required|mandatory|not null|nullable|optional)$/i;
const HEADER_KEY = /^(key|pk|keys)$/i;
const HEADER_DESCRIPTION = /^(description|notes?|comment|comments|remarks?)$/i;

type Column = 'name' | 'type' | 'required' | 'key' | 'description' | 'nullable' | 'optional' | 'skip';

/**
 * Reads pasted field lines into fields (name, type, required, key, description). Each line
 * may be:
 * - a column definition: `email varchar(255) not null`, `id int primary key,`,
 *   `user_id int references users(id)` (→ FK), `code text unique`, DBML settings `[pk, not null]`;
 * - YAML/TypeScript-ish: `name: string`, `nickname?: string;`, `"email": "string",`, `- login`;
 * - a copied spreadsheet or Markdown table row (tab, `|` or comma separated): name, type,
 *   required (yes/no/true/false/x/1/0), description — or the columns a header row names
 *   (name/field/column, type, required/mandatory/nullable/optional, key, description/notes);
 * - just a name (a column of names; `Work Email` keeps its space).
 * `CREATE TABLE … (`, `);`, `PRIMARY KEY (a, b)` (→ PK on those fields), blank lines and
 * comments (`--`, `//`, `#`) are understood or skipped. A line with no name in it gets a
 * line-numbered warning and is skipped; names repeated are kept once.
 */
export function parseFieldLines(text: string): ParsedFields {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const fields: FieldSpec[] = [];
  const warnings: ImportMessage[] = [];
  const byName = new Map<string, FieldSpec>();
  let columns: Column[] | undefined;
  let tableSeen = false;

  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (!t || /^(--|\/\/|#(?!\w)|\/\*|\*)/.test(t)) return;
    if (/^create\s+(table|view)\b/i.test(t) || /^\)\s*;?\s*$/.test(t) || /^[{}[\]();,]+$/.test(t) || /^(table|interface|type|class)\b.*[{(]\s*$/i.test(t)) return;
    const tableKey = /^(?:constraint\s+\S+\s+)?primary\s+key\s*\(([^)]*)\)/i.exec(t);
    if (tableKey) {
      for (const n of tableKey[1].split(',').map((s) => unquote(s.trim()))) {
        const f = byName.get(n);
        if (f) {
          f.key = 'PK';
          f.required = true;
        }
      }
      return;
    }
    if (/^(constraint|foreign\s+key|unique\s*\(|index|key\s+\w+\s*\(|check\s*\()/i.test(t)) return;

    // Tabs are kept: a row copied with an empty first cell starts with one.
    const cells = raw.includes('\t') ? raw.replace(/^ +| +$/g, '').split('\t').map((c) => c.trim()) : splitCells(t);
    let spec: FieldSpec | undefined;
    if (cells) {
      if (!columns && !tableSeen && cells.some((c) => HEADER_NAME.test(c)) && cells.length > 1) {
        columns = cells.map(headerColumn);
        tableSeen = true;
        return;
      }
      tableSeen = true;
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return; // a Markdown separator row
      spec = fromCells(cells, columns ?? ['name', 'type', 'required', 'description']);
    } else {
      spec = fromLine(t);
    }
    if (!spec || !/[\p{L}\p{N}]/u.test(spec.name)) {
      warnings.push({ line, message: `cannot read a field name in "${t.length > 60 ? `${t.slice(0, 57)}…` : t}"` });
      return;
    }
    const existing = byName.get(spec.name);
    if (existing) {
      warnings.push({ line, message: `"${spec.name}" is already listed: kept once` });
      return;
    }
    byName.set(spec.name, spec);
    fields.push(spec);
  });
  return { fields, warnings };
}

/** Cells of a tab-, `|`- or comma-separated row; undefined for a line that is not one. */
function splitCells(t: string): string[] | undefined {
  if (/^\|.*\|$/.test(t)) return t.slice(1, -1).split('|').map((c) => c.trim());
  const body = t.replace(/,\s*$/, '');
  if (/^["'`]?[\p{L}_][^,]*["'`]?\s*:/u.test(body)) return undefined; // `name: type, …` is YAML-ish
  const parts = splitOutside(body, ',');
  return parts.length > 1 && !CONSTRAINT.test(parts[0]) ? parts.map((c) => unquote(c.trim())) : undefined;
}

/** Splits on `sep` outside parentheses, brackets and quotes (so `decimal(10,2)` stays whole). */
function splitOutside(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function headerColumn(cell: string): Column {
  if (HEADER_NAME.test(cell)) return 'name';
  if (HEADER_TYPE.test(cell)) return 'type';
  if (/^nullable$/i.test(cell)) return 'nullable';
  if (/^optional$/i.test(cell)) return 'optional';
  if (HEADER_REQUIRED.test(cell)) return 'required';
  if (HEADER_KEY.test(cell)) return 'key';
  if (HEADER_DESCRIPTION.test(cell)) return 'description';
  return 'skip';
}

function truthy(cell: string): boolean | undefined {
  if (/^(y|yes|true|1|x|✓|✔|required|mandatory|req|not null)$/i.test(cell)) return true;
  if (/^(n|no|false|0|optional|-|null|nullable)?$/i.test(cell)) return false;
  return undefined;
}

function fromCells(cells: string[], columns: readonly Column[]): FieldSpec | undefined {
  const spec: FieldSpec = { name: '' };
  cells.forEach((cell, i) => {
    const col = columns[i] ?? 'skip';
    if (!cell) return;
    if (col === 'name') spec.name = unquote(cell);
    else if (col === 'type') spec.type = cell;
    else if (col === 'required' && truthy(cell)) spec.required = true;
    else if ((col === 'nullable' || col === 'optional') && truthy(cell) === false) spec.required = true;
    else if (col === 'key') {
      const key = /\b(PK|FK|UK)\b/i.exec(cell)?.[1]?.toUpperCase() ?? (/primary/i.test(cell) ? 'PK' : /foreign/i.test(cell) ? 'FK' : /unique/i.test(cell) ? 'UK' : undefined);
      if (key === 'PK' || key === 'FK' || key === 'UK') spec.key = key;
    } else if (col === 'description') spec.description = cell;
  });
  return spec.name ? spec : undefined;
}

function unquote(s: string): string {
  const m = /^(["'`])(.*)\1$/s.exec(s) ?? /^\[(.*)\]$/s.exec(s);
  return m ? m[m.length - 1] : s;
}

/** A token at the start: a quoted name (`"a b"`, `` `a` ``, `[a b]`) or a run of non-space characters. */
function leadingName(t: string): { name: string; rest: string } | undefined {
  const m = /^(?:"((?:[^"]|"")*)"|`([^`]*)`|\[([^\]]*)\]|'([^']*)')\s*(.*)$/s.exec(t);
  if (m) return { name: (m[1]?.replace(/""/g, '"') ?? m[2] ?? m[3] ?? m[4]).trim(), rest: m[5] };
  const w = /^(\S+)\s*(.*)$/s.exec(t);
  return w ? { name: w[1], rest: w[2] } : undefined;
}

function fromLine(t: string): FieldSpec | undefined {
  // YAML list items and TypeScript modifiers.
  let body = t.replace(/^-\s+/, '').replace(/^(readonly|public|private|protected|export)\s+/i, '').replace(/[,;]\s*$/, '').trim();
  // `name: type` (YAML, TypeScript, JSON): the name may be quoted and end in `?`.
  const colon = /^(?:"([^"]+)"|'([^']+)'|([^\s:"'[(][^:[(]*?))(\?)?\s*:\s*(.*)$/s.exec(body);
  if (colon && !/^\w+:\/\//.test(body)) {
    const name = (colon[1] ?? colon[2] ?? colon[3]).trim();
    const value = unquote(colon[5].trim()).replace(/\s*#.*$/, '').trim();
    const spec: FieldSpec = { name };
    if (value && !/^[{[]/.test(value)) spec.type = value;
    if (colon[4] === '?') spec.required = false;
    return name ? spec : undefined;
  }
  // DBML settings in brackets, at the end.
  let settings = '';
  const bracket = /\s\[([^\]]*)\]\s*$/.exec(body);
  if (bracket && leadingName(body)?.rest.includes(`[${bracket[1]}]`)) {
    settings = bracket[1];
    body = body.slice(0, bracket.index).trim();
  }
  const head = leadingName(body);
  if (!head) return undefined;
  const rest = head.rest.trim();
  const spec: FieldSpec = { name: head.name };
  if (rest) {
    const typeMatch = /^((?:"[^"]*"|[\w.$]+)(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone|unsigned))*(?:\s*\([^)]*\))?(?:\s*\[\])?)\s*(.*)$/is.exec(rest);
    const typeText = typeMatch?.[1] ?? '';
    const after = typeMatch?.[2] ?? '';
    const word = typeText.replace(/\(.*$|\[\]$/s, '').trim().toLowerCase();
    const titleCase = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w);
    // `Hire Date` and `Work Email` are labels (a column of names), `hire_date date` is not.
    const label = titleCase(head.name) && (titleCase(typeText) || /^(ID|URL|URI)$/.test(typeText)) && !after;
    const looksType = /[([]/.test(typeText) || CONSTRAINT.test(after) || (TYPE_WORDS.has(word.split(/\s+/)[0]) && !label);
    if (typeMatch && looksType) {
      spec.type = unquote(typeText);
      applyConstraints(spec, after);
    } else {
      // `Work Email`: a name with spaces, as a column of names pastes it.
      spec.name = `${head.name} ${rest}`.trim();
    }
  }
  if (settings) applyConstraints(spec, settings.replace(/,/g, ' '));
  return spec;
}

function applyConstraints(spec: FieldSpec, text: string): void {
  if (/\bprimary\s+key\b|\bpk\b/i.test(text)) {
    spec.key = 'PK';
    spec.required = true;
  } else if (/\breferences\b|\bref\s*:|\bfk\b/i.test(text)) spec.key = 'FK';
  else if (/\bunique\b/i.test(text)) spec.key = 'UK';
  if (/\bnot\s+null\b/i.test(text)) spec.required = true;
  const comment = /\bcomment\s+'((?:[^']|'')*)'/i.exec(text) ?? /\bnote\s*:\s*'((?:[^'\\]|\\.)*)'/i.exec(text);
  if (comment) spec.description = comment[1].replace(/''/g, "'").replace(/\\'/g, "'");
}
