import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findImportFormat } from '../../src/formats/registry';
import type { FormatImportOptions } from '../../src/formats/types';
import { serialiseDocument } from '../../src/io/serialise';
import { validateDocument } from '../../src/model/validate';

// Golden import cases, one folder each: test/formats/<format>/cases/<case>/ holds the input
// (`input.*`), optionally `options.json` (FormatImportOptions), and what importing it gives:
// `expected.crosswalk.json` (or `expected-errors.txt` for input that must fail) and
// `expected-warnings.txt`. The format is the folder's name, found through the registry.
// Compared byte for byte by import-golden.test.ts; rewritten only by `npm run golden:update`.

export interface ImportCase {
  format: string;
  name: string;
  dir: string;
  input: string;
  options: FormatImportOptions;
}

/** Every case of every format folder. */
export function importCases(): ImportCase[] {
  const cases: ImportCase[] = [];
  for (const format of readdirSync('test/formats').sort()) {
    const root = join('test/formats', format, 'cases');
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      // A folder per case; formats whose cases are flat files (dbml, openapi) test them themselves.
      if (!statSync(dir).isDirectory()) continue;
      const input = readdirSync(dir).find((f) => f.startsWith('input.'));
      if (!input) throw new Error(`${dir} has no input.* file`);
      const optionsPath = join(dir, 'options.json');
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as FormatImportOptions) : {};
      cases.push({ format, name, dir, input: join(dir, input), options: { fileName: input, ...options } });
    }
  }
  return cases;
}

/** The files a case expects, by name, as the importer makes them now. */
export async function runImportCase(c: ImportCase): Promise<Record<string, string>> {
  const format = findImportFormat(c.format);
  if (!format) throw new Error(`no importing format named ${c.format} in the registry`);
  const result = await format.import(readFileSync(c.input, 'utf8'), c.options);
  const lines = (messages: readonly { line?: number; message: string }[]) =>
    messages.map((m) => `${m.line === undefined ? '' : `line ${m.line}: `}${m.message}\n`).join('');
  if (!result.ok) return { 'expected-errors.txt': lines(result.errors) };
  const valid = validateDocument(result.doc);
  if (!valid.ok) throw new Error(`${c.dir}: the importer made an invalid document: ${valid.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { 'expected.crosswalk.json': serialiseDocument(result.doc), 'expected-warnings.txt': lines(result.warnings) };
}
