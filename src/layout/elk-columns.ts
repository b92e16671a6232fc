import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { SYSTEM_HEADER_HEIGHT, SYSTEM_PADDING } from '../model/geometry';
import { COLUMN_GAP, estimateLayers, planColumnLimits, splitIntoColumns, targetColumnHeight } from './columns';

// Puts the entities of linked systems into columns (see columns.ts) by adding edges that
// only ELK sees: each entity of a column is joined to one of the column before it.

/** An entity's ELK node and the top-level box (its system, or itself) it lives in. */
export interface EntityRef {
  node: ElkNode;
  /** Index into doc.entities. */
  index: number;
  /** The top-level box it lives in: its system's node, or itself. */
  top: ElkNode;
}

/** What the column planner needs to know about the graph built so far. */
export interface ColumnInput {
  /** Every top-level box (systems and free entities) of the part. */
  tops: readonly ElkNode[];
  /** The linked systems to put in columns. */
  systems: readonly ElkNode[];
  /** Every entity, in document order. */
  entities: readonly EntityRef[];
  /** Links between top-level boxes (mappings, relations across boxes, flows), from → to. */
  topLinks: readonly (readonly [ElkNode, ElkNode])[];
  /** For each link end on an entity, the top-level box at the other end. */
  crossEnds: readonly { ref: EntityRef; other: ElkNode }[];
  /** Width of a column: an entity and the gap to the next column. */
  columnWidth: number;
  /** What the whole should come out as, width over height. */
  aspectRatio: number;
  /** The id of an entity's title port on a side (created on demand). */
  titlePort(ref: EntityRef, side: 'W' | 'E'): string;
}

/** Adds the column edges to each linked system's `edges`. */
export function addColumnEdges(input: ColumnInput): void {
  const topIndex = new Map(input.tops.map((t, i) => [t, i]));
  const layers = estimateLayers(
    input.tops.length,
    input.topLinks.map(([a, b]) => [topIndex.get(a)!, topIndex.get(b)!] as const),
  );
  const layerOf = (t: ElkNode) => layers[topIndex.get(t)!];

  // An entity whose links lead to later systems belongs in a right-hand column, one fed
  // from earlier systems in a left-hand one: then its mappings do not cross its neighbours.
  const pull = new Map<EntityRef, number>();
  for (const { ref, other } of input.crossEnds) {
    pull.set(ref, (pull.get(ref) ?? 0) + Math.sign(layerOf(other) - layerOf(ref.top)));
  }
  const ordered = input.systems.map((system) =>
    input.entities
      .filter((ref) => ref.top === system)
      .map((ref, i) => ({ ref, i, pull: pull.get(ref) ?? 0 }))
      // Document order breaks ties: the order the author listed the entities in.
      .sort((a, b) => a.pull - b.pull || a.i - b.i)
      .map((o) => o.ref),
  );

  const target = targetColumnHeight(
    input.entities.map((ref) => ref.node.height!),
    input.columnWidth,
    input.aspectRatio,
  );
  const limits = planColumnLimits(
    input.systems.map((system, s) => ({ layer: layerOf(system), heights: ordered[s].map((ref) => ref.node.height!) })),
    target,
    SYSTEM_HEADER_HEIGHT + SYSTEM_PADDING,
    COLUMN_GAP,
  );

  input.systems.forEach((system, s) => {
    const refs = ordered[s];
    const column = splitIntoColumns(
      refs.map((ref) => ref.node.height!),
      limits[s],
    );
    const columns: EntityRef[][] = [];
    refs.forEach((ref, i) => (columns[column[i]] ??= []).push(ref));
    const edges: ElkExtendedEdge[] = [];
    for (let j = 1; j < columns.length; j++) {
      columns[j].forEach((ref, i) => {
        const before = columns[j - 1][Math.min(i, columns[j - 1].length - 1)];
        edges.push({ id: `${system.id}.c${j}.${i}`, sources: [input.titlePort(before, 'E')], targets: [input.titlePort(ref, 'W')] });
      });
    }
    system.edges = [...(system.edges ?? []), ...edges];
  });
}
