import { parseSourceCell, setRowSources, setRowText, type MappingPair, type MappingRow } from '../../model/mapping-table';
import type { CrosswalkDocument } from '../../model/types';
import { COLUMNS, type Cell } from './grid';

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
  block.forEach((cells, i) => {
    let row: MappingRow | undefined = rows[at.row + i];
    if (COLUMNS[at.col] === 'target' && cells[0]?.trim()) {
      const named = byName.get(cells[0].trim().toLowerCase());
      if (named) row = named;
      else {
        problems.push(`Row ${i + 1}: no target field named "${cells[0].trim()}"`);
        return;
      }
    }
    if (!row) {
      problems.push(`Row ${i + 1}: below the last row of the table`);
      return;
    }
    const target = { entity: row.entity.id, field: row.field.id };
    cells.forEach((text, j) => {
      const column = COLUMNS[at.col + j];
      if (column === 'source') {
        const { sources, unknown } = parseSourceCell(next, pair, text);
        if (unknown.length) problems.push(`Row ${i + 1}: no source field named ${unknown.map((u) => `"${u}"`).join(', ')}`);
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
