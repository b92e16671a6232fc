import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportMermaidFlowchart } from '../../../src/formats/mermaid/flowchart';
import { hostileDocument } from './hostile-arbitrary';
import { mermaidError } from './mermaid-parse';

// `npm test` runs a few hundred documents; `npm run test:deep` (and CI) the full 2,000.
const RUNS = Number(process.env.MERMAID_PROPERTY_RUNS ?? 300);

describe('Mermaid flowchart of hostile documents', () => {
  it(`flowchart: parses and is deterministic (${RUNS} documents)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileDocument, async (doc) => {
        const text = exportMermaidFlowchart(doc);
        expect(exportMermaidFlowchart(structuredClone(doc))).toBe(text);
        const error = await mermaidError(text);
        expect(error, `${error}\n${text}`).toBeUndefined();
        // Every system and entity gets its own node or subgraph.
        const ids = text.match(/^\s*(?:subgraph )?([se]_[A-Za-z0-9_]+)\[/gm) ?? [];
        expect(new Set(ids.map((l) => l.trim().replace(/^subgraph /, ''))).size).toBe(doc.systems.length + doc.entities.length);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
