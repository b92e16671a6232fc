import fc from 'fast-check';
import type { CrosswalkDocument } from '../../../src/model/types';
import { arbitraryDocument, arbitraryName, HOSTILE_STRINGS } from '../../fixtures/arbitrary-doc';

// Thousands of random documents whose names, types, labels, transforms and ids hold any
// Unicode and every string that has broken Mermaid before: each export must parse with the
// real parser, be deterministic, and (erDiagram) survive export → import → export.

const KEYWORDS = ['end', 'graph', 'subgraph', 'style', 'class', 'click', 'one', 'many', 'to', 'o', 'x'];
// Strings that broke an erDiagram comment: a quote ends it, codes must stay literal, markup
// must not render, and Mermaid's `style…:…#…;` clean-up cuts the last `;` of a line.
const COMMENT_BREAKERS = ['say "hi"', '"', '<img src=x onerror=alert(1)>', '%%{init: {}}%%', 'style a:b#35;c;', 'x:#58;', '&amp; &lt;', '#quot'];
const hostile = fc.oneof(
  arbitraryName(),
  fc.constantFrom(...KEYWORDS, ...HOSTILE_STRINGS, ...COMMENT_BREAKERS, '-->', 'a;b', '#35;', '#quot;'),
);

/** Documents with hostile types, labels and transforms on top of hostile names and ids. */
export const hostileDocument: fc.Arbitrary<CrosswalkDocument> = fc
  .tuple(arbitraryDocument({ maxEntities: 5, maxLinks: 8 }), fc.array(hostile, { minLength: 30, maxLength: 30 }))
  .map(([doc, words]) => {
    let i = 0;
    const next = () => words[i++ % words.length];
    return {
      ...doc,
      entities: doc.entities.map((e) => ({
        ...e,
        fields: e.fields.map((f, j) => {
          // Every other field gets a hostile comment (the rest keep the generator's own).
          const field = { ...f, type: next() };
          if (j % 2 === 0) field.description = next();
          return field;
        }),
      })),
      links: doc.links.map((l) => ({ ...l, label: next(), transform: l.kind === 'mapping' ? next() : l.transform })),
    };
  });

