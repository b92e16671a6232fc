import { describe, expect, it } from 'vitest';
import { openText } from '../../src/app/files/documents';
import { getState, replaceDocument } from '../../src/app/store/store';
import { loadExample } from '../fixtures/examples';

// A bad file gets a message naming what is wrong, each problem once, and the open
// document stays as it was.

function lastToast() {
  const toasts = getState().toasts;
  return toasts[toasts.length - 1];
}

describe('opening a bad file', () => {
  it('lists each of several problems once (the first was also in the message)', async () => {
    const open = loadExample();
    replaceDocument(open);
    const bad = JSON.stringify({
      format: 'crosswalk',
      version: 1,
      title: 'T',
      systems: [],
      entities: [{ id: 'e', name: 'E', system: 'nowhere', fields: [{ id: 'f', name: 'f' }] }],
      links: [{ id: 'l', kind: 'mapping', from: { entity: 'e', field: 'f' }, to: { entity: 'e', field: 'f' } }],
    });
    expect(await openText(bad, 'bad.json')).toBe(false);
    const toast = lastToast();
    expect(toast.kind).toBe('error');
    expect(toast.text).toBe('Could not open bad.json: 2 problems');
    expect(toast.details).toEqual(['entities[0].system: unknown system "nowhere"', 'links[0].to: a mapping cannot join a field to itself']);
    const all = [toast.text, ...(toast.details ?? [])];
    for (const line of toast.details ?? []) expect(all.filter((t) => t.includes(line))).toHaveLength(1);
    expect(getState().doc).toBe(open);
  });

  it('says a single problem in the message, with no list', async () => {
    expect(await openText('[1, 2]', 'list.json')).toBe(false);
    const toast = lastToast();
    expect(toast.text).toBe('Could not open list.json: This is not a Crosswalk document: the file holds a JSON array, not an object.');
    expect(toast.details).toBeUndefined();
  });
});
