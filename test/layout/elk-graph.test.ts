import { readFileSync } from 'node:fs';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/io/file';
import { splitIntoParts } from '../../src/layout/components';
import { buildElkGraph } from '../../src/layout/elk-graph';
import { fieldRowCentre } from '../../src/model/geometry';

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

  it('skips self-relations and keeps an edge inside one system in that system', () => {
    const allEdges: string[] = [];
    walk(graph, (n) => allEdges.push(...(n.edges ?? []).map((e) => e.id)));
    const self = doc.links.findIndex((l) => l.id === 'r-worker-manager');
    expect(allEdges).not.toContain(`l${self}`);
    const inside = doc.links.findIndex((l) => l.id === 'r-worker-position');
    const workday = graph.children!.find((c) => c.id === `s${doc.systems.findIndex((s) => s.id === 'workday')}`)!;
    expect(workday.edges!.map((e) => e.id)).toContain(`l${inside}`);
  });
});
