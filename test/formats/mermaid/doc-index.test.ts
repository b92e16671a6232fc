import { describe, expect, it } from 'vitest';
import { entitiesAmong, linksAmong } from '../../../src/formats/mermaid/doc-index';
import type { CrosswalkDocument, Link } from '../../../src/model/types';

// The lookups a note's many diagrams share: each diagram's entities and links, in document
// order, each once — whichever order the ids come in.

const rel = (id: string, from: string, to: string): Link => ({ id, kind: 'relation', from: { entity: from }, to: { entity: to } });

const doc: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Index',
  systems: [],
  entities: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), fields: [] })),
  links: [rel('l0', 'c', 'a'), rel('self', 'b', 'b'), rel('l1', 'a', 'd'), rel('l2', 'a', 'c'), { id: 'flow', kind: 'flow', from: { system: 'x' }, to: { system: 'y' } }],
};

describe('mermaid doc index', () => {
  it('lists the entities among some ids in document order, skipping unknown ids', () => {
    expect(entitiesAmong(doc, new Set(['d', 'zz', 'b', 'a'])).map((e) => e.id)).toEqual(['a', 'b', 'd']);
  });

  it('lists each link between the ids once (self-links too), in document order', () => {
    expect(linksAmong(doc, new Set(['c', 'a', 'b'])).map((l) => l.id)).toEqual(['l0', 'self', 'l2']);
    expect(linksAmong(doc, new Set(['d', 'a'])).map((l) => l.id)).toEqual(['l1']);
    expect(linksAmong(doc, new Set(['d']))).toEqual([]);
  });
});
