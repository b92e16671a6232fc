import Papa from 'papaparse';

// The spreadsheet behaviour of the mapping table, kept apart from React so it is tested
// alone: which cell is active, what a key does, and the clipboard's text form.

/** The columns of the table; only the last three hold what a person edits. */
export const COLUMNS = ['target', 'source', 'transform', 'notes', 'status'] as const;
export type Column = (typeof COLUMNS)[number];
export const EDITABLE: ReadonlySet<Column> = new Set(['source', 'transform', 'notes']);

/** A cell by row and column index. */
export interface Cell {
  row: number;
  col: number;
}

/** The active cell and the corner the selection stretches from (Shift+arrows). */
export interface GridCursor {
  active: Cell;
  anchor: Cell;
}

/** What a key press in the grid (not in a cell editor) asks for. */
export type GridCommand =
  | { kind: 'move'; to: Cell; extend: boolean }
  | { kind: 'edit'; initial?: string }
  | { kind: 'clear' }
  | { kind: 'none' };

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/**
 * Reads a key press: arrows, Home/End, Page Up/Down and Tab move (Shift extends with arrows);
 * Enter and F2 edit; a printable character starts editing with it; Delete/Backspace clear.
 */
export function gridCommand(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>, cursor: GridCursor, rows: number): GridCommand {
  if (rows === 0) return { kind: 'none' };
  const { row, col } = cursor.active;
  const lastRow = rows - 1;
  const lastCol = COLUMNS.length - 1;
  const move = (r: number, c: number, extend = false): GridCommand => ({ kind: 'move', to: { row: clamp(r, lastRow), col: clamp(c, lastCol) }, extend });
  if (e.ctrlKey || e.metaKey || e.altKey) {
    if (e.key === 'Home') return move(0, 0);
    if (e.key === 'End') return move(lastRow, lastCol);
    return { kind: 'none' };
  }
  switch (e.key) {
    case 'ArrowUp': return move(row - 1, col, e.shiftKey);
    case 'ArrowDown': return move(row + 1, col, e.shiftKey);
    case 'ArrowLeft': return move(row, col - 1, e.shiftKey);
    case 'ArrowRight': return move(row, col + 1, e.shiftKey);
    case 'Home': return move(row, 0);
    case 'End': return move(row, lastCol);
    case 'PageUp': return move(row - 10, col);
    case 'PageDown': return move(row + 10, col);
    case 'Tab': return e.shiftKey ? (col > 0 ? move(row, col - 1) : move(row - 1, lastCol)) : col < lastCol ? move(row, col + 1) : move(row + 1, 0);
    case 'Enter':
    case 'F2': return EDITABLE.has(COLUMNS[col]) ? { kind: 'edit' } : { kind: 'none' };
    case 'Delete':
    case 'Backspace': return { kind: 'clear' };
  }
  if (e.key.length === 1 || (e.key.length === 2 && /\p{Extended_Pictographic}|[\ud800-\udbff]/u.test(e.key))) {
    return EDITABLE.has(COLUMNS[col]) ? { kind: 'edit', initial: e.key } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** The rectangle between the anchor and the active cell. */
export function selectedRange(cursor: GridCursor): { top: number; bottom: number; left: number; right: number } {
  return {
    top: Math.min(cursor.anchor.row, cursor.active.row),
    bottom: Math.max(cursor.anchor.row, cursor.active.row),
    left: Math.min(cursor.anchor.col, cursor.active.col),
    right: Math.max(cursor.anchor.col, cursor.active.col),
  };
}

/** Cells as tab-separated text, quoted where a cell holds a tab, newline or quote (what spreadsheets paste). */
export function formatBlock(cells: readonly (readonly string[])[]): string {
  return Papa.unparse(cells.map((r) => [...r]), { delimiter: '\t', newline: '\n', quotes: false });
}

/**
 * Reads pasted text as rows of cells: tab-separated when it holds a tab, else comma- or
 * semicolon-separated when every line splits the same way, else one cell per line.
 */
export function parseBlock(text: string): string[][] {
  const clean = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (clean === '') return [];
  const delimiter = clean.includes('\t') ? '\t' : guessDelimiter(clean);
  if (!delimiter) return clean.split('\n').map((line) => [line]);
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  return parsed.data;
}

function guessDelimiter(text: string): string | undefined {
  for (const d of [',', ';']) {
    const parsed = Papa.parse<string[]>(text, { delimiter: d });
    const widths = new Set(parsed.data.map((r) => r.length));
    if (parsed.errors.length === 0 && widths.size === 1 && [...widths][0] > 1) return d;
  }
  return undefined;
}
