import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { serialiseDocument } from '../../src/io/serialise';
import { validateDocument } from '../../src/model/validate';
import type { Importer } from '../../src/formats/types';

// Golden cases of an importer: one input and one expected document per case, in `dir`.
// `UPDATE_GOLDEN=1 npx vitest run test/formats/<format>` rewrites the expected documents
// (review the diff); a plain run never writes.

/** Registers one test per input file in `dir` whose name ends with one of `extensions`. */
export function goldenImportCases(dir: string, extensions: readonly string[], importer: Importer): void {
  const inputs = readdirSync(dir).filter((f) => !f.endsWith('.expected.json') && extensions.some((x) => f.endsWith(x))).sort();
  it('has cases', () => expect(inputs.length).toBeGreaterThan(0));
  for (const input of inputs) {
    it(`imports ${input} as expected`, async () => {
      const text = readFileSync(join(dir, input), 'utf8');
      const result = await importer(text, { fileName: input });
      if (!result.ok) throw new Error(result.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
      const valid = validateDocument(JSON.parse(JSON.stringify(result.doc)));
      expect(valid.ok ? [] : valid.problems).toEqual([]);
      const actual = serialiseDocument(result.doc);
      const expectedPath = join(dir, `${input.replace(/\.[^.]+$/, '')}.expected.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedPath, actual);
      expect(existsSync(expectedPath), `${expectedPath} missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
}
