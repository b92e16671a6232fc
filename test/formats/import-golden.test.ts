import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCases, runImportCase } from './import-cases';

const cases = importCases();

describe('golden import cases', () => {
  it('has cases for SQL (each dialect) and the mapping sheet', () => {
    const names = cases.map((c) => `${c.format}/${c.name}`);
    for (const prefix of ['sql/pg-', 'sql/mysql-', 'sql/mssql-', 'csv/']) {
      expect(names.some((n) => n.startsWith(prefix)), prefix).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.format}/${c.name}`, async () => {
      const actual = await runImportCase(c);
      const expectedFiles = readdirSync(c.dir).filter((f) => f.startsWith('expected'));
      // Succeeding where failure is expected (or the reverse) shows as a missing file.
      expect(Object.keys(actual).sort()).toEqual(expectedFiles.sort());
      for (const [file, text] of Object.entries(actual)) {
        const path = join(c.dir, file);
        expect(existsSync(path), `${path} missing: run npm run golden:update`).toBe(true);
        expect(text, path).toBe(readFileSync(path, 'utf8'));
      }
    });
  }
});
