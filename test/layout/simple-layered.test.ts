import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { parseDocumentText } from '../../src/io/file';
import { splitIntoColumns } from '../../src/layout/columns';
import { ELK_ENTITY_LIMIT, layoutDocument, needsLayout, type ElkLike } from '../../src/layout/elk';
import { computeGeometry, type Box } from '../../src/model/geometry';
import type { CrosswalkDocument, Entity, Link } from '../../src/model/types';
import { fakeIo } from '../cli/fake-io';
import { findOverlaps } from './overlap';

// Layout must not recurse per node: ELK does, so big parts take the iterative layered
// layout, and so does a part on which ELK overflows its stack.

const entity = (i: number, system?: string): Entity => ({
  id: `e${i}`,
  name: `E${i}`,
  ...(system ? { system } : {}),
  fields: [{ id: 'id', name: 'id', key: 'PK' }],
});

/** A chain e0 → e1 → … of relations. */
function chain(n: number): CrosswalkDocument {
  return {
    format: 'crosswalk',
    version: 1,
    title: 'Chain',
    systems: [],
    entities: Array.from({ length: n }, (_, i) => entity(i)),
    links: Array.from({ length: n - 1 }, (_, i): Link => ({ id: `r${i}`, kind: 'relation', from: { entity: `e${i}` }, to: { entity: `e${i + 1}` } })),
  };
}

/** Overlapping pairs among many boxes, by a sweep over x (the pairwise check is quadratic). */
function overlapsAmong(boxes: Box[]): number {
  const sorted = boxes.slice().sort((a, b) => a.x - b.x);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.width; j++) {
      const b = sorted[j];
      if (a.y < b.y + b.height && b.y < a.y + a.height) count++;
    }
  }
  return count;
}

describe('layout of documents too big for ELK', () => {
  it('lays out a 20,000-entity chain, reading left to right and then down, with no overlaps', async () => {
    const doc = await layoutDocument(chain(20_000));
    expect(needsLayout(doc)).toBe(false);
    const geo = computeGeometry(doc);
    const boxes = doc.entities.map((e) => geo.entities.get(e.id)!);
    expect(overlapsAmong(boxes)).toBe(0);
    // Each next entity is to the right on the same band, or on a band further down.
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1], boxes[i]];
      expect(b.y > a.y || (b.y === a.y && b.x > a.x), `e${i - 1} → e${i}`).toBe(true);
    }
    // Wrapped into a block, not a line 7 km long.
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    expect(right / bottom).toBeGreaterThan(0.5);
    expect(right / bottom).toBeLessThan(4);
  });

  it('imports a 20,000-entity relationship chain from the command line', async () => {
    const lines = ['erDiagram', ...Array.from({ length: 19_999 }, (_, i) => `  E${i} ||--o{ E${i + 1} : "next"`)];
    const io = fakeIo({ 'chain.mmd': lines.join('\n') });
    expect(await runCli(['import', 'chain.mmd'], io), io.err).toBe(0);
    const result = parseDocumentText(io.out);
    if (!result.ok) throw new Error('the imported document does not open');
    expect(result.doc.entities).toHaveLength(20_000);
    expect(needsLayout(result.doc)).toBe(false);
  });

  it('puts a system of 5,000 entities, linked to another, in columns inside its box', async () => {
    const doc: CrosswalkDocument = {
      format: 'crosswalk',
      version: 1,
      title: 'Big system',
      systems: [
        { id: 'big', name: 'Big' },
        { id: 'small', name: 'Small' },
      ],
      entities: [...Array.from({ length: 5_000 }, (_, i) => entity(i, 'big')), entity(5_000, 'small')],
      links: [{ id: 'm', kind: 'mapping', from: { entity: 'e0', field: 'id' }, to: { entity: 'e5000', field: 'id' } }],
    };
    expect(doc.entities.length).toBeGreaterThan(ELK_ENTITY_LIMIT);
    const out = await layoutDocument(doc);
    expect(findOverlaps({ ...out, entities: out.entities.filter((e) => e.system !== 'big') })).toEqual([]);
    const geo = computeGeometry(out);
    const inBig = out.entities.filter((e) => e.system === 'big').map((e) => geo.entities.get(e.id)!);
    expect(overlapsAmong(inBig)).toBe(0);
    const big = geo.systems.get('big')!;
    for (const b of inBig) {
      expect(b.x >= big.x && b.y >= big.y && b.x + b.width <= big.x + big.width && b.y + b.height <= big.y + big.height).toBe(true);
    }
    // Columns, not one tower: the box is not much taller than wide.
    expect(big.height / big.width).toBeLessThan(2);
    // The linked system comes after the big one, left to right.
    expect(geo.systems.get('small')!.x).toBeGreaterThan(big.x + big.width);
  });

  it('gives a linked part just over the limit to the iterative layout, never to ELK (an import of 500 tables waited 35 s for ELK)', async () => {
    const calls = { n: 0 };
    const counting: ElkLike = {
      layout: () => {
        calls.n++;
        return Promise.reject(new Error('not expected'));
      },
    };
    const out = await layoutDocument(chain(ELK_ENTITY_LIMIT + 1), { elk: counting });
    expect(calls.n).toBe(0);
    expect(needsLayout(out)).toBe(false);
    expect(findOverlaps(out)).toEqual([]);
    // The limit can be set per call.
    await expect(layoutDocument(chain(11), { elk: counting, elkEntityLimit: 11 })).rejects.toThrow(/not expected/);
    await layoutDocument(chain(12), { elk: counting, elkEntityLimit: 11 });
    expect(calls.n).toBe(1);
  });

  it('falls back to the iterative layout when ELK overflows its stack', async () => {
    const overflowing: ElkLike = {
      layout: () => Promise.reject(new Error('ELK layout failed: Maximum call stack size exceeded')),
    };
    const doc = await layoutDocument(chain(30), { elk: overflowing });
    expect(needsLayout(doc)).toBe(false);
    expect(findOverlaps(doc)).toEqual([]);
  });

  it('still reports any other ELK failure', async () => {
    const broken: ElkLike = { layout: () => Promise.reject(new Error('ELK layout failed: no')) };
    await expect(layoutDocument(chain(3), { elk: broken })).rejects.toThrow(/no/);
  });

  it('lays out 20,000 unlinked entities without one ELK run each', async () => {
    const doc = chain(20_000);
    const calls = { n: 0 };
    const counting: ElkLike = {
      layout: () => {
        calls.n++;
        return Promise.reject(new Error('not expected'));
      },
    };
    const out = await layoutDocument({ ...doc, links: [] }, { elk: counting });
    expect(calls.n).toBe(0);
    const geo = computeGeometry(out);
    expect(overlapsAmong(out.entities.map((e) => geo.entities.get(e.id)!))).toBe(0);
  });
});

describe('splitIntoColumns for many entities', () => {
  it('keeps document order in contiguous columns, no more than asked, balanced', () => {
    const heights = Array.from({ length: 20_000 }, (_, i) => 60 + ((i * 37) % 5) * 24);
    const column = splitIntoColumns(heights, 4_000);
    for (let i = 1; i < column.length; i++) expect(column[i] - column[i - 1]).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < column.length; i++) expect(column[i] - column[i - 1]).toBeLessThanOrEqual(1);
    const perColumn: number[] = [];
    heights.forEach((h, i) => (perColumn[column[i]] = (perColumn[column[i]] ?? 0) + h + 40));
    const total = heights.reduce((a, b) => a + b + 40, 0);
    const k = Math.ceil(total / (4_000 + 40));
    expect(perColumn.length).toBeLessThanOrEqual(k);
    // Balanced: the tallest column is within one entity of the average.
    expect(Math.max(...perColumn) - total / perColumn.length).toBeLessThan(200);
  });
});
