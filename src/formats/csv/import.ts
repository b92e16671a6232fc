import Papa from 'papaparse';
import { uniqueId } from '../../model/ids';
import type { CrosswalkDocument, Entity, Field, Link, System } from '../../model/types';
import type { FormatImportOptions, FormatImportResult, ImportMessage } from '../types';
import { IdScope } from '../import-kit';
import { isSheetColumn, normaliseHeader, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, SHEET_COLUMNS, type SheetColumn } from './columns';

// Reads a mapping sheet: a header row naming the columns (any order, any case), then one
// mapping per row. Every system, entity and field a row names is created the first time it
// is seen; the mapping joins the two fields (or the two entities when a field cell is empty).
// Every problem is collected with its line, and any problem means no document at all.

interface Row {
  line: number;
  cells: string[];
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'required']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/**
 * The delimiter, from the header row alone: cells further down may hold any character (a
 * tab in a name once made a guess over the whole sheet pick the tab).
 */
function headerDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => header.split(d).length - 1;
  return [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Reads the rows with the line each starts on (a quoted cell may span lines). */
function readRows(text: string): { rows: Row[]; errors: ImportMessage[] } {
  const rows: Row[] = [];
  const errors: ImportMessage[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let i = counted; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: headerDelimiter(text),
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = lineAt(start);
      // The cursor is where this row ends; skip the line break that ends it.
      start = result.meta.cursor;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      for (const e of result.errors) errors.push({ line: rowLine, message: describePapaError(e) });
      rows.push({ line: rowLine, cells: result.data });
    },
  });
  return { rows, errors };
}

function describePapaError(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'a quoted cell is never closed (a " is missing)';
  if (e.code === 'InvalidQuotes') return 'a quote inside a cell must be doubled ("")';
  return e.message;
}

const byLine = (errors: ImportMessage[]) => [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Reads a mapping sheet as a new document; see DESIGN.md "The mapping sheet (CSV)". */
export function importMappingSheet(input: string, options: FormatImportOptions = {}): FormatImportResult {
  const text = input.replace(/^\uFEFF/, '');
  const { rows, errors: syntax } = readRows(text);
  const errors: ImportMessage[] = [];
  const headerRow = rows.find((r) => !isBlank(r.cells));
  if (!headerRow) return { ok: false, errors: [{ line: 1, message: 'the sheet is empty: expected a header row' }] };

  const columns = new Map<SheetColumn, number>();
  headerRow.cells.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    if (name === '') return;
    if (!isSheetColumn(name)) {
      errors.push({
        line: headerRow.line,
        message: `unknown column ${JSON.stringify(cell.trim())} (the columns are ${[...SHEET_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')})`,
      });
    } else if (columns.has(name)) {
      errors.push({ line: headerRow.line, message: `column ${name} appears twice` });
    } else columns.set(name, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.has(c)) errors.push({ line: headerRow.line, message: `the header has no ${c} column` });
  }
  if (errors.length) return { ok: false, errors: byLine([...errors, ...syntax]) };

  const sheet = new SheetBuilder();
  for (const row of rows) {
    if (row === headerRow || row.line < headerRow.line || isBlank(row.cells)) continue;
    const cell = (c: SheetColumn) => {
      const i = columns.get(c);
      // Spreadsheets write CRLF inside a multi-line cell too; the document keeps plain newlines.
      return i === undefined ? '' : (row.cells[i] ?? '').trim().replace(/\r\n?/g, '\n');
    };
    const extra = row.cells.findIndex((c, i) => i >= headerRow.cells.length && c.trim() !== '');
    if (extra >= 0) {
      errors.push({ line: row.line, message: `cell ${extra + 1} has no column (the header has ${headerRow.cells.length})` });
      continue;
    }
    const required = cell('required').toLowerCase();
    if (!YES.has(required) && !NO.has(required)) {
      errors.push({ line: row.line, message: `required must be yes or no, not ${JSON.stringify(cell('required'))}` });
      continue;
    }
    const problem = !cell('source_entity')
      ? 'the row names no source entity'
      : !cell('target_entity')
        ? 'the row names no target entity'
        : undefined;
    if (problem) {
      errors.push({ line: row.line, message: problem });
      continue;
    }
    sheet.addMapping(
      { system: cell('source_system'), entity: cell('source_entity'), field: cell('source_field'), type: cell('source_type') },
      { system: cell('target_system'), entity: cell('target_entity'), field: cell('target_field'), type: cell('target_type'), required: YES.has(required) },
      cell('transform'),
      cell('notes'),
    );
  }
  errors.push(...syntax);
  if (errors.length) return { ok: false, errors: byLine(errors) };
  if (sheet.links.length === 0) return { ok: false, errors: [{ line: headerRow.line, message: 'the sheet has a header but no mapping rows' }] };
  const title = options.title ?? options.fileName?.replace(/\.[^.]*$/, '') ?? 'Mapping sheet';
  return { ok: true, doc: sheet.document(title || 'Mapping sheet'), warnings: [] };
}

interface End {
  system: string;
  entity: string;
  field: string;
  type: string;
  required?: boolean;
}

/** Collects what the rows name, creating each system, entity and field once (names match case-insensitively). */
class SheetBuilder {
  readonly systems: System[] = [];
  readonly entities: Entity[] = [];
  readonly links: Link[] = [];
  private readonly ids = new IdScope();
  private readonly systemByName = new Map<string, System>();
  private readonly entityByName = new Map<string, Entity>();

  addMapping(from: End, to: End, transform: string, notes: string): void {
    const a = this.endpoint(from);
    const b = this.endpoint(to);
    const link: Link = { id: this.id(`map-${to.field || to.entity}`), kind: 'mapping', from: a, to: b };
    if (transform) link.transform = transform;
    if (notes) link.description = notes;
    this.links.push(link);
  }

  document(title: string): CrosswalkDocument {
    return { format: 'crosswalk', version: 1, title, systems: this.systems, entities: this.entities, links: this.links };
  }

  private id(base: string): string {
    return this.ids.next(base);
  }

  private endpoint(end: End): { entity: string; field?: string } {
    let system: System | undefined;
    if (end.system) {
      system = this.systemByName.get(end.system.toLowerCase());
      if (!system) {
        system = { id: this.id(end.system), name: end.system };
        this.systemByName.set(end.system.toLowerCase(), system);
        this.systems.push(system);
      }
    }
    const key = `${system?.id ?? ''}\u0000${end.entity.toLowerCase()}`;
    let entity = this.entityByName.get(key);
    if (!entity) {
      entity = { id: this.id(system ? `${system.name}-${end.entity}` : end.entity), name: end.entity, fields: [] };
      if (system) entity.system = system.id;
      this.entityByName.set(key, entity);
      this.entities.push(entity);
    }
    if (!end.field) return { entity: entity.id };
    let field = entity.fields.find((f) => f.name.toLowerCase() === end.field.toLowerCase());
    if (!field) {
      const taken = new Set(entity.fields.map((f) => f.id));
      field = { id: uniqueId(end.field, taken), name: end.field } satisfies Field;
      entity.fields.push(field);
    }
    if (end.type && !field.type) field.type = end.type;
    if (end.required) field.required = true;
    return { entity: entity.id, field: field.id };
  }
}
