import { endpointNamer } from '../../model/meaning';
import type { CrosswalkDocument, Endpoint, Entity, Link } from '../../model/types';

// Lookups every diagram of one document shares. A Markdown note draws an erDiagram per
// system and, per pair of systems, a flowchart and an erDiagram: each one scanning the
// whole document made the note quadratic (≈ 250 ms at 1,000 entities). Documents are
// immutable, so one index per document, built on first use, serves them all.

/** What the diagrams of one document look up. */
export interface MermaidDocIndex {
  entities: ReadonlyMap<string, Entity>;
  /** Position of each entity in the document, for document order. */
  entityRank: ReadonlyMap<string, number>;
  /** Position of each link in the document. */
  linkRank: ReadonlyMap<Link, number>;
  /** The links with an entity end, listed under each entity they touch (once), in document order. */
  linksByEntity: ReadonlyMap<string, readonly Link[]>;
  /** `Entity.field` / system names, as every export writes them. */
  name: (ep: Endpoint) => string;
  /** Text blocks computed once per entity (an erDiagram entity with its attributes, field identifiers). */
  memo: Map<string, unknown>;
}

const cache = new WeakMap<CrosswalkDocument, MermaidDocIndex>();

/** The index of a document, built once. */
export function mermaidIndex(doc: CrosswalkDocument): MermaidDocIndex {
  const cached = cache.get(doc);
  if (cached) return cached;
  const linksByEntity = new Map<string, Link[]>();
  const add = (id: string, l: Link) => {
    const list = linksByEntity.get(id);
    if (!list) linksByEntity.set(id, [l]);
    else if (list[list.length - 1] !== l) list.push(l);
  };
  for (const l of doc.links) {
    if ('entity' in l.from) add(l.from.entity, l);
    if ('entity' in l.to) add(l.to.entity, l);
  }
  const index: MermaidDocIndex = {
    entities: new Map(doc.entities.map((e) => [e.id, e])),
    entityRank: new Map(doc.entities.map((e, i) => [e.id, i])),
    linkRank: new Map(doc.links.map((l, i) => [l, i])),
    linksByEntity,
    name: endpointNamer(doc),
    memo: new Map(),
  };
  cache.set(doc, index);
  return index;
}

/** `compute()` once per document and key. */
export function memoised<T>(index: MermaidDocIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute();
  index.memo.set(key, value);
  return value;
}

/** The entities among `ids` that the document holds, in document order. */
export function entitiesAmong(doc: CrosswalkDocument, ids: ReadonlySet<string>): Entity[] {
  const index = mermaidIndex(doc);
  return [...ids]
    .filter((id) => index.entities.has(id))
    .sort((a, b) => index.entityRank.get(a)! - index.entityRank.get(b)!)
    .map((id) => index.entities.get(id)!);
}

/** The links whose two ends are entities among `ids`, in document order. */
export function linksAmong(doc: CrosswalkDocument, ids: ReadonlySet<string>): Link[] {
  const index = mermaidIndex(doc);
  const found = new Set<Link>();
  for (const id of ids) {
    for (const l of index.linksByEntity.get(id) ?? []) {
      if ('entity' in l.from && 'entity' in l.to && ids.has(l.from.entity) && ids.has(l.to.entity)) found.add(l);
    }
  }
  return [...found].sort((a, b) => index.linkRank.get(a)! - index.linkRank.get(b)!);
}
