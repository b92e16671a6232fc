import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import * as ops from '../../src/model/ops';
import { computeGeometry } from '../../src/model/geometry';
import { activeFlow } from '../../src/app/canvas/active-flow';
import { buildOverview, hitTest, pointOnLine } from '../../src/app/canvas/overview-model';
import { toFlow } from '../../src/app/canvas/to-flow';

// A large document is drawn on the canvas; React Flow holds only the nodes being worked on.

const r = parseDocumentText(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
if (!r.ok) throw new Error('example does not parse');
const doc = r.doc;
const none = { selected: new Set<string>() };

describe('activeFlow', () => {
  it('holds only the given entities and notes, placed where the whole flow draws them, with the whole document’s coverage', () => {
    const system = doc.systems[0].id;
    const link = doc.links[0].id;
    const { nodes, offsets } = activeFlow(doc, new Set(['okta-user', system, link, 'no-such-id']), none);
    expect(nodes.map((n) => n.id)).toEqual(['okta-user']);
    const user = nodes[0];
    expect(user.parentId).toBeUndefined();
    const box = computeGeometry(doc).entities.get('okta-user')!;
    expect(user.position).toEqual({ x: box.x, y: box.y });
    expect({ width: user.width, height: user.height }).toEqual({ width: box.width, height: box.height });
    // Its system's origin turns React Flow's position back into the document's.
    const entity = doc.entities.find((e) => e.id === 'okta-user')!;
    const origin = offsets.get('okta-user')!;
    expect({ x: user.position.x - origin.x, y: user.position.y - origin.y }).toEqual(entity.position);
    const whole = toFlow(doc, none).nodes.find((n) => n.id === 'okta-user')!;
    expect(user.data).toMatchObject({ coverage: (whole.data as { coverage?: string }).coverage });
    expect((user.data as { coverage?: string }).coverage).toMatch(/^\d+\/\d+$/);
  });

  it('keeps node identity while the entity is unchanged, and marks the one under the pointer', () => {
    const first = activeFlow(doc, new Set(['okta-user', 'wd-worker']), none);
    const edited = ops.updateEntity(doc, 'wd-worker', { name: 'Worker 2' });
    const second = activeFlow(edited, new Set(['okta-user', 'wd-worker']), none, first.nodes);
    expect(second.nodes.find((n) => n.id === 'okta-user')).toBe(first.nodes.find((n) => n.id === 'okta-user'));
    expect(second.nodes.find((n) => n.id === 'wd-worker')).not.toBe(first.nodes.find((n) => n.id === 'wd-worker'));
    const hovered = activeFlow(doc, new Set(['okta-user']), none, first.nodes, 'okta-user');
    expect(hovered.nodes[0].data).toMatchObject({ pointer: true });
    expect(activeFlow(doc, new Set(), none).nodes).toEqual([]);
  });
});

describe('hitTest on lines', () => {
  it('finds a link near its drawn curve where field-level lines are drawn, and not further out', () => {
    const model = buildOverview(doc);
    const line = model.links.find((l) => {
      const p = pointOnLine(l, 0.5);
      return hitTest(model, p, 'dom', 0) === undefined || hitTest(model, p, 'dom', 0)?.kind === 'system';
    })!;
    const mid = pointOnLine(line, 0.5);
    expect(hitTest(model, { x: mid.x + 2, y: mid.y }, 'dom', 4)).toEqual({ id: line.ids[0], kind: 'link' });
    expect(hitTest(model, { x: mid.x + 2, y: mid.y }, 'fields', 4)).toEqual({ id: line.ids[0], kind: 'link' });
    expect(hitTest(model, { x: mid.x + 2, y: mid.y }, 'titles', 4)?.kind).not.toBe('link');
    expect(hitTest(model, { x: mid.x, y: mid.y + 40 }, 'dom', 4)?.id).not.toBe(line.ids[0]);
  });
});
