import {
  isEntityEndpoint,
  isSystemEndpoint,
  type Cardinality,
  type CrosswalkDocument,
  type Endpoint,
  type Link,
  type LinkKind,
} from './types';

// What links and steps MEAN, decided once: the kind a new link gets, the words a link
// shows, the cardinality a relation has when none is written, and what a walkthrough
// step's focus includes. The canvas, SVG, PPTX, Mermaid and Markdown draw these answers
// in their own way; none of them decides anything here on its own.

// ---------- kinds ----------

/**
 * The kind of link a new connection makes: system to system is a `flow`; entity or field
 * to entity or field is a `relation` inside one system (or between two entities in no
 * system) and a `mapping` across systems. Returns undefined for a connection that makes no
 * link: a system to an entity, or a field to itself.
 */
export function kindForConnection(doc: CrosswalkDocument, from: Endpoint, to: Endpoint): LinkKind | undefined {
  if (isSystemEndpoint(from) && isSystemEndpoint(to)) return 'flow';
  if (!isEntityEndpoint(from) || !isEntityEndpoint(to)) return undefined;
  if (isSelfLink(from, to)) return undefined;
  const systemOf = (id: string) => doc.entities.find((e) => e.id === id)?.system;
  return systemOf(from.entity) === systemOf(to.entity) ? 'relation' : 'mapping';
}

/** Whether a link would join a field to itself (which means nothing and is refused). */
export function isSelfLink(from: Endpoint, to: Endpoint): boolean {
  return (
    isEntityEndpoint(from) &&
    isEntityEndpoint(to) &&
    from.field !== undefined &&
    from.entity === to.entity &&
    from.field === to.field
  );
}

/**
 * A new link between two endpoints, of the kind {@link kindForConnection} gives; a new
 * relation starts with the {@link DEFAULT_CARDINALITY} written out, so the inspector
 * shows what is drawn. Undefined when the connection makes no link.
 */
export function newLink(doc: CrosswalkDocument, id: string, from: Endpoint, to: Endpoint): Link | undefined {
  const kind = kindForConnection(doc, from, to);
  if (!kind) return undefined;
  const link: Link = { id, kind, from, to };
  if (kind === 'relation') link.cardinality = { ...DEFAULT_CARDINALITY };
  return link;
}

/**
 * After entities change system (`moved`: their ids), the kinds of the links that touch
 * them. A stored kind is the user's choice and is never re-derived on its own — except
 * for a link of a moved entity whose kind is still what {@link kindForConnection} gave
 * before the move: it follows the rule after the move (a relation dragged out to another
 * system becomes a mapping). A kind the user set against the rule stays, and links of
 * entities that did not move are never touched.
 */
export function retypeMovedLinks(
  before: CrosswalkDocument,
  after: CrosswalkDocument,
  moved: ReadonlySet<string>,
): CrosswalkDocument {
  if (moved.size === 0) return after;
  let changed = false;
  const links = after.links.map((l) => {
    if (l.kind === 'flow' || !isEntityEndpoint(l.from) || !isEntityEndpoint(l.to)) return l;
    if (!moved.has(l.from.entity) && !moved.has(l.to.entity)) return l;
    if (kindForConnection(before, l.from, l.to) !== l.kind) return l;
    const kind = kindForConnection(after, l.from, l.to);
    if (kind === undefined || kind === l.kind) return l;
    changed = true;
    return { ...l, kind };
  });
  return changed ? { ...after, links } : after;
}

// ---------- cardinality ----------

/** The cardinality of a relation that states none: many on the `from` side, one on the `to` side. */
export const DEFAULT_CARDINALITY: Readonly<{ from: Cardinality; to: Cardinality }> = Object.freeze({
  from: 'zero-or-more',
  to: 'exactly-one',
});

/** The cardinality a relation is drawn with (its own, or the default); undefined for mappings and flows. */
export function cardinalityOf(link: Link): { from: Cardinality; to: Cardinality } | undefined {
  if (link.kind !== 'relation') return undefined;
  return link.cardinality ?? DEFAULT_CARDINALITY;
}

// ---------- text ----------

/**
 * The words a link shows beside its line, in order, blank ones left out: a mapping its
 * transform then its label, a relation its label, a flow its label, protocol and schedule.
 * Views join them their own way (one line with {@link linkLabel}, or a line each).
 */
export function linkLabelParts(link: Link): string[] {
  const parts =
    link.kind === 'mapping'
      ? [link.transform, link.label]
      : link.kind === 'flow'
        ? [link.label, link.protocol, link.schedule]
        : [link.label];
  return parts.filter((p): p is string => p !== undefined && p.trim() !== '');
}

/** The words a link shows as one line: `lowercase · work address`, `SCIM · hourly`. Empty when it shows none. */
export function linkLabel(link: Link): string {
  return linkLabelParts(link).join(' · ');
}

/** What a mapping table's notes column says about a link: its label and description, `label — description`. */
export function linkNotes(link: Link): string {
  return [link.label, link.description].filter((p): p is string => p !== undefined && p.trim() !== '').join(' — ');
}

/**
 * A namer for the endpoints of one document: `Okta` for a system, `Worker` for an entity,
 * `Worker.Work_Email` for a field. Builds its lookups once, so naming every link stays
 * linear; an id that names nothing is shown as itself.
 */
export function endpointNamer(doc: CrosswalkDocument): (ep: Endpoint) => string {
  const systems = new Map(doc.systems.map((s) => [s.id, s]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  // Entity id → field id → `Entity.field`, built per entity on first use: a note names
  // each mapping's ends several times, and one string per field serves them all.
  const fieldNames = new Map<string, Map<string, string>>();
  return (ep) => {
    if (isSystemEndpoint(ep)) return systems.get(ep.system)?.name ?? ep.system;
    const entity = entities.get(ep.entity);
    if (!entity) return ep.entity;
    if (ep.field === undefined) return entity.name;
    let names = fieldNames.get(ep.entity);
    if (!names) {
      names = new Map();
      for (const f of entity.fields) names.set(f.id, `${entity.name}.${f.name}`);
      fieldNames.set(ep.entity, names);
    }
    return names.get(ep.field) ?? `${entity.name}.${ep.field}`;
  };
}

/**
 * The name of one endpoint, as {@link endpointNamer} gives it. Looks up without building
 * maps, so naming a few ends is cheap; to name every link, build the namer once.
 */
export function describeEndpoint(doc: CrosswalkDocument, ep: Endpoint): string {
  if (isSystemEndpoint(ep)) return doc.systems.find((s) => s.id === ep.system)?.name ?? ep.system;
  const entity = doc.entities.find((e) => e.id === ep.entity);
  if (!entity) return ep.entity;
  if (ep.field === undefined) return entity.name;
  return `${entity.name}.${entity.fields.find((f) => f.id === ep.field)?.name ?? ep.field}`;
}

/** The two ends of a link as one line: `Worker.Work_Email → User.login`. */
export function linkEnds(name: (ep: Endpoint) => string, link: Pick<Link, 'from' | 'to'>): string {
  return `${name(link.from)} → ${name(link.to)}`;
}

/** What a link is called in a list (a step's focus, a menu): its label, else its ends. */
export function linkName(name: (ep: Endpoint) => string, link: Link): string {
  return link.label?.trim() || linkEnds(name, link);
}

// ---------- walkthrough focus ----------

/** What a walkthrough step's focus includes. */
export interface FocusScope {
  /**
   * In focus: the focused ids themselves and the entities of focused systems. Links are
   * in focus when named, or when both their ends are in focus.
   */
  focused: Set<string>;
  /** Systems shown whole: the focused ones. */
  systems: Set<string>;
  /** Entities shown: focused ones, those of focused systems, and the ends of focused links. */
  entities: Set<string>;
  /** Systems shown as a frame around some of their entities (holding a shown entity, or a flow end); excludes `systems`. */
  frames: Set<string>;
  /** Links shown: the focused links and the links whose both ends are in focus. */
  links: Set<string>;
  /** Notes shown: the focused ones. */
  notes: Set<string>;
  /** Everything shown, for views that only dim or light: the union of all the above. */
  lit: Set<string>;
}

/**
 * What a step's focus (ids of systems, entities, links and notes) includes: the focused
 * ids, the entities of focused systems, the ends of focused links (with the frames of
 * their systems), and the links whose both ends are in focus. Ids that name nothing are
 * ignored. An empty focus includes nothing (views show the whole diagram then).
 */
export function focusScope(doc: CrosswalkDocument, focus: readonly string[] | undefined): FocusScope {
  const ids = new Set(focus ?? []);
  const scope: FocusScope = {
    focused: new Set(),
    systems: new Set(),
    entities: new Set(),
    frames: new Set(),
    links: new Set(),
    notes: new Set(),
    lit: new Set(),
  };
  if (ids.size === 0) return scope;
  for (const s of doc.systems) {
    if (ids.has(s.id)) {
      scope.systems.add(s.id);
      scope.focused.add(s.id);
    }
  }
  for (const e of doc.entities) {
    if (ids.has(e.id) || (e.system !== undefined && scope.systems.has(e.system))) {
      scope.entities.add(e.id);
      scope.focused.add(e.id);
    }
  }
  for (const n of doc.notes ?? []) {
    if (ids.has(n.id)) {
      scope.notes.add(n.id);
      scope.focused.add(n.id);
    }
  }
  const endId = (ep: Endpoint) => (isSystemEndpoint(ep) ? ep.system : ep.entity);
  for (const l of doc.links) {
    const named = ids.has(l.id);
    if (!named && !(scope.focused.has(endId(l.from)) && scope.focused.has(endId(l.to)))) continue;
    scope.links.add(l.id);
    if (named) scope.focused.add(l.id);
    for (const ep of [l.from, l.to]) {
      if (isSystemEndpoint(ep)) {
        if (!scope.systems.has(ep.system)) scope.frames.add(ep.system);
      } else scope.entities.add(ep.entity);
    }
  }
  const known = new Set(doc.systems.map((s) => s.id));
  for (const e of doc.entities) {
    if (scope.entities.has(e.id) && e.system !== undefined && known.has(e.system) && !scope.systems.has(e.system)) {
      scope.frames.add(e.system);
    }
  }
  for (const set of [scope.systems, scope.frames, scope.entities, scope.links, scope.notes]) {
    for (const id of set) scope.lit.add(id);
  }
  return scope;
}
