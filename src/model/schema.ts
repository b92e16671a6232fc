import { z } from 'zod';

// The one place the document's shape is written (format version 1, see shared DESIGN.md).
// The TypeScript types (types.ts), the serialiser's key order (io/serialise.ts) and the
// edit operations' optional keys (ops.ts) are all derived from these schemas, so adding
// an attribute here is the whole change to the format.
//
// Every object is loose: keys this version does not know (a team's `owner`, `pii`, `jira`)
// pass validation untouched and are written back by every save ("Keeping what is not
// understood" in DESIGN.md).

/** The format version this build writes and reads. */
export const CURRENT_VERSION = 1;

/** All cardinalities, in the order the UI lists them. */
export const CARDINALITIES = ['exactly-one', 'zero-or-one', 'one-or-more', 'zero-or-more'] as const;

/** All field keys. */
export const FIELD_KEYS = ['PK', 'FK', 'UK'] as const;

/** All link kinds. */
export const LINK_KINDS = ['relation', 'mapping', 'flow'] as const;

/** The kinds of mapping gap (DESIGN.md "Coverage and gaps"), in the order a report lists them for one field. */
export const GAP_KINDS = ['unmapped-required', 'type-mismatch', 'multiple-sources'] as const;

const nonEmpty = z.string().min(1, 'must not be empty');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((n) => n > 0, 'must be positive');

/** A point in canvas units. */
export const pointSchema = z.looseObject({ x: finite, y: finite });

/** A width and height in canvas units. */
export const sizeSchema = z.looseObject({ width: positive, height: positive });

/** A system (Workday, Okta, Salesforce…): a group box holding entities. */
export const systemSchema = z.looseObject({
  id: nonEmpty,
  name: nonEmpty,
  kind: z.string().optional(),
  description: z.string().optional(),
  position: pointSchema.optional(),
  size: sizeSchema.optional(),
});

/** One field (column, attribute) of an entity. */
export const fieldSchema = z.looseObject({
  id: nonEmpty,
  name: nonEmpty,
  type: z.string().optional(),
  key: z.enum(FIELD_KEYS).optional(),
  required: z.boolean().optional(),
  description: z.string().optional(),
  /**
   * Gaps of this field (as a mapping target) that a person has looked at and accepted, each
   * with why ("pushed by a nightly script"): they stay in the report but stop counting.
   */
  acknowledged: z.array(z.looseObject({ kind: z.enum(GAP_KINDS), note: z.string() })).optional(),
});

/** An entity (table, object, record type), optionally inside a system (`system`: its id). */
export const entitySchema = z.looseObject({
  id: nonEmpty,
  name: nonEmpty,
  system: z.string().optional(),
  description: z.string().optional(),
  /** Relative to its system when it has one. */
  position: pointSchema.optional(),
  fields: z.array(fieldSchema),
});

/** How many rows an end of a relation stands for. */
export const cardinalitySchema = z.enum(CARDINALITIES);

/** A system end of a link (flows). */
export const systemEndpointSchema = z.looseObject({ system: nonEmpty });

/** An entity end of a link, optionally narrowed to one field. */
export const entityEndpointSchema = z.looseObject({ entity: nonEmpty, field: nonEmpty.optional() });

/**
 * One end of a link: a system, or an entity (and field); never both. Entity ends are tried
 * first: most links are mappings and relations, and a failed first option costs a parse.
 */
export const endpointSchema = z
  .union([entityEndpointSchema, systemEndpointSchema], { error: 'must be {"system": id} or {"entity": id, "field"?: id}' })
  .refine((ep) => !('system' in ep && 'entity' in ep), 'must be {"system": id} or {"entity": id, "field"?: id}, not both');

/** The cardinality of both ends of a relation. */
export const linkCardinalitySchema = z.looseObject({ from: cardinalitySchema, to: cardinalitySchema });

/** A relation (inside a system), a mapping (field to field, across systems) or a flow (system to system). */
export const linkSchema = z.looseObject({
  id: nonEmpty,
  kind: z.enum(LINK_KINDS),
  from: endpointSchema,
  to: endpointSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  /** Relations. */
  cardinality: linkCardinalitySchema.optional(),
  /** Mappings: lowercase, lookup, concat(first, last)… */
  transform: z.string().optional(),
  /** Flows. */
  protocol: z.string().optional(),
  /** Flows. */
  schedule: z.string().optional(),
  /** Where the user dragged the label on the canvas, relative to where it is placed by default. */
  labelOffset: pointSchema.optional(),
});

/** A free text box on the canvas. */
export const noteSchema = z.looseObject({
  id: nonEmpty,
  text: z.string(),
  position: pointSchema.optional(),
});

/** One step of a walkthrough; `focus` holds ids of systems, entities, links and notes. */
export const stepSchema = z.looseObject({
  id: nonEmpty,
  title: nonEmpty,
  bullets: z.array(z.string()).optional(),
  speakerNotes: z.string().optional(),
  focus: z.array(z.string()).optional(),
  /**
   * How present mode shows the focus: `fit` (the default) fits it to the screen; `parts`
   * steps through it in parts whose text stays readable; `integration` draws the focused
   * system pair as the integration view.
   */
  show: z.enum(['fit', 'parts', 'integration']).optional(),
});

/** A whole Crosswalk document. */
export const documentSchema = z.looseObject({
  format: z.literal('crosswalk'),
  version: z.literal(CURRENT_VERSION),
  title: nonEmpty,
  description: z.string().optional(),
  systems: z.array(systemSchema),
  entities: z.array(entitySchema),
  links: z.array(linkSchema),
  notes: z.array(noteSchema).optional(),
  walkthrough: z.array(stepSchema).optional(),
  /** The talk's target duration in minutes (the speaker window shows time against it). */
  talkMinutes: z.number().positive().optional(),
});
