import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOverview, createOverviewCache, geometryOf } from '../../src/app/canvas/overview-model';
import { computeGeometry } from '../../src/model/geometry';
import * as ops from '../../src/model/ops';
import { moveEntityToSystem } from '../../src/model/placement';
import type { CrosswalkDocument } from '../../src/model/types';
import { generateDocument } from '../fixtures/generate';

// The canvas model of a large document is updated per edit, not rebuilt: parts whose element
// (and the boxes it hangs on) are the same objects are reused. Whatever the edits, the
// updated model must equal a full rebuild of the new document.

/** One random edit, its targets picked by index (modulo what exists). */
type EditSpec = { kind: number; a: number; b: number; c: number; text: string };

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  kind: fc.nat({ max: 15 }),
  a: fc.nat({ max: 1000 }),
  b: fc.nat({ max: 1000 }),
  c: fc.integer({ min: -200, max: 600 }),
  text: fc.constantFrom('Renamed', 'lowercase', '', 'a much longer label that wraps · twice', '<b>"x"</b>'),
});

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);

function applySpec(doc: CrosswalkDocument, s: EditSpec, step: number): CrosswalkDocument {
  const e = pick(doc.entities, s.a);
  const other = pick(doc.entities, s.b);
  const sys = pick(doc.systems, s.b);
  const link = pick(doc.links, s.a);
  const note = pick(doc.notes ?? [], s.a);
  switch (s.kind) {
    case 0:
      return e ? ops.setPositions(doc, new Map([[e.id, { x: s.c, y: Math.abs(s.c) }]])) : doc;
    case 1:
      return e ? ops.updateEntity(doc, e.id, { name: s.text || 'x' }) : doc;
    case 2:
      return e ? ops.addField(doc, e.id, { id: `f${step}`, name: s.text || 'f', required: s.c > 0 }, s.b % (e.fields.length + 1)) : doc;
    case 3: {
      const f = e && pick(e.fields, s.b);
      return e && f ? ops.deleteField(doc, e.id, f.id) : doc;
    }
    case 4: {
      const f = e && pick(e.fields, s.b);
      return e && f ? ops.moveField(doc, e.id, f.id, s.c % (e.fields.length + 1)) : doc;
    }
    case 5:
      return link ? ops.updateLink(doc, link.id, link.kind === 'mapping' ? { transform: s.text } : { label: s.text }) : doc;
    case 6: {
      const all = [...doc.systems, ...doc.entities, ...doc.links, ...(doc.notes ?? [])];
      const victim = pick(all, s.a * 7 + s.b);
      return victim ? ops.deleteElements(doc, [victim.id]) : doc;
    }
    case 7:
      return ops.addNote(doc, { id: `note-${step}`, text: s.text || 'Note', position: s.c > 0 ? { x: s.c, y: s.b } : undefined });
    case 8:
      return note ? ops.updateNote(doc, note.id, { text: `${s.text}\n${s.text}`.trim() || 'n' }) : doc;
    case 9:
      return sys ? ops.updateSystem(doc, sys.id, { position: { x: s.c * 3, y: s.a } }) : doc;
    case 10:
      return sys ? ops.updateSystem(doc, sys.id, s.c > 0 ? { size: { width: 300 + s.c, height: 200 + s.a } } : { size: undefined }) : doc;
    case 11: {
      const ff = e && pick(e.fields, s.c + 200);
      const tf = other && pick(other.fields, s.c + 201);
      if (!e || !other || e === other) return doc;
      return ops.addLink(doc, { id: `l${step}`, kind: 'mapping', from: { entity: e.id, field: ff?.id }, to: { entity: other.id, field: tf?.id } });
    }
    case 12:
      return e ? moveEntityToSystem(doc, e.id, s.c > 400 ? undefined : sys?.id) : doc;
    case 13:
      return ops.addEntity(doc, { id: `e${step}`, name: s.text || 'E', system: s.c > 0 ? sys?.id : undefined, fields: [{ id: 'id', name: 'id' }] });
    case 14:
      return e ? ops.updateField(doc, e.id, pick(e.fields, s.b)?.id ?? '', { required: s.c > 0, type: s.text || undefined }) : doc;
    default:
      return e ? ops.updateEntity(doc, e.id, { position: undefined }) : doc;
  }
}

const small = (positions: boolean) => generateDocument({ systems: 3, entitiesPerSystem: 5, fieldsPerEntity: 4, mappings: 12, positions });

describe('overview model, updated per edit', () => {
  it('equals a full rebuild after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(editSpec, { minLength: 1, maxLength: 25 }), (positions, specs) => {
        const cache = createOverviewCache();
        let doc = small(positions);
        buildOverview(doc, cache);
        specs.forEach((s, i) => {
          doc = applySpec(doc, s, i);
          const updated = buildOverview(doc, cache);
          const rebuilt = buildOverview(doc, createOverviewCache());
          expect(updated).toEqual(rebuilt);
          expect(updated.geometry).toEqual(computeGeometry(doc));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reuses every part an edit did not touch', () => {
    const cache = createOverviewCache();
    const doc = generateDocument({ systems: 4, entitiesPerSystem: 10, fieldsPerEntity: 5, mappings: 40 });
    const before = buildOverview(doc, cache);
    const target = doc.entities[3];
    const edited = ops.updateEntity(doc, target.id, { name: 'Renamed' });
    const after = buildOverview(edited, cache);
    // Untouched boxes keep their identity, so everything hung on them is reused.
    expect(geometryOf(edited, cache).entities.get(doc.entities[0].id)).toBe(before.geometry.entities.get(doc.entities[0].id));
    after.entities.forEach((e, i) => (e.id === target.id ? expect(e).not.toBe(before.entities[i]) : expect(e).toBe(before.entities[i])));
    expect(after.systems).toEqual(before.systems);
    after.systems.forEach((s, i) => expect(s).toBe(before.systems[i]));
    const touches = (id: string) => {
      const l = doc.links.find((x) => x.id === id)!;
      return [l.from, l.to].some((ep) => 'entity' in ep && ep.entity === target.id);
    };
    const byId = new Map(before.links.map((l) => [l.ids[0], l]));
    let reused = 0;
    for (const l of after.links) {
      if (touches(l.ids[0])) continue;
      expect(l).toBe(byId.get(l.ids[0]));
      reused++;
    }
    expect(reused).toBeGreaterThan(before.links.length / 2);
    // A note added: no entity, system or link part is made again.
    const noted = ops.addNote(edited, { id: 'n-new', text: 'Hi', position: { x: 0, y: -400 } });
    const third = buildOverview(noted, cache);
    third.entities.forEach((e, i) => expect(e).toBe(after.entities[i]));
    third.links.forEach((l, i) => expect(l).toBe(after.links[i]));
    expect(third.notes.map((n) => n.id)).toContain('n-new');
  });
});
