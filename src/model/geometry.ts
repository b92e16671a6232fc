import { isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Link, type Note, type Point } from './types';

// The one place that says how big things are. The canvas renders entities at exactly these
// sizes, and the SVG and PPTX exports draw from the same numbers, so every view agrees.

/** Width of an entity box. */
export const ENTITY_WIDTH = 240;
/** Height of an entity's title row. */
export const ENTITY_HEADER_HEIGHT = 34;
/** Height of one field row. */
export const FIELD_ROW_HEIGHT = 26;
/** Space under the last field row. */
export const ENTITY_FOOTER_HEIGHT = 6;
/** Height of a system's title band. */
export const SYSTEM_HEADER_HEIGHT = 40;
/** Space between a system's edge and its entities. */
export const SYSTEM_PADDING = 24;
/** Smallest system box. */
export const SYSTEM_MIN_SIZE = { width: 300, height: 160 };
/** Width of a note. */
export const NOTE_WIDTH = 220;
/** Height of one line of note text. */
export const NOTE_LINE_HEIGHT = 20;

/** An axis-aligned box in absolute canvas coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Height of an entity box for its field count. */
export function entityHeight(entity: Pick<Entity, 'fields'>): number {
  return ENTITY_HEADER_HEIGHT + Math.max(1, entity.fields.length) * FIELD_ROW_HEIGHT + ENTITY_FOOTER_HEIGHT;
}

/** Height of a note box for its text. */
export function noteHeight(note: Pick<Note, 'text'>): number {
  const lines = note.text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 28)), 0);
  return 20 + Math.max(1, lines) * NOTE_LINE_HEIGHT;
}

/** Absolute boxes of everything in a document, and where links attach. */
export interface Geometry {
  systems: Map<string, Box>;
  entities: Map<string, Box>;
  notes: Map<string, Box>;
  /** Bounds of the whole diagram (systems, entities, notes). */
  bounds: Box;
}

const GRID_GAP = 60;

/**
 * Computes absolute boxes. Entity positions are relative to their system. Elements without
 * a position get a simple grid place, so a document that was never laid out still draws.
 * A system without a size is sized to hold its entities.
 */
export function computeGeometry(doc: CrosswalkDocument): Geometry {
  const systems = new Map<string, Box>();
  const entities = new Map<string, Box>();
  const notes = new Map<string, Box>();

  // Entities inside systems: relative boxes first, to size the systems.
  const relative = new Map<string, Box>();
  const perSystemIndex = new Map<string | undefined, number>();
  for (const e of doc.entities) {
    const i = perSystemIndex.get(e.system) ?? 0;
    perSystemIndex.set(e.system, i + 1);
    const pos =
      e.position ??
      (e.system !== undefined
        ? { x: SYSTEM_PADDING + (i % 2) * (ENTITY_WIDTH + SYSTEM_PADDING), y: SYSTEM_HEADER_HEIGHT + Math.floor(i / 2) * 220 }
        : undefined);
    if (pos) relative.set(e.id, { x: pos.x, y: pos.y, width: ENTITY_WIDTH, height: entityHeight(e) });
  }

  // What each system needs to hold its entities, in one pass (not one pass per system).
  const need = new Map<string, { width: number; height: number }>();
  for (const e of doc.entities) {
    if (e.system === undefined) continue;
    const b = relative.get(e.id)!;
    const n = need.get(e.system) ?? { width: SYSTEM_MIN_SIZE.width, height: SYSTEM_MIN_SIZE.height };
    n.width = Math.max(n.width, b.x + b.width + SYSTEM_PADDING);
    n.height = Math.max(n.height, b.y + b.height + SYSTEM_PADDING);
    need.set(e.system, n);
  }

  let cursorX = 0;
  for (const s of doc.systems) {
    const width = s.size?.width ?? need.get(s.id)?.width ?? SYSTEM_MIN_SIZE.width;
    const height = s.size?.height ?? need.get(s.id)?.height ?? SYSTEM_MIN_SIZE.height;
    const pos = s.position ?? { x: cursorX, y: 0 };
    systems.set(s.id, { x: pos.x, y: pos.y, width, height });
    cursorX = Math.max(cursorX, pos.x + width + GRID_GAP);
  }

  let freeIndex = 0;
  let maxSystemBottom = 0;
  for (const b of systems.values()) maxSystemBottom = Math.max(maxSystemBottom, b.y + b.height);
  for (const e of doc.entities) {
    const parent = e.system !== undefined ? systems.get(e.system) : undefined;
    const rel = relative.get(e.id);
    if (parent && rel) {
      entities.set(e.id, { ...rel, x: parent.x + rel.x, y: parent.y + rel.y });
    } else if (rel) {
      entities.set(e.id, rel);
    } else {
      const col = freeIndex % 4;
      const row = Math.floor(freeIndex / 4);
      freeIndex++;
      entities.set(e.id, {
        x: col * (ENTITY_WIDTH + GRID_GAP),
        y: maxSystemBottom + GRID_GAP + row * 260,
        width: ENTITY_WIDTH,
        height: entityHeight(e),
      });
    }
  }

  let noteIndex = 0;
  let bottom = 0;
  for (const b of [...systems.values(), ...entities.values()]) bottom = Math.max(bottom, b.y + b.height);
  for (const n of doc.notes ?? []) {
    const pos = n.position ?? { x: (noteIndex++ % 4) * (NOTE_WIDTH + GRID_GAP), y: bottom + GRID_GAP };
    notes.set(n.id, { x: pos.x, y: pos.y, width: NOTE_WIDTH, height: noteHeight(n) });
  }

  return { systems, entities, notes, bounds: unionBoxes([...systems.values(), ...entities.values(), ...notes.values()]) };
}

/** The smallest box holding all the given boxes (an empty box at 0,0 for none). */
export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.width);
    y2 = Math.max(y2, b.y + b.height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The vertical centre of a field row, relative to the top of its entity. */
export function fieldRowCentre(entity: Pick<Entity, 'fields'>, fieldId: string | undefined): number {
  const i = fieldId === undefined ? -1 : entity.fields.findIndex((f) => f.id === fieldId);
  if (i < 0) return ENTITY_HEADER_HEIGHT / 2;
  return ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT + FIELD_ROW_HEIGHT / 2;
}

/** Which side of a box a link leaves or enters. */
export type Side = 'left' | 'right';

/** The two attachment points of a link, with the sides they sit on. */
export interface LinkRoute {
  from: Point;
  to: Point;
  fromSide: Side;
  toSide: Side;
}

function centreX(b: Box): number {
  return b.x + b.width / 2;
}

/**
 * Where a link attaches: on a field's row (or an entity's title row, or a system's middle),
 * on the sides that face each other. Returns undefined when an end is missing.
 */
export function routeLink(doc: CrosswalkDocument, geo: Geometry, link: Link): LinkRoute | undefined {
  const a = endpointBox(geo, link.from);
  const b = endpointBox(geo, link.to);
  if (!a || !b) return undefined;
  let fromSide: Side;
  let toSide: Side;
  if (a.x + a.width <= b.x) {
    fromSide = 'right';
    toSide = 'left';
  } else if (b.x + b.width <= a.x) {
    fromSide = 'left';
    toSide = 'right';
  } else {
    // Overlapping columns (stacked boxes): leave and enter on the same side, looping outward.
    fromSide = centreX(a) <= centreX(b) ? 'left' : 'right';
    toSide = fromSide;
  }
  return {
    from: { x: fromSide === 'right' ? a.x + a.width : a.x, y: a.y + endpointOffsetY(doc, a, link.from) },
    to: { x: toSide === 'right' ? b.x + b.width : b.x, y: b.y + endpointOffsetY(doc, b, link.to) },
    fromSide,
    toSide,
  };
}

function endpointBox(geo: Geometry, ep: Endpoint): Box | undefined {
  return isSystemEndpoint(ep) ? geo.systems.get(ep.system) : geo.entities.get(ep.entity);
}

// Entities by id, built once per document (documents are immutable): routing every link of
// a big document would otherwise search the entity list once per end (quadratic).
const entityIndex = new WeakMap<CrosswalkDocument, Map<string, Entity>>();

function findEntityFast(doc: CrosswalkDocument, id: string): Entity | undefined {
  let index = entityIndex.get(doc);
  if (!index || index.size !== doc.entities.length) {
    index = new Map(doc.entities.map((e) => [e.id, e]));
    entityIndex.set(doc, index);
  }
  return index.get(id);
}

function endpointOffsetY(doc: CrosswalkDocument, box: Box, ep: Endpoint): number {
  if (isSystemEndpoint(ep)) return SYSTEM_HEADER_HEIGHT / 2;
  const entity = findEntityFast(doc, ep.entity);
  return entity ? fieldRowCentre(entity, ep.field) : box.height / 2;
}
