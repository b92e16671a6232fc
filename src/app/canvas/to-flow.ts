import type { Edge, Node } from '@xyflow/react';
import { computeCoverage, openGaps } from '../../model/coverage';
import { computeGeometry, routeLink, type Geometry, type Side } from '../../model/geometry';
import { endpointNamer, linkEnds, linkLabel } from '../../model/meaning';
import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Link, type Note, type System } from '../../model/types';
import { entityHandleId, entityHandles, systemHandleId, systemHandles, type HandleSide } from './handles';

// The canvas is a view: a pure mapping from the document (and what is selected or in focus)
// to React Flow nodes and edges. Unchanged nodes keep their object identity between calls,
// so memoised node components skip rendering.

/** Data of a system node. */
export interface SystemNodeData extends Record<string, unknown> {
  system: System;
  dimmed: boolean;
}
/** Data of an entity node. */
export interface EntityNodeData extends Record<string, unknown> {
  entity: Entity;
  dimmed: boolean;
  /** For an entity that receives mappings: `fed/fields`, shown in its title. */
  coverage?: string;
  /** Ids of its required fields that nothing feeds (and nobody acknowledged), space-separated. */
  unfedRequired?: string;
  /** Under the pointer, as the canvas of a large document found it (see active-flow.ts). */
  pointer?: boolean;
}
/** Data of a note node. */
export interface NoteNodeData extends Record<string, unknown> {
  note: Note;
  dimmed: boolean;
}
/** Data of a link edge. */
export interface LinkEdgeData extends Record<string, unknown> {
  link: Link;
  /** The text drawn on the edge (`linkLabel` in meaning.ts). */
  text: string;
  /** A longer description for tooltips: `Worker.Work_Email → User.login`. */
  title: string;
  dimmed: boolean;
  /** How many links this edge stands for, on an edge that folds them (see {@link ViewState.fold}). */
  folded?: number;
}

export type SystemNode = Node<SystemNodeData, 'system'>;
export type EntityNode = Node<EntityNodeData, 'entity'>;
export type NoteNode = Node<NoteNodeData, 'note'>;
export type CanvasNode = SystemNode | EntityNode | NoteNode;
export type LinkEdge = Edge<LinkEdgeData, 'link'>;

/** What besides the document decides how the canvas looks. */
export interface ViewState {
  selected: ReadonlySet<string>;
  /** Ids in focus (a walkthrough step); everything else is dimmed. Undefined: nothing dimmed. */
  focus?: ReadonlySet<string>;
  /**
   * Zoomed out to title boxes: links fold into one edge per pair of ends and kind, between
   * the entities' (or systems') title handles, as the canvas of a large document draws them.
   */
  fold?: boolean;
}

const side = (s: Side): HandleSide => (s === 'left' ? 'L' : 'R');

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k of Object.keys(b)) if (a[k] !== b[k]) return false;
  return true;
}

/** Returns `prev` when `next` is equal in every field the canvas uses, else `next`. */
function reuseNode<N extends CanvasNode>(prev: CanvasNode | undefined, next: N): N {
  if (
    prev &&
    prev.type === next.type &&
    prev.position.x === next.position.x &&
    prev.position.y === next.position.y &&
    prev.parentId === next.parentId &&
    prev.selected === next.selected &&
    prev.width === next.width &&
    prev.height === next.height &&
    sameData(prev.data, next.data)
  ) {
    return prev as N;
  }
  return next;
}

/** What the canvas shows of the coverage report on each target entity (plain strings, so unchanged nodes compare equal). */
export function entityCoverage(doc: CrosswalkDocument): Map<string, { coverage: string; unfedRequired?: string }> {
  const report = computeCoverage(doc);
  const out = new Map(report.entities.map((e) => [e.entityId, { coverage: `${e.mapped}/${e.fields}` } as { coverage: string; unfedRequired?: string }]));
  for (const g of openGaps(report)) {
    if (g.kind !== 'unmapped-required') continue;
    const entry = out.get(g.entityId)!;
    entry.unfedRequired = entry.unfedRequired ? `${entry.unfedRequired} ${g.fieldId}` : g.fieldId;
  }
  return out;
}

/** Maps a document to React Flow nodes (parents before children) and edges. */
export function toFlow(
  doc: CrosswalkDocument,
  view: ViewState,
  prev?: { nodes: readonly CanvasNode[]; edges: readonly LinkEdge[] },
): { nodes: CanvasNode[]; edges: LinkEdge[] } {
  const geo = computeGeometry(doc);
  const prevNodes = new Map(prev?.nodes.map((n) => [n.id, n]));
  const prevEdges = new Map(prev?.edges.map((e) => [e.id, e]));
  const dimmed = (id: string) => (view.focus ? !view.focus.has(id) : false);
  const nodes: CanvasNode[] = [];

  for (const s of doc.systems) {
    const box = geo.systems.get(s.id)!;
    nodes.push(
      reuseNode(prevNodes.get(s.id), {
        id: s.id,
        type: 'system',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        // Sizes and handles come from the geometry: React Flow measures nothing on mount.
        measured: { width: box.width, height: box.height },
        handles: systemHandles(box.width),
        selected: view.selected.has(s.id),
        zIndex: 0,
        data: { system: s, dimmed: dimmed(s.id) },
      } satisfies SystemNode),
    );
  }
  const systemBoxes = geo.systems;
  const coverage = entityCoverage(doc);
  for (const e of doc.entities) {
    const box = geo.entities.get(e.id)!;
    const parent = e.system !== undefined ? systemBoxes.get(e.system) : undefined;
    nodes.push(
      reuseNode(prevNodes.get(e.id), {
        id: e.id,
        type: 'entity',
        position: parent ? { x: box.x - parent.x, y: box.y - parent.y } : { x: box.x, y: box.y },
        parentId: parent ? e.system : undefined,
        width: box.width,
        height: box.height,
        measured: { width: box.width, height: box.height },
        handles: entityHandles(e, box.width),
        selected: view.selected.has(e.id),
        zIndex: 1,
        data: { entity: e, dimmed: dimmed(e.id), ...coverage.get(e.id) },
      } satisfies EntityNode),
    );
  }
  for (const n of doc.notes ?? []) {
    const box = geo.notes.get(n.id)!;
    nodes.push(
      reuseNode(prevNodes.get(n.id), {
        id: n.id,
        type: 'note',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        measured: { width: box.width, height: box.height },
        selected: view.selected.has(n.id),
        zIndex: 1,
        data: { note: n, dimmed: dimmed(n.id) },
      } satisfies NoteNode),
    );
  }

  if (view.fold) return { nodes, edges: foldedEdges(doc, geo, view, prevEdges) };
  const edges: LinkEdge[] = [];
  const name = endpointNamer(doc);
  for (const l of doc.links) {
    const route = routeLink(doc, geo, l);
    if (!route) continue;
    const handle = (ep: Link['from'], s: Side) =>
      isEntityEndpoint(ep) ? entityHandleId(ep.field, side(s)) : systemHandleId(side(s));
    const source = isSystemEndpoint(l.from) ? l.from.system : l.from.entity;
    const target = isSystemEndpoint(l.to) ? l.to.system : l.to.entity;
    const next: LinkEdge = {
      id: l.id,
      type: 'link',
      source,
      target,
      sourceHandle: handle(l.from, route.fromSide),
      targetHandle: handle(l.to, route.toSide),
      selected: view.selected.has(l.id),
      // React Flow adds the z of an end's node when it sits in a system (an entity: 1), so a
      // line between entities lands level with them: above the system boxes (0), and, as
      // React Flow paints nodes after edges, under the tables, never blocking their rows.
      zIndex: 0,
      data: {
        link: l,
        text: linkLabel(l),
        title: linkEnds(name, l),
        dimmed: dimmed(l.id),
      },
    };
    edges.push(reuseEdge(prevEdges.get(l.id), next));
  }
  return { nodes, edges };
}

/** Returns `prev` when `next` draws the same, else `next`. */
function reuseEdge(old: LinkEdge | undefined, next: LinkEdge): LinkEdge {
  return old &&
    old.source === next.source &&
    old.target === next.target &&
    old.sourceHandle === next.sourceHandle &&
    old.targetHandle === next.targetHandle &&
    old.selected === next.selected &&
    sameData(old.data!, next.data!)
    ? old
    : next;
}

const endId = (ep: Endpoint) => (isSystemEndpoint(ep) ? ep.system : ep.entity);
const wholeEnd = (ep: Endpoint): Endpoint => (isSystemEndpoint(ep) ? ep : { entity: ep.entity });

/**
 * One edge per pair of ends (entities, or systems) and kind, between their title handles,
 * standing for every link it folds (the first one's direction); not selectable, as on the
 * canvas of a large document at this level (overview-model.ts folds the same way).
 */
function foldedEdges(doc: CrosswalkDocument, geo: Geometry, view: ViewState, prevEdges: ReadonlyMap<string, LinkEdge>): LinkEdge[] {
  const groups = new Map<string, Link[]>();
  for (const l of doc.links) {
    const a = endId(l.from);
    const b = endId(l.to);
    const key = JSON.stringify([l.kind, a < b ? a : b, a < b ? b : a]);
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  const edges: LinkEdge[] = [];
  for (const [key, links] of groups) {
    const first = links[0];
    const whole = { ...first, from: wholeEnd(first.from), to: wholeEnd(first.to) } as Link;
    const route = routeLink(doc, geo, whole);
    if (!route) continue;
    const handle = (ep: Endpoint, s: Side) => (isEntityEndpoint(ep) ? entityHandleId(undefined, side(s)) : systemHandleId(side(s)));
    const id = `fold:${key}`;
    const next: LinkEdge = {
      id,
      type: 'link',
      source: endId(first.from),
      target: endId(first.to),
      sourceHandle: handle(first.from, route.fromSide),
      targetHandle: handle(first.to, route.toSide),
      selected: links.some((l) => view.selected.has(l.id)),
      selectable: false,
      focusable: false,
      zIndex: 0,
      data: {
        link: first,
        text: '',
        title: '',
        dimmed: view.focus ? links.every((l) => !view.focus!.has(l.id)) : false,
        folded: links.length,
      },
    };
    edges.push(reuseEdge(prevEdges.get(id), next));
  }
  return edges;
}
