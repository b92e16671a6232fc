// The parts of the DBML compiler's raw database (@dbml/parse `compiler.parse.rawDb`, what
// @dbml/core's `parseDBMLToJSONv2` returns) that the importer reads, checked against 10.2.0.

export interface RawPosition {
  offset: number;
  line: number;
  column: number;
}

export interface RawToken {
  start: RawPosition;
  end: RawPosition;
}

export interface RawNote {
  value: string;
  token?: RawToken;
}

export interface RawField {
  name: string;
  type: { schemaName: string | null; type_name: string; args: string | null };
  pk?: boolean;
  unique?: boolean;
  not_null?: boolean;
  note?: RawNote;
  token: RawToken;
}

export interface RawIndex {
  columns: { value: string; type: string }[];
  pk?: boolean;
  unique?: boolean;
}

export interface RawTable {
  name: string;
  schemaName: string | null;
  alias: string | null;
  fields: RawField[];
  indexes?: RawIndex[];
  partials?: { name: string; order: number }[];
  note?: RawNote;
  token: RawToken;
}

export interface RawTablePartial {
  name: string;
  fields: RawField[];
  indexes?: RawIndex[];
}

export interface RawEndpoint {
  schemaName: string | null;
  tableName: string;
  fieldNames: string[];
  relation: '1' | '*';
  token: RawToken;
}

export interface RawRef {
  name?: string | null;
  endpoints: [RawEndpoint, RawEndpoint];
  token: RawToken;
}

export interface RawEnum {
  name: string;
  schemaName: string | null;
  values: { name: string; note?: RawNote }[];
}

export interface RawTableGroup {
  name: string;
  schemaName?: string | null;
  tables: { name: string; schemaName: string | null }[];
  note?: RawNote;
  token: RawToken;
}

export interface RawStickyNote {
  name: string;
  content: string;
}

export interface RawDbml {
  tables: RawTable[];
  refs: RawRef[];
  enums: RawEnum[];
  tableGroups: RawTableGroup[];
  tablePartials?: RawTablePartial[];
  notes?: RawStickyNote[];
  records?: { tableName: string; token?: RawToken }[];
  project?: { name?: string | null; note?: RawNote };
}

/** The parts of a compile error the importer reads (`CompileError` of @dbml/parse). */
export interface RawDiagnostic {
  diagnostic: string;
  nodeOrToken?: { startPos?: { line: number; column: number } };
}
