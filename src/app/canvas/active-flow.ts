import type { CrosswalkDocument, Entity, Point } from '../../model/types';
import { geometryOf } from './overview-model';
import { entityCoverage, toFlow, type CanvasNode, type ViewState } from './to-flow';

// A large document is drawn on the canvas (OverviewLayer.tsx); React Flow holds only the
// entities and notes a person is working on — hovered, selected, edited, connected from —
// so an edit or a hover costs a handful of nodes, not the whole document. They are placed in
// diagram coordinates with no parent system (the canvas draws the systems, and a system node
// would cover the entities drawn under it); `offsets` gives each entity's system origin, to
// turn React Flow's positions back into the document's relative ones.

/** The few nodes React Flow holds over the canvas, and each detached entity's system origin. */
export interface ActiveFlow {
  nodes: CanvasNode[];
  offsets: Map<string, Point>;
}

const coverages = new WeakMap<CrosswalkDocument, ReturnType<typeof entityCoverage>>();
/** Detached copies, kept while the entity and its place are unchanged (so memoised nodes skip rendering). */
const detached = new WeakMap<Entity, Entity>();

function coverageOf(doc: CrosswalkDocument) {
  let c = coverages.get(doc);
  if (!c) coverages.set(doc, (c = entityCoverage(doc)));
  return c;
}

/**
 * Maps the given ids (entities and notes; others are ignored) to React Flow nodes; `pointer`
 * is the entity under the pointer (it shows its handles at once: it appears under a pointer
 * that has not moved, so it gets no mouseenter).
 */
export function activeFlow(doc: CrosswalkDocument, ids: ReadonlySet<string>, view: ViewState, prev?: readonly CanvasNode[], pointer?: string): ActiveFlow {
  const offsets = new Map<string, Point>();
  if (!ids.size) return { nodes: [], offsets };
  const geo = geometryOf(doc);
  const entities: Entity[] = [];
  for (const e of doc.entities) {
    if (!ids.has(e.id)) continue;
    const box = geo.entities.get(e.id)!;
    const parent = e.system !== undefined ? geo.systems.get(e.system) : undefined;
    if (parent) offsets.set(e.id, { x: parent.x, y: parent.y });
    const kept = detached.get(e);
    if (kept && kept.position?.x === box.x && kept.position.y === box.y) {
      entities.push(kept);
      continue;
    }
    const copy: Entity = { ...e, system: undefined, position: { x: box.x, y: box.y } };
    detached.set(e, copy);
    entities.push(copy);
  }
  const notes = (doc.notes ?? []).filter((n) => ids.has(n.id));
  const part: CrosswalkDocument = { ...doc, systems: [], entities, links: [], notes, walkthrough: undefined };
  const { nodes } = toFlow(part, view, prev ? { nodes: prev, edges: [] } : undefined);
  // The coverage badge counts the whole document's mappings, not the part's (asked only when
  // an entity is held: adding a note needs none).
  return {
    nodes: nodes.map((n) => {
      if (n.type !== 'entity') return n;
      const c = coverageOf(doc).get(n.id);
      const hovered = n.id === pointer || undefined;
      if (n.data.coverage === c?.coverage && n.data.unfedRequired === c?.unfedRequired && n.data.pointer === hovered) return n;
      return { ...n, data: { ...n.data, coverage: c?.coverage, unfedRequired: c?.unfedRequired, pointer: hovered } };
    }),
    offsets,
  };
}
