import { describe, expect, it } from 'vitest';
import { packInRows, splitIntoParts } from '../../src/layout/components';
import type { CrosswalkDocument } from '../../src/model/types';

const doc: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Parts',
  systems: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
    { id: 'd', name: 'D' },
  ],
  entities: [
    { id: 'a1', name: 'A1', system: 'a', fields: [{ id: 'k', name: 'k' }] },
    { id: 'c1', name: 'C1', system: 'c', fields: [{ id: 'k', name: 'k' }] },
    { id: 'free1', name: 'Free 1', fields: [{ id: 'k', name: 'k' }] },
    { id: 'free2', name: 'Free 2', fields: [{ id: 'k', name: 'k' }] },
  ],
  links: [
    { id: 'm', kind: 'mapping', from: { entity: 'c1', field: 'k' }, to: { entity: 'free1' } },
    { id: 'f', kind: 'flow', from: { system: 'a' }, to: { system: 'd' } },
  ],
  notes: [
    { id: 'n1', text: 'one' },
    { id: 'n2', text: 'two' },
  ],
};

describe('splitIntoParts', () => {
  it('groups systems and free entities joined by links; each note stands alone', () => {
    expect(splitIntoParts(doc)).toEqual([
      { systems: [0, 3], freeEntities: [], notes: [] },
      { systems: [1], freeEntities: [], notes: [] },
      { systems: [2], freeEntities: [2], notes: [] },
      { systems: [], freeEntities: [3], notes: [] },
      { systems: [], freeEntities: [], notes: [0] },
      { systems: [], freeEntities: [], notes: [1] },
    ]);
  });

  it('does not depend on the order of links', () => {
    expect(splitIntoParts({ ...doc, links: [...doc.links].reverse() })).toEqual(splitIntoParts(doc));
  });
});

describe('packInRows', () => {
  it('places nothing for no boxes', () => {
    expect(packInRows([], 10, 1)).toEqual([]);
  });

  it('puts the largest first and wraps rows without overlap', () => {
    const sizes = [
      { width: 100, height: 100 },
      { width: 300, height: 200 },
      { width: 100, height: 100 },
      { width: 100, height: 100 },
      { width: 100, height: 100 },
    ];
    const at = packInRows(sizes, 20, 1.5);
    expect(at[1]).toEqual({ x: 0, y: 0 });
    const boxes = sizes.map((s, i) => ({ ...s, ...at[i] }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.width + 20 <= b.x || b.x + b.width + 20 <= a.x || a.y + a.height + 20 <= b.y || b.y + b.height + 20 <= a.y;
        expect(apart, `boxes ${i} and ${j}`).toBe(true);
      }
    }
    expect(new Set(at.map((p) => p.y)).size).toBeGreaterThan(1);
  });
});
