import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importJsonSchema, importOpenApi, sniffJsonSchema, sniffOpenApi } from '../../../src/formats/openapi/openapi-import';
import { guessImportFormat } from '../../../src/formats/registry';
import { jsonErrorOffset } from '../../../src/formats/openapi/parse-text';
import { validateDocument } from '../../../src/model/validate';
import { HOSTILE_STRINGS } from '../../fixtures/arbitrary-doc';

async function errors(text: string) {
  const r = await importOpenApi(text, {});
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors;
}

describe('importOpenApi: broken input gives line-numbered errors and no document', () => {
  it('bad YAML names its line', async () => {
    const e = await errors('openapi: 3.0.0\ninfo:\n  title: x\ncomponents:\n  schemas:\n    A: [1, 2\n    B: {}\n');
    expect(e[0].line).toBeGreaterThanOrEqual(6);
    expect(e[0].message).toMatch(/^not valid YAML: /);
  });

  it('bad JSON names its line, where JSON.parse does not say', async () => {
    const e = await errors('{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": { "A": }\n  }\n}\n');
    expect(e).toEqual([{ line: 4, message: expect.stringMatching(/^not valid JSON: /) }]);
  });

  it('a list, a number or a document of another kind is refused', async () => {
    expect((await errors('[1, 2]'))[0]).toEqual({ line: 1, message: expect.stringContaining('the top level is a list') });
    expect((await errors('42'))[0].message).toContain('a number');
    expect((await errors('title: just some yaml\nitems: 3\n'))[0].message).toContain('not an OpenAPI or JSON Schema document');
  });

  it('a document without object schemas says so', async () => {
    expect((await errors('openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths: {}\n'))[0].message).toContain('components.schemas holds none');
  });

  it('refs it cannot follow are warnings with their lines, and the rest imports', async () => {
    const text = readFileSync(new URL('./cases/broken-refs.yaml', import.meta.url), 'utf8');
    const r = await importOpenApi(text, {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings).toEqual([
      { line: 13, message: 'external $ref "other.yaml#/Thing" is not followed' },
      { line: 14, message: '$ref "#/components/schemas/Nope" points at nothing' },
      { line: 19, message: '$ref "#/components/schemas/Alias2" refers back to itself: the cycle is cut here' },
      { line: 19, message: 'Alias is not an object schema: used as a type where it is referenced' },
      { line: 21, message: '$ref "#/components/schemas/Alias" refers back to itself: the cycle is cut here' },
      { line: 21, message: 'Alias2 is not an object schema: used as a type where it is referenced' },
    ]);
    expect(r.doc.entities.map((e) => e.name)).toEqual(['Node']);
  });
});

describe('importJsonSchema: lines in JSON', () => {
  it('a warning about a JSON file names its line too', async () => {
    const r = await importJsonSchema('{\n  "$defs": {\n    "A": {\n      "properties": {\n        "b": { "$ref": "#/$defs/Missing" }\n      }\n    }\n  }\n}\n', {});
    expect(r.ok && r.warnings).toEqual([{ line: 5, message: '$ref "#/$defs/Missing" points at nothing' }]);
  });
});

describe('importJsonSchema: hostile names', () => {
  it('property and schema names with quotes, <script>, newlines, RTL and emoji survive as names', async () => {
    const names = HOSTILE_STRINGS.filter((s) => s.trim() !== '');
    const schema = {
      title: names[10],
      type: 'object',
      properties: Object.fromEntries(names.map((n, i) => [n, { type: 'string', description: `${n} ${i}` }])),
      $defs: Object.fromEntries(names.map((n) => [`${n}!`, { type: 'object', properties: { [n]: { type: 'object', properties: { [n]: { type: 'integer' } } } } }])),
    };
    const r = await importJsonSchema(JSON.stringify(schema), {});
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const valid = validateDocument(JSON.parse(JSON.stringify(r.doc)));
    expect(valid.ok ? [] : valid.problems).toEqual([]);
    expect(r.doc.entities.map((e) => e.name)).toEqual([names[10], ...names.map((n) => `${n}!`)]);
    expect(r.doc.entities[0].fields.map((f) => [f.name, f.description])).toEqual(names.map((n, i) => [n, `${n} ${i}`]));
    expect(r.doc.entities[1].fields.map((f) => f.name)).toEqual([`${names[0]}.${names[0]}`]);
  });
});

describe('sniffing', () => {
  it('tells OpenAPI, JSON Schema and other JSON apart', () => {
    expect(sniffOpenApi('openapi: 3.0.3\ninfo: {}', 'api.yaml')).toBe(1);
    expect(sniffOpenApi('{\n  "swagger": "2.0"\n}', 'api.json')).toBe(1);
    expect(sniffOpenApi('{"$schema": "https://json-schema.org/draft/2020-12/schema"}', 'x.json')).toBe(0);
    expect(sniffJsonSchema('{"$schema": "https://json-schema.org/draft/2020-12/schema"}', 'x.json')).toBe(1);
    expect(sniffJsonSchema('{\n  "$defs": {}\n}', 'x.json')).toBeGreaterThan(0.5);
    expect(sniffJsonSchema('openapi: 3.0.3', 'api.yaml')).toBe(0);
    expect(sniffJsonSchema('{"format": "crosswalk", "version": 1}', 'doc.json')).toBe(0);
    expect(sniffJsonSchema('{}', 'doc.crosswalk.json')).toBe(0);
  });

  it('knows minified JSON (one line, as an API serves it) as OpenAPI or JSON Schema, not as a Crosswalk document', () => {
    const api = '{"openapi":"3.0.0","info":{"title":"x"},"components":{"schemas":{"A":{"type":"object","properties":{"b":{"type":"string"}}}}}}';
    expect(sniffOpenApi(api, 'openapi.json')).toBe(1);
    expect(sniffJsonSchema(api, 'openapi.json')).toBe(0);
    expect(guessImportFormat(api, 'openapi.json')?.id).toBe('openapi');
    const schema = '{"title":"Employee","type":"object","properties":{"id":{"type":"integer"}},"$defs":{"Team":{"type":"object"}}}';
    expect(guessImportFormat(schema, 'employee.json')?.id).toBe('json-schema');
    expect(guessImportFormat('{"type":"object","properties":{"id":{"type":"integer"}}}', 'thing.json')?.id).toBe('json-schema');
    expect(guessImportFormat('{"format":"crosswalk","version":1,"properties":{},"type":"object"}', 'doc.json')?.id).toBe('json');
  });

  it('jsonErrorOffset finds where JSON breaks', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": [1, {"b": "x"}]}')).toBe(22);
  });
});
