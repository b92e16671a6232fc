import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/io/file';
import { createBundledElk, layoutDocument, needsLayout, type ElkLike } from '../../src/layout/elk';
import { computeGeometry, SYSTEM_MIN_SIZE } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';
import { generateDocument } from '../fixtures/generate';
import { findOverlaps } from './overlap';

function loadExample(name: string): CrosswalkDocument {
  const result = parseDocumentText(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`example ${name} does not parse`);
  return result.doc;
}

function expectLaidOut(doc: CrosswalkDocument): void {
  expect(validateDocument(doc)).toMatchObject({ ok: true });
  expect(needsLayout(doc)).toBe(false);
  expect(doc.systems.every((s) => s.size !== undefined)).toBe(true);
  expect(findOverlaps(doc)).toEqual([]);
}

const bare = (doc: CrosswalkDocument): CrosswalkDocument => ({
  ...doc,
  systems: doc.systems.map(({ position: _p, size: _s, ...s }) => s),
  entities: doc.entities.map(({ position: _p, ...e }) => e),
  notes: doc.notes?.map(({ position: _p, ...n }) => n),
});

describe('layoutDocument', () => {
  it('lays out the identity example left to right, following its flows, with no overlaps', async () => {
    const doc = await layoutDocument(loadExample('identity-lifecycle.crosswalk.json'));
    expectLaidOut(doc);
    const geo = computeGeometry(doc);
    const x = (id: string) => geo.systems.get(id)!.x;
    expect(x('workday')).toBeLessThan(x('okta'));
    expect(x('okta')).toBeLessThan(x('google'));
    expect(x('okta')).toBeLessThan(x('slack'));
    // Reads left to right: wider than tall.
    expect(geo.bounds.width).toBeGreaterThan(geo.bounds.height);
  });

  it.each(['identity-lifecycle', 'crm-erp-quote-to-cash', 'device-fleet-mdm'])(
    'shapes %s for a 16:9 screen: neither one tall column nor one long row',
    async (name) => {
      const { bounds } = computeGeometry(await layoutDocument(loadExample(`${name}.crosswalk.json`)));
      const aspect = bounds.width / bounds.height;
      expect(aspect).toBeGreaterThan(1.2);
      expect(aspect).toBeLessThan(2.5);
    },
  );

  it('puts an entity that feeds later systems right of its neighbours in the system', async () => {
    const doc = await layoutDocument(loadExample('device-fleet-mdm.crosswalk.json'));
    const x = (id: string) => doc.entities.find((e) => e.id === id)!.position!.x;
    // Jamf Computer maps onto the Snipe-IT asset; Patch Policy only relates inside Jamf.
    expect(x('jamf-computer')).toBeGreaterThan(x('jamf-patch-policy'));
  });

  it('changes only positions and sizes', async () => {
    // The example ships laid out: start from it without positions.
    const before = bare(loadExample('identity-lifecycle.crosswalk.json'));
    const after = await layoutDocument(before);
    expect(bare(after)).toEqual(bare(before));
    expect(before.systems[0].position).toBeUndefined(); // the input is not mutated
  });

  it('gives the same layout twice', async () => {
    const doc = loadExample('identity-lifecycle.crosswalk.json');
    expect(await layoutDocument(doc)).toEqual(await layoutDocument(doc));
  });

  it('with onlyMissing, returns the very same document when everything has a position', async () => {
    const doc = generateDocument({ systems: 3, entitiesPerSystem: 2, fieldsPerEntity: 3, mappings: 2 });
    const calls: unknown[] = [];
    const elk: ElkLike = { layout: async (g) => (calls.push(g), g) };
    expect(await layoutDocument(doc, { onlyMissing: true, elk })).toBe(doc);
    expect(calls).toHaveLength(0);
  });

  it('with onlyMissing, lays out a document where one note lacks a position', async () => {
    const doc = generateDocument({ systems: 3, entitiesPerSystem: 2, fieldsPerEntity: 3, mappings: 2 });
    const partial = { ...doc, notes: [...(doc.notes ?? []), { id: 'late-note', text: 'Added by a script' }] };
    const out = await layoutDocument(partial, { onlyMissing: true });
    expect(out).not.toBe(partial);
    expectLaidOut(out);
  });

  it('uses the ELK it is given', async () => {
    const real = await createBundledElk();
    let calls = 0;
    const elk: ElkLike = { layout: (g) => (calls++, real.layout(g)) };
    await layoutDocument(loadExample('identity-lifecycle.crosswalk.json'), { elk });
    expect(calls).toBeGreaterThan(0);
  });

  it('reports an ELK failure as a rejected promise', async () => {
    const elk: ElkLike = { layout: async () => Promise.reject(new Error('worker died')) };
    await expect(layoutDocument(loadExample('identity-lifecycle.crosswalk.json'), { elk })).rejects.toThrow('worker died');
  });

  it('packs unlinked systems in rows, not one tall column', async () => {
    const gen = generateDocument({ systems: 9, entitiesPerSystem: 3, fieldsPerEntity: 4, mappings: 0, positions: false });
    const doc = await layoutDocument({ ...gen, links: [], walkthrough: [] });
    expectLaidOut(doc);
    const { bounds } = computeGeometry(doc);
    expect(bounds.width).toBeGreaterThan(bounds.height);
    expect(new Set(doc.systems.map((s) => s.position!.y)).size).toBeGreaterThan(1);
  });

  it('packs unlinked free entities too', async () => {
    const gen = generateDocument({ systems: 1, entitiesPerSystem: 12, fieldsPerEntity: 4, mappings: 0, positions: false });
    const free = { ...gen, systems: [], links: [], walkthrough: [], entities: gen.entities.map(({ system: _s, ...e }) => e) };
    const doc = await layoutDocument(free);
    expectLaidOut(doc);
    const { bounds } = computeGeometry(doc);
    expect(bounds.width).toBeGreaterThan(bounds.height);
  });

  it('handles an empty document, an empty system and odd ids', async () => {
    const empty: CrosswalkDocument = { format: 'crosswalk', version: 1, title: 'Empty', systems: [], entities: [], links: [] };
    expect(await layoutDocument(empty)).toEqual(empty);

    const odd: CrosswalkDocument = {
      format: 'crosswalk',
      version: 1,
      title: 'Odd',
      systems: [
        { id: 'a "quoted" <id>', name: 'A' },
        { id: 'empty\nsystem', name: 'Nothing inside' },
      ],
      entities: [
        { id: 'e.1', name: 'E1', system: 'a "quoted" <id>', fields: [{ id: 'x', name: 'x' }, { id: 'y y', name: 'y' }] },
        { id: 'e 2', name: 'E2', fields: [{ id: 'x', name: 'x' }] },
      ],
      links: [
        { id: 'm', kind: 'mapping', from: { entity: 'e.1', field: 'y y' }, to: { entity: 'e 2', field: 'x' } },
        { id: 'm2', kind: 'mapping', from: { entity: 'e.1' }, to: { entity: 'e 2' } },
        { id: 'self', kind: 'relation', from: { entity: 'e.1', field: 'x' }, to: { entity: 'e.1', field: 'y y' } },
        { id: 'f', kind: 'flow', from: { system: 'a "quoted" <id>' }, to: { system: 'empty\nsystem' } },
      ],
      notes: [{ id: 'n', text: 'A note\nwith two lines' }],
    };
    const doc = await layoutDocument(odd);
    expectLaidOut(doc);
    expect(doc.systems[1].size).toEqual({ width: SYSTEM_MIN_SIZE.width, height: SYSTEM_MIN_SIZE.height });
  });

  it('lays out 100 generated entities without overlaps', async () => {
    const gen = generateDocument({ systems: 10, entitiesPerSystem: 10, fieldsPerEntity: 8, mappings: 150, positions: false });
    const doc = await layoutDocument(gen);
    expectLaidOut(doc);
    const { bounds } = computeGeometry(doc);
    expect(bounds.width).toBeGreaterThan(bounds.height);
  });
});
