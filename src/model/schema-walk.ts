import * as core from 'zod/v4/core';

// Reading the document's schema as data: the serialiser's key order, the edit operations'
// optional keys and the tests' list of every key all come from here, so none of them
// repeats the shape that schema.ts declares. Only the zod forms schema.ts uses are
// understood (object, optional, array, union of objects, leaves); another form there
// fails loudly rather than being written out of order. The walk reads zod's core classes,
// which schemas of zod and of zod/mini share, so it takes either.

type Plain = Record<string, unknown>;

/** A schema without its `.optional()` wrapper. */
export function unwrapOptional(schema: core.$ZodType): core.$ZodType {
  let s = schema;
  while (s instanceof core.$ZodOptional) s = s._zod.def.innerType;
  return s;
}

/** The shape of an object schema: its declared keys, in declaration order. */
export function shapeOf(schema: core.$ZodType): Record<string, core.$ZodType> {
  const s = unwrapOptional(schema);
  if (!(s instanceof core.$ZodObject)) throw new Error('expected an object schema');
  return s._zod.def.shape;
}

/** The keys of an object schema that may be left out. */
export function optionalKeys(schema: core.$ZodType): string[] {
  return Object.entries(shapeOf(schema))
    .filter(([, s]) => s instanceof core.$ZodOptional)
    .map(([k]) => k);
}

/** Rewrites a value into canonical form: declared keys in schema order, then unknown keys in their order. */
type Writer = (value: unknown) => unknown;

const writers = new WeakMap<core.$ZodType, Writer>();

/**
 * A function that copies a value valid for `schema` with the keys of every object in the
 * schema's declared order, then the keys the schema does not know in their original order,
 * and without undefined values. Built once per schema.
 */
export function canonicalWriter(schema: core.$ZodType): Writer {
  const cached = writers.get(schema);
  if (cached) return cached;
  const writer = buildWriter(unwrapOptional(schema));
  writers.set(schema, writer);
  return writer;
}

function buildWriter(s: core.$ZodType): Writer {
  if (s instanceof core.$ZodObject) {
    const entries = Object.entries(shapeOf(s));
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
        // `__proto__` as a key would set the prototype instead (zod drops it when parsing anyway).
        if (!known.has(k) && v[k] !== undefined && k !== '__proto__') out[k] = v[k];
      }
      return out;
    };
  }
  if (s instanceof core.$ZodArray) {
    const element = s._zod.def.element;
    return (value) => (value as unknown[]).map(canonicalWriter(element));
  }
  if (s instanceof core.$ZodUnion) {
    const options = s._zod.def.options.map((o) => {
      const shape = shapeOf(o);
      const required = Object.keys(shape).filter((k) => !(shape[k] instanceof core.$ZodOptional));
      return { required, write: canonicalWriter(o) };
    });
    return (value) => {
      const v = value as Plain;
      const option = options.find((o) => o.required.every((k) => v[k] !== undefined)) ?? options[0];
      return option.write(value);
    };
  }
  if (s instanceof core.$ZodOptional || s instanceof core.$ZodNullable || s instanceof core.$ZodDefault || s instanceof core.$ZodPipe) {
    throw new Error('schema-walk: unwrap this form before writing');
  }
  // Leaves: strings, numbers, booleans, enums, literals.
  return (value) => value;
}

/**
 * Every key path a schema declares, as `links[].cardinality.from`: for tests that check
 * each key survives a save or is covered by the random documents.
 */
export function keyPaths(schema: core.$ZodType, prefix = ''): string[] {
  const s = unwrapOptional(schema);
  if (s instanceof core.$ZodObject) {
    return Object.entries(shapeOf(s)).flatMap(([k, child]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...keyPaths(child, path)];
    });
  }
  if (s instanceof core.$ZodArray) return keyPaths(s._zod.def.element, `${prefix}[]`);
  if (s instanceof core.$ZodUnion) {
    return [...new Set(s._zod.def.options.flatMap((o) => keyPaths(o, prefix)))];
  }
  return [];
}
