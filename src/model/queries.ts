import {
  isEntityEndpoint,
  isSystemEndpoint,
  type CrosswalkDocument,
  type Endpoint,
  type Entity,
  type Link,
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

/** Entities of a system, in document order; `undefined` gives the entities in no system. */
export function entitiesOf(doc: CrosswalkDocument, systemId: string | undefined): Entity[] {
  return doc.entities.filter((e) => e.system === systemId);
}

// Naming endpoints is part of what links mean (meaning.ts); re-exported for existing callers.
export { describeEndpoint, endpointNamer } from './meaning';
