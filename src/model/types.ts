import type * as core from 'zod/v4/core';
import type {
  cardinalitySchema,
  documentSchema,
  endpointSchema,
  entityEndpointSchema,
  entitySchema,
  fieldSchema,
  linkSchema,
  noteSchema,
  pointSchema,
  sizeSchema,
  stepSchema,
  systemEndpointSchema,
  systemSchema,
} from './schema';

// The document's types, inferred from the zod schemas in schema.ts (the one place the
// shape is written). Schemas are loose, so their inferred types carry an index signature
// for unknown keys; `Known` removes it, so the code base sees exactly the keys this
// version understands (a typo is a compile error) while unknown keys still ride along at
// run time through every spread and copy.

export { CARDINALITIES, CURRENT_VERSION, FIELD_KEYS, LINK_KINDS } from './schema';

/** A type without index signatures, deeply: the keys a loose schema declares. */
export type Known<T> = T extends readonly (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: Known<T[K]> }
    : T;

/** The value a schema produces, with only the keys it declares. */
type Shape<S extends core.$ZodType> = Known<core.output<S>>;

/** A point in canvas units. */
export type Point = Shape<typeof pointSchema>;
/** A width and height in canvas units. */
export type Size = Shape<typeof sizeSchema>;
/** A system (Workday, Okta, Salesforce…): a group box holding entities. */
export type System = Shape<typeof systemSchema>;
/** One field (column, attribute) of an entity. */
export type Field = Shape<typeof fieldSchema>;
/** The key marker of a field. */
export type FieldKey = NonNullable<Field['key']>;
/** An entity (table, object, record type), optionally inside a system. */
export type Entity = Shape<typeof entitySchema>;
/** A system endpoint. */
export type SystemEndpoint = Shape<typeof systemEndpointSchema>;
/** An entity endpoint, optionally narrowed to one field. */
export type EntityEndpoint = Shape<typeof entityEndpointSchema>;
/** One end of a link. */
export type Endpoint = Shape<typeof endpointSchema>;
/** How many rows an end of a relation stands for. */
export type Cardinality = core.output<typeof cardinalitySchema>;
/** A relation, a mapping or a flow. */
export type Link = Shape<typeof linkSchema>;
/** The kinds of link. */
export type LinkKind = Link['kind'];
/** A free text box on the canvas. */
export type Note = Shape<typeof noteSchema>;
/** One step of a walkthrough. */
export type Step = Shape<typeof stepSchema>;
/** A whole Crosswalk document. */
export type CrosswalkDocument = Shape<typeof documentSchema>;

/** Narrows an endpoint to a system endpoint. */
export function isSystemEndpoint(e: Endpoint): e is SystemEndpoint {
  return 'system' in e && typeof e.system === 'string';
}

/** Narrows an endpoint to an entity endpoint. */
export function isEntityEndpoint(e: Endpoint): e is EntityEndpoint {
  return 'entity' in e && typeof e.entity === 'string';
}
