import { isSystemEndpoint, type CrosswalkDocument, type Endpoint } from '../../model/types';

/** The ids of what a picture draws. */
export interface DrawnSet {
  systems: Set<string>;
  entities: Set<string>;
  notes: Set<string>;
  links: Set<string>;
}

/**
 * What to draw for a selection export. Without `only`: everything. With it: the selected
 * systems, entities and notes; the entities inside selected systems; the selected links
 * together with the boxes at their ends; and every other link whose two ends are drawn.
 * Ids that name nothing drawable (a walkthrough step, a typo) are ignored.
 */
export function resolveDrawnSet(doc: CrosswalkDocument, only?: readonly string[]): DrawnSet {
  const notes = doc.notes ?? [];
  if (only === undefined) {
    return {
      systems: new Set(doc.systems.map((s) => s.id)),
      entities: new Set(doc.entities.map((e) => e.id)),
      notes: new Set(notes.map((n) => n.id)),
      links: new Set(doc.links.map((l) => l.id)),
    };
  }
  const wanted = new Set(only);
  const systems = new Set(doc.systems.filter((s) => wanted.has(s.id)).map((s) => s.id));
  const entities = new Set(
    doc.entities.filter((e) => wanted.has(e.id) || (e.system !== undefined && systems.has(e.system))).map((e) => e.id),
  );
  const entityIds = new Set(doc.entities.map((e) => e.id));
  const systemIds = new Set(doc.systems.map((s) => s.id));
  const add = (ep: Endpoint) => {
    if (isSystemEndpoint(ep)) {
      if (systemIds.has(ep.system)) systems.add(ep.system);
    } else if (entityIds.has(ep.entity)) {
      entities.add(ep.entity);
    }
  };
  const links = new Set<string>();
  for (const l of doc.links) {
    if (!wanted.has(l.id)) continue;
    links.add(l.id);
    add(l.from);
    add(l.to);
  }
  const drawn = (ep: Endpoint) => (isSystemEndpoint(ep) ? systems.has(ep.system) : entities.has(ep.entity));
  for (const l of doc.links) if (drawn(l.from) && drawn(l.to)) links.add(l.id);
  return {
    systems,
    entities,
    notes: new Set(notes.filter((n) => wanted.has(n.id)).map((n) => n.id)),
    links,
  };
}
