import type { FieldSpec } from '../import-kit';
import type { ImportMessage } from '../types';

// Walks JSON Schema (as OpenAPI 3 and JSON Schema documents hold it) into flat field lists:
// nested objects become dotted names (`name.givenName`), arrays of objects `emails[].value`,
// `allOf` parts are merged, local `$ref`s followed (cycles guarded), and a property that
// `$ref`s another named object schema becomes a field plus a relation to that schema's entity.

export type Json = Record<string, unknown>;
export type JsonPath = (string | number)[];

/** A schema with a name of its own (`components.schemas.Pet`, `$defs.Address`, or the root). */
export interface NamedSchema {
  name: string;
  pointer: string;
  path: JsonPath;
  schema: Json;
  /** Object-like: it becomes an entity. Scalars and arrays become types where they are used. */
  isEntity: boolean;
}

/** A property that points at another entity's schema. */
export interface PendingRelation {
  field: string;
  target: NamedSchema;
  many: boolean;
  required: boolean;
}

export interface WalkContext {
  root: Json;
  named: Map<string, NamedSchema>;
  warnings: ImportMessage[];
  lineOf(path: JsonPath): number | undefined;
}

export interface WalkResult {
  fields: FieldSpec[];
  relations: PendingRelation[];
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves a local JSON pointer (`#/components/schemas/Pet`) in `root`. */
export function resolvePointer(root: Json, pointer: string): { value: unknown; path: JsonPath } | undefined {
  if (!pointer.startsWith('#')) return undefined;
  let frag = pointer.slice(1);
  try {
    frag = decodeURIComponent(frag);
  } catch {
    return undefined;
  }
  if (frag === '' || frag === '/') return { value: root, path: [] };
  const path = frag.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const seg of path) {
    if (Array.isArray(node)) node = node[Number(seg)];
    else if (isObject(node)) node = node[seg];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return { value: node, path };
}

function warn(ctx: WalkContext, path: JsonPath, message: string): void {
  const line = ctx.lineOf(path);
  if (!ctx.warnings.some((w) => w.message === message && w.line === line)) ctx.warnings.push(line ? { line, message } : { message });
}

/** Follows `$ref` (and a lone-`allOf` wrapper of one) to the schema it names, guarding cycles. */
function follow(ctx: WalkContext, node: unknown, path: JsonPath, seen: ReadonlySet<string>): { schema: Json; path: JsonPath; pointer?: string; seen: Set<string> } | undefined {
  let current = node;
  let at = path;
  let pointer: string | undefined;
  const visited = new Set(seen);
  for (let hops = 0; isObject(current); hops++) {
    const ref = current.$ref;
    if (typeof ref !== 'string') {
      const parts = current.allOf;
      // `allOf: [{$ref}]` is how OpenAPI 3.0 adds a description beside a $ref.
      if (Array.isArray(parts) && parts.length === 1 && isObject(parts[0]) && typeof parts[0].$ref === 'string' && !current.properties) {
        current = parts[0];
        at = [...at, 'allOf', 0];
        continue;
      }
      return { schema: current, path: at, pointer, seen: visited };
    }
    if (!ref.startsWith('#')) {
      warn(ctx, at, `external $ref "${ref}" is not followed`);
      return undefined;
    }
    if (visited.has(ref)) {
      warn(ctx, at, `$ref "${ref}" refers back to itself: the cycle is cut here`);
      return undefined;
    }
    visited.add(ref);
    const target = resolvePointer(ctx.root, ref);
    if (!target) {
      warn(ctx, at, `$ref "${ref}" points at nothing`);
      return undefined;
    }
    pointer = ref;
    current = target.value;
    at = target.path;
  }
  return undefined;
}

/** The named schema a property points at, if it is a `$ref` (possibly wrapped in a one-part allOf). */
function namedTarget(ctx: WalkContext, node: unknown): NamedSchema | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref === 'string') return ctx.named.get(node.$ref);
  const parts = node.allOf;
  if (Array.isArray(parts) && parts.length === 1 && isObject(parts[0]) && typeof parts[0].$ref === 'string' && !node.properties) {
    return ctx.named.get(parts[0].$ref);
  }
  return undefined;
}

interface Merged {
  properties: [string, unknown, JsonPath][];
  required: Set<string>;
  alternatives: string[];
}

/** Own properties plus every `allOf` part's, in order; `required` united. */
function merge(ctx: WalkContext, schema: Json, path: JsonPath, seen: ReadonlySet<string>, out: Merged = { properties: [], required: new Set(), alternatives: [] }): Merged {
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  parts.forEach((part, i) => {
    const r = follow(ctx, part, [...path, 'allOf', i], seen);
    if (r) merge(ctx, r.schema, r.path, r.seen, out);
  });
  if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === 'string') out.required.add(r);
  if (isObject(schema.properties)) {
    for (const [name, prop] of Object.entries(schema.properties)) {
      const existing = out.properties.findIndex(([n]) => n === name);
      const entry: [string, unknown, JsonPath] = [name, prop, [...path, 'properties', name]];
      if (existing >= 0) out.properties[existing] = entry;
      else out.properties.push(entry);
    }
  }
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const alts = schema[kw];
    if (Array.isArray(alts) && alts.length) out.alternatives.push(`${kw}: ${alts.map((a) => typeName(ctx, a) ?? 'object').join(', ')}`);
  }
  return out;
}

/** Whether a schema is an object with fields of its own (so it becomes an entity or dotted fields). */
export function isObjectLike(ctx: WalkContext, schema: unknown, seen: ReadonlySet<string> = new Set()): boolean {
  const r = follow(ctx, schema, [], seen);
  if (!r) return false;
  const s = r.schema;
  if (isObject(s.properties)) return true;
  if (Array.isArray(s.allOf)) return s.allOf.some((p) => isObjectLike(ctx, p, r.seen));
  return s.type === 'object' && !isObject(s.additionalProperties) && s.additionalProperties !== true ? !s.oneOf && !s.anyOf : false;
}

/** A short type for a schema: `string/date-time`, `integer`, `Pet`, `string[]`, `string | null`. */
function typeName(ctx: WalkContext, node: unknown, depth = 0): string | undefined {
  if (!isObject(node) || depth > 8) return undefined;
  const named = namedTarget(ctx, node);
  if (named) return named.name;
  if (typeof node.$ref === 'string') return node.$ref.split('/').pop() || undefined;
  const t = node.type;
  const types = (Array.isArray(t) ? t : t === undefined ? [] : [t]).filter((x): x is string => typeof x === 'string');
  const main = types.filter((x) => x !== 'null');
  if (main.length === 1 && main[0] === 'array') {
    const item = typeName(ctx, node.items, depth + 1);
    return `${item ?? 'any'}[]`;
  }
  let name = main.join(' | ');
  if (typeof node.format === 'string' && main.length === 1) name = `${name}/${node.format}`;
  if (!name && Array.isArray(node.enum)) name = typeof node.enum[0] === 'number' ? 'number' : 'string';
  if (!name && node.const !== undefined) name = typeof node.const;
  const alts = Array.isArray(node.oneOf) ? node.oneOf : Array.isArray(node.anyOf) ? node.anyOf : undefined;
  if (!name && alts) name = alts.map((a) => typeName(ctx, a, depth + 1) ?? 'object').join(' | ');
  if (!name && isObject(node.properties)) name = 'object';
  return name || undefined;
}

function describe(node: unknown, fallback?: unknown): string | undefined {
  const from = (n: unknown) => (isObject(n) && typeof n.description === 'string' && n.description.trim() ? n.description.trim() : isObject(n) && typeof n.title === 'string' && n.title.trim() ? n.title.trim() : undefined);
  const text = from(node) ?? from(fallback);
  const enumFrom = isObject(node) && Array.isArray(node.enum) ? node.enum : isObject(fallback) && Array.isArray(fallback.enum) ? fallback.enum : undefined;
  const values = enumFrom ? `One of: ${enumFrom.map((v) => (typeof v === 'string' && /^[\w.-]+$/.test(v) ? v : JSON.stringify(v))).join(', ')}` : undefined;
  const alts = isObject(node) && (Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) ? `(${Array.isArray(node.oneOf) ? 'oneOf' : 'anyOf'})` : undefined;
  return [text, values, alts].filter(Boolean).join('\n') || undefined;
}

/** The fields of an object schema: its own, its allOf parts', nested objects dotted. */
export function walkObject(ctx: WalkContext, schema: Json, path: JsonPath, seen: ReadonlySet<string>): WalkResult & { alternatives: string[] } {
  const out: WalkResult = { fields: [], relations: [] };
  const merged = merge(ctx, schema, path, seen);
  for (const [name, prop, at] of merged.properties) addProperty(ctx, prop, at, name, merged.required.has(name), seen, out);
  return { ...out, alternatives: merged.alternatives };
}

function addProperty(ctx: WalkContext, prop: unknown, path: JsonPath, name: string, required: boolean, seen: ReadonlySet<string>, out: WalkResult): void {
  const target = namedTarget(ctx, prop);
  if (target?.isEntity) {
    out.fields.push({ name, type: target.name, required, description: describe(prop) });
    out.relations.push({ field: name, target, many: false, required });
    return;
  }
  const r = follow(ctx, prop, path, seen);
  if (!r) {
    out.fields.push({ name, type: typeName(ctx, prop) ?? 'object', required, description: describe(prop) });
    return;
  }
  const s = r.schema;
  const description = describe(prop, target ? s : undefined);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('array')) {
    const itemTarget = namedTarget(ctx, s.items);
    if (itemTarget?.isEntity) {
      out.fields.push({ name, type: `${itemTarget.name}[]`, required, description });
      out.relations.push({ field: name, target: itemTarget, many: true, required: required || (typeof s.minItems === 'number' && s.minItems > 0) });
      return;
    }
    const item = follow(ctx, s.items, [...r.path, 'items'], r.seen);
    if (item && isObjectLike(ctx, item.schema, item.seen)) {
      const inner = walkObject(ctx, item.schema, item.path, item.seen);
      if (inner.fields.length) {
        for (const f of inner.fields) out.fields.push({ ...f, name: `${name}[].${f.name}`, required: required && f.required });
        for (const rel of inner.relations) out.relations.push({ ...rel, field: `${name}[].${rel.field}`, many: true });
        return;
      }
    }
    out.fields.push({ name, type: target ? `${target.name}` : typeName(ctx, s) ?? 'array', required, description });
    return;
  }
  if (isObjectLike(ctx, s, r.seen)) {
    const inner = walkObject(ctx, s, r.path, r.seen);
    if (inner.fields.length) {
      for (const f of inner.fields) out.fields.push({ ...f, name: `${name}.${f.name}`, required: required && f.required });
      for (const rel of inner.relations) out.relations.push({ ...rel, field: `${name}.${rel.field}` });
      return;
    }
  }
  out.fields.push({ name, type: target ? target.name : typeName(ctx, s) ?? 'object', required, description });
}
