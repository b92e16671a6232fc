import {
  isEntityEndpoint,
  isSystemEndpoint,
  type CrosswalkDocument,
  type Endpoint,
  type Entity,
  type Link,
  type LinkKind,
  type System,
} from './types';

/** Finds an entity by id. */
export function findEntity(doc: CrosswalkDocument, id: string): Entity | undefined {
  return doc.entities.find((e) => e.id === id);
}

/** Finds a system by id. */
export function findSystem(doc: CrosswalkDocument, id: string): System | undefined {
  return doc.systems.find((s) => s.id === id);
}

/** Finds a link by id. */
export function findLink(doc: CrosswalkDocument, id: string): Link | undefined {
  return doc.links.find((l) => l.id === id);
}

/** The system an endpoint belongs to (its own, or its entity's), if any. */
export function endpointSystem(doc: CrosswalkDocument, ep: Endpoint): string | undefined {
  if (isSystemEndpoint(ep)) return ep.system;
  return findEntity(doc, ep.entity)?.system;
}

/** Whether a link touches an entity (or one of its fields). */
export function linkTouchesEntity(link: Link, entityId: string): boolean {
  return [link.from, link.to].some((ep) => isEntityEndpoint(ep) && ep.entity === entityId);
}

/** Whether a link touches one field of one entity. */
export function linkTouchesField(link: Link, entityId: string, fieldId: string): boolean {
  return [link.from, link.to].some((ep) => isEntityEndpoint(ep) && ep.entity === entityId && ep.field === fieldId);
}

/** Whether a link touches a system directly (a flow end). */
export function linkTouchesSystem(link: Link, systemId: string): boolean {
  return [link.from, link.to].some((ep) => isSystemEndpoint(ep) && ep.system === systemId);
}

/**
 * The kind of link a connection makes: system to system is a flow; entity or field to
 * entity or field is a relation inside one system and a mapping across systems.
 * Returns undefined for a connection that makes no link (system to entity).
 */
export function linkKindFor(doc: CrosswalkDocument, from: Endpoint, to: Endpoint): LinkKind | undefined {
  if (isSystemEndpoint(from) && isSystemEndpoint(to)) return 'flow';
  if (isEntityEndpoint(from) && isEntityEndpoint(to)) {
    return endpointSystem(doc, from) === endpointSystem(doc, to) ? 'relation' : 'mapping';
  }
  return undefined;
}

/** A short human name for an endpoint: `Worker.Work_Email`, `Okta`. */
export function describeEndpoint(doc: CrosswalkDocument, ep: Endpoint): string {
  if (isSystemEndpoint(ep)) return findSystem(doc, ep.system)?.name ?? ep.system;
  const entity = findEntity(doc, ep.entity);
  if (!entity) return ep.entity;
  if (ep.field === undefined) return entity.name;
  const field = entity.fields.find((f) => f.id === ep.field);
  return `${entity.name}.${field?.name ?? ep.field}`;
}

/** Entities of a system, in document order; `undefined` gives the entities in no system. */
export function entitiesOf(doc: CrosswalkDocument, systemId: string | undefined): Entity[] {
  return doc.entities.filter((e) => e.system === systemId);
}

/**
 * Like {@link describeEndpoint}, for many endpoints of one document: builds its lookups once,
 * so describing every link stays linear.
 */
export function endpointNamer(doc: CrosswalkDocument): (ep: Endpoint) => string {
  const systems = new Map(doc.systems.map((s) => [s.id, s]));
  const entities = new Map(doc.entities.map((e) => [e.id, { entity: e, fields: new Map(e.fields.map((f) => [f.id, f])) }]));
  return (ep) => {
    if (isSystemEndpoint(ep)) return systems.get(ep.system)?.name ?? ep.system;
    const found = entities.get(ep.entity);
    if (!found) return ep.entity;
    if (ep.field === undefined) return found.entity.name;
    return `${found.entity.name}.${found.fields.get(ep.field)?.name ?? ep.field}`;
  };
}
