import { collectIds, uniqueId } from '../../model/ids';
import * as ops from '../../model/ops';
import { computeGeometry, ENTITY_WIDTH, entityHeight, SYSTEM_HEADER_HEIGHT, SYSTEM_MIN_SIZE, SYSTEM_PADDING } from '../../model/geometry';
import type { CrosswalkDocument, Entity, Point } from '../../model/types';
import { applyEdit, getState, notify, type AppState } from '../store/store';

// Adding an object from the catalogue (src/formats/catalogue): the data loads on first use.

/** Where a dropped entity goes: an existing system, or a new one made at a canvas point. */
export type DropTarget = { system: string } | { newSystem: string; at: Point };

/**
 * Pure: adds `entity` to `doc` inside a system — below the system's entities, growing the
 * system to fit — or inside a new system named `newSystem` at `at`.
 */
export function dropEntity(doc: CrosswalkDocument, entity: Entity, target: DropTarget): { doc: CrosswalkDocument; system: string } {
  let next = doc;
  let systemId: string;
  if ('system' in target) {
    systemId = target.system;
  } else {
    systemId = uniqueId(target.newSystem, new Set([...collectIds(doc), entity.id]));
    next = ops.addSystem(next, { id: systemId, name: target.newSystem, position: { x: Math.round(target.at.x), y: Math.round(target.at.y) }, size: { ...SYSTEM_MIN_SIZE } });
  }
  const geo = computeGeometry(next);
  const box = geo.systems.get(systemId);
  const bottom = next.entities
    .filter((e) => e.system === systemId)
    .reduce((y, e) => {
      const b = geo.entities.get(e.id);
      return b && box ? Math.max(y, b.y - box.y + b.height) : y;
    }, SYSTEM_HEADER_HEIGHT - SYSTEM_PADDING);
  const position = { x: SYSTEM_PADDING, y: Math.round(bottom + SYSTEM_PADDING) };
  const placed: Entity = { ...entity, system: systemId, position };
  next = ops.addEntity(next, placed);
  const grown = computeGeometry(next).systems.get(systemId);
  if (grown) {
    const width = Math.max(grown.width, position.x + ENTITY_WIDTH + SYSTEM_PADDING);
    const height = Math.max(grown.height, position.y + entityHeight(placed) + SYSTEM_PADDING);
    if (width > grown.width || height > grown.height) next = ops.updateSystem(next, systemId, { size: { width, height } });
  }
  return { doc: next, system: systemId };
}

/** The system the selection is in (a selected system, or the system of a selected entity or field). */
export function selectedSystemOf(state: Pick<AppState, 'doc' | 'selection'>): string | undefined {
  const { doc, selection } = state;
  const direct = selection.ids.find((id) => doc.systems.some((s) => s.id === id));
  if (direct) return direct;
  const entityId = selection.field?.entity ?? selection.ids.find((id) => doc.entities.some((e) => e.id === id));
  return doc.entities.find((e) => e.id === entityId)?.system;
}

/**
 * Adds catalogue object `id` as one undo step: into the selected system, else into a system
 * already named like the catalogue's system, else into a new system of that name, right of the diagram (at `at` on an empty canvas).
 */
export async function addFromCatalogue(id: string, at: Point = { x: 0, y: 0 }): Promise<string | undefined> {
  const { entityFromCatalogue, findCatalogueEntry } = await import('../../formats/catalogue/catalogue');
  const entry = findCatalogueEntry(id);
  const state = getState();
  const entity = entityFromCatalogue(id, state.doc);
  if (!entry || !entity) {
    notify('error', `No catalogue object "${id}".`);
    return undefined;
  }
  const named = state.doc.systems.find((s) => s.name.trim().toLowerCase() === entry.system.toLowerCase());
  const selected = selectedSystemOf(state);
  // A new system goes to the right of everything there is, so it covers nothing.
  const bounds = computeGeometry(state.doc).bounds;
  const empty = !state.doc.systems.length && !state.doc.entities.length && !state.doc.notes?.length;
  const free = empty ? at : { x: bounds.x + bounds.width + 80, y: bounds.y };
  const target: DropTarget = selected ? { system: selected } : named ? { system: named.id } : { newSystem: entry.system, at: free };
  applyEdit((d) => dropEntity(d, entityFromCatalogue(id, d) ?? entity, target).doc, { ids: [entity.id] });
  return entity.id;
}
