import { mkdirSync, writeFileSync } from 'node:fs';
import { GOLDEN_DIR, GOLDEN_FORMATS, goldenExamples } from './golden';

// `npm run golden:update`: rewrites the expected outputs. Review the diff before committing.
mkdirSync(GOLDEN_DIR, { recursive: true });
for (const { name, doc } of goldenExamples()) {
  for (const f of GOLDEN_FORMATS) {
    const path = `${GOLDEN_DIR}/${name}.${f.suffix}`;
    writeFileSync(path, f.run(doc));
    console.log(`wrote ${path}`);
  }
}
