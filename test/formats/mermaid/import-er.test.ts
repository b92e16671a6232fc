import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocumentText } from '../../../src/io/file';
import { exportMermaidEr } from '../../../src/formats/mermaid/er';
import { importMermaidEr } from '../../../src/formats/mermaid/import-er';
import { validateDocument } from '../../../src/model/validate';

function ok(text: string) {
  const r = importMermaidEr(text);
  if (!r.ok) throw new Error(`line ${r.error.line}: ${r.error.message}`);
  expect(validateDocument(r.doc).ok).toBe(true);
  return r.doc;
}

function fail(text: string) {
  const r = importMermaidEr(text);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('importMermaidEr: the syntax of Mermaid’s documentation', () => {
  it('reads the classic example with unquoted labels and every symbol form', () => {
    const doc = ok(`erDiagram
    CUSTOMER ||--o{ ORDER : places
    ORDER ||--|{ LINE-ITEM : contains
    CUSTOMER }|..|{ DELIVERY-ADDRESS : uses
    A |o--o| B : "zero or one each"`);
    expect(doc.entities.map((e) => e.name)).toEqual(['CUSTOMER', 'ORDER', 'LINE-ITEM', 'DELIVERY-ADDRESS', 'A', 'B']);
    expect(doc.links.map((l) => l.cardinality)).toEqual([
      { from: 'exactly-one', to: 'zero-or-more' },
      { from: 'exactly-one', to: 'one-or-more' },
      { from: 'one-or-more', to: 'one-or-more' },
      { from: 'zero-or-one', to: 'zero-or-one' },
    ]);
    expect(doc.links.map((l) => l.label)).toEqual(['places', 'contains', 'uses', 'zero or one each']);
    expect(doc.links.every((l) => l.kind === 'relation')).toBe(true);
    expect(doc.entities.every((e) => e.position === undefined)).toBe(true);
  });

  it('reads word cardinalities, identifying and non-identifying', () => {
    const doc = ok(`erDiagram
    CAR 1 to zero or more NAMED-DRIVER : allows
    PERSON many(0) optionally to 0+ NAMED-DRIVER : is
    X one or more to only one Y : "a"
    X 1+ to one or zero Y : "b"
    X zero or many to many(1) Y : "c"`);
    expect(doc.links.map((l) => [l.cardinality!.from, l.cardinality!.to])).toEqual([
      ['exactly-one', 'zero-or-more'],
      ['zero-or-more', 'zero-or-more'],
      ['one-or-more', 'exactly-one'],
      ['one-or-more', 'zero-or-one'],
      ['zero-or-more', 'one-or-more'],
    ]);
  });

  it('reads attribute blocks with keys, comments, aliases and comments lines', () => {
    const doc = ok(`---
title: Orders
---
erDiagram
    %% people and what they buy
    p[Person] {
        string firstName
        string lastName "family name"
    }
    c["Customer Account"] {
        string id PK "the {id}; not reused"
        int ref FK, UK
        varchar(255) email UK
    }
    p ||--o{ c : ""`);
    expect(doc.title).toBe('Orders');
    const [p, c] = doc.entities;
    expect(p.name).toBe('Person');
    expect(p.fields.map((f) => [f.name, f.type, f.description])).toEqual([
      ['firstName', 'string', undefined],
      ['lastName', 'string', 'family name'],
    ]);
    expect(c.name).toBe('Customer Account');
    expect(c.fields.map((f) => [f.name, f.key, f.description])).toEqual([
      ['id', 'PK', 'the {id}; not reused'],
      ['ref', 'UK', undefined],
      ['email', 'UK', undefined],
    ]);
    expect(doc.links[0].label).toBeUndefined();
  });

  it('decodes entity codes in aliases and labels', () => {
    const doc = ok('erDiagram\n  a["#60;b#62; #quot;x#quot; #35;1"]\n  a ||--|| a : "#60;self#62;"');
    expect(doc.entities[0].name).toBe('<b> "x" #1');
    expect(doc.links[0].label).toBe('<self>');
  });
});

describe('importMermaidEr: errors name the line', () => {
  it('refuses a flowchart', () => {
    const e = fail('flowchart LR\n  a --> b');
    expect(e).toEqual({ line: 1, message: expect.stringMatching(/expected "erDiagram", found "flowchart"/) });
  });

  it('refuses an unclosed attribute block', () => {
    expect(fail('erDiagram\n  A {\n    string x\n').line).toBe(2);
  });

  it('refuses a bad attribute line', () => {
    const e = fail('erDiagram\n  A {\n    justonetoken\n  }');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/attribute/);
  });

  it('refuses an unknown cardinality', () => {
    expect(fail('erDiagram\n  A }}--{{ B : x').line).toBe(2);
  });

  it('refuses a relationship without a label', () => {
    expect(fail('erDiagram\n  A ||--o{ B').message).toMatch(/label/);
  });
});

describe('round trip', () => {
  const files = readdirSync('examples').filter((f) => f.endsWith('.crosswalk.json'));
  it.each(files)('%s: export → import → export is byte-identical', (f) => {
    const r = parseDocumentText(readFileSync(`examples/${f}`, 'utf8'));
    if (!r.ok) throw new Error('example does not open');
    const text = exportMermaidEr(r.doc);
    expect(exportMermaidEr(ok(text))).toBe(text);
  });
});

describe('comments and hostile input', () => {
  it('keeps a field comment with quotes, codes and markup through export → import → export', () => {
    const description = 'say "hi" #35; <img src=x onerror=alert(1)> 100% & more: #quot;';
    const text = exportMermaidEr({
      format: 'crosswalk',
      version: 1,
      title: 't',
      systems: [],
      entities: [{ id: 'a', name: 'a', fields: [{ id: 'f', name: 'f', type: 'string', description }] }],
      links: [],
    });
    // One quoted comment, nothing raw that Mermaid would read as markup.
    expect(text).toMatch(/^ {4}string f "[^"<>]*"$/m);
    const back = ok(text);
    expect(back.entities[0].fields[0].description).toBe(description);
    expect(exportMermaidEr(back)).toBe(text);
  });

  // Each of these took minutes or more before: the tests' time-out is the only bound, and the
  // runs here take well under a second.
  it('reads 20,000 attributes of one name in linear time, keeping their ids apart', () => {
    const lines = ['erDiagram', '  T {', ...Array.from({ length: 20_000 }, () => '    string x'), '    string x_3', '  }'];
    const doc = ok(lines.join('\n'));
    const ids = doc.entities[0].fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(20_001);
    expect(ids.slice(0, 3)).toEqual(['x', 'x_2', 'x_3']);
    expect(ids.at(-1)).toBe('x_3_2');
  });

  it('gives entities whose names clash as ids distinct ids, in linear time', () => {
    // `a!b`, `a?b`, `a!!b`…: names that differ only in characters an id cannot hold.
    const separator = (i: number): string => (i < 5 ? '!?*+~'[i] : separator(Math.floor(i / 5) - 1) + '!?*+~'[i % 5]);
    const names = Array.from({ length: 5_000 }, (_, i) => `"a${separator(i)}b"`);
    const doc = ok(['erDiagram', ...names.map((n) => `  ${n}`)].join('\n'));
    expect(new Set(doc.entities.map((e) => e.id)).size).toBe(5_000);
    expect(doc.entities.slice(0, 3).map((e) => e.id)).toEqual(['a_b', 'a_b_2', 'a_b_3']);
  });

  it('refuses a long line of keys with an open quote without backtracking for ever', () => {
    const e = fail(`erDiagram\n  A {\n    int x PK${' PK'.repeat(5_000)} "open\n  }`);
    expect(e.line).toBe(3);
  });
});
