import { readFileSync } from 'node:fs';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/io/file';
import { splitIntoParts } from '../../src/layout/components';
import { buildElkGraph } from '../../src/layout/elk-graph';
import { fieldRowCentre } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';

const result = parseDocumentText(readFileSync(new URL('../../examples/identity-lifecycle.crosswalk.json', import.meta.url), 'utf8'));
if (!result.ok) throw new Error('example does not parse');
const doc = result.doc;

function walk(node: ElkNode, visit: (n: ElkNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (value && typeof value === 'object') return Object.values(value).some(hasUndefined);
  return false;
}

describe('buildElkGraph', () => {
  const [part] = splitIntoParts(doc);
  const { graph } = buildElkGraph(doc, part);

  it('builds one connected part with all systems and entities and no undefined values', () => {
    expect(part.systems).toHaveLength(doc.systems.length);
    expect(hasUndefined(graph)).toBe(false);
    let options = 0;
    walk(graph, (n) => {
      for (const v of Object.values(n.layoutOptions ?? {})) {
        expect(typeof v).toBe('string');
        options++;
      }
    });
    expect(options).toBeGreaterThan(0);
    expect(graph.layoutOptions?.['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
  });

  it('gives every port a unique id, on its field row, and every edge real ends', () => {
    const ids = new Set<string>();
    const shapes = new Set<string>();
    const edges: { sources: string[]; targets: string[] }[] = [];
    walk(graph, (n) => {
      shapes.add(n.id);
      for (const p of n.ports ?? []) {
        expect(ids.has(p.id)).toBe(false);
        ids.add(p.id);
        shapes.add(p.id);
      }
      edges.push(...(n.edges ?? []));
    });
    expect(ids.size).toBeGreaterThan(10);
    for (const e of edges) for (const end of [...e.sources, ...e.targets]) expect(shapes.has(end)).toBe(true);

    // The Work_Email row of Worker.
    const worker = doc.entities.findIndex((e) => e.id === 'wd-worker');
    const row = doc.entities[worker].fields.findIndex((f) => f.id === 'work_email');
    let port: { y?: number } | undefined;
    walk(graph, (n) => (port ??= n.ports?.find((p) => p.id === `e${worker}.p${row}.E`)));
    expect(port?.y).toBe(fieldRowCentre(doc.entities[worker], 'work_email'));
  });

  it('skips self-relations, leaves relations inside a linked system to column edges', () => {
    const allEdges: string[] = [];
    walk(graph, (n) => allEdges.push(...(n.edges ?? []).map((e) => e.id)));
    const self = doc.links.findIndex((l) => l.id === 'r-worker-manager');
    expect(allEdges).not.toContain(`l${self}`);
    const inside = doc.links.findIndex((l) => l.id === 'r-worker-position');
    expect(allEdges).not.toContain(`l${inside}`);
    // Every mapping across systems is an edge of the root.
    const mappings = doc.links.flatMap((l, i) => (l.kind === 'mapping' ? [`l${i}`] : []));
    const rootEdges = graph.edges!.map((e) => e.id);
    for (const id of mappings) expect(rootEdges).toContain(id);
  });

  it('keeps relations inside a system that no entity link leaves, and lays it out on its own', () => {
    const small: CrosswalkDocument = {
      format: 'crosswalk',
      version: 1,
      title: 'Three systems',
      systems: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
        { id: 'c', name: 'C' },
      ],
      entities: [
        { id: 'a1', name: 'A1', system: 'a', fields: [{ id: 'k', name: 'k' }] },
        { id: 'a2', name: 'A2', system: 'a', fields: [{ id: 'k', name: 'k' }] },
        { id: 'b1', name: 'B1', system: 'b', fields: [{ id: 'k', name: 'k' }] },
        { id: 'c1', name: 'C1', system: 'c', fields: [{ id: 'k', name: 'k' }] },
      ],
      links: [
        { id: 'r', kind: 'relation', from: { entity: 'a2', field: 'k' }, to: { entity: 'a1', field: 'k' } },
        { id: 'm', kind: 'mapping', from: { entity: 'b1', field: 'k' }, to: { entity: 'c1', field: 'k' } },
        { id: 'f', kind: 'flow', from: { system: 'a' }, to: { system: 'b' } },
      ],
    };
    const [only] = splitIntoParts(small);
    const built = buildElkGraph(small, only).graph;
    const a = built.children!.find((c) => c.id === 's0')!;
    expect(a.edges!.map((e) => e.id)).toEqual(['l0']);
    expect(a.layoutOptions?.['elk.hierarchyHandling']).toBe('SEPARATE_CHILDREN');
    expect(built.edges!.map((e) => e.id).sort()).toEqual(['l1', 'l2']);
  });

  it('holds the entities of a tall linked system in columns with edges between title ports', () => {
    const crm = parseDocumentText(readFileSync(new URL('../../examples/crm-erp-quote-to-cash.crosswalk.json', import.meta.url), 'utf8'));
    if (!crm.ok) throw new Error('example does not parse');
    const [first] = splitIntoParts(crm.doc);
    const built = buildElkGraph(crm.doc, first).graph;
    const salesforce = built.children!.find((c) => c.id === `s${crm.doc.systems.findIndex((s) => s.id === 'sfdc')}`)!;
    const columnEdges = salesforce.edges!.filter((e) => /\.c\d+\.\d+$/.test(e.id));
    expect(columnEdges.length).toBeGreaterThan(0);
    for (const e of columnEdges) {
      expect(e.sources[0]).toMatch(/\.h\.E$/);
      expect(e.targets[0]).toMatch(/\.h\.W$/);
    }
  });
});
