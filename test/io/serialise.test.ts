import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import { serialiseAhead, serialiseDocument, serialiseDocumentIncrementally } from '../../src/io/serialise';
import { generateDocument } from '../fixtures/generate';
import * as ops from '../../src/model/ops';
import type { CrosswalkDocument } from '../../src/model/types';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';

function reparse(text: string): CrosswalkDocument {
  const r = parseDocumentText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.doc;
}

describe('serialiseDocument', () => {
  it('writes keys in a fixed order whatever the input order, and drops undefined keys', () => {
    const a = serialiseDocument({ links: [], entities: [], systems: [{ name: 'S', id: 's', kind: undefined }], title: 'T', version: 1, format: 'crosswalk' } as CrosswalkDocument);
    expect(a).toBe('{\n  "format": "crosswalk",\n  "version": 1,\n  "title": "T",\n  "systems": [\n    {\n      "id": "s",\n      "name": "S"\n    }\n  ],\n  "entities": [],\n  "links": []\n}\n');
  });

  it.each(readdirSync('examples').filter((f) => f.endsWith('.json')))('%s: serialise → parse → serialise is byte-identical', (f) => {
    const once = serialiseDocument(reparse(readFileSync(`examples/${f}`, 'utf8')));
    expect(serialiseDocument(reparse(once))).toBe(once);
  });

  it('round-trips random documents with hostile names', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const once = serialiseDocument(doc);
        expect(serialiseDocument(reparse(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('incrementally: the same bytes as a whole serialisation, for random documents and after an edit that reuses the text of the rest', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        expect(serialiseDocumentIncrementally(doc)).toBe(serialiseDocument(doc));
      }),
      { numRuns: 100 },
    );
    const doc = reparse(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
    expect(serialiseDocumentIncrementally(doc)).toBe(serialiseDocument(doc));
    const edited = ops.updateEntity(doc, doc.entities[1].id, { name: 'Renamed "entities": []' });
    expect(serialiseDocumentIncrementally(edited)).toBe(serialiseDocument(edited));
    expect(serialiseDocumentIncrementally({ ...edited, entities: [], links: [] })).toBe(serialiseDocument({ ...edited, entities: [], links: [] }));
  });

  it('ahead of a save, a slice at a time: stops when told, resumes, and the save gives the same bytes', () => {
    const doc = generateDocument({ systems: 3, entitiesPerSystem: 20, fieldsPerEntity: 4, mappings: 40 });
    let slices = 0;
    // One slice per call: every element written once across the calls.
    while (!serialiseAhead(doc, () => false)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(serialiseAhead(doc, () => false)).toBe(true);
    expect(serialiseDocumentIncrementally(doc)).toBe(serialiseDocument(doc));
  });
});
