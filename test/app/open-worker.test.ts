import { describe, expect, it } from 'vitest';
import { openText } from '../../src/app/files/documents';
import { runOpenJob, type OpenJobStage } from '../../src/app/files/open-job';
import { readParts } from '../../src/app/files/open-worker';
import { WORKER_TEXT_CHARS } from '../../src/app/files/read-large';
import { serialiseParts, serialiseDocument, serialiseDocumentIncrementally } from '../../src/io/serialise';
import { getState, replaceDocument } from '../../src/app/store/store';
import { generateDocument } from '../fixtures/generate';
import { loadExample } from '../fixtures/examples';

// Opening a large document off the main thread: the open job (what the worker runs; in Node
// it runs in this thread, the fallback where no worker starts) and the page's reading of its
// result a slice at a time.

describe('the open job and reading its parts', () => {
  it('hands back the document it checked, unchanged, and its saved text costs no second serialisation', async () => {
    const doc = loadExample();
    // Keys this version does not know travel too.
    const withExtra = { ...doc, owner: 'team-a', entities: doc.entities.map((e, i) => (i === 0 ? { ...e, pii: true } : e)) };
    const stages: OpenJobStage[] = [];
    const result = await runOpenJob({ text: serialiseDocument(withExtra), layout: true }, (s) => stages.push(s));
    expect(stages).toEqual(['checking']);
    if (!result.ok) throw new Error('expected the example to open');
    const fractions: number[] = [];
    const read = await readParts(result.parts, (f) => fractions.push(f));
    expect(read).toEqual(withExtra);
    expect(serialiseDocumentIncrementally(read)).toBe(serialiseDocument(withExtra));
    expect(fractions.at(-1)).toBe(1);
  });

  it('reads a large document in slices, every fraction in order', async () => {
    const doc = generateDocument({ systems: 10, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 700 });
    const fractions: number[] = [];
    const read = await readParts(serialiseParts(doc), (f) => fractions.push(f));
    expect(read.entities).toHaveLength(500);
    expect(read.links).toEqual(doc.links);
    expect(fractions.length).toBeGreaterThan(0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('lays out a document without positions and says it did', async () => {
    const doc = generateDocument({ systems: 3, entitiesPerSystem: 4, fieldsPerEntity: 3, mappings: 6, positions: false });
    const stages: OpenJobStage[] = [];
    const result = await runOpenJob({ text: serialiseDocument(doc), layout: true }, (s) => stages.push(s));
    expect(stages).toEqual(['checking', 'laying out']);
    if (!result.ok) throw new Error('expected it to open');
    expect(result.layoutError).toBeUndefined();
    const read = await readParts(result.parts);
    expect(read.entities.every((e) => e.position)).toBe(true);
    expect(read.systems.every((s) => s.position && s.size)).toBe(true);
  });

  it('a large bad file gets the same `path: message` lines, and the open document stays', async () => {
    const open = loadExample();
    replaceDocument(open);
    const doc = generateDocument({ systems: 30, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 2000 });
    const bad = { ...doc, links: [...doc.links, { id: 'dangling', kind: 'relation', from: { entity: 'nowhere' }, to: { entity: doc.entities[0].id } }] };
    const text = serialiseDocument(bad as typeof doc);
    expect(text.length).toBeGreaterThanOrEqual(WORKER_TEXT_CHARS);
    expect(await openText(text, 'big.json')).toBe(false);
    const toast = getState().toasts.at(-1)!;
    expect(toast.kind).toBe('error');
    expect(toast.text).toBe(`Could not open big.json: links[${doc.links.length}].from.entity: unknown entity "nowhere"`);
    expect(getState().doc).toBe(open);
  });
});
