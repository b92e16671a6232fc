import { collectIds, uniqueId } from './ids';
import { entitySchema, fieldSchema, linkSchema, noteSchema, stepSchema, systemSchema } from './schema';
import { optionalKeys } from './schema-walk';
import { retypeMovedLinks } from './meaning';
import { linkTouchesEntity, linkTouchesField, linkTouchesSystem } from './queries';
import type { CrosswalkDocument, Entity, Field, Link, Note, Point, Step, System } from './types';

// Pure edit operations: (doc, args) => doc. Each returns a new document and never mutates
// its input; unchanged parts keep their identity, so views can skip them. Deletions cascade:
// a deleted field takes its links with it, and every deleted id leaves every step's focus.

/** A new, empty document. */
export function createDocument(title = 'Untitled'): CrosswalkDocument {
  return { format: 'crosswalk', version: 1, title, systems: [], entities: [], links: [], notes: [], walkthrough: [] };
}

/** Sets the title and/or description. An empty title is ignored. */
export function updateDocumentInfo(
  doc: CrosswalkDocument,
  patch: { title?: string; description?: string },
): CrosswalkDocument {
  const title = patch.title !== undefined && patch.title.trim() !== '' ? patch.title : doc.title;
  const description = patch.description !== undefined ? patch.description || undefined : doc.description;
  if (title === doc.title && description === doc.description) return doc;
  return { ...doc, title, description };
}

const replaceById = <T extends { id: string }>(items: T[], id: string, fn: (item: T) => T): T[] => {
  let changed = false;
  const out = items.map((item) => {
    if (item.id !== id) return item;
    const next = fn(item);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : items;
};

// The keys each kind of element may leave out, read from the schema: an edit that empties
// one (undefined, or an empty string from a cleared input) removes it.
const OPTIONAL = {
  system: optionalKeys(systemSchema),
  entity: optionalKeys(entitySchema),
  field: optionalKeys(fieldSchema),
  link: optionalKeys(linkSchema),
  note: optionalKeys(noteSchema),
  step: optionalKeys(stepSchema),
};

/** Removes emptied optional values (undefined, '') from a patch result; other keys, known or not, stay. */
function clean<T extends object>(obj: T, optional: readonly string[]): T {
  const out = { ...obj } as Record<string, unknown>;
  for (const k of optional) {
    if (out[k] === undefined || out[k] === '') delete out[k];
  }
  return out as T;
}

// ---------- systems ----------

/** Adds a system. */
export function addSystem(doc: CrosswalkDocument, system: System): CrosswalkDocument {
  return { ...doc, systems: [...doc.systems, system] };
}

/** Changes a system's name, kind, description, position or size. */
export function updateSystem(doc: CrosswalkDocument, id: string, patch: Partial<Omit<System, 'id'>>): CrosswalkDocument {
  if (patch.name !== undefined && patch.name.trim() === '') return doc;
  const systems = replaceById(doc.systems, id, (s) => clean({ ...s, ...patch }, OPTIONAL.system));
  return systems === doc.systems ? doc : { ...doc, systems };
}

// ---------- entities ----------

/** Adds an entity. */
export function addEntity(doc: CrosswalkDocument, entity: Entity): CrosswalkDocument {
  return { ...doc, entities: [...doc.entities, entity] };
}

/**
 * Changes an entity's name, description, position or system. Moving it to another system
 * retypes only its own links, and only those whose kind still follows the rule
 * (see `retypeMovedLinks` in meaning.ts); every other link keeps the kind it has.
 */
export function updateEntity(
  doc: CrosswalkDocument,
  id: string,
  patch: Partial<Omit<Entity, 'id' | 'fields'>>,
): CrosswalkDocument {
  if (patch.name !== undefined && patch.name.trim() === '') return doc;
  const before = doc.entities.find((e) => e.id === id);
  const entities = replaceById(doc.entities, id, (e) => clean({ ...e, ...patch }, OPTIONAL.entity));
  if (entities === doc.entities || !before) return doc;
  const next = { ...doc, entities };
  const movedSystem = 'system' in patch && (patch.system || undefined) !== before.system;
  return movedSystem ? retypeMovedLinks(doc, next, new Set([id])) : next;
}

// ---------- fields ----------

function updateFields(doc: CrosswalkDocument, entityId: string, fn: (fields: Field[]) => Field[]): CrosswalkDocument {
  const entities = replaceById(doc.entities, entityId, (e) => {
    const fields = fn(e.fields);
    return fields === e.fields ? e : { ...e, fields };
  });
  return entities === doc.entities ? doc : { ...doc, entities };
}

/** Inserts a field at `index` (default: the end). */
export function addField(doc: CrosswalkDocument, entityId: string, field: Field, index?: number): CrosswalkDocument {
  return updateFields(doc, entityId, (fields) => {
    const at = index === undefined ? fields.length : Math.max(0, Math.min(index, fields.length));
    return [...fields.slice(0, at), field, ...fields.slice(at)];
  });
}

/** Changes a field's name, type, key, required flag or description. */
export function updateField(
  doc: CrosswalkDocument,
  entityId: string,
  fieldId: string,
  patch: Partial<Omit<Field, 'id'>>,
): CrosswalkDocument {
  if (patch.name !== undefined && patch.name.trim() === '') return doc;
  return updateFields(doc, entityId, (fields) =>
    replaceById(fields, fieldId, (f) => {
      const next = clean({ ...f, ...patch }, OPTIONAL.field);
      if (next.required === false) delete next.required;
      return next;
    }),
  );
}

/** Moves a field to a new index within its entity. */
export function moveField(doc: CrosswalkDocument, entityId: string, fieldId: string, toIndex: number): CrosswalkDocument {
  return updateFields(doc, entityId, (fields) => {
    const from = fields.findIndex((f) => f.id === fieldId);
    const to = Math.max(0, Math.min(toIndex, fields.length - 1));
    if (from < 0 || from === to) return fields;
    const next = fields.slice();
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    return next;
  });
}

/** Deletes a field, the links that touch it, and their ids from every step's focus. */
export function deleteField(doc: CrosswalkDocument, entityId: string, fieldId: string): CrosswalkDocument {
  const next = updateFields(doc, entityId, (fields) => {
    const out = fields.filter((f) => f.id !== fieldId);
    return out.length === fields.length ? fields : out;
  });
  if (next === doc) return doc;
  const gone = new Set(doc.links.filter((l) => linkTouchesField(l, entityId, fieldId)).map((l) => l.id));
  return removeFromFocus({ ...next, links: next.links.filter((l) => !gone.has(l.id)) }, gone);
}

// ---------- links and notes ----------

/** Adds a link. */
export function addLink(doc: CrosswalkDocument, link: Link): CrosswalkDocument {
  return { ...doc, links: [...doc.links, link] };
}

/** Changes a link's kind, label, description, cardinality, transform, protocol or schedule. */
export function updateLink(doc: CrosswalkDocument, id: string, patch: Partial<Omit<Link, 'id'>>): CrosswalkDocument {
  const links = replaceById(doc.links, id, (l) =>
    clean({ ...l, ...patch } as Link, OPTIONAL.link),
  );
  return links === doc.links ? doc : { ...doc, links };
}

/** Adds a note. */
export function addNote(doc: CrosswalkDocument, note: Note): CrosswalkDocument {
  return { ...doc, notes: [...(doc.notes ?? []), note] };
}

/** Changes a note's text or position. */
export function updateNote(doc: CrosswalkDocument, id: string, patch: Partial<Omit<Note, 'id'>>): CrosswalkDocument {
  const notes = doc.notes ?? [];
  const next = replaceById(notes, id, (n) => clean({ ...n, ...patch }, OPTIONAL.note));
  return next === notes ? doc : { ...doc, notes: next };
}

// ---------- positions ----------

/** Sets the positions (and optionally sizes) of systems, entities and notes in one edit. */
export function setPositions(
  doc: CrosswalkDocument,
  positions: ReadonlyMap<string, Point>,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): CrosswalkDocument {
  const move = <T extends { id: string; position?: Point }>(items: T[]): T[] => {
    let changed = false;
    const out = items.map((item) => {
      const p = positions.get(item.id);
      const s = sizes.get(item.id);
      if (!p && !s) return item;
      changed = true;
      const next = { ...item } as T & { size?: { width: number; height: number } };
      if (p) next.position = { x: Math.round(p.x), y: Math.round(p.y) };
      if (s) next.size = { width: Math.round(s.width), height: Math.round(s.height) };
      return next;
    });
    return changed ? out : items;
  };
  const systems = move(doc.systems);
  const entities = move(doc.entities);
  const notes = doc.notes ? move(doc.notes) : doc.notes;
  if (systems === doc.systems && entities === doc.entities && notes === doc.notes) return doc;
  return { ...doc, systems, entities, notes };
}

// ---------- deletion ----------

function removeFromFocus(doc: CrosswalkDocument, gone: ReadonlySet<string>): CrosswalkDocument {
  if (gone.size === 0 || !doc.walkthrough?.some((s) => s.focus?.some((id) => gone.has(id)))) return doc;
  return {
    ...doc,
    walkthrough: doc.walkthrough.map((s) =>
      s.focus?.some((id) => gone.has(id)) ? { ...s, focus: s.focus.filter((id) => !gone.has(id)) } : s,
    ),
  };
}

/**
 * Deletes systems, entities, links, notes and steps by id. A deleted system takes its
 * entities; a deleted entity or system takes the links that touch it; every deleted id
 * leaves every step's focus.
 */
export function deleteElements(doc: CrosswalkDocument, ids: Iterable<string>): CrosswalkDocument {
  const gone = new Set(ids);
  if (gone.size === 0) return doc;
  for (const e of doc.entities) if (e.system !== undefined && gone.has(e.system)) gone.add(e.id);
  for (const l of doc.links) {
    if (
      doc.entities.some((e) => gone.has(e.id) && linkTouchesEntity(l, e.id)) ||
      doc.systems.some((s) => gone.has(s.id) && linkTouchesSystem(l, s.id))
    ) {
      gone.add(l.id);
    }
  }
  const keep = <T extends { id: string }>(items: T[]) => {
    const out = items.filter((i) => !gone.has(i.id));
    return out.length === items.length ? items : out;
  };
  const next: CrosswalkDocument = {
    ...doc,
    systems: keep(doc.systems),
    entities: keep(doc.entities),
    links: keep(doc.links),
    notes: doc.notes && keep(doc.notes),
    walkthrough: doc.walkthrough && keep(doc.walkthrough),
  };
  if (
    next.systems === doc.systems &&
    next.entities === doc.entities &&
    next.links === doc.links &&
    next.notes === doc.notes &&
    next.walkthrough === doc.walkthrough
  ) {
    return doc;
  }
  return removeFromFocus(next, gone);
}

// ---------- copy and paste ----------

/** A piece of a document on the clipboard. */
export interface Fragment {
  systems: System[];
  entities: Entity[];
  links: Link[];
  notes: Note[];
}

/**
 * Copies the selected elements: the chosen systems with their entities, the chosen
 * entities and notes, and every link whose two ends are both copied.
 */
export function extractFragment(doc: CrosswalkDocument, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  const systems = doc.systems.filter((s) => chosen.has(s.id));
  const systemIds = new Set(systems.map((s) => s.id));
  const entities = doc.entities.filter((e) => chosen.has(e.id) || (e.system !== undefined && systemIds.has(e.system)));
  const entityIds = new Set(entities.map((e) => e.id));
  const has = (ep: Link['from']) => ('system' in ep ? systemIds.has(ep.system) : entityIds.has(ep.entity));
  const links = doc.links.filter((l) => has(l.from) && has(l.to));
  const notes = (doc.notes ?? []).filter((n) => chosen.has(n.id));
  return structuredClone({ systems, entities, links, notes });
}

/**
 * Pastes a fragment with fresh ids, offset by `offset`. An entity whose system is not in
 * the fragment stays in that system if it still exists. Returns the new document and the
 * ids of the pasted top-level elements (to select them).
 */
export function pasteFragment(
  doc: CrosswalkDocument,
  fragment: Fragment,
  offset: Point,
): { doc: CrosswalkDocument; ids: string[] } {
  const taken = collectIds(doc);
  const rename = new Map<string, string>();
  const fresh = (id: string) => {
    const next = uniqueId(id, taken);
    taken.add(next);
    rename.set(id, next);
    return next;
  };
  const shift = (p: Point | undefined): Point | undefined => (p ? { x: p.x + offset.x, y: p.y + offset.y } : undefined);
  const systems = fragment.systems.map((s) => ({ ...s, id: fresh(s.id), position: shift(s.position) }));
  const existingSystems = new Set(doc.systems.map((s) => s.id));
  const entities = fragment.entities.map((e) => {
    const id = fresh(e.id);
    const inCopiedSystem = e.system !== undefined && rename.has(e.system);
    const system = inCopiedSystem ? rename.get(e.system!) : e.system && existingSystems.has(e.system) ? e.system : undefined;
    return {
      ...e,
      id,
      system,
      position: inCopiedSystem ? e.position : shift(e.position),
      fields: e.fields.map((f) => ({ ...f })),
    };
  });
  const mapEp = (ep: Link['from']): Link['from'] =>
    'system' in ep ? { system: rename.get(ep.system) ?? ep.system } : { ...ep, entity: rename.get(ep.entity) ?? ep.entity };
  const links = fragment.links.map((l) => ({ ...l, id: fresh(l.id), from: mapEp(l.from), to: mapEp(l.to) }));
  const notes = fragment.notes.map((n) => ({ ...n, id: fresh(n.id), position: shift(n.position) }));
  for (const e of entities) if (e.system === undefined) delete (e as Partial<Entity>).system;
  const ids = [
    ...systems.map((s) => s.id),
    ...entities.filter((e) => !e.system || !systems.some((s) => s.id === e.system)).map((e) => e.id),
    ...notes.map((n) => n.id),
  ];
  // Pasted links keep the kinds they were copied with: a copy means what the original meant.
  return {
    doc: {
      ...doc,
      systems: [...doc.systems, ...systems],
      entities: [...doc.entities, ...entities],
      links: [...doc.links, ...links],
      notes: [...(doc.notes ?? []), ...notes],
    },
    ids,
  };
}

// ---------- walkthrough ----------

/** Adds a step at `index` (default: the end). */
export function addStep(doc: CrosswalkDocument, step: Step, index?: number): CrosswalkDocument {
  const steps = doc.walkthrough ?? [];
  const at = index === undefined ? steps.length : Math.max(0, Math.min(index, steps.length));
  return { ...doc, walkthrough: [...steps.slice(0, at), step, ...steps.slice(at)] };
}

/** Changes a step's title, bullets, speaker notes or focus. */
export function updateStep(doc: CrosswalkDocument, id: string, patch: Partial<Omit<Step, 'id'>>): CrosswalkDocument {
  if (patch.title !== undefined && patch.title.trim() === '') return doc;
  const steps = doc.walkthrough ?? [];
  const next = replaceById(steps, id, (s) => clean({ ...s, ...patch }, OPTIONAL.step));
  return next === steps ? doc : { ...doc, walkthrough: next };
}

/** Moves a step to a new index. */
export function moveStep(doc: CrosswalkDocument, id: string, toIndex: number): CrosswalkDocument {
  const steps = doc.walkthrough ?? [];
  const from = steps.findIndex((s) => s.id === id);
  const to = Math.max(0, Math.min(toIndex, steps.length - 1));
  if (from < 0 || from === to) return doc;
  const next = steps.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return { ...doc, walkthrough: next };
}

/**
 * Sets the talk's target duration in minutes; `undefined` removes it. A value that is not a
 * positive finite number is refused (the document is returned unchanged).
 */
export function setTalkMinutes(doc: CrosswalkDocument, minutes: number | undefined): CrosswalkDocument {
  if (minutes === undefined) {
    if (doc.talkMinutes === undefined) return doc;
    const { talkMinutes: _dropped, ...rest } = doc;
    return rest;
  }
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes === doc.talkMinutes) return doc;
  return { ...doc, talkMinutes: minutes };
}
