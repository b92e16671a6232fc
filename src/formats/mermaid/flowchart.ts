import { endpointNamer, linkLabelParts } from '../../model/meaning';
import type { CrosswalkDocument, Link } from '../../model/types';
import { mappingLine } from './er';
import { identifierMap, quoteText } from './text';

/**
 * Exports the system view as a Mermaid `flowchart LR`: a subgraph per system, a node per
 * entity, an edge per flow (between subgraphs) and one edge per pair of entities carrying
 * every field mapping between them, a line each. Node and subgraph identifiers carry
 * different prefixes, so they can never clash (a subgraph id equal to a node id drops the node).
 */
export function exportMermaidFlowchart(doc: CrosswalkDocument): string {
  const sys = identifierMap(doc.systems.map((s) => s.id));
  const ent = identifierMap(doc.entities.map((e) => e.id));
  const s = (id: string) => `s_${sys.get(id)}`;
  const e = (id: string) => `e_${ent.get(id)}`;
  const lines: string[] = ['flowchart LR'];
  const name = endpointNamer(doc);
  const byParent = new Map<string | undefined, typeof doc.entities>();
  for (const entity of doc.entities) {
    const key = entity.system !== undefined && sys.has(entity.system) ? entity.system : undefined;
    const list = byParent.get(key) ?? [];
    list.push(entity);
    byParent.set(key, list);
  }
  for (const system of doc.systems) {
    const title = system.kind ? `${system.name} (${system.kind})` : system.name;
    lines.push(`  subgraph ${s(system.id)}["${quoteText(title)}"]`);
    for (const entity of byParent.get(system.id) ?? []) lines.push(`    ${e(entity.id)}["${quoteText(entity.name)}"]`);
    lines.push('  end');
  }
  for (const entity of byParent.get(undefined) ?? []) lines.push(`  ${e(entity.id)}["${quoteText(entity.name)}"]`);

  for (const l of doc.links) {
    if (l.kind !== 'flow' || !('system' in l.from) || !('system' in l.to)) continue;
    if (!sys.has(l.from.system) || !sys.has(l.to.system)) continue;
    const text = linkLabelParts(l).map(quoteText).join(' · ');
    lines.push(`  ${s(l.from.system)} ==>${text ? `|"${text}"|` : ''} ${s(l.to.system)}`);
  }

  // One edge per ordered pair of entities, one line per mapping on it.
  const pairs = new Map<string, { from: string; to: string; links: Link[] }>();
  for (const l of doc.links) {
    if (l.kind !== 'mapping' || !('entity' in l.from) || !('entity' in l.to)) continue;
    if (!ent.has(l.from.entity) || !ent.has(l.to.entity)) continue;
    const key = `${l.from.entity}\u0000${l.to.entity}`;
    const pair = pairs.get(key) ?? { from: l.from.entity, to: l.to.entity, links: [] };
    pair.links.push(l);
    pairs.set(key, pair);
  }
  for (const { from, to, links } of pairs.values()) {
    const text = links.map((l) => quoteText(mappingLine(name, l, false))).join('<br/>');
    lines.push(`  ${e(from)} -.->|"${text}"| ${e(to)}`);
  }
  return `${lines.join('\n')}\n`;
}
