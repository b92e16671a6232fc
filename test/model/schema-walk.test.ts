import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { linkSchema, stepSchema, systemSchema } from '../../src/model/schema';
import { canonicalWriter, keyPaths, optionalKeys } from '../../src/model/schema-walk';

describe('optionalKeys', () => {
  it.each([
    ['link', linkSchema, ['label', 'description', 'cardinality', 'transform', 'protocol', 'schedule', 'labelOffset']],
    ['system', systemSchema, ['kind', 'description', 'position', 'size']],
    ['step', stepSchema, ['bullets', 'speakerNotes', 'focus', 'show']],
  ] as const)('of a %s are the keys it declares optional, in order', (_name, schema, keys) => {
    expect(optionalKeys(schema)).toEqual(keys);
  });
});

describe('canonicalWriter', () => {
  const schema = z.looseObject({
    id: z.string(),
    ends: z.array(z.union([z.looseObject({ a: z.string(), b: z.string().optional() }), z.looseObject({ c: z.string() })])),
    inner: z.looseObject({ x: z.number(), y: z.number() }).optional(),
  });
  const write = canonicalWriter(schema);

  it('writes declared keys in schema order, then unknown keys in their order, dropping undefined', () => {
    const out = write({ zeta: 1, inner: { y: 2, x: 1, note: 'n' }, id: 'i', alpha: undefined, ends: [], beta: [2] });
    expect(JSON.stringify(out)).toBe('{"id":"i","ends":[],"inner":{"x":1,"y":2,"note":"n"},"zeta":1,"beta":[2]}');
  });

  it('writes each union member by the option whose required keys it has', () => {
    const out = write({ id: 'i', ends: [{ b: 'B', a: 'A' }, { extra: true, c: 'C' }] });
    expect(JSON.stringify(out)).toBe('{"id":"i","ends":[{"a":"A","b":"B"},{"c":"C","extra":true}]}');
  });

  it('is built once per schema', () => {
    expect(canonicalWriter(schema)).toBe(write);
  });

  it('lists key paths through arrays, unions and optional objects', () => {
    expect(keyPaths(schema)).toEqual(['id', 'ends', 'ends[].a', 'ends[].b', 'ends[].c', 'inner', 'inner.x', 'inner.y']);
  });
});
