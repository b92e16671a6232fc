import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCases, runImportCase } from './import-cases';

// Part of `npm run golden:update`: rewrites each import case's expected files. Review the diff.
for (const c of importCases()) {
  for (const old of readdirSync(c.dir).filter((f) => f.startsWith('expected'))) rmSync(join(c.dir, old));
  for (const [file, text] of Object.entries(await runImportCase(c))) {
    writeFileSync(join(c.dir, file), text);
    console.log(`wrote ${join(c.dir, file)}`);
  }
}
