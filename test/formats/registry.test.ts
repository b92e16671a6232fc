import { describe, expect, it } from 'vitest';
import {
  acceptedFileTypes,
  EXPORT_FORMATS,
  findImportFormat,
  FORMATS,
  guessImportFormat,
  IMPORT_FORMATS,
  importFormatNames,
} from '../../src/formats/registry';

describe('the format registry', () => {
  it('lists every format once, and every import and export name once', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const exports = EXPORT_FORMATS.map((f) => f.id);
    expect(new Set(exports).size).toBe(exports.length);
    const names = importFormatNames();
    expect(new Set(names).size).toBe(names.length);
  });

  it('offers the exports and imports DESIGN.md names (those built so far)', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(expect.arrayContaining(['mermaid-er', 'mermaid-flow', 'markdown', 'pptx', 'svg', 'json', 'csv-mappings', 'dbml']));
    for (const name of ['mermaid', 'sql', 'csv', 'dbml', 'openapi', 'json-schema']) expect(findImportFormat(name)?.id).toBe(name);
    expect(findImportFormat('SQL')?.id).toBe('sql');
    expect(findImportFormat('nope')).toBeUndefined();
  });

  it('guesses a format from the content, with the file name as a hint', () => {
    const guess = (text: string, name?: string) => guessImportFormat(text, name)?.id;
    expect(guess('erDiagram\n  A ||--o{ B : has')).toBe('mermaid');
    expect(guess('# Notes\n\n```mermaid\nerDiagram\n  A ||--o{ B : x\n```\n', 'notes.md')).toBe('mermaid');
    expect(guess('CREATE TABLE a (id int);')).toBe('sql');
    expect(guess('-- just a comment', 'schema.sql')).toBe('sql');
    expect(guess('\uFEFFSource_System;Source_Entity;Target_Entity\r\n')).toBe('csv');
    expect(guess('{ "format": "crosswalk", "version": 1 }', 'x.json')).toBe('json');
    expect(guess('hello world')).toBeUndefined();
  });

  it('accepts in the file picker exactly what some format imports', () => {
    const accept = acceptedFileTypes().split(',');
    for (const ext of ['.mmd', '.md', '.sql', '.csv', '.crosswalk.json', '.json']) expect(accept).toContain(ext);
    expect(accept).not.toContain('.pptx');
    expect(IMPORT_FORMATS.every((f) => typeof f.import === 'function')).toBe(true);
  });
});

describe('sniffing Mermaid with a theme in the text', () => {
  it('recognises an erDiagram after front matter or an init directive, alone or in a note', () => {
    const fm = '---\nconfig:\n  theme: neutral\n---\nerDiagram\n  A ||--o{ B : has\n';
    expect(guessImportFormat(fm)?.id).toBe('mermaid');
    expect(guessImportFormat('%%{init: {"theme": "neutral"}}%%\nerDiagram\n  A ||--o{ B : has')?.id).toBe('mermaid');
    expect(guessImportFormat(`# Note\n\n\`\`\`mermaid\n${fm}\`\`\`\n`)?.id).toBe('mermaid');
  });
});

describe('guessing among the JSON and YAML formats', () => {
  it('tells a Crosswalk document, an OpenAPI document, a JSON Schema and DBML apart', () => {
    const guess = (text: string, name?: string) => guessImportFormat(text, name)?.id;
    expect(guess('{ "format": "crosswalk", "version": 1 }', 'doc.json')).toBe('json');
    expect(guess('openapi: 3.0.3\ninfo:\n  title: HR\n', 'hr.yaml')).toBe('openapi');
    expect(guess('{ "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object" }', 'user.json')).toBe('json-schema');
    expect(guess('Table users {\n  id int [pk]\n}\n')).toBe('dbml');
  });
});
