import { linkLabelParts } from '../../model/meaning';
import { isEntityEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Field, type Link } from '../../model/types';
import { mermaidIndex, type MermaidDocIndex } from './doc-index';
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
  const index = mermaidIndex(doc);
  // side → entity id → node id → its line, in order of first use.
  const sides: Map<string, Map<string, string>>[] = [new Map(), new Map()];
  const node = (ep: Endpoint, side: 0 | 1): string | undefined => {
    if (!isEntityEndpoint(ep) || !index.entities.has(ep.entity)) return undefined;
    const drawn = integrationNodes(doc, index, ep.entity);
    const n = (ep.field !== undefined ? drawn.field(ep.field) : undefined) ?? drawn.self;
    let nodes = sides[side].get(ep.entity);
    if (!nodes) sides[side].set(ep.entity, (nodes = new Map<string, string>()));
    nodes.set(n.id[side], n.line[side]);
    return n.id[side];
  };
  const edges: string[] = [];
  for (const l of mappings) {
    const a = node(l.from, 0);
    const b = node(l.to, 1);
    if (!a || !b) continue;
    const transform = l.transform && l.transform.trim() ? quoteText(l.transform) : '';
    const words = l.label && l.label.trim() ? quoteText(l.label) : '';
    const label = transform && words ? `${transform} · ${words}` : transform || words;
    edges.push(`  ${a} -->${label ? `|"${label}"|` : ''} ${b}`);
  }
  const lines: string[] = [THEME_DIRECTIVE, 'flowchart LR'];
  sides.forEach((side, i) => {
    for (const [entityId, nodes] of side) {
      lines.push(integrationNodes(doc, index, entityId).subgraph[i]);
      for (const line of nodes.values()) lines.push(line);
      lines.push('  end');
    }
  });
  for (const edge of edges) lines.push(edge);
  return lines.join('\n');
}

/** A node of an integration flowchart on each side (source `a_…`, target `b_…`): its id and its line. */
export interface IntegrationNode {
  id: readonly [string, string];
  line: readonly [string, string];
}

/** What an entity draws in integration flowcharts, on either side: its subgraph's first line, its own node, its fields' nodes. */
export interface IntegrationEntityNodes {
  subgraph: readonly [string, string];
  self: IntegrationNode;
  /** A field's node; undefined for a field the entity does not have. */
  field(fieldId: string): IntegrationNode | undefined;
}

/**
 * An entity's nodes in the integration flowcharts of one document, written once: an entity
 * takes part in several pairs, and a note draws every pair.
 */
function integrationNodes(doc: CrosswalkDocument, index: MermaidDocIndex, entityId: string): IntegrationEntityNodes {
  const cached = index.integrationNodes.get(entityId);
  if (cached) return cached;
  const entity = index.entities.get(entityId)!;
  const ident = erIdentifiers(doc).get(entityId)!;
  const title = quoteText(entityTitles(doc).get(entityId)!);
  const nodeOf = (stem: string, label: string): IntegrationNode => {
    const a = `a_${stem}`;
    const b = `b_${stem}`;
    return { id: [a, b], line: [`    ${a}["${label}"]`, `    ${b}["${label}"]`] };
  };
  let byId: Map<string, Field> | undefined;
  let idents: ReadonlyMap<string, string> | undefined;
  const fields = new Map<string, IntegrationNode | undefined>();
  const nodes: IntegrationEntityNodes = {
    subgraph: [`  subgraph sa_${ident}["${title}"]`, `  subgraph sb_${ident}["${title}"]`],
    self: nodeOf(ident, title),
    field(fieldId) {
      if (fields.has(fieldId)) return fields.get(fieldId);
      if (!byId) {
        byId = new Map();
        // The first field of an id, as a search would find it.
        for (const f of entity.fields) if (!byId.has(f.id)) byId.set(f.id, f);
      }
      const f = byId.get(fieldId);
      let n: IntegrationNode | undefined;
      if (f) {
        idents ??= fieldIdentifiers(index, entity);
        n = nodeOf(`${ident}__${idents.get(f.id)}`, quoteText(f.name));
      }
      fields.set(fieldId, n);
      return n;
    },
  };
  index.integrationNodes.set(entityId, nodes);
  return nodes;
}

/** The flowchart identifiers of an entity's fields (read from their names), once per entity. */
function fieldIdentifiers(index: MermaidDocIndex, entity: Entity): ReadonlyMap<string, string> {
  let idents = index.fieldIdents.get(entity.id);
  if (!idents) index.fieldIdents.set(entity.id, (idents = readableIdentifiers(entity.fields.map((f) => ({ id: f.id, title: f.name })))));
  return idents;
}
