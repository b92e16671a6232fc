import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportMermaidEr } from '../../../src/formats/mermaid/er';
import { exportMermaidIntegration } from '../../../src/formats/mermaid/flowchart';
import type { Link } from '../../../src/model/types';
import { hostileDocument } from './hostile-arbitrary';
import { mermaidError } from './mermaid-parse';

// The diagrams the Markdown note adds: an erDiagram per system, and per pair of systems a
// mapping-spec flowchart. Hostile names must give text the real parser accepts.

const RUNS = Math.max(50, Math.floor(Number(process.env.MERMAID_PROPERTY_RUNS ?? 300) / 4));

describe('Mermaid per system and per integration, for hostile documents', () => {
  it(`parse with the real parser and keep one node per mapped field end (${RUNS} documents)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileDocument, async (doc) => {
        const systemOf = new Map(doc.entities.map((e) => [e.id, e.system ?? '']));
        const pairs = new Map<string, Link[]>();
        for (const l of doc.links) {
          if (l.kind !== 'mapping' || !('entity' in l.from) || !('entity' in l.to)) continue;
          const key = `${systemOf.get(l.from.entity)}\u0000${systemOf.get(l.to.entity)}`;
          pairs.set(key, [...(pairs.get(key) ?? []), l]);
        }
        for (const links of pairs.values()) {
          const text = exportMermaidIntegration(doc, links);
          expect(exportMermaidIntegration(structuredClone(doc), links)).toBe(text);
          const error = await mermaidError(text);
          expect(error, `${error}\n${text}`).toBeUndefined();
          const known = (ep: Link['from']) => 'entity' in ep && doc.entities.some((e) => e.id === ep.entity);
          expect(text.match(/^ {2}\S+ -->/gm)?.length ?? 0).toBe(links.filter((l) => known(l.from) && known(l.to)).length);
        }
        for (const s of doc.systems) {
          const text = exportMermaidEr(doc, { only: new Set(doc.entities.filter((e) => e.system === s.id).map((e) => e.id)) });
          const error = await mermaidError(text);
          expect(error, `${error}\n${text}`).toBeUndefined();
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
