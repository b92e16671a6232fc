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
  return {
    x: SYSTEM_PADDING + (right ? ENTITY_WIDTH + SYSTEM_PADDING : 0),
    y: right ? SYSTEM_HEADER_HEIGHT : bottom + SYSTEM_PADDING,
  };
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

/** Grows a system so every entity in it fits; the same document when it already does. */
export function growSystemToHold(doc: CrosswalkDocument, systemId: string): CrosswalkDocument {
  const size = sizeToHold(doc, systemId);
  if (!size) return doc;
  return { ...doc, systems: doc.systems.map((s) => (s.id === systemId ? { ...s, size } : s)) };
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
