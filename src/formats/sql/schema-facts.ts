// What a DDL script says about tables, independent of how it was read: the parser's
// statements and the small token readers both produce these, and build.ts turns them into
// a document.

/** A qualified name as written (`hr.worker` → schema "hr", name "worker"). */
export interface QualifiedName {
  schema?: string;
  name: string;
}

export interface ColumnFacts {
  name: string;
  type?: string;
  notNull: boolean;
  primaryKey: boolean;
  unique: boolean;
  description?: string;
}

export interface ForeignKeyFacts {
  columns: string[];
  target: QualifiedName;
  /** Empty when the script names none: the target's primary key is meant. */
  targetColumns: string[];
  /** The line of the statement that declared it, for messages. */
  line: number;
}

export interface TableFacts {
  table: QualifiedName;
  line: number;
  columns: ColumnFacts[];
  primaryKey: string[];
  /** Column sets declared unique (a single column's UNIQUE is also kept on the column). */
  uniques: string[][];
  foreignKeys: ForeignKeyFacts[];
  description?: string;
}

/** A change a later statement makes to a table declared earlier (ALTER TABLE, COMMENT ON). */
export type TableChange =
  | { kind: 'foreign-key'; table: QualifiedName; foreignKey: ForeignKeyFacts }
  | { kind: 'primary-key'; table: QualifiedName; columns: string[]; line: number }
  | { kind: 'unique'; table: QualifiedName; columns: string[]; line: number }
  | { kind: 'column'; table: QualifiedName; column: ColumnFacts; line: number }
  | { kind: 'table-comment'; table: QualifiedName; text: string | undefined; line: number }
  | { kind: 'column-comment'; table: QualifiedName; column: string; text: string | undefined; line: number };
