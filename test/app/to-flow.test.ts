import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import * as ops from '../../src/model/ops';
import { toFlow } from '../../src/app/canvas/to-flow';
import { buildOverview, createOverviewCache } from '../../src/app/canvas/overview-model';
import { focusScope } from '../../src/model/meaning';
import { endpointFromHandle, entityHandleId, parseHandleId, systemHandleId } from '../../src/app/canvas/handles';

const r = parseDocumentText(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
if (!r.ok) throw new Error('example does not parse');
const doc = r.doc;

describe('toFlow', () => {
  it('puts parents before their children and gives every link an edge with handles', () => {
    const { nodes, edges } = toFlow(doc, { selected: new Set() });
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const n of nodes) if (n.parentId) expect(index.get(n.parentId)!).toBeLessThan(index.get(n.id)!);
    expect(edges).toHaveLength(doc.links.length);
    for (const e of edges) {
      expect(parseHandleId(e.sourceHandle)).toBeDefined();
      expect(parseHandleId(e.targetHandle)).toBeDefined();
    }
    const mapping = edges.find((e) => e.id === 'm-email-login')!;
    expect(mapping.sourceHandle).toMatch(/work_email$/);
    expect(mapping.data!.text).toBe('lowercase');
  });

  it('shows the coverage of each target entity and marks required fields nothing feeds', () => {
    const user = () => toFlow(cut, { selected: new Set() }).nodes.find((n) => n.id === 'okta-user')!.data as { coverage?: string; unfedRequired?: string };
    const login = doc.links.find((l) => l.kind === 'mapping' && 'field' in l.to && l.to.entity === 'okta-user' && l.to.field === 'login')!;
    const cut = ops.deleteElements(doc, doc.links.filter((l) => 'field' in l.to && l.to.field === (login.to as { field: string }).field).map((l) => l.id));
    expect(user()).toMatchObject({ coverage: '8/10', unfedRequired: 'login' });
    expect(toFlow(doc, { selected: new Set() }).nodes.find((n) => n.id === 'okta-user')!.data).toMatchObject({ coverage: '9/10' });
    expect(toFlow(doc, { selected: new Set() }).nodes.find((n) => n.id === 'wd-worker')!.data).not.toHaveProperty('coverage');
  });

  it('keeps node identity for unchanged elements', () => {
    const first = toFlow(doc, { selected: new Set() });
    const edited = ops.updateEntity(doc, 'okta-user', { name: 'Okta User' });
    const second = toFlow(edited, { selected: new Set() }, first);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['okta-user']);
  });

  it('dims what is out of focus', () => {
    const focus = focusScope(doc, ['m-email-login']).lit;
    expect([...focus].sort()).toEqual(['m-email-login', 'okta', 'okta-user', 'wd-worker', 'workday'].sort());
    const { nodes } = toFlow(doc, { selected: new Set(), focus });
    expect(nodes.find((n) => n.id === 'okta-user')!.data.dimmed).toBe(false);
    expect(nodes.find((n) => n.id === 'slack-user')!.data.dimmed).toBe(true);
  });
});

describe('toFlow zoomed out (fold)', () => {
  it('folds links into one edge per pair of ends and kind, between title handles, as the canvas draws them', () => {
    const { edges } = toFlow(doc, { selected: new Set(), fold: true });
    const canvas = buildOverview(doc, createOverviewCache()).folded;
    expect(edges.map((e) => e.data!.folded).sort()).toEqual(canvas.map((l) => l.ids.length).sort());
    expect(edges.length).toBeLessThan(doc.links.length);
    for (const e of edges) {
      expect(e.selectable).toBe(false);
      for (const h of [e.sourceHandle, e.targetHandle]) expect(parseHandleId(h)?.kind).not.toBe('field');
      // The first link of its line on the canvas gives the edge its ends.
      expect(canvas.some((l) => l.ids[0] === e.data!.link.id && l.ids.length === e.data!.folded)).toBe(true);
    }
  });

  it('marks a folded edge selected when one of its links is, and dims it only when all are out of focus', () => {
    const plain = toFlow(doc, { selected: new Set(), fold: true }).edges;
    const several = plain.find((e) => e.data!.folded! > 1)!;
    const group = buildOverview(doc, createOverviewCache()).folded.find((l) => l.ids[0] === several.data!.link.id)!;
    const last = group.ids[group.ids.length - 1];
    const chosen = toFlow(doc, { selected: new Set([last]), fold: true }, { nodes: [], edges: plain }).edges;
    expect(chosen.find((e) => e.id === several.id)!.selected).toBe(true);
    // Unchanged edges keep their identity.
    expect(chosen.filter((e) => e.id !== several.id).every((e) => plain.includes(e))).toBe(true);
    const lit = toFlow(doc, { selected: new Set(), focus: new Set([last]), fold: true }).edges;
    expect(lit.find((e) => e.id === several.id)!.data!.dimmed).toBe(false);
    expect(lit.filter((e) => e.id !== several.id).every((e) => e.data!.dimmed)).toBe(true);
  });
});

describe('handles', () => {
  it('round-trips handle ids, including field ids with the separator in them', () => {
    expect(endpointFromHandle('e1', entityHandleId('a|b', 'L'))).toEqual({ entity: 'e1', field: 'a|b' });
    expect(endpointFromHandle('e1', entityHandleId(undefined, 'R'))).toEqual({ entity: 'e1' });
    expect(endpointFromHandle('s1', systemHandleId('R'))).toEqual({ system: 's1' });
    expect(parseHandleId('junk')).toBeUndefined();
    expect(parseHandleId(null)).toBeUndefined();
  });
});
