import { linkLabelParts } from '../../model/meaning';
import { isEntityEndpoint, type CrosswalkDocument, type Endpoint, type Link } from '../../model/types';
import { mermaidIndex } from './doc-index';
import { erIdentifiers, mappingLabel } from './er';
import { entityTitles, readableIdentifiers, THEME_DIRECTIVE } from './names';
import { quoteText } from './text';

/**
 * Exports the system view as a Mermaid `flowchart LR`: a subgraph per system, a node per
 * entity (titled with its system where names repeat), an edge per flow (between subgraphs)
 * and one edge per pair of entities carrying every field mapping between them, a line each.
 * Node and subgraph identifiers carry different prefixes, so they can never clash (a
 * subgraph id equal to a node id drops the node); after the prefix they read like the names.
 */
export function exportMermaidFlowchart(doc: CrosswalkDocument): string {
  return `${mermaidFlowchartLines(doc)}\n`;
}

/** {@link exportMermaidFlowchart}'s text without its final line break. */
export function mermaidFlowchartLines(doc: CrosswalkDocument): string {
  const index = mermaidIndex(doc);
  const sys = readableIdentifiers(doc.systems.map((s) => ({ id: s.id, title: s.name })));
  const titles = entityTitles(doc);
  const ent = erIdentifiers(doc);
  const s = (id: string) => `s_${sys.get(id)}`;
  const e = (id: string) => `e_${ent.get(id)}`;
  const lines: string[] = [THEME_DIRECTIVE, 'flowchart LR'];
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
    for (const entity of byParent.get(system.id) ?? []) lines.push(`    ${e(entity.id)}["${quoteText(titles.get(entity.id)!)}"]`);
    lines.push('  end');
  }
  for (const entity of byParent.get(undefined) ?? []) lines.push(`  ${e(entity.id)}["${quoteText(titles.get(entity.id)!)}"]`);

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
    const text = links.map((l) => mappingLabel(index, l)).join('<br/>');
    lines.push(`  ${e(from)} -.->|"${text}"| ${e(to)}`);
  }
  return lines.join('\n');
}

/**
 * One integration as a Mermaid `flowchart LR`, drawn the way mapping specs are: the source
 * entities (a subgraph each, their mapped fields as nodes) on the left, the target's on the
 * right, an arrow per mapping labelled with its transform. `mappings` are the mappings of one
 * pair of systems; their source ends go left and their target ends right, even when both
 * are in one system.
 */
export function exportMermaidIntegration(doc: CrosswalkDocument, mappings: readonly Link[]): string {
  return `${mermaidIntegrationLines(doc, mappings)}\n`;
}

/** {@link exportMermaidIntegration}'s text without its final line break. */
export function mermaidIntegrationLines(doc: CrosswalkDocument, mappings: readonly Link[]): string {
  const titles = entityTitles(doc);
  const ent = erIdentifiers(doc);
  const index = mermaidIndex(doc);
  const entities = index.entities;
  const fieldIdent = (entityId: string, fieldId: string) => {
    let idents = index.fieldIdents.get(entityId);
    if (!idents) index.fieldIdents.set(entityId, (idents = readableIdentifiers(entities.get(entityId)!.fields.map((f) => ({ id: f.id, title: f.name })))));
    return idents.get(fieldId);
  };
  // side → entity id → node id → label, in order of first use.
  const sides: Map<string, Map<string, string>>[] = [new Map(), new Map()];
  const node = (ep: Endpoint, side: 0 | 1): string | undefined => {
    if (!isEntityEndpoint(ep) || !entities.has(ep.entity)) return undefined;
    const entity = entities.get(ep.entity)!;
    const prefix = side === 0 ? 'a' : 'b';
    const field = ep.field !== undefined ? entity.fields.find((f) => f.id === ep.field) : undefined;
    const id = field ? `${prefix}_${ent.get(entity.id)}__${fieldIdent(entity.id, field.id)}` : `${prefix}_${ent.get(entity.id)}`;
    const nodes = sides[side].get(entity.id) ?? new Map<string, string>();
    nodes.set(id, field ? field.name : titles.get(entity.id)!);
    sides[side].set(entity.id, nodes);
    return id;
  };
  const edges: string[] = [];
  for (const l of mappings) {
    const a = node(l.from, 0);
    const b = node(l.to, 1);
    if (!a || !b) continue;
    const label = [l.transform, l.label].filter((t) => t && t.trim()).map((t) => quoteText(t!)).join(' · ');
    edges.push(`  ${a} -->${label ? `|"${label}"|` : ''} ${b}`);
  }
  const lines: string[] = [THEME_DIRECTIVE, 'flowchart LR'];
  sides.forEach((side, i) => {
    for (const [entityId, nodes] of side) {
      lines.push(`  subgraph ${i === 0 ? 'sa' : 'sb'}_${ent.get(entityId)}["${quoteText(titles.get(entityId)!)}"]`);
      for (const [id, label] of nodes) lines.push(`    ${id}["${quoteText(label)}"]`);
      lines.push('  end');
    }
  });
  for (const edge of edges) lines.push(edge);
  return lines.join('\n');
}
