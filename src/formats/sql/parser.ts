import type { SqlDialect } from '../types';

// node-sql-parser ships one build per dialect (~50 KB gzip each, against 2.5 MB for all):
// only the chosen one is loaded, on first use, and kept.

/** The part of node-sql-parser's Parser this importer uses. */
export interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

/** The parser's name for each dialect. */
export const PARSER_DATABASE: Record<SqlDialect, string> = { postgresql: 'postgresql', mysql: 'mysql', mssql: 'transactsql' };

const loaded = new Map<SqlDialect, Promise<SqlParser>>();

type ParserModule = { Parser?: new () => SqlParser; default?: { Parser?: new () => SqlParser } };

/** The dialect's parser, loading its build the first time. */
export function loadSqlParser(dialect: SqlDialect): Promise<SqlParser> {
  let parser = loaded.get(dialect);
  if (!parser) {
    // Each import names its build literally, so the bundler makes one chunk per dialect.
    const load: Promise<ParserModule> =
      dialect === 'mysql'
        ? import('node-sql-parser/build/mysql')
        : dialect === 'mssql'
          ? import('node-sql-parser/build/transactsql')
          : import('node-sql-parser/build/postgresql');
    parser = load.then((m) => {
      // The builds are CommonJS: Node gives them as `default`, a bundler may give named exports.
      const Parser = m.Parser ?? m.default?.Parser;
      if (!Parser) throw new Error(`the ${dialect} SQL parser did not load`);
      return new Parser();
    });
    loaded.set(dialect, parser);
    parser.catch(() => loaded.delete(dialect));
  }
  return parser;
}
