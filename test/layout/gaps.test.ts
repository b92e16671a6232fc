import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { createBundledElk, layoutDocument } from '../../src/layout/elk';
import { MIN_COLUMN_GAP, neededGap, widenGaps } from '../../src/layout/gaps';
import { computeGeometry } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';

const box = (id: string, x: number, children: ElkNode[] = []): ElkNode => ({ id, x, y: 0, width: 300, height: 200, children });

describe('widening the gaps between columns', () => {
  it('grows a gap in proportion to the lines crossing it, moving what is right of it', () => {
    const a = box('s0', 0, [{ id: 'e0', ports: [{ id: 'e0.p0.E' }] }]);
    const b = box('s1', 300 + MIN_COLUMN_GAP, [{ id: 'e1', ports: [{ id: 'e1.p0.W' }] }]);
    const c = box('s2', 600 + 2 * MIN_COLUMN_GAP);
    const edges = Array.from({ length: 20 }, (_, i) => ({ id: `l${i}`, sources: ['e0.p0.E'], targets: ['e1.p0.W'] }));
    const root: ElkNode = { id: 'root', width: c.x! + 300, children: [a, b, c], edges: [...edges, { id: 'f', sources: ['s1'], targets: ['s2'] }] };
    widenGaps(root);
    expect(a.x).toBe(0);
    expect(b.x! - 300).toBe(neededGap(20));
    // One line between s1 and s2: a little more than the least gap.
    expect(c.x! - (b.x! + 300)).toBe(neededGap(1));
    expect(root.width).toBe(c.x! + 300);
  });

  it('leaves a part with no lines between boxes as it is', () => {
    const a = box('s0', 0);
    const b = box('s1', 400);
    const root: ElkNode = { id: 'root', width: 700, children: [a, b], edges: [] };
    widenGaps(root);
    expect([a.x, b.x, root.width]).toEqual([0, 400, 700]);
  });

  it('an identity hub with many mappings to two systems gets a wide gap', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, name: `field${i}` }));
    const doc: CrosswalkDocument = {
      format: 'crosswalk',
      version: 1,
      title: 'hub',
      systems: [{ id: 'hr', name: 'HR' }, { id: 'idp', name: 'IdP' }],
      entities: [
        { id: 'w', name: 'Worker', system: 'hr', fields },
        { id: 'u', name: 'User', system: 'idp', fields },
      ],
      links: fields.map((f) => ({ id: `m${f.id}`, kind: 'mapping' as const, from: { entity: 'w', field: f.id }, to: { entity: 'u', field: f.id }, transform: 'lowercase' })),
    };
    const laid = await layoutDocument(doc, { elk: await createBundledElk() });
    const geo = computeGeometry(laid);
    const [hr, idp] = [geo.systems.get('hr')!, geo.systems.get('idp')!];
    expect(idp.x - (hr.x + hr.width)).toBeGreaterThanOrEqual(neededGap(12) - 1);
  });
});
