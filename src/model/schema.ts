import * as z from 'zod/mini';
import * as core from 'zod/v4/core';
import { en } from 'zod/locales';

// The one place the document's shape is written (format version 1, see shared DESIGN.md).
// The TypeScript types (types.ts), the serialiser's key order (io/serialise.ts) and the
// edit operations' optional keys (ops.ts) are all derived from these schemas, so adding
// an attribute here is the whole change to the format.
//
// Every object is loose: keys this version does not know (a team's `owner`, `pii`, `jira`)
// pass validation untouched and are written back by every save ("Keeping what is not
// understood" in DESIGN.md).
//
// zod/mini, not zod: the same validation core, and the same messages once its English
// locale is set (full zod sets it itself), in ~9 kB gzip of the app's first load instead
// of ~25 kB — full zod's chainable methods keep every check and format in the bundle.
z.config(en());

/**
 * zod/mini's object, parsed by the compiled parser full zod uses for its objects
 * (`$ZodObjectJIT`, public in zod's core): zod/mini's own walks each key generically on
 * every parse, which made validating a 1,000-entity document about twice as slow.
 */
const compiledObjectInit: core.$constructor<core.$ZodObject> = core.$ZodObjectJIT;
const miniTypeInit: core.$constructor<z.ZodMiniType> = z.ZodMiniType;
const CompiledObject = core.$constructor<z.ZodMiniObject>('ZodMiniObject', (inst, def) => {
  compiledObjectInit.init(inst, def);
  miniTypeInit.init(inst, def);
  core.util.installLazyProp(inst, 'shape', (self: z.ZodMiniObject) => self._zod.def.shape, false);
});

/** An object that keeps the keys it does not declare (`z.looseObject`), compiled. */
function looseObject<T extends core.$ZodLooseShape>(shape: T): z.ZodMiniObject<T, core.$loose> {
  return new CompiledObject({ type: 'object', shape, catchall: z.unknown() }) as unknown as z.ZodMiniObject<T, core.$loose>;
}

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

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));
const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const positive = finite.check(z.refine((n) => n > 0, 'must be positive'));

/** A point in canvas units. */
export const pointSchema = looseObject({ x: finite, y: finite });

/** A width and height in canvas units. */
export const sizeSchema = looseObject({ width: positive, height: positive });

/** A system (Workday, Okta, Salesforce…): a group box holding entities. */
export const systemSchema = looseObject({
  id: nonEmpty,
  name: nonEmpty,
  kind: z.optional(z.string()),
  description: z.optional(z.string()),
  position: z.optional(pointSchema),
  size: z.optional(sizeSchema),
});

/** One field (column, attribute) of an entity. */
export const fieldSchema = looseObject({
  id: nonEmpty,
  name: nonEmpty,
  type: z.optional(z.string()),
  key: z.optional(z.enum(FIELD_KEYS)),
  required: z.optional(z.boolean()),
  description: z.optional(z.string()),
  /**
   * Gaps of this field (as a mapping target) that a person has looked at and accepted, each
   * with why ("pushed by a nightly script"): they stay in the report but stop counting.
   */
  acknowledged: z.optional(z.array(looseObject({ kind: z.enum(GAP_KINDS), note: z.string() }))),
});

/** An entity (table, object, record type), optionally inside a system (`system`: its id). */
export const entitySchema = looseObject({
  id: nonEmpty,
  name: nonEmpty,
  system: z.optional(z.string()),
  description: z.optional(z.string()),
  /** Relative to its system when it has one. */
  position: z.optional(pointSchema),
  fields: z.array(fieldSchema),
});

/** How many rows an end of a relation stands for. */
export const cardinalitySchema = z.enum(CARDINALITIES);

/** A system end of a link (flows). */
export const systemEndpointSchema = looseObject({ system: nonEmpty });

/** An entity end of a link, optionally narrowed to one field. */
export const entityEndpointSchema = looseObject({ entity: nonEmpty, field: z.optional(nonEmpty) });

/**
 * One end of a link: a system, or an entity (and field); never both. Entity ends are tried
 * first: most links are mappings and relations, and a failed first option costs a parse.
 */
export const endpointSchema = z
  .union([entityEndpointSchema, systemEndpointSchema], { error: 'must be {"system": id} or {"entity": id, "field"?: id}' })
  .check(z.refine((ep) => !('system' in ep && 'entity' in ep), 'must be {"system": id} or {"entity": id, "field"?: id}, not both'));

/** The cardinality of both ends of a relation. */
export const linkCardinalitySchema = looseObject({ from: cardinalitySchema, to: cardinalitySchema });

/** A relation (inside a system), a mapping (field to field, across systems) or a flow (system to system). */
export const linkSchema = looseObject({
  id: nonEmpty,
  kind: z.enum(LINK_KINDS),
  from: endpointSchema,
  to: endpointSchema,
  label: z.optional(z.string()),
  description: z.optional(z.string()),
  /** Relations. */
  cardinality: z.optional(linkCardinalitySchema),
  /** Mappings: lowercase, lookup, concat(first, last)… */
  transform: z.optional(z.string()),
  /** Flows. */
  protocol: z.optional(z.string()),
  /** Flows. */
  schedule: z.optional(z.string()),
  /** Where the user dragged the label on the canvas, relative to where it is placed by default. */
  labelOffset: z.optional(pointSchema),
});

/** A free text box on the canvas. */
export const noteSchema = looseObject({
  id: nonEmpty,
  text: z.string(),
  position: z.optional(pointSchema),
});

/** One step of a walkthrough; `focus` holds ids of systems, entities, links and notes. */
export const stepSchema = looseObject({
  id: nonEmpty,
  title: nonEmpty,
  bullets: z.optional(z.array(z.string())),
  speakerNotes: z.optional(z.string()),
  focus: z.optional(z.array(z.string())),
  /**
   * How present mode shows the focus: `fit` (the default) fits it to the screen; `parts`
   * steps through it in parts whose text stays readable; `integration` draws the focused
   * system pair as the integration view.
   */
  show: z.optional(z.enum(['fit', 'parts', 'integration'])),
});

/** A whole Crosswalk document. */
export const documentSchema = looseObject({
  format: z.literal('crosswalk'),
  version: z.literal(CURRENT_VERSION),
  title: nonEmpty,
  description: z.optional(z.string()),
  systems: z.array(systemSchema),
  entities: z.array(entitySchema),
  links: z.array(linkSchema),
  notes: z.optional(z.array(noteSchema)),
  walkthrough: z.optional(z.array(stepSchema)),
  /** The talk's target duration in minutes (the speaker window shows time against it). */
  talkMinutes: z.optional(z.number().check(z.positive())),
});
