import { describe, expect, it } from 'vitest';
import { computeGeometry, ENTITY_WIDTH, entityHeight, SYSTEM_HEADER_HEIGHT, SYSTEM_PADDING } from '../../src/model/geometry';
import { dropEntities, freeSpotNear, growSystemToHold, holdEntities, moveEntityToSystem, newEntityPosition, sizeToHold, systemAt } from '../../src/model/placement';
import type { CrosswalkDocument, Entity } from '../../src/model/types';

const field = (id: string) => ({ id, name: id });
/** Freezes deeply, so a test fails if an operation mutates its input. */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const doc: CrosswalkDocument = deepFreeze({
  format: 'crosswalk',
  version: 1,
  title: 'T',
  systems: [
    { id: 'hr', name: 'HR', position: { x: 0, y: 0 }, size: { width: 600, height: 400 } },
    { id: 'idp', name: 'IdP', position: { x: 1000, y: 0 }, size: { width: 300, height: 200 } },
    { id: 'auto', name: 'Auto', position: { x: 0, y: 1000 } },
  ],
  entities: [
    { id: 'w', name: 'Worker', system: 'hr', position: { x: 24, y: 40 }, fields: [field('a'), field('b')] },
    { id: 'u', name: 'User', system: 'idp', position: { x: 24, y: 40 }, fields: [field('login')] },
    { id: 'free', name: 'Free', position: { x: 2000, y: 2000 }, fields: [field('x')] },
  ],
  links: [
    { id: 'm', kind: 'mapping', from: { entity: 'w', field: 'a' }, to: { entity: 'free', field: 'x' } },
    { id: 'keep', kind: 'relation', from: { entity: 'u' }, to: { entity: 'free' } },
  ],
});

const withEntity = (d: CrosswalkDocument, e: Entity): CrosswalkDocument => ({ ...d, entities: [...d.entities, e] });

describe('newEntityPosition', () => {
  it('puts the first entity of an empty system at the top left, under the title band', () => {
    expect(newEntityPosition(doc, 'auto')).toEqual({ x: SYSTEM_PADDING, y: SYSTEM_HEADER_HEIGHT });
  });
  it('puts the second entity in the right column, at the top', () => {
    expect(newEntityPosition(doc, 'hr')).toEqual({ x: SYSTEM_PADDING + ENTITY_WIDTH + SYSTEM_PADDING, y: SYSTEM_HEADER_HEIGHT });
  });
  it('puts the third under the lowest one, in the left column', () => {
    const two = withEntity(doc, { id: 'p', name: 'P', system: 'hr', position: { x: 288, y: 40 }, fields: [field('a'), field('b'), field('c')] });
    const bottom = 40 + entityHeight({ fields: [field('a'), field('b'), field('c')] });
    expect(newEntityPosition(two, 'hr')).toEqual({ x: SYSTEM_PADDING, y: bottom + SYSTEM_PADDING });
  });
});

describe('sizeToHold and growSystemToHold', () => {
  it('grow a sized system to hold an entity that sticks out, with padding', () => {
    const d = withEntity(doc, { id: 'big', name: 'Big', system: 'idp', position: { x: 200, y: 150 }, fields: [field('a')] });
    const size = sizeToHold(d, 'idp');
    expect(size).toEqual({ width: 200 + ENTITY_WIDTH + SYSTEM_PADDING, height: 150 + entityHeight({ fields: [field('a')] }) + SYSTEM_PADDING });
    expect(growSystemToHold(d, 'idp').systems[1].size).toEqual(size);
  });
  it('leave a system that already holds its entities alone', () => {
    expect(sizeToHold(doc, 'hr')).toBeUndefined();
    expect(growSystemToHold(doc, 'hr')).toBe(doc);
  });
  it('never store a size on a system that sizes itself to its entities', () => {
    const d = withEntity(doc, { id: 'e', name: 'E', system: 'auto', position: { x: 900, y: 900 }, fields: [] });
    expect(sizeToHold(d, 'auto')).toBeUndefined();
  });
});

describe('systemAt', () => {
  const geo = computeGeometry(doc);
  it.each([
    ['inside HR', { x: 100, y: 100, width: ENTITY_WIDTH, height: 100 }, 'hr'],
    ['inside IdP', { x: 1010, y: 50, width: ENTITY_WIDTH, height: 100 }, 'idp'],
    ['outside every system', { x: 700, y: 700, width: ENTITY_WIDTH, height: 100 }, undefined],
  ])('%s', (_name, box, expected) => {
    expect(systemAt(doc, geo, box)).toBe(expected);
  });
  it('prefers the topmost (last drawn) of overlapping systems', () => {
    const overlapping = { ...doc, systems: [...doc.systems, { id: 'top', name: 'Top', position: { x: 50, y: 50 }, size: { width: 400, height: 300 } }] };
    expect(systemAt(overlapping, computeGeometry(overlapping), { x: 100, y: 100, width: ENTITY_WIDTH, height: 100 })).toBe('top');
  });
});

describe('dropEntities', () => {
  it('returns the same document when nothing changes system', () => {
    expect(dropEntities(doc, ['w', 'u', 'free'])).toBe(doc);
  });

  it('moves a free entity dropped into a system in, relative to it, and grows the system', () => {
    const dropped = { ...doc, entities: doc.entities.map((e) => (e.id === 'free' ? { ...e, position: { x: 1100, y: 120 } } : e)) };
    const next = dropEntities(dropped, ['free']);
    const free = next.entities.find((e) => e.id === 'free')!;
    expect(free.system).toBe('idp');
    expect(free.position).toEqual({ x: 100, y: 120 });
    expect(next.systems[1].size).toEqual({ width: 100 + ENTITY_WIDTH + SYSTEM_PADDING, height: 120 + entityHeight(free) + SYSTEM_PADDING });
    // Its mapping from HR now joins two systems, as the rule says; the relation the user
    // made to User (in the same system now) keeps its kind either way.
    expect(next.links.map((l) => l.kind)).toEqual(['mapping', 'relation']);
  });

  it('takes an entity dropped outside every system out of its system, with an absolute position', () => {
    const dropped = { ...doc, entities: doc.entities.map((e) => (e.id === 'w' ? { ...e, position: { x: 700, y: 500 } } : e)) };
    const next = dropEntities(dropped, ['w']);
    const w = next.entities.find((e) => e.id === 'w')!;
    expect('system' in w).toBe(false);
    expect(w.position).toEqual({ x: 700, y: 500 });
    // Worker and Free are both in no system now: the mapping that followed the rule becomes a relation.
    expect(next.links[0].kind).toBe('relation');
  });

  it('keeps keys it does not know on the moved entity', () => {
    const dropped = { ...doc, entities: doc.entities.map((e) => (e.id === 'free' ? { ...e, position: { x: 1100, y: 120 }, owner: 'it' } : e)) };
    const free = dropEntities(dropped, ['free']).entities.find((e) => e.id === 'free') as Record<string, unknown>;
    expect(free.owner).toBe('it');
  });
});

describe('moveEntityToSystem', () => {
  it('puts the entity in the next free slot of its new system, grows it, and retypes only its rule-following links', () => {
    const next = moveEntityToSystem(doc, 'free', 'idp');
    const free = next.entities.find((e) => e.id === 'free')!;
    expect(free.system).toBe('idp');
    expect(free.position).toEqual({ x: SYSTEM_PADDING + ENTITY_WIDTH + SYSTEM_PADDING, y: SYSTEM_HEADER_HEIGHT });
    expect(next.systems[1].size!.width).toBe(free.position!.x + ENTITY_WIDTH + SYSTEM_PADDING);
    expect(next.links.map((l) => l.kind)).toEqual(['mapping', 'relation']);
  });

  it('takes an entity out of every system where it is drawn now', () => {
    const next = moveEntityToSystem(doc, 'u', undefined);
    const u = next.entities.find((e) => e.id === 'u')!;
    expect('system' in u).toBe(false);
    expect(u.position).toEqual({ x: 1000 + 24, y: 40 });
  });

  it('returns the same document for no move or an unknown system', () => {
    expect(moveEntityToSystem(doc, 'w', 'hr')).toBe(doc);
    expect(moveEntityToSystem(doc, 'w', 'nowhere')).toBe(doc);
    expect(moveEntityToSystem(doc, 'ghost', 'hr')).toBe(doc);
  });
});

describe('growSystemToHold on every side', () => {
  it('grows left and up for an entity past the left and top edges: the system moves, nothing else does', () => {
    const d = withEntity(doc, { id: 'out', name: 'Out', system: 'hr', position: { x: -50, y: 10 }, fields: [field('a')] });
    const grown = growSystemToHold(d, 'hr');
    const hr = grown.systems.find((s) => s.id === 'hr')!;
    // 74 px short on the left (to the padding), 30 px on top (to the title band): rounded up to the grid.
    expect(hr.position).toEqual({ x: -80, y: -30 });
    expect(hr.size).toEqual({ width: 680, height: 430 });
    // Every entity keeps its place on the canvas.
    const before = computeGeometry(d).entities;
    const after = computeGeometry(grown).entities;
    for (const [id, box] of before) expect(after.get(id)).toEqual(box);
    const out = after.get('out')!;
    expect(out.x - hr.position!.x).toBeGreaterThanOrEqual(SYSTEM_PADDING);
    expect(out.y - hr.position!.y).toBeGreaterThanOrEqual(SYSTEM_HEADER_HEIGHT);
  });
  it('never shrinks a system larger than its entities need', () => {
    const d = withEntity(doc, { id: 'r', name: 'R', system: 'hr', position: { x: 500, y: 40 }, fields: [field('a')] });
    expect(growSystemToHold(d, 'hr').systems[0].size).toEqual({ width: 500 + ENTITY_WIDTH + SYSTEM_PADDING, height: 400 });
  });
});

describe('holdEntities', () => {
  it('grows only the systems of the given entities', () => {
    const d = { ...doc, entities: doc.entities.map((e) => (e.id === 'u' ? { ...e, position: { x: 200, y: 150 } } : e)) };
    const held = holdEntities(d, ['w', 'u']);
    expect(held.systems[0]).toBe(d.systems[0]);
    expect(held.systems[1].size!.height).toBe(150 + entityHeight({ fields: [field('login')] }) + SYSTEM_PADDING);
    expect(holdEntities(d, ['w'])).toBe(d);
  });
});

describe('freeSpotNear', () => {
  const size = { width: 560, height: 320 };
  const overlaps = (d: CrosswalkDocument, p: { x: number; y: number }) => {
    const geo = computeGeometry(d);
    return [...geo.systems.values(), ...geo.entities.values(), ...geo.notes.values()].some(
      (b) => p.x < b.x + b.width && p.x + size.width > b.x && p.y < b.y + b.height && p.y + size.height > b.y,
    );
  };
  it('takes the centre when it is free', () => {
    expect(freeSpotNear(doc, { x: 3000, y: 3000 }, size)).toEqual({ x: 2720, y: 2840 });
  });
  it('never puts three new systems at the view centre on top of anything, nor of each other', () => {
    let d: CrosswalkDocument = doc;
    const placed: { x: number; y: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const p = freeSpotNear(d, { x: 300, y: 200 }, size);
      expect(overlaps(d, p)).toBe(false);
      placed.push(p);
      d = { ...d, systems: [...d.systems, { id: `n${i}`, name: 'N', position: p, size }] };
    }
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });
  it('prefers a free place inside the visible area', () => {
    const view = { x: -200, y: 1300, width: 1400, height: 800 };
    const p = freeSpotNear(doc, { x: 300, y: 1200 }, size, view);
    expect(overlaps(doc, p)).toBe(false);
    expect(p.x >= view.x && p.y >= view.y && p.x + size.width <= view.x + view.width && p.y + size.height <= view.y + view.height).toBe(true);
  });
});

describe('newEntityPosition with entities moved by hand', () => {
  it('never puts the new entity on one already in its slot', () => {
    // Three entities, one of them moved to the top of the right column: the "next" slot (right, top) is taken.
    let d = withEntity(doc, { id: 'p', name: 'P', system: 'hr', position: { x: 288, y: 40 }, fields: [field('a')] });
    d = withEntity(d, { id: 'q', name: 'Q', system: 'hr', position: { x: 24, y: 200 }, fields: [field('a')] });
    const p = newEntityPosition(d, 'hr');
    const geo = computeGeometry(d);
    const hr = geo.systems.get('hr')!;
    for (const id of ['w', 'p', 'q']) {
      const b = geo.entities.get(id)!;
      const x = hr.x + p.x;
      const y = hr.y + p.y;
      expect(x >= b.x + b.width || x + ENTITY_WIDTH <= b.x || y >= b.y + b.height || y + 70 <= b.y, id).toBe(true);
    }
    // The foot of the right column is higher than the left one's.
    expect(p.x).toBe(SYSTEM_PADDING + ENTITY_WIDTH + SYSTEM_PADDING);
  });
});
