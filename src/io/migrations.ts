/**
 * Migrations from format version N to N + 1, keyed by N. Version 1 is the first version,
 * so there are none yet; a future version 2 adds `1: (v1) => v2` here, with a test.
 */
export const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {};
