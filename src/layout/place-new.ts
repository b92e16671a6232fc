import { computeGeometry, ENTITY_WIDTH, entityHeight, SYSTEM_PADDING, type Box } from '../model/geometry';
import type { CrosswalkDocument, Entity, System } from '../model/types';
import { layoutDocument, needsLayout, type ElkLike } from './elk';

// Laying out what an import added to a document that is already laid out, without moving
// anything the user placed: new entities of an existing system go under its entities (and
// the system grows to hold them); new systems, free entities and notes are laid out by ELK
// among themselves and put to the right of everything that was there.

/** Space between what was there and what is placed beside it. */
const BESIDE_GAP = 120;

/**
 * Places every system, entity and note that has no position, beside (never over) those that
 * have one. A document with nothing placed yet is laid out whole; one with nothing missing is
 * returned as it is.
 */
export async function layoutNewBeside(doc: CrosswalkDocument, options: { elk?: ElkLike } = {}): Promise<CrosswalkDocument> {
  if (!needsLayout(doc)) return doc;
  const placedSystems = new Set(doc.systems.filter((s) => s.position).map((s) => s.id));
  const anyPlaced = placedSystems.size > 0 || doc.entities.some((e) => e.position) || (doc.notes ?? []).some((n) => n.position);
  if (!anyPlaced) return layoutDocument(doc, { elk: options.elk });

  // 1. New entities of systems already placed: a grid under what the system holds, as many
  // columns as its width takes; it grows downwards, and what lies below it moves down as much.
  let out: CrosswalkDocument = { ...doc, systems: doc.systems.slice(), entities: doc.entities.slice() };
  for (const system of doc.systems) {
    if (!placedSystems.has(system.id)) continue;
    const inner = doc.entities.filter((e) => e.system === system.id);
    const fresh = inner.filter((e) => !e.position);
    if (fresh.length === 0) continue;
    const before = computeGeometry(out).systems.get(system.id)!;
    const columns = Math.max(1, Math.floor((before.width - SYSTEM_PADDING) / (ENTITY_WIDTH + SYSTEM_PADDING)));
    let top = SYSTEM_PADDING + 16;
    for (const e of inner) if (e.position) top = Math.max(top, e.position.y + entityHeight(e) + SYSTEM_PADDING);
    let bottom = top;
    for (let i = 0; i < fresh.length; i += columns) {
      const rowTop = bottom;
      fresh.slice(i, i + columns).forEach((e, col) => {
        const position = { x: SYSTEM_PADDING + col * (ENTITY_WIDTH + SYSTEM_PADDING), y: rowTop };
        out.entities[out.entities.indexOf(e)] = { ...e, position };
        bottom = Math.max(bottom, position.y + entityHeight(e) + SYSTEM_PADDING);
      });
    }
    const grow = bottom - before.height;
    if (system.size && grow > 0) {
      out.systems[out.systems.indexOf(system)] = { ...system, size: { width: system.size.width, height: bottom } };
    }
    if (grow > 0) out = pushDown(out, system.id, before, grow);
  }
  out = await placeFreshPart(out, placedSystems, options.elk);
  return out;
}

/** Moves the placed systems, free entities and notes under `box` (and across from it) down by `dy`. */
function pushDown(doc: CrosswalkDocument, grown: string, box: Box, dy: number): CrosswalkDocument {
  const below = (p: { x: number; y: number } | undefined, width: number) =>
    p !== undefined && p.y >= box.y + box.height - 1 && p.x < box.x + box.width && p.x + width > box.x;
  const geo = computeGeometry(doc);
  const down = <T extends { position?: { x: number; y: number } }>(item: T): T => ({ ...item, position: { x: item.position!.x, y: item.position!.y + dy } });
  const out: CrosswalkDocument = {
    ...doc,
    systems: doc.systems.map((s) => (s.id !== grown && below(s.position, geo.systems.get(s.id)!.width) ? down(s) : s)),
    entities: doc.entities.map((e) => (e.system === undefined && below(e.position, ENTITY_WIDTH) ? down(e) : e)),
  };
  if (doc.notes) out.notes = doc.notes.map((n) => (below(n.position, geo.notes.get(n.id)!.width) ? down(n) : n));
  return out;
}

/** Lays out the systems, free entities and notes that have no position, right of the rest. */
async function placeFreshPart(doc: CrosswalkDocument, placedSystems: ReadonlySet<string>, elk: ElkLike | undefined): Promise<CrosswalkDocument> {
  const freshSystems = new Set(doc.systems.filter((s) => !placedSystems.has(s.id)).map((s) => s.id));
  const inFresh = (e: Entity) => (e.system === undefined ? !e.position : freshSystems.has(e.system));
  const freshEntities = new Set(doc.entities.filter(inFresh).map((e) => e.id));
  const freshNotes = new Set((doc.notes ?? []).filter((n) => !n.position).map((n) => n.id));
  if (freshSystems.size === 0 && freshEntities.size === 0 && freshNotes.size === 0) return doc;

  const touches = (ep: object) => ('entity' in ep ? freshEntities.has((ep as { entity: string }).entity) : freshSystems.has((ep as { system: string }).system));
  const part: CrosswalkDocument = {
    ...doc,
    systems: doc.systems.filter((s) => freshSystems.has(s.id)),
    entities: doc.entities.filter((e) => freshEntities.has(e.id)).map((e) => ({ ...e, position: undefined })),
    links: doc.links.filter((l) => touches(l.from) && touches(l.to)),
    notes: (doc.notes ?? []).filter((n) => freshNotes.has(n.id)),
    walkthrough: [],
  };
  const laid = await layoutDocument(part, { elk });

  const rest: CrosswalkDocument = {
    ...doc,
    systems: doc.systems.filter((s) => !freshSystems.has(s.id)),
    entities: doc.entities.filter((e) => !freshEntities.has(e.id)),
    notes: (doc.notes ?? []).filter((n) => !freshNotes.has(n.id)),
  };
  const there: Box = computeGeometry(rest).bounds;
  const here: Box = computeGeometry(laid).bounds;
  const dx = there.x + there.width + BESIDE_GAP - here.x;
  const dy = there.y - here.y;
  const move = <T extends { position?: { x: number; y: number } }>(item: T): T =>
    item.position ? { ...item, position: { x: item.position.x + dx, y: item.position.y + dy } } : item;

  const systems = new Map<string, System>(laid.systems.map((s) => [s.id, move(s)]));
  // Entities inside a fresh system keep their position relative to it; free ones move.
  const entities = new Map<string, Entity>(laid.entities.map((e) => [e.id, e.system === undefined ? move(e) : e]));
  const notes = new Map((laid.notes ?? []).map((n) => [n.id, move(n)]));
  const out: CrosswalkDocument = {
    ...doc,
    systems: doc.systems.map((s) => systems.get(s.id) ?? s),
    entities: doc.entities.map((e) => entities.get(e.id) ?? e),
  };
  if (doc.notes) out.notes = doc.notes.map((n) => notes.get(n.id) ?? n);
  return out;
}
