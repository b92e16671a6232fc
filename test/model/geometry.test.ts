import { describe, expect, it } from 'vitest';
import { computeGeometry, entityHeight, ENTITY_HEADER_HEIGHT, FIELD_ROW_HEIGHT, routeLink, type Box } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('geometry', () => {
  it('sizes entities by their fields', () => {
    expect(entityHeight({ fields: [] })).toBe(entityHeight({ fields: [{ id: 'a', name: 'a' }] }));
    expect(entityHeight({ fields: [{ id: 'a', name: 'a' }, { id: 'b', name: 'b' }] }) - entityHeight({ fields: [{ id: 'a', name: 'a' }] })).toBe(FIELD_ROW_HEIGHT);
  });

  const doc: CrosswalkDocument = {
    format: 'crosswalk',
    version: 1,
    title: 'T',
    systems: [{ id: 's', name: 'S', position: { x: 100, y: 50 } }, { id: 't', name: 'T' }],
    entities: [
      { id: 'a', name: 'A', system: 's', position: { x: 20, y: 40 }, fields: [{ id: 'f1', name: 'f1' }, { id: 'f2', name: 'f2' }] },
      { id: 'b', name: 'B', system: 't', fields: [{ id: 'g', name: 'g' }] },
      { id: 'c', name: 'C', system: 't', fields: [] },
      { id: 'd', name: 'D', fields: [] },
    ],
    links: [{ id: 'm', kind: 'mapping', from: { entity: 'a', field: 'f2' }, to: { entity: 'b', field: 'g' } }],
  };

  it('places entities relative to their system and sizes systems to hold them', () => {
    const geo = computeGeometry(doc);
    expect(geo.entities.get('a')).toMatchObject({ x: 120, y: 90 });
    const s = geo.systems.get('s')!;
    const a = geo.entities.get('a')!;
    expect(s.x + s.width).toBeGreaterThanOrEqual(a.x + a.width);
    expect(s.y + s.height).toBeGreaterThanOrEqual(a.y + a.height);
  });

  it('gives a document without positions a grid where nothing overlaps', () => {
    const geo = computeGeometry(doc);
    const boxes = [geo.entities.get('b')!, geo.entities.get('c')!, geo.entities.get('d')!, geo.systems.get('s')!];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      if (i < 2 && j < 2) expect(overlap(boxes[i], boxes[j])).toBe(false);
    }
    expect(overlap(geo.entities.get('d')!, geo.systems.get('t')!)).toBe(false);
  });

  it('attaches links at the centre of their field rows, on facing sides', () => {
    const geo = computeGeometry(doc);
    const route = routeLink(doc, geo, doc.links[0])!;
    const a = geo.entities.get('a')!;
    expect(route.fromSide).toBe('right');
    expect(route.toSide).toBe('left');
    expect(route.from).toEqual({ x: a.x + a.width, y: a.y + ENTITY_HEADER_HEIGHT + FIELD_ROW_HEIGHT * 1.5 });
  });

  it('loops on one side when the boxes are stacked', () => {
    const stacked: CrosswalkDocument = {
      ...doc,
      systems: [],
      entities: [
        { id: 'a', name: 'A', position: { x: 0, y: 0 }, fields: [{ id: 'f2', name: 'f2' }] },
        { id: 'b', name: 'B', position: { x: 10, y: 300 }, fields: [{ id: 'g', name: 'g' }] },
      ],
    };
    const route = routeLink(stacked, computeGeometry(stacked), stacked.links[0])!;
    expect(route.fromSide).toBe(route.toSide);
  });
});
