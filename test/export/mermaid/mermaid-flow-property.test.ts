import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportMermaidFlowchart } from '../../../src/export/mermaid/flowchart';
import type { CrosswalkDocument } from '../../../src/model/types';
import { arbitraryDocument, arbitraryName, HOSTILE_STRINGS } from '../../fixtures/arbitrary-doc';
import { mermaidError } from './mermaid-parse';

// Thousands of random documents whose names, types, labels, transforms and ids hold any
// Unicode and every string that has broken Mermaid before: each export must parse with the
// real parser, be deterministic, and (erDiagram) survive export → import → export.

const KEYWORDS = ['end', 'graph', 'subgraph', 'style', 'class', 'click', 'one', 'many', 'to', 'o', 'x'];
const hostile = fc.oneof(arbitraryName(), fc.constantFrom(...KEYWORDS, ...HOSTILE_STRINGS, '-->', 'a;b', '#35;', '#quot;'));

/** Documents with hostile types, labels and transforms on top of hostile names and ids. */
const hostileDocument: fc.Arbitrary<CrosswalkDocument> = fc
  .tuple(arbitraryDocument({ maxEntities: 5, maxLinks: 8 }), fc.array(hostile, { minLength: 30, maxLength: 30 }))
  .map(([doc, words]) => {
    let i = 0;
    const next = () => words[i++ % words.length];
    return {
      ...doc,
      entities: doc.entities.map((e) => ({ ...e, fields: e.fields.map((f) => ({ ...f, type: next() })) })),
      links: doc.links.map((l) => ({ ...l, label: next(), transform: l.kind === 'mapping' ? next() : l.transform })),
    };
  });

const RUNS = Number(process.env.MERMAID_PROPERTY_RUNS ?? 2000);

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
