import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportMermaidEr } from '../../../src/formats/mermaid/er';
import { importMermaidEr } from '../../../src/formats/mermaid/import-er';
import { flatten } from '../../../src/formats/mermaid/text';
import type { CrosswalkDocument } from '../../../src/model/types';
import { hostileDocument } from './hostile-arbitrary';
import { mermaidError } from './mermaid-parse';

// `npm test` runs a few hundred documents; `npm run test:deep` (and CI) the full 2,000.
const RUNS = Number(process.env.MERMAID_PROPERTY_RUNS ?? 300);

describe('Mermaid export of hostile documents', () => {
  it(`erDiagram: parses, is deterministic and round-trips (${RUNS} documents)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileDocument, fc.boolean(), async (doc, mappings) => {
        const text = exportMermaidEr(doc, { mappings });
        expect(exportMermaidEr(structuredClone(doc), { mappings })).toBe(text);
        const error = await mermaidError(text);
        expect(error, `${error}\n${text}`).toBeUndefined();
        if (!mappings) {
          const back = importMermaidEr(text);
          expect(back.ok, JSON.stringify(back)).toBe(true);
          if (back.ok) {
            expect(exportMermaidEr(back.doc)).toBe(text);
            // Comments come back as written, only flattened to one line.
            const comments = (d: CrosswalkDocument) => d.entities.flatMap((e) => e.fields.map((f) => (f.description ? flatten(f.description) : '') || undefined));
            expect(comments(back.doc)).toEqual(comments(doc));
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

});
