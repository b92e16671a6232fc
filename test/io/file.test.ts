import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { describeParseError, MAX_FILE_CHARS, parseDocumentText, type ParseError } from '../../src/io/file';

const minimal = { format: 'crosswalk', version: 1, title: 'T', systems: [], entities: [], links: [] };

function errorOf(text: string): ParseError {
  const r = parseDocumentText(text);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('parseDocumentText: one test per error kind', () => {
  it('too-large', () => {
    expect(errorOf(' '.repeat(MAX_FILE_CHARS + 1)).kind).toBe('too-large');
  });

  it('not-json, with the line and column', () => {
    const e = errorOf('{\n  "format": "crosswalk",\n  "version": 1,,\n}');
    expect(e).toMatchObject({ kind: 'not-json', line: 3 });
    expect(describeParseError(e)[0]).toMatch(/not valid JSON \(line 3, column \d+\)/);
  });

  it.each([
    ['[]', 'array', 'a JSON array'],
    ['[{"format": "crosswalk"}]', 'array', 'a JSON array'],
    ['42', 'number', 'a JSON number'],
    ['"crosswalk"', 'string', 'a JSON string'],
    ['true', 'boolean', 'a JSON boolean'],
    ['null', 'null', 'JSON null'],
  ])('not-object: %s', (text, found, words) => {
    const e = errorOf(text);
    expect(e).toEqual({ kind: 'not-object', found });
    expect(describeParseError(e)).toEqual([`This is not a Crosswalk document: the file holds ${words}, not an object.`]);
  });

  it.each([['{"title": "x"}'], ['{"format": "excalidraw"}'], ['{}']])('not-crosswalk: %s', (text) => {
    const e = errorOf(text);
    expect(e.kind).toBe('not-crosswalk');
    expect(describeParseError(e)[0]).toMatch(/not a Crosswalk document: "format" must be "crosswalk"/);
  });

  it('version-missing', () => {
    expect(errorOf('{"format": "crosswalk"}').kind).toBe('version-missing');
  });

  it('version-too-new names the version and says a newer Crosswalk made it', () => {
    const e = errorOf(JSON.stringify({ ...minimal, version: 3 }));
    expect(e).toEqual({ kind: 'version-too-new', version: 3 });
    expect(describeParseError(e)[0]).toMatch(/version 3.*newer Crosswalk.*up to version 1/);
  });

  it.each([['"1"'], ['0'], ['1.5'], ['-1']])('version-unknown: %s', (v) => {
    expect(errorOf(`{"format": "crosswalk", "version": ${v}}`).kind).toBe('version-unknown');
  });

  it('invalid, with every problem and its path', () => {
    const e = errorOf(JSON.stringify({ ...minimal, title: '', entities: [{ id: 'a', name: 'A', system: 'nope', fields: [] }] }));
    expect(e.kind).toBe('invalid');
    expect(describeParseError(e)).toEqual(['title: must not be empty']);
    const e2 = errorOf(JSON.stringify({ ...minimal, entities: [{ id: 'a', name: 'A', system: 'nope', fields: [] }] }));
    expect(describeParseError(e2)).toEqual(['entities[0].system: unknown system "nope"']);
  });
});

describe('parseDocumentText: what opens', () => {
  it('opens a file with a byte-order mark', () => {
    expect(parseDocumentText(`\ufeff${JSON.stringify(minimal)}`).ok).toBe(true);
  });

  it.each(readdirSync('examples').filter((f) => f.endsWith('.json')))('opens examples/%s', (f) => {
    const r = parseDocumentText(readFileSync(`examples/${f}`, 'utf8'));
    expect(r.ok ? [] : describeParseError(r.error)).toEqual([]);
  });
});
