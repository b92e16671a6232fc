import type { Cardinality, CrosswalkDocument, Entity, Link } from '../../model/types';
import { baseName, buildFields, IdScope } from '../import-kit';
import type { FormatImportOptions, FormatImportResult, Importer } from '../types';
import { parseJsonOrYaml } from './parse-text';
export { sniffJsonSchema, sniffOpenApi } from './sniff';
import { isObject, isObjectLike, walkObject, type Json, type NamedSchema, type WalkContext } from './schema-walk';

/**
 * Reads an OpenAPI 3 document (or Swagger 2) — JSON or YAML — into a new document: one
 * system named after `info.title` (else the file), one entity per object schema in
 * `components.schemas` (`definitions` in Swagger 2). See `importSchemaText` for the rules.
 */
export const importOpenApi: Importer = (text, options) => importSchemaText(text, options);

/**
 * Reads a JSON Schema — JSON or YAML — into a new document: one entity per object schema
 * in `$defs` / `definitions`, and the root schema too when it has properties (named after
 * its `title`, else the file). One system named after the root's `title`, else the file.
 */
export const importJsonSchema: Importer = (text, options) => importSchemaText(text, options);

/**
 * The two importers are one walk: the kind is told by the content (`openapi`/`swagger` keys,
 * else JSON Schema), so either reads either. Fields: nested objects as dotted names
 * (`name.givenName`), arrays of objects as `emails[].value`, `allOf` merged, local `$ref`s
 * followed with cycles cut, `oneOf`/`anyOf` noted in the description and the type
 * (`Cat | Dog`); type from `type`/`format` (`string/date-time`, `string[]`); `required` kept
 * (a nested field is required when it and every object above it are); `description` (else
 * `title`) and `enum` values (`One of: …`) → description. A property that `$ref`s another
 * object schema is a field typed with that schema's name plus a relation to its entity:
 * one → `zero-or-more` to `exactly-one` (required) or `zero-or-one`; an array →
 * `exactly-one` to `zero-or-more` (`one-or-more` when required or `minItems` ≥ 1).
 * Scalar and array schemas are not entities: a property using them gets their name as type.
 */
export async function importSchemaText(text: string, options: FormatImportOptions): Promise<FormatImportResult> {
  const parsed = await parseJsonOrYaml(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const root = parsed.parsed.value;
  if (!isObject(root)) {
    const what = Array.isArray(root) ? 'a list' : root === null || root === undefined ? 'empty' : `a ${typeof root}`;
    return { ok: false, errors: [{ line: 1, message: `not an OpenAPI or JSON Schema document: the top level is ${what}, not an object` }] };
  }
  const kind = kindOf(root);
  if (!kind) {
    return { ok: false, errors: [{ line: 1, message: 'not an OpenAPI or JSON Schema document: expected "openapi", "swagger", "$schema", "$defs", "definitions" or "properties" at the top level' }] };
  }

  const ctx: WalkContext = { root, named: new Map(), warnings: [], lineOf: parsed.parsed.lineOf };
  for (const named of namedSchemas(root, kind, options.fileName)) ctx.named.set(named.pointer, named);
  for (const named of ctx.named.values()) {
    named.isEntity = isObjectLike(ctx, named.schema);
    if (!named.isEntity && named.pointer !== '#') {
      const line = ctx.lineOf(named.path);
      ctx.warnings.push({ ...(line ? { line } : {}), message: `${named.name} is not an object schema: used as a type where it is referenced` });
    }
  }
  const entitiesFrom = [...ctx.named.values()].filter((n) => n.isEntity);
  if (!entitiesFrom.length) {
    const where = kind === 'openapi' ? 'components.schemas' : '$defs, definitions or the root';
    return { ok: false, errors: [{ line: 1, message: `no object schemas to import: ${where} holds none` }] };
  }

  const info = isObject(root.info) ? root.info : {};
  const fileTitle = baseName(options.fileName);
  const rootTitle = typeof root.title === 'string' && root.title.trim() ? root.title.trim() : undefined;
  const infoTitle = typeof info.title === 'string' && info.title.trim() ? info.title.trim() : undefined;
  const systemName = (kind === 'openapi' ? infoTitle : rootTitle) ?? fileTitle ?? (kind === 'openapi' ? 'API' : 'Schema');

  const ids = new IdScope();
  const system = { id: ids.next(systemName), name: systemName };
  const entityOf = new Map<string, Entity>();
  for (const named of entitiesFrom) entityOf.set(named.pointer, { id: ids.next(named.name), name: named.name, system: system.id, fields: [] });

  const links: Link[] = [];
  for (const named of entitiesFrom) {
    const entity = entityOf.get(named.pointer)!;
    const walked = walkObject(ctx, named.schema, named.path, new Set([named.pointer]));
    const fieldIds = new IdScope();
    entity.fields = buildFields(walked.fields, fieldIds);
    const description = [describeSchema(named.schema), ...walked.alternatives].filter(Boolean).join('\n');
    if (description) entity.description = description;
    for (const rel of walked.relations) {
      const target = entityOf.get(rel.target.pointer);
      const field = entity.fields.find((f) => f.name === rel.field);
      if (!target || !field) continue;
      const cardinality: { from: Cardinality; to: Cardinality } = rel.many
        ? { from: 'exactly-one', to: rel.required ? 'one-or-more' : 'zero-or-more' }
        : { from: 'zero-or-more', to: rel.required ? 'exactly-one' : 'zero-or-one' };
      links.push({ id: ids.next(`${entity.name} ${rel.field}`), kind: 'relation', from: { entity: entity.id, field: field.id }, to: { entity: target.id }, cardinality });
    }
  }

  const title = options.title?.trim() || (kind === 'openapi' ? infoTitle : rootTitle) || fileTitle || systemName;
  const doc: CrosswalkDocument = { format: 'crosswalk', version: 1, title, systems: [system], entities: [...entityOf.values()], links };
  const docDescription = kind === 'openapi' ? info.description : undefined;
  if (typeof docDescription === 'string' && docDescription.trim()) doc.description = docDescription.trim();
  const warnings = [...ctx.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: true, doc, warnings };
}

type Kind = 'openapi' | 'json-schema';

function kindOf(root: Json): Kind | undefined {
  if (typeof root.openapi === 'string' || typeof root.swagger === 'string' || isObject(root.components)) return 'openapi';
  if (typeof root.$schema === 'string' || isObject(root.$defs) || isObject(root.definitions) || isObject(root.properties) || Array.isArray(root.allOf)) return 'json-schema';
  return undefined;
}

function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function namedSchemas(root: Json, kind: Kind, fileName: string | undefined): NamedSchema[] {
  const out: NamedSchema[] = [];
  const addAll = (container: unknown, path: string[]) => {
    if (!isObject(container)) return;
    for (const [name, schema] of Object.entries(container)) {
      if (!isObject(schema)) continue;
      out.push({ name, schema, path: [...path, name], pointer: `#/${[...path, name].map(pointerSegment).join('/')}`, isEntity: false });
    }
  };
  if (kind === 'openapi') {
    addAll(isObject(root.components) ? root.components.schemas : undefined, ['components', 'schemas']);
    addAll(root.definitions, ['definitions']);
    return out;
  }
  if (isObject(root.properties) || Array.isArray(root.allOf)) {
    const title = typeof root.title === 'string' && root.title.trim() ? root.title.trim() : baseName(fileName) ?? 'Root';
    out.push({ name: title, schema: root, path: [], pointer: '#', isEntity: false });
  }
  addAll(root.$defs, ['$defs']);
  addAll(root.definitions, ['definitions']);
  return out;
}

function describeSchema(schema: Json): string | undefined {
  if (typeof schema.description === 'string' && schema.description.trim()) return schema.description.trim();
  return undefined;
}
