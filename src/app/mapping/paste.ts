import { parseSourceCell, setRowSources, setRowText, type MappingPair, type MappingRow } from '../../model/mapping-table';
import type { CrosswalkDocument } from '../../model/types';
import { COLUMNS, type Cell, type Column } from './grid';

/** The result of pasting a block: the new document and what could not be read. */
export interface PasteResult {
  doc: CrosswalkDocument;
  /** Rows that changed. */
  changed: number;
  problems: string[];
}

/**
 * Pastes a block of cells at `at`, as a spreadsheet would: each pasted row onto the next table
 * row, each pasted column onto the next table column. When the block starts in the target
 * column, a pasted target name finds its row by name (so rows copied from a mapping sheet in
 * another order land on the right fields); the target and status cells are never written.
 * Pure: the caller applies the whole paste as one undo step.
 */
export function pasteBlock(doc: CrosswalkDocument, pair: MappingPair, rows: readonly MappingRow[], at: Cell, block: readonly (readonly string[])[]): PasteResult {
  let next = doc;
  const problems: string[] = [];
  const touched = new Set<string>();
  const byName = new Map<string, MappingRow>();
  for (const r of rows) {
    for (const name of [r.field.name, `${r.entity.name}.${r.field.name}`]) {
      const key = name.trim().toLowerCase();
      if (!byName.has(key)) byName.set(key, r);
    }
  }
  const { lines, start } = withoutHeader(block, at, byName);
  lines.forEach(({ cells, line }) => {
    let row: MappingRow | undefined = rows[start.row + line - lines[0].line];
    if (COLUMNS[start.col] === 'target' && cells[0]?.trim()) {
      const named = byName.get(cells[0].trim().toLowerCase());
      if (named) row = named;
      else {
        problems.push(`Row ${line}: no target field named "${cells[0].trim()}"`);
        return;
      }
    }
    if (!row) {
      problems.push(`Row ${line}: below the last row of the table`);
      return;
    }
    const target = { entity: row.entity.id, field: row.field.id };
    cells.forEach((text, j) => {
      const column = COLUMNS[start.col + j];
      if (text === undefined) return; // a column the pasted header does not have
      if (column === 'source') {
        const { sources, unknown } = parseSourceCell(next, pair, text);
        if (unknown.length) problems.push(`Row ${line}: no source field named ${unknown.map((u) => `"${u}"`).join(', ')}`);
        const before = next;
        next = setRowSources(next, pair, target, sources);
        if (next !== before) touched.add(row!.key);
      } else if (column === 'transform' || column === 'notes') {
        const before = next;
        next = setRowText(next, pair, target, column, text.trim());
        if (next !== before) touched.add(row!.key);
      }
    });
  });
  return { doc: next, changed: touched.size, problems };
}

/** What a header cell names: a column of the table, a part of one, or something it does not keep. */
type HeaderColumn = Column | 'targetEntity' | 'sourceEntity' | 'ignored';

const HEADER_WORDS: Readonly<Record<string, HeaderColumn>> = {
  targetfield: 'target', targetfields: 'target', target: 'target',
  sourcefield: 'source', sourcefields: 'source', source: 'source', sources: 'source',
  transform: 'transform', transformation: 'transform',
  notes: 'notes', note: 'notes', description: 'notes', comment: 'notes', comments: 'notes',
  targetentity: 'targetEntity', sourceentity: 'sourceEntity',
  status: 'ignored', sourcesystem: 'ignored', targetsystem: 'ignored', sourcetype: 'ignored', targettype: 'ignored', required: 'ignored', type: 'ignored',
};

/** The header row's columns, when the block's first row is one (copied with the sheet's headings). */
function headerColumns(cells: readonly string[]): (HeaderColumn | undefined)[] | undefined {
  const columns = cells.map((c) => (c.trim() ? HEADER_WORDS[c.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null : undefined));
  if (columns.some((c) => c === null)) return undefined;
  return columns.some((c) => c === 'target' || c === 'source') ? (columns as (HeaderColumn | undefined)[]) : undefined;
}

/**
 * Drops a header row a person copied with the rows (the table's own headings, or a mapping
 * sheet's `source_entity, source_field, target_field, …`). A header that names the target
 * column decides what each column is, whatever its order, and its rows then find their
 * target row by name; otherwise the rows below it paste where the block was pasted. A first
 * row that names a real target field is data, not a header. Lines keep their number in the
 * pasted text, for messages.
 */
function withoutHeader(block: readonly (readonly string[])[], at: Cell, byName: ReadonlyMap<string, MappingRow>): { lines: { cells: readonly (string | undefined)[]; line: number }[]; start: Cell } {
  const all = block.map((cells, i) => ({ cells, line: i + 1 }));
  const header = block.length > 0 ? headerColumns(block[0]) : undefined;
  if (!header || (COLUMNS[at.col] === 'target' && byName.has(block[0][0]?.trim().toLowerCase() ?? ''))) return { lines: all, start: at };
  const rest = all.slice(1);
  if (!header.includes('target')) return { lines: rest, start: at };
  const cell = (cells: readonly string[], kind: HeaderColumn) => (header.includes(kind) ? (cells[header.indexOf(kind)]?.trim() ?? '') : undefined);
  const dotted = (entity: string, field: string) => (entity && field ? `${entity}.${field}` : field || entity);
  return {
    start: { row: at.row, col: COLUMNS.indexOf('target') },
    lines: rest.map(({ cells, line }) => ({
      line,
      cells: [
        dotted(cell(cells, 'targetEntity') ?? '', cell(cells, 'target') ?? ''),
        header.includes('sourceEntity') ? dotted(cell(cells, 'sourceEntity') ?? '', cell(cells, 'source') ?? '') : cell(cells, 'source'),
        cell(cells, 'transform'),
        cell(cells, 'notes'),
      ],
    })),
  };
}
