import { collectIds, uniqueId } from '../model/ids';
import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Field, type Link, type System } from '../model/types';

// Merging an import into an existing document, for every format alike (`cw import --into`,
// an import into the open document in the app). Systems, entities and fields are matched by
// name, case-insensitively (an entity within its system); what matches is kept as it is —
// only attributes it lacks are filled in — and what is new is added with ids that do not
// clash. Positions of new things are left out, so a layout of only what is missing places them.

/** What a merge added, by id, for the caller to lay out, select or report. */
export interface MergeResult {
  doc: CrosswalkDocument;
  added: { systems: string[]; entities: string[]; fields: number; links: string[] };
  /** Existing links the import restated with a new transform or notes (a re-imported sheet). */
  updated: { links: string[] };
}

const lower = (s: string) => s.toLowerCase();

/** Merges `incoming` into `base`; pure: neither argument is changed. */
export function mergeDocuments(base: CrosswalkDocument, incoming: CrosswalkDocument): MergeResult {
  const ids = collectIds(base);
  const claim = (wanted: string) => {
    const id = ids.has(wanted) ? uniqueId(wanted, ids) : wanted;
    ids.add(id);
    return id;
  };
  const added: MergeResult['added'] = { systems: [], entities: [], fields: 0, links: [] };
  const updated: MergeResult['updated'] = { links: [] };

  // Systems: by name.
  const systems: System[] = [...base.systems];
  const systemId = new Map<string, string>(); // incoming id → merged id
  for (const s of incoming.systems) {
    const match = systems.find((b) => lower(b.name) === lower(s.name));
    if (match) {
      systemId.set(s.id, match.id);
      continue;
    }
    const { position: _p, size: _s, ...rest } = s;
    const next: System = { ...rest, id: claim(s.id) };
    systems.push(next);
    systemId.set(s.id, next.id);
    added.systems.push(next.id);
  }

  // Entities: by name within the same (merged) system; fields by name within the entity.
  const entities: Entity[] = [...base.entities];
  const entityId = new Map<string, string>();
  const fieldId = new Map<string, Map<string, string>>(); // incoming entity id → incoming field id → merged
  for (const e of incoming.entities) {
    const system = e.system === undefined ? undefined : systemId.get(e.system);
    const index = entities.findIndex((b) => b.system === system && lower(b.name) === lower(e.name));
    const fields = new Map<string, string>();
    fieldId.set(e.id, fields);
    if (index < 0) {
      const { position: _p, ...rest } = e;
      const next: Entity = { ...rest, id: claim(e.id), fields: e.fields.map((f) => ({ ...f })) };
      if (system === undefined) delete next.system;
      else next.system = system;
      for (const f of e.fields) fields.set(f.id, f.id);
      entities.push(next);
      entityId.set(e.id, next.id);
      added.entities.push(next.id);
      added.fields += e.fields.length;
      continue;
    }
    const match = entities[index];
    entityId.set(e.id, match.id);
    const merged: Field[] = [...match.fields];
    const taken = new Set(merged.map((f) => f.id));
    let changed = false;
    for (const f of e.fields) {
      const at = merged.findIndex((m) => lower(m.name) === lower(f.name));
      if (at >= 0) {
        fields.set(f.id, merged[at].id);
        const filled = fillMissing(merged[at], f);
        if (filled !== merged[at]) {
          merged[at] = filled;
          changed = true;
        }
        continue;
      }
      const id = uniqueId(f.id, taken);
      taken.add(id);
      merged.push({ ...f, id });
      fields.set(f.id, id);
      added.fields++;
      changed = true;
    }
    const description = match.description ?? e.description;
    if (changed || description !== match.description) {
      entities[index] = { ...match, fields: merged, ...(description === undefined ? {} : { description }) };
    }
  }

  // Links: endpoints moved onto the merged ids. A link joining what an existing link of the
  // same kind joins is that link, not a second one: it gains what it lacked, and a mapping
  // takes the import's transform and notes — a mapping sheet exported, edited in a
  // spreadsheet and imported back updates its rows instead of doubling them.
  const moveEndpoint = (ep: Endpoint): Endpoint | undefined => {
    if (isSystemEndpoint(ep)) {
      const system = systemId.get(ep.system);
      return system === undefined ? undefined : { system };
    }
    if (!isEntityEndpoint(ep)) return undefined;
    const entity = entityId.get(ep.entity);
    if (entity === undefined) return undefined;
    if (ep.field === undefined) return { entity };
    const field = fieldId.get(ep.entity)?.get(ep.field);
    return field === undefined ? undefined : { entity, field };
  };
  const links: Link[] = [...base.links];
  const linkId = new Map<string, string>();
  for (const l of incoming.links) {
    const from = moveEndpoint(l.from);
    const to = moveEndpoint(l.to);
    if (!from || !to) continue;
    const at = links.findIndex((b) => b.kind === l.kind && sameEndpoint(b.from, from) && sameEndpoint(b.to, to));
    if (at >= 0) {
      const same = links[at];
      linkId.set(l.id, same.id);
      const next = restated(same, l);
      if (next !== same) {
        links[at] = next;
        updated.links.push(same.id);
      }
      continue;
    }
    const next: Link = { ...l, id: claim(l.id), from, to };
    links.push(next);
    linkId.set(l.id, next.id);
    added.links.push(next.id);
  }

  // Notes and steps come along, with their ids (and a step's focus) moved.
  const noteId = new Map<string, string>();
  const notes = [...(base.notes ?? [])];
  for (const n of incoming.notes ?? []) {
    const { position: _p, ...rest } = n;
    const next = { ...rest, id: claim(n.id) };
    noteId.set(n.id, next.id);
    notes.push(next);
  }
  const anyId = (id: string) => systemId.get(id) ?? entityId.get(id) ?? linkId.get(id) ?? noteId.get(id);
  const steps = [...(base.walkthrough ?? [])];
  for (const s of incoming.walkthrough ?? []) {
    const step = { ...s, id: claim(s.id) };
    if (s.focus) step.focus = [...new Set(s.focus.map(anyId).filter((id): id is string => id !== undefined))];
    steps.push(step);
  }

  const doc: CrosswalkDocument = { ...base, systems, entities, links };
  if (notes.length) doc.notes = notes;
  if (steps.length) doc.walkthrough = steps;
  return { doc, added, updated };
}

/**
 * An existing link as an import restates it: attributes it lacks are filled in; a mapping's
 * non-empty transform and description replace its own (the sheet is the newer word on them).
 */
function restated(link: Link, other: Link): Link {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(other)) {
    if (key === 'id' || key === 'from' || key === 'to' || value === undefined) continue;
    const own = (link as Record<string, unknown>)[key];
    const replaces = link.kind === 'mapping' && (key === 'transform' || key === 'description') && value !== '' && value !== own;
    if (own === undefined || replaces) extra[key] = value;
  }
  return Object.keys(extra).length ? ({ ...link, ...extra } as Link) : link;
}

/** The field with what it lacked taken from `other` (type, key, required, description). */
function fillMissing(field: Field, other: Field): Field {
  const extra: Partial<Field> = {};
  if (field.type === undefined && other.type !== undefined) extra.type = other.type;
  if (field.key === undefined && other.key !== undefined) extra.key = other.key;
  if (field.required === undefined && other.required !== undefined) extra.required = other.required;
  if (field.description === undefined && other.description !== undefined) extra.description = other.description;
  return Object.keys(extra).length ? { ...field, ...extra } : field;
}

function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  if (isSystemEndpoint(a) || isSystemEndpoint(b)) return isSystemEndpoint(a) && isSystemEndpoint(b) && a.system === b.system;
  return isEntityEndpoint(a) && isEntityEndpoint(b) && a.entity === b.entity && a.field === b.field;
}
