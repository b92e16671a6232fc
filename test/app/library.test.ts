import { describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import { describeDocument, readHistory, STORED_HISTORY_STEPS, storedHistory } from '../../src/app/persistence/library';
import { serialiseDocument } from '../../src/io/serialise';
import { loadExample } from '../fixtures/examples';

describe('stored undo history', () => {
  const doc = loadExample();
  const steps = Array.from({ length: STORED_HISTORY_STEPS + 20 }, (_, i) => ops.updateDocumentInfo(doc, { title: `step ${i}` }));

  it('keeps the steps nearest the present, and reads them back', () => {
    const stored = storedHistory(steps, steps.slice(0, 3));
    expect(stored.past).toHaveLength(STORED_HISTORY_STEPS);
    // The newest past steps (the end of the list) are the ones kept, in order.
    expect(stored.past.at(-1)).toBe(serialiseDocument(steps.at(-1)!));
    expect(stored.past[0]).toBe(serialiseDocument(steps[20]));
    const back = readHistory(stored);
    expect(back.past.map((d) => d.title)).toEqual(steps.slice(20).map((d) => d.title));
    expect(back.future.map((d) => d.title)).toEqual(['step 0', 'step 1', 'step 2']);
  });

  it('drops unreadable snapshots instead of failing to open the document', () => {
    const back = readHistory({ past: ['{not json', serialiseDocument(doc)], future: ['{"format":"other"}'] });
    expect(back.past).toHaveLength(1);
    expect(back.future).toEqual([]);
  });

  it('summarises a document for the home list', () => {
    expect(describeDocument(doc, 'x', 5)).toEqual({
      id: 'x',
      title: doc.title,
      systems: doc.systems.length,
      entities: doc.entities.length,
      links: doc.links.length,
      steps: doc.walkthrough?.length ?? 0,
      createdAt: 5,
    });
  });
});
