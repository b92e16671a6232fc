import { endpointNamer } from '../../model/meaning';
import type { CrosswalkDocument, Endpoint, Entity, Link } from '../../model/types';
import type { IntegrationEntityNodes } from './flowchart';

// Lookups every diagram of one document shares. A Markdown note draws an erDiagram per
// system and, per pair of systems, a flowchart and an erDiagram: each one scanning the
// whole document made the note quadratic (≈ 250 ms at 1,000 entities). Documents are
// immutable, so one index per document, built on first use, serves them all.

/** What the diagrams of one document look up. */
export interface MermaidDocIndex {
  entities: ReadonlyMap<string, Entity>;
  /** Position of each entity in the document, for document order. */
  entityRank: ReadonlyMap<string, number>;
  /**
   * The positions (in `doc.links`) of the links with an entity end, listed under each entity
   * they touch (once), in document order.
   */
  linksByEntity: ReadonlyMap<string, readonly number[]>;
  /** `Entity.field` / system names, as every export writes them: one namer for every diagram and table of a note. */
  name: (ep: Endpoint) => string;
  /** Per entity id: its erDiagram block. */
  erBlocks: Map<string, string>;
  /** Per entity id: its fields' flowchart identifiers. */
  fieldIdents: Map<string, ReadonlyMap<string, string>>;
  /** Per mapping: its line of text, quoted for a Mermaid label. */
  mappingLabels: Map<Link, string>;
  /** Per entity id: its nodes in integration flowcharts (flowchart.ts). */
  integrationNodes: Map<string, IntegrationEntityNodes>;
}

const cache = new WeakMap<CrosswalkDocument, MermaidDocIndex>();

/** The index of a document, built once. */
export function mermaidIndex(doc: CrosswalkDocument): MermaidDocIndex {
  const cached = cache.get(doc);
  if (cached) return cached;
  const linksByEntity = new Map<string, number[]>();
  const add = (id: string, i: number) => {
    const list = linksByEntity.get(id);
    if (!list) linksByEntity.set(id, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  doc.links.forEach((l, i) => {
    if ('entity' in l.from) add(l.from.entity, i);
    if ('entity' in l.to) add(l.to.entity, i);
  });
  const entities = new Map<string, Entity>();
  const entityRank = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    entities.set(e.id, e);
    entityRank.set(e.id, i);
  });
  const index: MermaidDocIndex = {
    entities,
    entityRank,
    linksByEntity,
    name: endpointNamer(doc),
    erBlocks: new Map(),
    fieldIdents: new Map(),
    mappingLabels: new Map(),
    integrationNodes: new Map(),
  };
  cache.set(doc, index);
  return index;
}

/** Ascending numbers, sorted as numbers (a typed array sorts without a comparator call per pair). */
function sortedNumbers(values: readonly number[]): Int32Array {
  return Int32Array.from(values).sort();
}

/** The entities among `ids` that the document holds, in document order. */
export function entitiesAmong(doc: CrosswalkDocument, ids: ReadonlySet<string>): Entity[] {
  const index = mermaidIndex(doc);
  const ranks: number[] = [];
  for (const id of ids) {
    const rank = index.entityRank.get(id);
    if (rank !== undefined) ranks.push(rank);
  }
  const out: Entity[] = [];
  for (const rank of sortedNumbers(ranks)) out.push(doc.entities[rank]);
  return out;
}

/** The links whose two ends are entities among `ids`, in document order. */
export function linksAmong(doc: CrosswalkDocument, ids: ReadonlySet<string>): Link[] {
  const index = mermaidIndex(doc);
  const found: number[] = [];
  for (const id of ids) {
    for (const i of index.linksByEntity.get(id) ?? []) {
      const l = doc.links[i];
      // Each link is listed under its `from` entity: taken there only, so once.
      if ('entity' in l.from && l.from.entity === id && 'entity' in l.to && ids.has(l.to.entity)) found.push(i);
    }
  }
  const out: Link[] = [];
  for (const i of sortedNumbers(found)) out.push(doc.links[i]);
  return out;
}
