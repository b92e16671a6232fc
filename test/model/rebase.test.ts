import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import { applyDelta, diffJson, rebaseHistory } from '../../src/model/rebase';
import type { CrosswalkDocument } from '../../src/model/types';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';
import { loadExample } from '../fixtures/examples';

// Carrying another tab's change into this tab's undo snapshots (store.applyExternalDocument).

const clone = (d: CrosswalkDocument): CrosswalkDocument => JSON.parse(JSON.stringify(d)) as CrosswalkDocument;

describe('diffJson and applyDelta', () => {
  it('turn one document into another, sharing what did not change', () => {
    fc.assert(
      fc.property(arbitraryDocument({ maxEntities: 6, maxFields: 5, maxLinks: 8, maxSteps: 2 }), arbitraryDocument({ maxEntities: 6, maxFields: 5, maxLinks: 8, maxSteps: 2 }), (a, b) => {
        expect(applyDelta(diffJson(a, b), a)).toEqual(b);
        expect(applyDelta(diffJson(a, a), a)).toBe(a);
      }),
      { numRuns: 80 },
    );
    const doc = loadExample();
    const entity = doc.entities[0];
    const renamed = ops.updateEntity(doc, entity.id, { name: 'Renamed' });
    // A text read back from another tab shares nothing: the result does, where nothing changed.
    const applied = applyDelta(diffJson(doc, clone(renamed)), doc)!;
    expect(applied).toEqual(renamed);
    expect(applied.links).toBe(doc.links);
    expect(applied.entities[1]).toBe(doc.entities[1]);
  });
});

describe('rebaseHistory', () => {
  const doc = loadExample();
  const [e1, e2] = doc.entities;

  it('keeps the other tab’s change in every undo step, and undoes only this tab’s edits', () => {
    // This tab: renames e1, then adds a note. The other tab: renames e2 and adds a system.
    const s1 = ops.updateEntity(doc, e1.id, { name: 'Mine' });
    const mine = ops.addNote(s1, { id: 'n_mine', text: 'mine', position: { x: 0, y: 0 } });
    const theirs = clone(ops.addSystem(ops.updateEntity(mine, e2.id, { name: 'Theirs' }), { id: 's_theirs', name: 'Theirs' }));
    const r = rebaseHistory(mine, theirs, [doc, s1], []);
    expect(r.cut).toBe(false);
    expect(r.doc).toEqual(theirs);
    // Undo once: the note goes, both renames and the system stay.
    expect(r.past[1]).toEqual(ops.addSystem(ops.updateEntity(s1, e2.id, { name: 'Theirs' }), { id: 's_theirs', name: 'Theirs' }));
    // Undo twice: this tab's rename goes too; the other tab's change stays.
    expect(r.past[0]).toEqual(ops.addSystem(ops.updateEntity(doc, e2.id, { name: 'Theirs' }), { id: 's_theirs', name: 'Theirs' }));
  });

  it('stops at a step that touched what the other tab changed, keeping the newer ones', () => {
    const s1 = ops.updateEntity(doc, e1.id, { name: 'Mine' });
    const mine = ops.addNote(s1, { id: 'n_mine', text: 'mine', position: { x: 0, y: 0 } });
    const theirs = clone(ops.updateEntity(mine, e1.id, { name: 'Theirs' }));
    const r = rebaseHistory(mine, theirs, [doc, s1], [doc]);
    expect(r.cut).toBe(true);
    // The note can still be undone; the rename (which the other tab renamed again) cannot.
    expect(r.past).toEqual([ops.updateEntity(s1, e1.id, { name: 'Theirs' })]);
    expect(r.future).toEqual([]);
  });

  it('does not bring back by undo what the other tab edited after this tab added it', () => {
    const mine = ops.addNote(doc, { id: 'n_mine', text: 'mine', position: { x: 0, y: 0 } });
    const theirs = clone(ops.updateNote(mine, 'n_mine', { text: 'improved by the other tab' }));
    const r = rebaseHistory(mine, theirs, [doc], []);
    expect(r.cut).toBe(true);
    expect(r.past).toEqual([]);
    expect(r.doc).toEqual(theirs);
  });
});
