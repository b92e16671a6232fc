import { z } from 'zod';
import type {
  Cardinality,
  CrosswalkDocument,
  Endpoint,
  Entity,
  Field,
  Link,
  Note,
  Point,
  Step,
  System,
} from './types';

// Each schema is typed against its interface so the two cannot drift (ChartDB's pattern).

const nonEmpty = z.string().min(1, 'must not be empty');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const pointSchema: z.ZodType<Point> = z.object({ x: finite, y: finite });

export const systemSchema: z.ZodType<System> = z.object({
  id: nonEmpty,
  name: nonEmpty,
  kind: z.string().optional(),
  description: z.string().optional(),
  position: pointSchema.optional(),
  size: z
    .object({
      width: finite.refine((n) => n > 0, 'must be positive'),
      height: finite.refine((n) => n > 0, 'must be positive'),
    })
    .optional(),
});

export const fieldSchema: z.ZodType<Field> = z.object({
  id: nonEmpty,
  name: nonEmpty,
  type: z.string().optional(),
  key: z.enum(['PK', 'FK', 'UK']).optional(),
  required: z.boolean().optional(),
  description: z.string().optional(),
});

export const entitySchema: z.ZodType<Entity> = z.object({
  id: nonEmpty,
  name: nonEmpty,
  system: z.string().optional(),
  description: z.string().optional(),
  position: pointSchema.optional(),
  fields: z.array(fieldSchema),
});

const cardinalitySchema: z.ZodType<Cardinality> = z.enum([
  'zero-or-one',
  'exactly-one',
  'zero-or-more',
  'one-or-more',
]);

export const endpointSchema: z.ZodType<Endpoint> = z.union([
  z.object({ system: nonEmpty }),
  z.object({ entity: nonEmpty, field: nonEmpty.optional() }),
], { error: 'must be {"system": id} or {"entity": id, "field"?: id}' });

export const linkSchema: z.ZodType<Link> = z.object({
  id: nonEmpty,
  kind: z.enum(['relation', 'mapping', 'flow']),
  from: endpointSchema,
  to: endpointSchema,
  label: z.string().optional(),
  description: z.string().optional(),
  cardinality: z.object({ from: cardinalitySchema, to: cardinalitySchema }).optional(),
  transform: z.string().optional(),
  protocol: z.string().optional(),
  schedule: z.string().optional(),
});

export const noteSchema: z.ZodType<Note> = z.object({
  id: nonEmpty,
  text: z.string(),
  position: pointSchema.optional(),
});

export const stepSchema: z.ZodType<Step> = z.object({
  id: nonEmpty,
  title: nonEmpty,
  bullets: z.array(z.string()).optional(),
  speakerNotes: z.string().optional(),
  focus: z.array(z.string()).optional(),
});

export const documentSchema: z.ZodType<CrosswalkDocument> = z.object({
  format: z.literal('crosswalk'),
  version: z.literal(1),
  title: nonEmpty,
  description: z.string().optional(),
  systems: z.array(systemSchema),
  entities: z.array(entitySchema),
  links: z.array(linkSchema),
  notes: z.array(noteSchema).optional(),
  walkthrough: z.array(stepSchema).optional(),
});
