import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import {
  ENTITY_WIDTH,
  NOTE_WIDTH,
  SYSTEM_HEADER_HEIGHT,
  SYSTEM_MIN_SIZE,
  SYSTEM_PADDING,
  entityHeight,
  fieldRowCentre,
  noteHeight,
} from '../model/geometry';
import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type EntityEndpoint } from '../model/types';
import { COLUMN_GAP } from './columns';
import type { LayoutPart } from './components';
import { addColumnEdges, type EntityRef } from './elk-columns';

// Builds the ELK graph of a document. ELK ids are derived from array indices (`s0`, `e3`,
// `e3.p1.E`), not from document ids: document ids may hold any character, and port ids must
// be unique across the whole graph while field ids are only unique within their entity.

/** Space between columns: room for a transform label on a mapping. */
const LAYER_GAP = 140;
/**
 * Linked systems are cut into columns aiming at a whole this much wider than tall. Lower
 * than a slide's 16:9 because systems that share a layer stack, and ELK adds room for edges.
 */
export const COLUMN_ASPECT_RATIO = 1.5;

/** Options shared by the root and every system, so spacing is the same at every level. */
const SPACING: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(COLUMN_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.edgeNode': '20',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.componentComponent': '80',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
};

/** Options of the root graph of one connected part. */
export const ROOT_OPTIONS: LayoutOptions = {
  ...SPACING,
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/** Added to the root when links join entities of different boxes. */
const ACROSS_OPTIONS: LayoutOptions = {
  // Edges between entities of different systems only shape the layout when ELK sees the
  // whole hierarchy at once.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
};

/** A system no entity link leaves is laid out on its own, so ELK packs its unlinked entities. */
const SEPARATE_OPTIONS: LayoutOptions = {
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
};

/** Options of a system (a compound node). */
export const SYSTEM_OPTIONS: LayoutOptions = {
  ...SPACING,
  // Unlinked entities are packed into rows about this much wider than tall, not one column.
  'elk.aspectRatio': '1.6',
  'elk.separateConnectedComponents': 'true',
  'elk.padding': `[top=${SYSTEM_HEADER_HEIGHT},left=${SYSTEM_PADDING},bottom=${SYSTEM_PADDING},right=${SYSTEM_PADDING}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': `(${SYSTEM_MIN_SIZE.width}, ${SYSTEM_MIN_SIZE.height})`,
};

const ENTITY_OPTIONS: LayoutOptions = {
  // Ports sit exactly on their field rows, so edges leave and enter where the canvas draws them.
  'elk.portConstraints': 'FIXED_POS',
};

/** Where each ELK node came from, to read positions back. */
export interface ElkGraphIndex {
  /** ELK id → index into doc.systems. */
  systems: Map<string, number>;
  /** ELK id → index into doc.entities. */
  entities: Map<string, number>;
  /** ELK id → index into doc.notes. */
  notes: Map<string, number>;
}

/** The ELK graph of one part of a document and the index that maps its nodes back. */
export interface BuiltGraph {
  graph: ElkNode;
  index: ElkGraphIndex;
}

type Side = 'W' | 'E';

/**
 * Builds the ELK graph of one connected part (see splitIntoParts): its systems as compound
 * nodes holding their entities, its free entities and notes at the root, mappings and
 * relations as edges between field ports, flows as edges between systems. Only the ports
 * that links use are created: a 300-entity document has thousands of fields, and unused
 * ports only slow ELK down.
 */
export function buildElkGraph(doc: CrosswalkDocument, part: LayoutPart): BuiltGraph {
  const index: ElkGraphIndex = { systems: new Map(), entities: new Map(), notes: new Map() };
  const systemNode = new Map<string, ElkNode>();
  const entityRef = new Map<string, EntityRef>();
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };

  for (const i of part.systems) {
    const s = doc.systems[i];
    const node: ElkNode = { id: `s${i}`, layoutOptions: SYSTEM_OPTIONS, children: [], edges: [] };
    systemNode.set(s.id, node);
    index.systems.set(node.id, i);
    root.children!.push(node);
  }
  const free = new Set(part.freeEntities);
  doc.entities.forEach((e, i) => {
    const parent = e.system !== undefined ? systemNode.get(e.system) : undefined;
    if (!parent && !free.has(i)) return;
    const node: ElkNode = { id: `e${i}`, width: ENTITY_WIDTH, height: entityHeight(e), layoutOptions: ENTITY_OPTIONS, ports: [] };
    (parent ?? root).children!.push(node);
    entityRef.set(e.id, { node, index: i, top: parent ?? node });
    index.entities.set(node.id, i);
  });
  for (const node of systemNode.values()) {
    // An empty system has no children to size it: give it the smallest system box.
    if (node.children!.length === 0) {
      node.width = SYSTEM_MIN_SIZE.width;
      node.height = SYSTEM_MIN_SIZE.height;
    }
  }
  for (const i of part.notes) {
    const node: ElkNode = { id: `n${i}`, width: NOTE_WIDTH, height: noteHeight(doc.notes![i]) };
    root.children!.push(node);
    index.notes.set(node.id, i);
  }

  const ports = new Set<string>();
  const portFor = (ref: EntityRef, ep: EntityEndpoint, side: Side): string => {
    const entity = doc.entities[ref.index];
    const row = ep.field === undefined ? -1 : entity.fields.findIndex((f) => f.id === ep.field);
    const id = `${ref.node.id}.${row < 0 ? 'h' : `p${row}`}.${side}`;
    if (!ports.has(id)) {
      ports.add(id);
      ref.node.ports!.push({
        id,
        x: side === 'W' ? 0 : ENTITY_WIDTH,
        y: fieldRowCentre(entity, row < 0 ? undefined : ep.field),
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': side === 'W' ? 'WEST' : 'EAST' },
      });
    }
    return id;
  };

  const linkedAcross = new Set<ElkNode>();
  // Edges between entities of one system, kept aside: whether ELK sees them depends on
  // whether that system is linked to others (see columns.ts).
  const inside = new Map<ElkNode, ElkExtendedEdge[]>();
  const topLinks: [ElkNode, ElkNode][] = [];
  const crossEnds: { ref: EntityRef; other: ElkNode }[] = [];
  doc.links.forEach((l, i) => {
    const id = `l${i}`;
    if (isSystemEndpoint(l.from) && isSystemEndpoint(l.to)) {
      const a = systemNode.get(l.from.system);
      const b = systemNode.get(l.to.system);
      if (a && b && a !== b) {
        root.edges!.push(edge(id, a.id, b.id));
        topLinks.push([a, b]);
      }
      return;
    }
    if (!isEntityEndpoint(l.from) || !isEntityEndpoint(l.to)) return;
    const a = entityRef.get(l.from.entity);
    const b = entityRef.get(l.to.entity);
    // A self-relation (reports-to) does not change where anything goes.
    if (!a || !b || a === b) return;
    const e = edge(id, portFor(a, l.from, 'E'), portFor(b, l.to, 'W'));
    if (a.top === b.top && a.top !== a.node) {
      const edges = inside.get(a.top);
      if (edges) edges.push(e);
      else inside.set(a.top, [e]);
    }
    else {
      root.edges!.push(e);
      linkedAcross.add(a.top).add(b.top);
      topLinks.push([a.top, b.top]);
      crossEnds.push({ ref: a, other: b.top }, { ref: b, other: a.top });
    }
  });

  if (linkedAcross.size > 0) {
    root.layoutOptions = { ...ROOT_OPTIONS, ...ACROSS_OPTIONS };
    const linkedSystems = [...systemNode.values()].filter((node) => linkedAcross.has(node));
    for (const node of systemNode.values()) {
      if (linkedAcross.has(node)) continue;
      node.layoutOptions = { ...SYSTEM_OPTIONS, ...SEPARATE_OPTIONS };
      for (const e of inside.get(node) ?? []) node.edges!.push(e);
    }
    // Relations inside a linked system are left out: columns.ts says why.
    addColumnEdges({
      tops: root.children!.filter((c) => !index.notes.has(c.id)),
      systems: linkedSystems,
      entities: [...entityRef.values()],
      topLinks,
      crossEnds,
      columnWidth: ENTITY_WIDTH + LAYER_GAP,
      aspectRatio: COLUMN_ASPECT_RATIO,
      titlePort: (ref, side) => portFor(ref, { entity: doc.entities[ref.index].id }, side),
    });
  } else {
    // Each edge lives in the lowest graph that holds both ends.
    // Loops, not push(...edges): spreading tens of thousands of arguments overflows the stack.
    for (const [node, edges] of inside) for (const e of edges) node.edges!.push(e);
  }
  return { graph: root, index };
}

/**
 * The graph of a part that is one free entity or one note, already laid out (at the
 * origin): nothing for ELK to do, and a document of thousands of unlinked entities would
 * otherwise pay for thousands of ELK runs (and as many scans of the document in
 * buildElkGraph). Undefined for any other part.
 */
export function loneBoxGraph(doc: CrosswalkDocument, part: LayoutPart): BuiltGraph | undefined {
  if (part.systems.length > 0 || part.freeEntities.length + part.notes.length !== 1) return undefined;
  const index: ElkGraphIndex = { systems: new Map(), entities: new Map(), notes: new Map() };
  let node: ElkNode;
  if (part.freeEntities.length === 1) {
    const i = part.freeEntities[0];
    node = { id: `e${i}`, x: 0, y: 0, width: ENTITY_WIDTH, height: entityHeight(doc.entities[i]) };
    index.entities.set(node.id, i);
  } else {
    const i = part.notes[0];
    node = { id: `n${i}`, x: 0, y: 0, width: NOTE_WIDTH, height: noteHeight(doc.notes![i]) };
    index.notes.set(node.id, i);
  }
  return { graph: { id: 'root', x: 0, y: 0, width: node.width, height: node.height, children: [node], edges: [] }, index };
}

function edge(id: string, source: string, target: string): ElkExtendedEdge {
  return { id, sources: [source], targets: [target] };
}
