// The mapping sheet's columns (DESIGN.md "The mapping sheet (CSV)"): export writes exactly
// SHEET_COLUMNS, in this order; import also reads OPTIONAL_COLUMNS, in any order and case.

/** The header export writes, in order. */
export const SHEET_COLUMNS = [
  'source_system',
  'source_entity',
  'source_field',
  'target_system',
  'target_entity',
  'target_field',
  'transform',
  'notes',
] as const;

/** Columns import also understands. */
export const OPTIONAL_COLUMNS = ['source_type', 'target_type', 'required'] as const;

export type SheetColumn = (typeof SHEET_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Columns a sheet must have: without them a row cannot name both ends. */
export const REQUIRED_COLUMNS: readonly SheetColumn[] = ['source_entity', 'target_entity'];

/** `Source System`, `source-system`, ` SOURCE_SYSTEM ` → `source_system`. */
export function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Whether a header cell names a column this sheet knows. */
export function isSheetColumn(name: string): name is SheetColumn {
  return (SHEET_COLUMNS as readonly string[]).includes(name) || (OPTIONAL_COLUMNS as readonly string[]).includes(name);
}
