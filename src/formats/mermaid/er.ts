import { cardinalityOf, endpointNamer, linkEnds, linkLabel } from '../../model/meaning';
import type { Cardinality, CrosswalkDocument, Link } from '../../model/types';
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
  const titles = entityTitles(doc);
  const ids = erIdentifiers(doc);
  const lines: string[] = [THEME_DIRECTIVE, 'erDiagram'];
  const name = endpointNamer(doc);
  const shown = (id: string) => !options.only || options.only.has(id);
  for (const e of doc.entities) {
    if (!shown(e.id)) continue;
    const ident = ids.get(e.id)!;
    const title = titles.get(e.id)!;
    // Compared as written: quoting trims and flattens, and a re-import reads the written form.
    const head = quoteText(title) === ident ? ident : `${ident}["${quoteText(title)}"]`;
    if (e.fields.length === 0) {
      lines.push(`  ${head}`);
      continue;
    }
    lines.push(`  ${head} {`);
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
  }
  for (const l of doc.links) {
    if (!('entity' in l.from) || !('entity' in l.to)) continue;
    const a = ids.get(l.from.entity);
    const b = ids.get(l.to.entity);
    if (!a || !b || !shown(l.from.entity) || !shown(l.to.entity)) continue;
    if (l.kind === 'relation') {
      const c = cardinalityOf(l)!;
      lines.push(`  ${a} ${LEFT[c.from]}--${RIGHT[c.to]} ${b} : "${l.label ? quoteText(l.label) : ''}"`);
    } else if (l.kind === 'mapping' && options.mappings) {
      lines.push(`  ${a} ||..|| ${b} : "maps ${quoteText(mappingLine(name, l, false))}"`);
    }
  }
  return `${lines.join('\n')}\n`;
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
