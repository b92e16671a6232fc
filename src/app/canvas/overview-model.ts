import { computeGeometry, routeLink, unionBoxes, type Box, type Geometry } from '../../model/geometry';
import { linkLabel } from '../../model/meaning';
import { isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Link, type Point } from '../../model/types';

// What the zoomed-out canvas draws, computed once per document (not per frame): boxes from
// the document's geometry, field-level link routes, the same links folded to one line per
// pair of entities (with a count), and folded again to one line per pair of systems.

/**
 * Documents with at least this many entities keep only what is on screen in the DOM and are
 * drawn on the overview canvas when zoomed out; smaller ones stay whole DOM at every zoom
 * (fast enough, and exactly what a picture taken from the DOM shows).
 */
export const OVERVIEW_MIN_ENTITIES = 150;
/** Below this zoom the diagram is drawn on one `<canvas>`; at and above it, as DOM nodes. */
export const DETAIL_ZOOM = 0.45;
/** Below this zoom field rows and field-to-field lines give way to title boxes and folded lines. */
export const TITLE_ZOOM = 0.3;
/** Below this zoom only systems (with their entity counts) and lines between systems are drawn. */
export const SYSTEM_ZOOM = 0.07;

/** The level of detail at a zoom. */
export type DetailLevel = 'dom' | 'fields' | 'titles' | 'systems';

export function levelAt(zoom: number): DetailLevel {
  if (zoom >= DETAIL_ZOOM) return 'dom';
  if (zoom >= TITLE_ZOOM) return 'fields';
  if (zoom >= SYSTEM_ZOOM) return 'titles';
  return 'systems';
}

/**
 * How far (as a factor) the zoom must pass a level's threshold before the level shown changes:
 * one wheel notch (at most 1.1×) back and forth across a threshold keeps the level, where it
 * switched (and redrew the whole canvas) at each notch. Fitting a 1,000-entity document lands
 * next to SYSTEM_ZOOM.
 */
export const LEVEL_HYSTERESIS = 1.1;

/**
 * The level of detail to show at a zoom when `current` is shown: `current` while the zoom is
 * within LEVEL_HYSTERESIS of the range where it applies, else the level at the zoom.
 */
export function levelFrom(zoom: number, current: DetailLevel | undefined): DetailLevel {
  const level = levelAt(zoom);
  if (current === undefined || level === current) return level;
  return levelAt(zoom * LEVEL_HYSTERESIS) === current || levelAt(zoom / LEVEL_HYSTERESIS) === current ? current : level;
}

export interface OverviewEntity {
  id: string;
  /** The document's entity: unchanged by edits elsewhere, so drawings of it can be kept. */
  source: object;
  name: string;
  box: Box;
  fields: { name: string; type: string; key: string }[];
}
export interface OverviewSystem {
  id: string;
  name: string;
  kind: string;
  box: Box;
  entityCount: number;
}
export interface OverviewNote {
  id: string;
  text: string;
  box: Box;
}
/** A line between two points, standing for one link or several folded together. */
export interface OverviewLine {
  /** The links it stands for. */
  ids: string[];
  kind: Link['kind'];
  from: Point;
  to: Point;
  /** Which way the line leaves and enters its boxes (-1 left, 1 right). */
  fromDir: -1 | 1;
  toDir: -1 | 1;
  /** The link's label (one link per line, field-level lines only). */
  text?: string;
}

export interface OverviewModel {
  geometry: Geometry;
  systems: OverviewSystem[];
  entities: OverviewEntity[];
  notes: OverviewNote[];
  /** One line per link, field to field (drawn with field rows). */
  links: OverviewLine[];
  /** One line per pair of entities (or systems, for flows) and kind. */
  folded: OverviewLine[];
  /** One line per pair of systems. */
  systemLines: OverviewLine[];
}

const endId = (ep: Endpoint) => (isSystemEndpoint(ep) ? ep.system : ep.entity);
const dir = (side: 'left' | 'right'): -1 | 1 => (side === 'left' ? -1 : 1);

// Incremental by object identity. Edits share every element they leave alone (ops.ts), and
// `geometryOf` keeps the Box object of every element whose box did not move, so each part of
// the model is kept while the objects it was made from are the same ones: an edit at 1,000
// entities rebuilds the parts it touched, and the rest is a lookup per element plus folding
// the (already routed) lines again.

/** One link's routed lines, and the objects they were routed from (compared by identity to reuse them). */
interface LinkParts {
  fromBox: Box | undefined;
  toBox: Box | undefined;
  fromEntity: Entity | undefined;
  toEntity: Entity | undefined;
  /** The systems the ends sit in, and those systems' boxes when they differ. */
  sa: string | undefined;
  sb: string | undefined;
  saBox: Box | undefined;
  sbBox: Box | undefined;
  line: OverviewLine | undefined;
  /** The route between whole entities (or systems), and the key of the folded line it joins. */
  coarse: Route | undefined;
  foldKey: string;
  /** The route between the two systems, when the ends sit in two, and the key of their line. */
  between: Route | undefined;
  systemKey: string;
}

type Route = NonNullable<ReturnType<typeof routeLink>>;

/** What the model was last built from: reused parts are looked up here. */
export interface OverviewCache {
  geometries: WeakMap<CrosswalkDocument, Geometry>;
  /** The geometry built last (and its document), whose unchanged boxes a new geometry keeps. */
  lastGeometry?: { doc: CrosswalkDocument; geometry: Geometry };
  systems: WeakMap<object, OverviewSystem>;
  entities: WeakMap<object, OverviewEntity>;
  notes: WeakMap<object, OverviewNote>;
  links: WeakMap<Link, LinkParts>;
  /** What the last build was made from, and what it made. */
  last?: {
    docSystems: readonly object[];
    docEntities: readonly object[];
    docLinks: readonly Link[];
    systemBoxes: Map<string, Box>;
    entityBoxes: Map<string, Box>;
  } & Pick<OverviewModel, 'systems' | 'entities' | 'links' | 'folded' | 'systemLines'>;
}

/** An empty cache: building with it is a full rebuild. */
export function createOverviewCache(): OverviewCache {
  return { geometries: new WeakMap(), systems: new WeakMap(), entities: new WeakMap(), notes: new WeakMap(), links: new WeakMap() };
}

/** The cache the app's canvas shares (the model and the geometry after each edit). */
const shared = createOverviewCache();

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * Keeps the earlier Box object of each element whose box is unchanged (so parts keyed on it
 * are reused), and the earlier map itself when every box is unchanged.
 */
function keepBoxes(next: Map<string, Box>, prev: Map<string, Box> | undefined): Map<string, Box> {
  if (!prev) return next;
  let all = next.size === prev.size;
  for (const [id, box] of next) {
    const old = prev.get(id);
    if (old === box) continue;
    if (old && sameBox(old, box)) next.set(id, old);
    else all = false;
  }
  return all ? prev : next;
}

/**
 * The document's geometry, computed once per document version (the canvas, the nodes handed
 * to React Flow, fitting the view and placing new elements all ask for it after each edit).
 * Boxes that did not change since the geometry built before keep their identity. Read-only.
 */
export function geometryOf(doc: CrosswalkDocument, cache: OverviewCache = shared): Geometry {
  const known = cache.geometries.get(doc);
  if (known) return known;
  const last = cache.lastGeometry;
  let geo: Geometry;
  if (last && last.doc.systems === doc.systems && last.doc.entities === doc.entities && (doc.notes ?? []).every((n) => n.position)) {
    // Only notes changed (a note added, moved or edited): placed notes depend on nothing else.
    const notes = keepBoxes(computeGeometry({ ...doc, systems: [], entities: [] }).notes, last.geometry.notes);
    geo = { systems: last.geometry.systems, entities: last.geometry.entities, notes, bounds: unionBoxes([...last.geometry.systems.values(), ...last.geometry.entities.values(), ...notes.values()]) };
  } else {
    geo = computeGeometry(doc);
    geo.systems = keepBoxes(geo.systems, last?.geometry.systems);
    geo.entities = keepBoxes(geo.entities, last?.geometry.entities);
    geo.notes = keepBoxes(geo.notes, last?.geometry.notes);
  }
  if (last && sameBox(last.geometry.bounds, geo.bounds)) geo.bounds = last.geometry.bounds;
  cache.geometries.set(doc, geo);
  cache.lastGeometry = { doc, geometry: geo };
  return geo;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** A link's parts, reused while its ends' boxes, entities and systems are the same objects; whether they were made again. */
function routeParts(doc: CrosswalkDocument, geometry: Geometry, l: Link, entityById: ReadonlyMap<string, Entity>, cache: OverviewCache): [LinkParts, boolean] {
  const from = l.from;
  const to = l.to;
  const fromEntity = isSystemEndpoint(from) ? undefined : entityById.get(from.entity);
  const toEntity = isSystemEndpoint(to) ? undefined : entityById.get(to.entity);
  const fromBox = isSystemEndpoint(from) ? geometry.systems.get(from.system) : geometry.entities.get(from.entity);
  const toBox = isSystemEndpoint(to) ? geometry.systems.get(to.system) : geometry.entities.get(to.entity);
  // Between systems: flows, and links whose ends sit in two different systems.
  const sa = isSystemEndpoint(from) ? from.system : fromEntity?.system;
  const sb = isSystemEndpoint(to) ? to.system : toEntity?.system;
  const across = sa !== undefined && sb !== undefined && sa !== sb;
  const saBox = across ? geometry.systems.get(sa) : undefined;
  const sbBox = across ? geometry.systems.get(sb) : undefined;
  const found = cache.links.get(l);
  if (
    found &&
    found.fromBox === fromBox &&
    found.toBox === toBox &&
    found.fromEntity === fromEntity &&
    found.toEntity === toEntity &&
    found.sa === sa &&
    found.sb === sb &&
    found.saBox === saBox &&
    found.sbBox === sbBox
  ) {
    return [found, false];
  }
  const route = routeLink(doc, geometry, l);
  const a = endId(from);
  const b = endId(to);
  const parts: LinkParts = {
    fromBox,
    toBox,
    fromEntity,
    toEntity,
    sa,
    sb,
    saBox,
    sbBox,
    line: undefined,
    coarse: undefined,
    foldKey: `${l.kind}\u0000${pairKey(a, b)}`,
    between: undefined,
    systemKey: across ? pairKey(sa, sb) : '',
  };
  if (route) {
    parts.line = { ids: [l.id], kind: l.kind, from: route.from, to: route.to, fromDir: dir(route.fromSide), toDir: dir(route.toSide), text: linkLabel(l) || undefined };
    parts.coarse = isSystemEndpoint(from) && isSystemEndpoint(to) ? route : routeLink(doc, geometry, { ...l, from: stripField(from), to: stripField(to) } as Link);
    if (across) parts.between = routeLink(doc, geometry, { id: l.id, kind: 'flow', from: { system: sa }, to: { system: sb } });
  }
  cache.links.set(l, parts);
  return [parts, true];
}

/** Adds a link to the line standing for its key (the first link's route draws it). */
function fold(lines: Map<string, OverviewLine>, key: string, id: string, kind: Link['kind'], route: Route): void {
  const found = lines.get(key);
  if (found) found.ids.push(id);
  else lines.set(key, { ids: [id], kind, from: route.from, to: route.to, fromDir: dir(route.fromSide), toDir: dir(route.toSide) });
}

/**
 * Builds what the overview draws for a document, reusing from `cache` every part whose
 * element (and the boxes it hangs on) is unchanged; with a fresh cache it is a full rebuild,
 * and either way the result is the same.
 */
export function buildOverview(doc: CrosswalkDocument, cache: OverviewCache = shared): OverviewModel {
  const geometry = geometryOf(doc, cache);
  const notes = (doc.notes ?? []).map((n) => {
    const box = geometry.notes.get(n.id)!;
    const found = cache.notes.get(n);
    if (found && found.box === box) return found;
    const made: OverviewNote = { id: n.id, text: n.text, box };
    cache.notes.set(n, made);
    return made;
  });
  const last = cache.last;
  if (
    last &&
    last.docSystems === doc.systems &&
    last.docEntities === doc.entities &&
    last.docLinks === doc.links &&
    last.systemBoxes === geometry.systems &&
    last.entityBoxes === geometry.entities
  ) {
    // Only notes (or the walkthrough, or the title) changed: everything else is as built last.
    return { geometry, systems: last.systems, entities: last.entities, notes, links: last.links, folded: last.folded, systemLines: last.systemLines };
  }

  const counts = new Map<string, number>();
  const entityById = new Map<string, Entity>();
  for (const e of doc.entities) {
    entityById.set(e.id, e);
    if (e.system !== undefined) counts.set(e.system, (counts.get(e.system) ?? 0) + 1);
  }
  const systems = doc.systems.map((s) => {
    const box = geometry.systems.get(s.id)!;
    const entityCount = counts.get(s.id) ?? 0;
    const found = cache.systems.get(s);
    if (found && found.box === box && found.entityCount === entityCount) return found;
    const made: OverviewSystem = { id: s.id, name: s.name, kind: s.kind ?? '', box, entityCount };
    cache.systems.set(s, made);
    return made;
  });
  const entities = doc.entities.map((e) => {
    const box = geometry.entities.get(e.id)!;
    const found = cache.entities.get(e);
    if (found && found.box === box) return found;
    const made: OverviewEntity = {
      id: e.id,
      source: e,
      name: e.name,
      box,
      fields: e.fields.map((f) => ({ name: f.required ? `${f.name} *` : f.name, type: f.type ?? '', key: f.key ?? '' })),
    };
    cache.entities.set(e, made);
    return made;
  });

  const links: OverviewLine[] = [];
  const all: LinkParts[] = [];
  let remade = false;
  for (const l of doc.links) {
    const [parts, made] = routeParts(doc, geometry, l, entityById, cache);
    remade ||= made;
    all.push(parts);
    if (parts.line) links.push(parts.line);
  }
  // The folded lines follow from the link list and its parts alone: both unchanged, they are kept.
  let folded = last?.folded;
  let systemLines = last?.systemLines;
  if (!folded || !systemLines || remade || last?.docLinks !== doc.links) {
    const byEntities = new Map<string, OverviewLine>();
    const bySystems = new Map<string, OverviewLine>();
    doc.links.forEach((l, i) => {
      const parts = all[i];
      if (!parts.line) return;
      if (parts.coarse) fold(byEntities, parts.foldKey, l.id, l.kind, parts.coarse);
      if (parts.between) fold(bySystems, parts.systemKey, l.id, 'flow', parts.between);
    });
    folded = [...byEntities.values()];
    systemLines = [...bySystems.values()];
  }
  cache.last = {
    docSystems: doc.systems,
    docEntities: doc.entities,
    docLinks: doc.links,
    systemBoxes: geometry.systems,
    entityBoxes: geometry.entities,
    systems,
    entities,
    links,
    folded,
    systemLines,
  };
  return { geometry, systems, entities, notes, links, folded, systemLines };
}

function stripField(ep: Endpoint): Endpoint {
  return isSystemEndpoint(ep) ? ep : { entity: ep.entity };
}

/** The control points of a line's curve (the canvas draws it as one cubic Bézier). */
export function lineCurve(l: OverviewLine): [Point, Point, Point, Point] {
  const dx = Math.max(30, Math.abs(l.to.x - l.from.x) / 2);
  return [l.from, { x: l.from.x + l.fromDir * dx, y: l.from.y }, { x: l.to.x + l.toDir * dx, y: l.to.y }, l.to];
}

/** A point of a line's curve, `t` from 0 (start) to 1 (end). */
export function pointOnLine(l: OverviewLine, t: number): Point {
  const [a, b, c, d] = lineCurve(l);
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: w[0] * a.x + w[1] * b.x + w[2] * c.x + w[3] * d.x, y: w[0] * a.y + w[1] * b.y + w[2] * c.y + w[3] * d.y };
}

/** Distance from a point to a line's curve (sampled: exact enough for a pointer). */
function distanceToLine(l: OverviewLine, p: Point): number {
  let best = Infinity;
  let prev = l.from;
  for (let i = 1; i <= 24; i++) {
    const q = pointOnLine(l, i / 24);
    const dx = q.x - prev.x;
    const dy = q.y - prev.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((p.x - prev.x) * dx + (p.y - prev.y) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(p.x - prev.x - t * dx, p.y - prev.y - t * dy));
    prev = q;
  }
  return best;
}

/**
 * What is at a canvas point: the topmost entity, note or system, or (where field-level lines
 * are drawn) a link within `tolerance` canvas units of the point; undefined over nothing.
 */
export function hitTest(
  model: OverviewModel,
  p: Point,
  level: DetailLevel,
  tolerance = 0,
): { id: string; kind: 'entity' | 'note' | 'system' | 'link' } | undefined {
  const inside = (b: Box) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
  if (level !== 'systems') {
    for (let i = model.entities.length - 1; i >= 0; i--) if (inside(model.entities[i].box)) return { id: model.entities[i].id, kind: 'entity' };
  }
  for (let i = model.notes.length - 1; i >= 0; i--) if (inside(model.notes[i].box)) return { id: model.notes[i].id, kind: 'note' };
  // Lines are drawn over the systems' frames, so they come before them.
  if (tolerance > 0 && (level === 'fields' || level === 'dom')) {
    let best: { id: string; d: number } | undefined;
    for (const l of model.links) {
      const x1 = Math.min(l.from.x, l.to.x) - 80 - tolerance;
      const y1 = Math.min(l.from.y, l.to.y) - tolerance;
      if (p.x < x1 || p.x > Math.max(l.from.x, l.to.x) + 80 + tolerance || p.y < y1 || p.y > Math.max(l.from.y, l.to.y) + tolerance) continue;
      const d = distanceToLine(l, p);
      if (d <= tolerance && (!best || d < best.d)) best = { id: l.ids[0], d };
    }
    if (best) return { id: best.id, kind: 'link' };
  }
  for (let i = model.systems.length - 1; i >= 0; i--) if (inside(model.systems[i].box)) return { id: model.systems[i].id, kind: 'system' };
  return undefined;
}
