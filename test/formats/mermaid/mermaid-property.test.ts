import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportMermaidEr } from '../../../src/formats/mermaid/er';
import { importMermaidEr } from '../../../src/formats/mermaid/import-er';
import { hostileDocument } from './hostile-arbitrary';
import { mermaidError } from './mermaid-parse';

const RUNS = Number(process.env.MERMAID_PROPERTY_RUNS ?? 2000);

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
          if (back.ok) expect(exportMermaidEr(back.doc)).toBe(text);
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

});
