import {
  ENTITY_WIDTH,
  SYSTEM_HEADER_HEIGHT,
  SYSTEM_PADDING,
  computeGeometry,
  entityHeight,
  type Box,
  type Geometry,
} from './geometry';
import { retypeMovedLinks } from './meaning';
import { updateEntity, updateSystem } from './ops';
import type { CrosswalkDocument, Point, Size } from './types';

// How an entity joins a system: where a new one goes, which system a dropped one lands
// in, and how the system grows to hold it. Pure functions; the canvas and the commands
// call them, so adding and dragging follow one rule.

/**
 * Where a new entity goes inside a system, relative to it: two columns, the next free
 * slot under the entities already there (the right column starts at the top).
 */
export function newEntityPosition(doc: CrosswalkDocument, systemId: string, geo: Geometry = computeGeometry(doc)): Point {
  const sys = geo.systems.get(systemId);
  const inside = doc.entities.filter((e) => e.system === systemId);
  if (!sys) return { x: SYSTEM_PADDING, y: SYSTEM_HEADER_HEIGHT };
  const bottom = inside.reduce((y, e) => {
    const b = geo.entities.get(e.id);
    return b ? Math.max(y, b.y - sys.y + b.height) : y;
  }, SYSTEM_HEADER_HEIGHT - SYSTEM_PADDING);
  const right = inside.length % 2 === 1;
  const slot = {
    x: SYSTEM_PADDING + (right ? ENTITY_WIDTH + SYSTEM_PADDING : 0),
    y: right ? SYSTEM_HEADER_HEIGHT : bottom + SYSTEM_PADDING,
  };
  // Entities the user moved may sit in that slot: then the first free place at the foot of
  // either column (the higher one), under everything that reaches into that column.
  const boxes = inside.flatMap((e) => {
    const b = geo.entities.get(e.id);
    return b ? [{ x: b.x - sys.x, y: b.y - sys.y, width: b.width, height: b.height }] : [];
  });
  const height = entityHeight({ fields: [{ id: 'id', name: 'id' }] });
  const clear = (p: Point) =>
    boxes.every((b) => p.x >= b.x + b.width + SYSTEM_PADDING || p.x + ENTITY_WIDTH + SYSTEM_PADDING <= b.x || p.y >= b.y + b.height + SYSTEM_PADDING || p.y + height + SYSTEM_PADDING <= b.y);
  if (clear(slot)) return slot;
  const columns = [0, 1].map((c) => {
    const x = SYSTEM_PADDING + c * (ENTITY_WIDTH + SYSTEM_PADDING);
    const foot = boxes.filter((b) => b.x < x + ENTITY_WIDTH + SYSTEM_PADDING && b.x + b.width + SYSTEM_PADDING > x).reduce((y, b) => Math.max(y, b.y + b.height + SYSTEM_PADDING), SYSTEM_HEADER_HEIGHT);
    return { x, y: foot };
  });
  return columns[1].y < columns[0].y ? columns[1] : columns[0];
}

/**
 * The system an entity box lands in when dropped: the topmost (last drawn) system holding
 * the point near the top of the box's middle that the user holds it by; undefined when
 * it lands outside every system.
 */
export function systemAt(doc: CrosswalkDocument, geo: Geometry, box: Box): string | undefined {
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height / 2, 40);
  for (let i = doc.systems.length - 1; i >= 0; i--) {
    const b = geo.systems.get(doc.systems[i].id);
    if (b && cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height) return doc.systems[i].id;
  }
  return undefined;
}

/**
 * The size a system must grow to so every entity in it fits (with padding), or undefined
 * when it already holds them (a system without a stored size always fits: it is sized to
 * its entities).
 */
export function sizeToHold(doc: CrosswalkDocument, systemId: string, geo: Geometry = computeGeometry(doc)): Size | undefined {
  const sys = geo.systems.get(systemId);
  const system = doc.systems.find((s) => s.id === systemId);
  if (!sys || !system?.size) return undefined;
  let width = sys.width;
  let height = sys.height;
  for (const e of doc.entities) {
    if (e.system !== systemId) continue;
    const b = geo.entities.get(e.id);
    const x = e.position?.x ?? (b ? b.x - sys.x : 0);
    const y = e.position?.y ?? (b ? b.y - sys.y : 0);
    width = Math.max(width, x + ENTITY_WIDTH + SYSTEM_PADDING);
    height = Math.max(height, y + entityHeight(e) + SYSTEM_PADDING);
  }
  if (width === sys.width && height === sys.height) return undefined;
  return { width: Math.round(width), height: Math.round(height) };
}

/** Rounds up to the snapping grid, so a system that grows left or up stays on it. */
const upTo10 = (n: number) => Math.ceil(n / 10) * 10;

/**
 * Grows a system so every entity in it fits with a margin (under the title band, and
 * {@link SYSTEM_PADDING} from the other edges). An entity past the left or top edge makes
 * the system grow that way: the system moves by as much and its entities move back, so
 * nothing moves on the canvas but the edge. Never shrinks. The same document when it
 * already holds them.
 */
export function growSystemToHold(doc: CrosswalkDocument, systemId: string, geo: Geometry = computeGeometry(doc)): CrosswalkDocument {
  const system = doc.systems.find((s) => s.id === systemId);
  const sys = geo.systems.get(systemId);
  if (!system || !sys) return doc;
  let minX = Infinity;
  let minY = Infinity;
  for (const e of doc.entities) {
    if (e.system !== systemId || !e.position) continue;
    minX = Math.min(minX, e.position.x);
    minY = Math.min(minY, e.position.y);
  }
  const dx = minX < SYSTEM_PADDING ? upTo10(SYSTEM_PADDING - minX) : 0;
  const dy = minY < SYSTEM_HEADER_HEIGHT ? upTo10(SYSTEM_HEADER_HEIGHT - minY) : 0;
  let next = doc;
  if (dx > 0 || dy > 0) {
    const position = { x: sys.x - dx, y: sys.y - dy };
    next = {
      ...doc,
      systems: doc.systems.map((s) =>
        s.id === systemId ? { ...s, position, ...(s.size ? { size: { width: s.size.width + dx, height: s.size.height + dy } } : {}) } : s,
      ),
      entities: doc.entities.map((e) =>
        e.system === systemId && e.position ? { ...e, position: { x: e.position.x + dx, y: e.position.y + dy } } : e,
      ),
    };
  }
  const size = sizeToHold(next, systemId, next === doc ? geo : undefined);
  if (!size) return next;
  return { ...next, systems: next.systems.map((s) => (s.id === systemId ? { ...s, size } : s)) };
}

/**
 * Grows the systems of the given entities to hold them ({@link growSystemToHold}): after a
 * drag, a new field (a taller entity), a paste. The same document when all fit.
 */
export function holdEntities(doc: CrosswalkDocument, entityIds: Iterable<string>): CrosswalkDocument {
  const wanted = new Set(entityIds);
  const systems = new Set<string>();
  for (const e of doc.entities) if (e.system !== undefined && wanted.has(e.id)) systems.add(e.system);
  let next = doc;
  for (const id of systems) next = growSystemToHold(next, id);
  return next;
}

/**
 * Moves entities into the systems they were dropped on (or out of every system): each
 * entity whose box (absolute, after the drag) lands in another system joins it, its
 * position made relative to its new system, and that system grows to hold it. The links
 * of the moved entities follow {@link retypeMovedLinks}. Entities that stay in their
 * system are left alone, so the same document comes back when nothing changes system.
 */
export function dropEntities(doc: CrosswalkDocument, ids: readonly string[]): CrosswalkDocument {
  const geo = computeGeometry(doc);
  const moves = new Map<string, { system: string | undefined; position: Point }>();
  for (const id of ids) {
    const box = geo.entities.get(id);
    const entity = doc.entities.find((e) => e.id === id);
    if (!box || !entity) continue;
    const target = systemAt(doc, geo, box);
    if (target === entity.system) continue;
    const origin = target !== undefined ? geo.systems.get(target)! : { x: 0, y: 0 };
    moves.set(id, { system: target, position: { x: Math.round(box.x - origin.x), y: Math.round(box.y - origin.y) } });
  }
  if (moves.size === 0) return doc;
  let next: CrosswalkDocument = {
    ...doc,
    entities: doc.entities.map((e) => {
      const move = moves.get(e.id);
      if (!move) return e;
      const moved = { ...e, position: move.position, system: move.system };
      if (move.system === undefined) delete moved.system;
      return moved;
    }),
  };
  for (const target of new Set([...moves.values()].map((m) => m.system))) {
    if (target !== undefined) next = growSystemToHold(next, target);
  }
  return retypeMovedLinks(doc, next, new Set(moves.keys()));
}

/**
 * Moves an entity into a system, in the next free slot ({@link newEntityPosition}), and
 * grows the system to hold it; or, with `systemId` undefined, out of every system where it
 * is drawn now. Its links follow {@link retypeMovedLinks}. The same document when it is
 * already there.
 */
export function moveEntityToSystem(doc: CrosswalkDocument, entityId: string, systemId: string | undefined): CrosswalkDocument {
  const entity = doc.entities.find((e) => e.id === entityId);
  if (!entity || entity.system === systemId) return doc;
  if (systemId !== undefined && !doc.systems.some((s) => s.id === systemId)) return doc;
  const geo = computeGeometry(doc);
  let position: Point;
  if (systemId !== undefined) {
    const others = { ...doc, entities: doc.entities.filter((e) => e.id !== entityId) };
    position = newEntityPosition(others, systemId, geo);
  } else {
    const box = geo.entities.get(entityId);
    position = box ? { x: Math.round(box.x), y: Math.round(box.y) } : { x: 0, y: 0 };
  }
  const moved = { ...entity, system: systemId, position };
  if (systemId === undefined) delete moved.system;
  let next: CrosswalkDocument = { ...doc, entities: doc.entities.map((e) => (e.id === entityId ? moved : e)) };
  if (systemId !== undefined) next = growSystemToHold(next, systemId);
  return retypeMovedLinks(doc, next, new Set([entityId]));
}

/** Space kept between a new box and what is already on the canvas. */
export const FREE_GAP = 40;

/**
 * Where a new box of `size` goes: its top left, so that the box sits as near `centre` as it
 * can without touching (within {@link FREE_GAP}) any system, entity or note, and inside
 * `view` (the visible part of the canvas) when a free place there exists. Candidates lie on
 * a grid of 20 around the centre, nearest first; when a whole neighbourhood is full the box
 * goes right of everything. Positions are on the snapping grid (multiples of 10).
 */
export function freeSpotNear(doc: CrosswalkDocument, centre: Point, size: Size, view?: Box, geo: Geometry = computeGeometry(doc)): Point {
  const start = { x: Math.round((centre.x - size.width / 2) / 10) * 10, y: Math.round((centre.y - size.height / 2) / 10) * 10 };
  const STEP = 20;
  const RINGS = 60;
  const reach = RINGS * STEP + FREE_GAP;
  // Only what could touch a candidate is tested.
  const obstacles: Box[] = [];
  for (const map of [geo.systems, geo.entities, geo.notes]) {
    for (const b of map.values()) {
      if (b.x > start.x + size.width + reach || b.x + b.width < start.x - reach) continue;
      if (b.y > start.y + size.height + reach || b.y + b.height < start.y - reach) continue;
      obstacles.push(b);
    }
  }
  const free = (x: number, y: number) =>
    obstacles.every(
      (b) => x >= b.x + b.width + FREE_GAP || x + size.width + FREE_GAP <= b.x || y >= b.y + b.height + FREE_GAP || y + size.height + FREE_GAP <= b.y,
    );
  const visible = (x: number, y: number) => !view || (x >= view.x && y >= view.y && x + size.width <= view.x + view.width && y + size.height <= view.y + view.height);
  let fallback: Point | undefined;
  // Ring by ring (square rings): the nearest free candidate of the first ring that has a
  // visible one; the nearest free one at all when nothing visible is free.
  for (let r = 0; r <= RINGS; r++) {
    let best: Point | undefined;
    let bestDistance = Infinity;
    for (let i = -r; i <= r; i++) {
      for (const [gx, gy] of r === 0 ? ([[0, 0]] as const) : ([[i, -r], [i, r], [-r, i], [r, i]] as const)) {
        const x = start.x + gx * STEP;
        const y = start.y + gy * STEP;
        const d = gx * gx + gy * gy;
        if (d >= bestDistance || !free(x, y)) continue;
        fallback ??= { x, y };
        if (!visible(x, y)) continue;
        best = { x, y };
        bestDistance = d;
      }
    }
    if (best) return best;
    // Past the view on every side, no candidate can be visible any more.
    if (view && fallback && r * STEP > Math.max(view.width, view.height)) break;
  }
  if (fallback) return fallback;
  const all = geo.bounds;
  return { x: Math.ceil((all.x + all.width + FREE_GAP * 2) / 10) * 10, y: start.y };
}

/**
 * Pure: after entity `entityId` grew from `oldHeight`, moves the entities right below it in
 * the same system down by as much, and grows the system, so nothing ends up underneath.
 */
export function makeRoom(doc: CrosswalkDocument, entityId: string, oldHeight: number): CrosswalkDocument {
  const entity = doc.entities.find((e) => e.id === entityId);
  if (!entity?.position) return doc;
  const delta = entityHeight(entity) - oldHeight;
  if (delta <= 0) return doc;
  const at = entity.position;
  const below = doc.entities.filter(
    (e) => e.id !== entityId && e.system === entity.system && e.position && e.position.y >= at.y + oldHeight - 1 && Math.abs(e.position.x - at.x) < ENTITY_WIDTH,
  );
  let next = doc;
  for (const e of below) next = updateEntity(next, e.id, { position: { x: e.position!.x, y: e.position!.y + delta } });
  const system = next.systems.find((s) => s.id === entity.system);
  if (system?.size) {
    const bottom = Math.max(...next.entities.filter((e) => e.system === system.id && e.position).map((e) => e.position!.y + entityHeight(e)));
    if (bottom + SYSTEM_PADDING > system.size.height) next = updateSystem(next, system.id, { size: { width: system.size.width, height: bottom + SYSTEM_PADDING } });
  }
  return next;
}
