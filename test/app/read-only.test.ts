import { afterEach, describe, expect, it } from 'vitest';
import * as ops from '../../src/model/ops';
import { addSystemAt, deleteSelection } from '../../src/app/store/commands';
import { applyEdit, applyExternalDocument, applyTransient, getState, loadDocument, redo, select, undo } from '../../src/app/store/store';
import { loadExample } from '../fixtures/examples';

// A shared document is read-only in the store itself, not only in the buttons.

afterEach(() => loadDocument(loadExample(), { past: [], future: [] }));

describe('read-only documents', () => {
  it('refuses every kind of edit, and says so once', () => {
    const doc = loadExample();
    const earlier = ops.updateDocumentInfo(doc, { title: 'earlier' });
    loadDocument(doc, { past: [earlier], future: [earlier] }, { readOnly: true });
    const toasts = getState().toasts.length;
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'changed' }));
    addSystemAt({ x: 0, y: 0 });
    applyTransient((d) => ops.updateDocumentInfo(d, { title: 'dragging' }));
    select({ ids: [doc.systems[0].id] });
    deleteSelection();
    undo();
    redo();
    expect(getState().doc).toBe(doc);
    expect(getState().history.past).toEqual([earlier]);
    expect(getState().toasts.length).toBe(toasts + 1);
    expect(getState().toasts.at(-1)!.text).toMatch(/read-only.*Edit a copy/);
    // Selecting still works: a reader can look at things.
    expect(getState().selection.ids).toEqual([doc.systems[0].id]);
  });

  it('is editable again once another document is loaded', () => {
    loadDocument(loadExample(), { past: [], future: [] }, { readOnly: true });
    loadDocument(loadExample(), { past: [], future: [] });
    applyEdit((d) => ops.updateDocumentInfo(d, { title: 'changed' }));
    expect(getState().doc.title).toBe('changed');
  });

  it('shows another tab’s version (not an undo step here), keeping the selection that still exists', () => {
    const doc = loadExample();
    loadDocument(doc, { past: [], future: [] });
    select({ ids: [doc.systems[0].id, doc.systems[1].id] });
    const theirs = ops.deleteElements(doc, [doc.systems[1].id]);
    applyExternalDocument(theirs);
    expect(getState().doc).toEqual(theirs);
    expect(getState().selection.ids).toEqual([doc.systems[0].id]);
    undo();
    expect(getState().doc).toEqual(theirs);
  });
});
