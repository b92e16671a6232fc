import {
  ENTITY_WIDTH,
  SYSTEM_HEADER_HEIGHT,
  SYSTEM_MIN_SIZE,
  SYSTEM_PADDING,
  unionBoxes,
  type Box,
  type Geometry,
} from '../../model/geometry';
import { focusScope } from '../../model/meaning';
import { isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Link, type Note, type Step, type System } from '../../model/types';

// Which part of the diagram a slide shows, in canvas units. A view is built once from the
// document's geometry (the same boxes the canvas draws) and then projected onto a slide.

/** A system as a view draws it. */
export interface ViewSystem {
  system: System;
  /** The frame to draw, in canvas units (the whole system, or a frame around what is shown of it). */
  box: Box;
  /** Whether its title band is in view (a tile may show only the lower part of a system). */
  labelled: boolean;
}

/** A part of the diagram to draw. */
export interface DiagramView {
  systems: ViewSystem[];
  entities: { entity: Entity; box: Box }[];
  notes: { note: Note; box: Box }[];
  links: Link[];
  /** The canvas region to fit onto the slide. */
  bounds: Box;
}

/** Lookups the views share; built once per deck so large documents stay linear. */
export interface DiagramIndex {
  doc: CrosswalkDocument;
  geo: Geometry;
  systems: Map<string, System>;
  entities: Map<string, Entity>;
  notes: Map<string, Note>;
  links: Map<string, Link>;
  entitiesBySystem: Map<string, Entity[]>;
}

/** Builds the shared lookups. */
export function indexDiagram(doc: CrosswalkDocument, geo: Geometry): DiagramIndex {
  const entitiesBySystem = new Map<string, Entity[]>();
  for (const e of doc.entities) {
    if (e.system === undefined) continue;
    const list = entitiesBySystem.get(e.system) ?? [];
    list.push(e);
    entitiesBySystem.set(e.system, list);
  }
  return {
    doc,
    geo,
    systems: new Map(doc.systems.map((s) => [s.id, s])),
    entities: new Map(doc.entities.map((e) => [e.id, e])),
    notes: new Map((doc.notes ?? []).map((n) => [n.id, n])),
    links: new Map(doc.links.map((l) => [l.id, l])),
    entitiesBySystem,
  };
}

/** Whether the view holds anything to draw. */
export function isEmptyView(view: DiagramView): boolean {
  return view.systems.length === 0 && view.entities.length === 0 && view.notes.length === 0;
}

/** The whole diagram. */
export function wholeView(index: DiagramIndex): DiagramView {
  const { doc, geo } = index;
  const systems = doc.systems.flatMap((s) => {
    const box = geo.systems.get(s.id);
    return box ? [{ system: s, box, labelled: true }] : [];
  });
  const entities = doc.entities.flatMap((e) => {
    const box = geo.entities.get(e.id);
    return box ? [{ entity: e, box }] : [];
  });
  const notes = (doc.notes ?? []).flatMap((n) => {
    const box = geo.notes.get(n.id);
    return box ? [{ note: n, box }] : [];
  });
  const view = { systems, entities, notes, links: [] as Link[], bounds: geo.bounds };
  view.links = linksBetween(view, doc.links);
  return view;
}

/** The links of `links` whose both ends are drawn in the view. */
export function linksBetween(view: Pick<DiagramView, 'systems' | 'entities'>, links: readonly Link[]): Link[] {
  const systems = new Set(view.systems.filter((s) => s.labelled).map((s) => s.system.id));
  const entities = new Set(view.entities.map((e) => e.entity.id));
  const shown = (ep: Endpoint) => (isSystemEndpoint(ep) ? systems.has(ep.system) : entities.has(ep.entity));
  return links.filter((l) => shown(l.from) && shown(l.to));
}

/**
 * The part of the diagram a walkthrough step is about (`focusScope` in meaning.ts): its
 * focused systems whole, the other shown entities each inside a frame of its system, and
 * the links the scope includes. A step without focus shows the whole diagram.
 */
export function focusView(index: DiagramIndex, step: Step): DiagramView {
  const focus = step.focus ?? [];
  if (focus.length === 0) return wholeView(index);
  const { geo } = index;
  // What the step includes is decided once, in meaning.ts (the canvas dims by the same scope).
  const scope = focusScope(index.doc, focus);
  const wholeSystems = scope.systems;
  const partSystems = scope.frames;
  // Document order, so the same step always draws the same way.
  const entities = index.doc.entities
    .filter((e) => scope.entities.has(e.id) && geo.entities.has(e.id))
    .map((e) => ({ entity: e, box: geo.entities.get(e.id)! }));

  const shownBySystem = new Map<string, Box[]>();
  for (const { entity, box } of entities) {
    if (entity.system === undefined) continue;
    const list = shownBySystem.get(entity.system) ?? [];
    list.push(box);
    shownBySystem.set(entity.system, list);
  }
  const systems: ViewSystem[] = [];
  for (const s of index.doc.systems) {
    const full = geo.systems.get(s.id);
    if (!full) continue;
    if (wholeSystems.has(s.id)) systems.push({ system: s, box: full, labelled: true });
    else if (partSystems.has(s.id)) systems.push({ system: s, box: frameAround(full, shownBySystem.get(s.id) ?? []), labelled: true });
  }
  const notes = index.doc.notes
    ?.filter((n) => scope.notes.has(n.id) && geo.notes.has(n.id))
    .map((n) => ({ note: n, box: geo.notes.get(n.id)! })) ?? [];
  const partial = { systems, entities };
  const links = linksBetween(partial, index.doc.links.filter((l) => scope.links.has(l.id)));
  const bounds = unionBoxes([...systems.map((s) => s.box), ...entities.map((e) => e.box), ...notes.map((n) => n.box)]);
  return { systems, entities, notes, links, bounds };
}

/** A system frame around some of its entities; a system shown without entities keeps a small box. */
function frameAround(full: Box, shown: readonly Box[]): Box {
  if (shown.length === 0) {
    return { x: full.x, y: full.y, width: Math.min(full.width, SYSTEM_MIN_SIZE.width), height: Math.min(full.height, SYSTEM_MIN_SIZE.height) };
  }
  const inner = unionBoxes(shown);
  return {
    x: inner.x - SYSTEM_PADDING,
    y: inner.y - SYSTEM_HEADER_HEIGHT,
    width: inner.width + 2 * SYSTEM_PADDING,
    height: inner.height + SYSTEM_HEADER_HEIGHT + SYSTEM_PADDING,
  };
}

/**
 * Cuts a view too large for one slide into tiles of `spanW` × `spanH` canvas units. Each
 * entity and note belongs to the tile holding its top-left corner; tiles step by less than
 * their span (`reserveW`, `reserveH` canvas units) so what starts in a tile also ends in it.
 * Systems are clipped to the tile; links are kept when both ends are in the tile.
 */
export function tileView(view: DiagramView, spanW: number, spanH: number, reserveW = ENTITY_WIDTH, reserveH = 0): DiagramView[] {
  const stepW = Math.max(1, spanW - reserveW);
  const stepH = Math.max(1, spanH - reserveH);
  const { bounds } = view;
  const cols = Math.max(1, Math.ceil((bounds.width - reserveW) / stepW));
  const rows = Math.max(1, Math.ceil((bounds.height - reserveH) / stepH));
  const cellOf = (b: Box) => {
    const c = Math.min(cols - 1, Math.max(0, Math.floor((b.x - bounds.x) / stepW)));
    const r = Math.min(rows - 1, Math.max(0, Math.floor((b.y - bounds.y) / stepH)));
    return r * cols + c;
  };
  const buckets = new Map<number, { entities: DiagramView['entities']; notes: DiagramView['notes']; anchored: Set<string> }>();
  const bucket = (i: number) => {
    let b = buckets.get(i);
    if (!b) buckets.set(i, (b = { entities: [], notes: [], anchored: new Set() }));
    return b;
  };
  for (const e of view.entities) bucket(cellOf(e.box)).entities.push(e);
  for (const n of view.notes) bucket(cellOf(n.box)).notes.push(n);
  for (const s of view.systems) bucket(cellOf(s.box)).anchored.add(s.system.id);

  const tiles: DiagramView[] = [];
  for (const i of [...buckets.keys()].sort((a, b) => a - b)) {
    const content = buckets.get(i)!;
    const col = i % cols;
    const row = Math.floor(i / cols);
    const vp: Box = { x: bounds.x + col * stepW, y: bounds.y + row * stepH, width: spanW, height: spanH };
    const withEntities = new Set(content.entities.map((e) => e.entity.system));
    const systems: ViewSystem[] = [];
    for (const s of view.systems) {
      if (!content.anchored.has(s.system.id) && !withEntities.has(s.system.id)) continue;
      const clipped = intersect(s.box, vp);
      if (!clipped) continue;
      systems.push({ system: s.system, box: clipped, labelled: s.labelled && s.box.y >= vp.y && s.box.y < vp.y + vp.height });
    }
    const partial = { systems, entities: content.entities };
    tiles.push({ systems, entities: content.entities, notes: content.notes, links: linksBetween(partial, view.links), bounds: vp });
  }
  return tiles;
}

function intersect(a: Box, b: Box): Box | undefined {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : undefined;
}
