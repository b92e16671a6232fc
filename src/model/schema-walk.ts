import { z } from 'zod';

// Reading the document's schema as data: the serialiser's key order, the edit operations'
// optional keys and the tests' list of every key all come from here, so none of them
// repeats the shape that schema.ts declares. Only the zod forms schema.ts uses are
// understood (object, optional, array, union of objects, leaves); another form there
// fails loudly rather than being written out of order.

type Plain = Record<string, unknown>;

/** A schema without its `.optional()` wrapper. */
export function unwrapOptional(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** The shape of an object schema: its declared keys, in declaration order. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const s = unwrapOptional(schema);
  if (!(s instanceof z.ZodObject)) throw new Error('expected an object schema');
  return s.shape as Record<string, z.ZodType>;
}

/** The keys of an object schema that may be left out. */
export function optionalKeys(schema: z.ZodType): string[] {
  return Object.entries(shapeOf(schema))
    .filter(([, s]) => s instanceof z.ZodOptional)
    .map(([k]) => k);
}

/** Rewrites a value into canonical form: declared keys in schema order, then unknown keys in their order. */
type Writer = (value: unknown) => unknown;

const writers = new WeakMap<z.ZodType, Writer>();

/**
 * A function that copies a value valid for `schema` with the keys of every object in the
 * schema's declared order, then the keys the schema does not know in their original order,
 * and without undefined values. Built once per schema.
 */
export function canonicalWriter(schema: z.ZodType): Writer {
  const cached = writers.get(schema);
  if (cached) return cached;
  const writer = buildWriter(unwrapOptional(schema));
  writers.set(schema, writer);
  return writer;
}

function buildWriter(s: z.ZodType): Writer {
  if (s instanceof z.ZodObject) {
    const entries = Object.entries(s.shape as Record<string, z.ZodType>);
    const known = new Set(entries.map(([k]) => k));
    let compiled: [string, Writer][] | undefined;
    return (value) => {
      // Compiled on first use, so recursive shapes would not recurse at build time.
      compiled ??= entries.map(([k, child]) => [k, canonicalWriter(child)]);
      const v = value as Plain;
      const out: Plain = {};
      for (const [k, write] of compiled) {
        const child = v[k];
        if (child !== undefined) out[k] = write(child);
      }
      for (const k of Object.keys(v)) {
        if (!known.has(k) && v[k] !== undefined) out[k] = v[k];
      }
      return out;
    };
  }
  if (s instanceof z.ZodArray) {
    const element = s.element as z.ZodType;
    return (value) => (value as unknown[]).map(canonicalWriter(element));
  }
  if (s instanceof z.ZodUnion) {
    const options = (s.options as readonly z.ZodType[]).map((o) => {
      const shape = shapeOf(o);
      const required = Object.keys(shape).filter((k) => !(shape[k] instanceof z.ZodOptional));
      return { required, write: canonicalWriter(o) };
    });
    return (value) => {
      const v = value as Plain;
      const option = options.find((o) => o.required.every((k) => v[k] !== undefined)) ?? options[0];
      return option.write(value);
    };
  }
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodPipe) {
    throw new Error('schema-walk: unwrap this form before writing');
  }
  // Leaves: strings, numbers, booleans, enums, literals.
  return (value) => value;
}

/**
 * Every key path a schema declares, as `links[].cardinality.from`: for tests that check
 * each key survives a save or is covered by the random documents.
 */
export function keyPaths(schema: z.ZodType, prefix = ''): string[] {
  const s = unwrapOptional(schema);
  if (s instanceof z.ZodObject) {
    return Object.entries(s.shape as Record<string, z.ZodType>).flatMap(([k, child]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...keyPaths(child, path)];
    });
  }
  if (s instanceof z.ZodArray) return keyPaths(s.element as z.ZodType, `${prefix}[]`);
  if (s instanceof z.ZodUnion) {
    return [...new Set((s.options as readonly z.ZodType[]).flatMap((o) => keyPaths(o, prefix)))];
  }
  return [];
}
