/**
 * The Crosswalk document, format version 1 (see shared DESIGN.md).
 * Everything the app shows is derived from this; nothing about a document lives only in the app.
 */

/** A point in canvas units. */
export interface Point {
  x: number;
  y: number;
}

/** A width and height in canvas units. */
export interface Size {
  width: number;
  height: number;
}

/** A system (Workday, Okta, Salesforce…): a group box holding entities. */
export interface System {
  id: string;
  name: string;
  kind?: string;
  description?: string;
  position?: Point;
  size?: Size;
}

/** The key marker of a field. */
export type FieldKey = 'PK' | 'FK' | 'UK';

/** One field (column, attribute) of an entity. */
export interface Field {
  id: string;
  name: string;
  type?: string;
  key?: FieldKey;
  required?: boolean;
  description?: string;
}

/** An entity (table, object, record type), optionally inside a system. */
export interface Entity {
  id: string;
  name: string;
  /** The id of the system that holds it. */
  system?: string;
  description?: string;
  /** Relative to its system when it has one. */
  position?: Point;
  fields: Field[];
}

/** A system endpoint. */
export interface SystemEndpoint {
  system: string;
}

/** An entity endpoint, optionally narrowed to one field. */
export interface EntityEndpoint {
  entity: string;
  field?: string;
}

/** One end of a link. */
export type Endpoint = SystemEndpoint | EntityEndpoint;

/** How many rows an end of a relation stands for. */
export type Cardinality = 'zero-or-one' | 'exactly-one' | 'zero-or-more' | 'one-or-more';

/** The kinds of link. */
export type LinkKind = 'relation' | 'mapping' | 'flow';

/** A relation (inside a system), a mapping (field to field, across systems) or a flow (system to system). */
export interface Link {
  id: string;
  kind: LinkKind;
  from: Endpoint;
  to: Endpoint;
  label?: string;
  description?: string;
  /** Relations only. */
  cardinality?: { from: Cardinality; to: Cardinality };
  /** Mappings only: lowercase, lookup, concat(first, last)… */
  transform?: string;
  /** Flows only. */
  protocol?: string;
  /** Flows only. */
  schedule?: string;
}

/** A free text box on the canvas. */
export interface Note {
  id: string;
  text: string;
  position?: Point;
}

/** One step of a walkthrough. */
export interface Step {
  id: string;
  title: string;
  bullets?: string[];
  speakerNotes?: string;
  /** Ids of systems, entities, links and notes this step is about. */
  focus?: string[];
}

/** A whole Crosswalk document. */
export interface CrosswalkDocument {
  format: 'crosswalk';
  version: 1;
  title: string;
  description?: string;
  systems: System[];
  entities: Entity[];
  links: Link[];
  notes?: Note[];
  walkthrough?: Step[];
}

/** The format version this build writes and reads. */
export const CURRENT_VERSION = 1;

/** All cardinalities, in the order the UI lists them. */
export const CARDINALITIES: readonly Cardinality[] = ['exactly-one', 'zero-or-one', 'one-or-more', 'zero-or-more'];

/** All field keys. */
export const FIELD_KEYS: readonly FieldKey[] = ['PK', 'FK', 'UK'];

/** All link kinds. */
export const LINK_KINDS: readonly LinkKind[] = ['relation', 'mapping', 'flow'];

/** Narrows an endpoint to a system endpoint. */
export function isSystemEndpoint(e: Endpoint): e is SystemEndpoint {
  return 'system' in e && typeof (e as SystemEndpoint).system === 'string';
}

/** Narrows an endpoint to an entity endpoint. */
export function isEntityEndpoint(e: Endpoint): e is EntityEndpoint {
  return 'entity' in e && typeof (e as EntityEndpoint).entity === 'string';
}
