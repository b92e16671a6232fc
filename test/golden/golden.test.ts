import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { GOLDEN_DIR, GOLDEN_FORMATS, goldenExamples } from './golden';

describe('exports of the examples match their golden files', () => {
  for (const { name, doc } of goldenExamples()) {
    for (const f of GOLDEN_FORMATS) {
      it(`${name}.${f.suffix}`, () => {
        const path = `${GOLDEN_DIR}/${name}.${f.suffix}`;
        expect(existsSync(path), `${path} is missing: run npm run golden:update and review it`).toBe(true);
        expect(f.run(doc)).toBe(readFileSync(path, 'utf8'));
      });
    }
  }
});
