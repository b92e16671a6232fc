import { cardinalityOf, endpointNamer, linkEnds } from '../../model/meaning';
import type { Cardinality, CrosswalkDocument, Link } from '../../model/types';
import { attributeToken, commentText, identifierMap, quoteText } from './text';

/** Options of the erDiagram export. */
export interface MermaidErOptions {
  /** Also draw mappings, as dotted (non-identifying) links labelled with fields and transform. */
  mappings?: boolean;
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

/** The text of a mapping as one line: `Worker.Work_Email → User.login (lowercase)`. */
export function mappingLine(name: (ep: Link['from']) => string, link: Link, withEntities: boolean): string {
  const end = (ep: Link['from']) => {
    const full = name(ep);
    if (withEntities || !('field' in ep) || ep.field === undefined) return full;
    return full.slice(full.indexOf('.') + 1);
  };
  const transform = link.transform ? ` (${link.transform})` : '';
  return `${linkEnds(end, link)}${transform}`;
}

/**
 * Exports the data models as a Mermaid `erDiagram`: every entity with its fields (type, name,
 * key, description as the comment) and every relation with its cardinality and label.
 * Display names that are not plain identifiers keep their spelling through aliases.
 * Deterministic: document order, identifiers derived from ids.
 */
export function exportMermaidEr(doc: CrosswalkDocument, options: MermaidErOptions = {}): string {
  const ids = identifierMap(doc.entities.map((e) => e.id));
  const lines: string[] = ['erDiagram'];
  const name = endpointNamer(doc);
  for (const e of doc.entities) {
    const ident = ids.get(e.id)!;
    const head = e.name === ident ? ident : `${ident}["${quoteText(e.name)}"]`;
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
    if (!a || !b) continue;
    if (l.kind === 'relation') {
      const c = cardinalityOf(l)!;
      lines.push(`  ${a} ${LEFT[c.from]}--${RIGHT[c.to]} ${b} : "${l.label ? quoteText(l.label) : ''}"`);
    } else if (l.kind === 'mapping' && options.mappings) {
      lines.push(`  ${a} ||..|| ${b} : "maps ${quoteText(mappingLine(name, l, false))}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}
