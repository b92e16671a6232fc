import { cardinalityOf, linkEnds, linkLabel } from '../../model/meaning';
import type { Cardinality, CrosswalkDocument, Entity, Link } from '../../model/types';
import { entitiesAmong, linksAmong, mermaidIndex, type MermaidDocIndex } from './doc-index';
import { entityTitles, readableIdentifiers, THEME_DIRECTIVE } from './names';
import { attributeToken, commentText, quoteText } from './text';

/** Options of the erDiagram export. */
export interface MermaidErOptions {
  /** Also draw mappings, as dotted (non-identifying) links labelled with fields and transform. */
  mappings?: boolean;
  /** Only these entities (and the links between them): one system's, one integration's. */
  only?: ReadonlySet<string>;
}

/** Left-hand (from) cardinality symbols. */
export const LEFT: Record<Cardinality, string> = {
  'exactly-one': '||',
  'zero-or-one': '|o',
  'zero-or-more': '}o',
  'one-or-more': '}|',
};

/** Right-hand (to) cardinality symbols. */
export const RIGHT: Record<Cardinality, string> = {
  'exactly-one': '||',
  'zero-or-one': 'o|',
  'zero-or-more': 'o{',
  'one-or-more': '|{',
};

/** The text of a mapping as one line: `Worker.Work_Email → User.login (lowercase)`, with the words the link shows in brackets. */
export function mappingLine(name: (ep: Link['from']) => string, link: Link, withEntities: boolean): string {
  const end = (ep: Link['from']) => {
    const full = name(ep);
    if (withEntities || !('field' in ep) || ep.field === undefined) return full;
    return full.slice(full.indexOf('.') + 1);
  };
  const words = linkLabel(link);
  return `${linkEnds(end, link)}${words ? ` (${words})` : ''}`;
}

/**
 * Exports the data models as a Mermaid `erDiagram`: every entity with its fields (type, name,
 * key, description as the comment) and every relation with its cardinality and label.
 * Entities are titled with their system's name where names repeat (`Okta User`), kept
 * through aliases; identifiers are read from the titles where that stays unique
 * (`Okta_User`). The text starts with its own black-on-white theme, so every renderer draws
 * it like the canvas. Deterministic: document order.
 */
export function exportMermaidEr(doc: CrosswalkDocument, options: MermaidErOptions = {}): string {
  return `${mermaidErLines(doc, options)}\n`;
}

/** {@link exportMermaidEr}'s text without its final line break (a note puts it in a fence as it is). */
export function mermaidErLines(doc: CrosswalkDocument, options: MermaidErOptions = {}): string {
  const index = mermaidIndex(doc);
  const lines: string[] = [THEME_DIRECTIVE, 'erDiagram'];
  const { only } = options;
  // With `only` (a note draws one diagram per system and per pair), look up just those
  // entities and their links instead of scanning the whole document for each diagram.
  for (const e of only ? entitiesAmong(doc, only) : doc.entities) lines.push(entityBlock(doc, index, e));
  const ids = erIdentifiers(doc);
  for (const l of only ? linksAmong(doc, only) : doc.links) {
    if (!('entity' in l.from) || !('entity' in l.to)) continue;
    const a = ids.get(l.from.entity);
    const b = ids.get(l.to.entity);
    if (!a || !b) continue;
    if (l.kind === 'relation') {
      const c = cardinalityOf(l)!;
      lines.push(`  ${a} ${LEFT[c.from]}--${RIGHT[c.to]} ${b} : "${l.label ? quoteText(l.label) : ''}"`);
    } else if (l.kind === 'mapping' && options.mappings) {
      lines.push(`  ${a} ||..|| ${b} : "maps ${mappingLabel(index, l)}"`);
    }
  }
  return lines.join('\n');
}

/** A mapping's line ({@link mappingLine}, without entities) quoted for a label; the flowchart and a note's erDiagrams both draw it, so written once. */
export function mappingLabel(index: MermaidDocIndex, link: Link): string {
  let text = index.mappingLabels.get(link);
  if (text === undefined) index.mappingLabels.set(link, (text = quoteText(mappingLine(index.name, link, false))));
  return text;
}

/** An entity with its attributes, as erDiagram lines: the same in every diagram of a document, so written once. */
function entityBlock(doc: CrosswalkDocument, index: MermaidDocIndex, e: Entity): string {
  let block = index.erBlocks.get(e.id);
  if (block === undefined) index.erBlocks.set(e.id, (block = writeEntityBlock(doc, e)));
  return block;
}

function writeEntityBlock(doc: CrosswalkDocument, e: Entity): string {
  const ident = erIdentifiers(doc).get(e.id)!;
  const title = entityTitles(doc).get(e.id)!;
  // Compared as written: quoting trims and flattens, and a re-import reads the written form.
  const head = quoteText(title) === ident ? ident : `${ident}["${quoteText(title)}"]`;
  if (e.fields.length === 0) return `  ${head}`;
  const lines = [`  ${head} {`];
  const used = new Set<string>();
  for (const f of e.fields) {
    const type = attributeToken(f.type ?? '', 'string');
    const base = attributeToken(f.name, 'field');
    let name = base;
    // Two fields may sanitise to one token: keep them apart (re-sanitised, so re-import keeps it).
    for (let n = 2; used.has(name.toLowerCase()); n++) name = attributeToken(`${base}_${n}`, 'field');
    used.add(name.toLowerCase());
    const key = f.key ? ` ${f.key}` : '';
    const comment = f.description ? commentText(f.description) : '';
    lines.push(`    ${type} ${name}${key}${comment ? ` "${comment}"` : ''}`);
  }
  lines.push('  }');
  return lines.join('\n');
}

/** The erDiagram identifier of every entity (the same in every diagram of one document; computed once per document). */
export function erIdentifiers(doc: CrosswalkDocument): ReadonlyMap<string, string> {
  const cached = identifierCache.get(doc);
  if (cached) return cached;
  const titles = entityTitles(doc);
  const ids = readableIdentifiers(doc.entities.map((e) => ({ id: e.id, title: titles.get(e.id)! })));
  identifierCache.set(doc, ids);
  return ids;
}

const identifierCache = new WeakMap<CrosswalkDocument, ReadonlyMap<string, string>>();
