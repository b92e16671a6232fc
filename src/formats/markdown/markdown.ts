import { cardinalityOf, linkEnds, linkNotes } from '../../model/meaning';
import type { CrosswalkDocument, Link } from '../../model/types';
import { mermaidIndex } from '../mermaid/doc-index';
import { mermaidErLines } from '../mermaid/er';
import { mermaidFlowchartLines, mermaidIntegrationLines } from '../mermaid/flowchart';
import { coverageSection } from './coverage';

// A note ready to paste into GitHub, Obsidian, Notion or Confluence. User text is escaped
// so names like `<script>` or `*bold*` stay text, and table cells stay one cell.

/**
 * Text that {@link escapeInline} leaves as it is: printable ASCII without markup characters,
 * underscores only inside words, not starting with a list or heading marker (most names: a
 * note escapes thousands of them).
 */
// eslint-disable-next-line no-control-regex -- control characters are what sends a text the long way
const PLAIN_INLINE = /^(?!\s*[#+\-=\d])(?!_)(?!.*_(?![A-Za-z0-9]))(?!.*[^A-Za-z0-9]_)[^\\`*{}[\]|~&<>\u0000-\u001f\u007f-\uffff]*$/;

/**
 * Escapes inline Markdown: emphasis, code, links, tables and HTML always; list and heading
 * markers only where they would start a line; line breaks and control characters go.
 * Underscores inside words (`Work_Email`) stay readable: GFM does not read them as emphasis.
 */
export function escapeInline(text: string): string {
  if (PLAIN_INLINE.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are removed on purpose
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
      .replace(/[\\`*{}[\]|~]/g, (c) => `\\${c}`)
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
        /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
      )
  );
}

/** Escapes a paragraph: like {@link escapeInline} but keeps line breaks as breaks. */
function escapeBlock(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => escapeInline(line))
    .join('  \n');
}

/** Text for a table cell: escaped, never empty, never breaking the row. */
function cell(text: string | undefined): string {
  const t = text ? escapeInline(text) : '';
  return t || ' ';
}


/** Adds a Mermaid diagram (its text ending without a line break) in a fence. */
function pushFence(out: string[], text: string): void {
  out.push('```mermaid', text, '```', '');
}

/**
 * Exports a Markdown note: title, description, the system flowchart, an erDiagram per
 * system (so no diagram is wider than a page), per pair of systems with mappings a
 * flowchart drawn as a mapping spec, an erDiagram of the entities involved and the mapping
 * table; the coverage and gaps; the relations and flows, and the walkthrough as sections with bullets and speaker
 * notes. Every diagram carries its own black-on-white theme. Deterministic.
 */
export function exportMarkdown(doc: CrosswalkDocument): string {
  const out: string[] = [];
  // The namer the diagrams use: each mapping's ends are named once for the whole note.
  const name = mermaidIndex(doc).name;
  const entitySystem = new Map(doc.entities.map((e) => [e.id, e.system]));
  const systemNames = new Map(doc.systems.map((s) => [s.id, s.name]));
  const systemOf = (ep: Link['from']) => ('system' in ep ? ep.system : entitySystem.get(ep.entity));
  const systemName = (id: string | undefined) => (id === undefined ? '(no system)' : (systemNames.get(id) ?? id));
  out.push(`# ${escapeInline(doc.title)}`, '');
  if (doc.description) out.push(escapeBlock(doc.description), '');

  if (doc.systems.length) {
    out.push('## Systems', '');
    for (const s of doc.systems) {
      const kind = s.kind ? ` (${escapeInline(s.kind)})` : '';
      const desc = s.description ? `: ${escapeInline(s.description)}` : '';
      out.push(`- **${escapeInline(s.name)}**${kind}${desc}`);
    }
    out.push('');
  }

  out.push('## System view', '');
  pushFence(out, mermaidFlowchartLines(doc));

  // Each system's entities, found in one pass over the document.
  const inSystem = new Map<string, Set<string>>();
  const loose = new Set<string>();
  for (const e of doc.entities) {
    if (e.system === undefined || !systemNames.has(e.system)) loose.add(e.id);
    else {
      const ids = inSystem.get(e.system);
      if (ids) ids.add(e.id);
      else inSystem.set(e.system, new Set([e.id]));
    }
  }
  const models: [string, Set<string>][] = [];
  for (const sys of doc.systems) {
    const ids = inSystem.get(sys.id);
    if (ids) models.push([sys.name, ids]);
  }
  if (loose.size) models.push([doc.systems.length ? 'Entities in no system' : 'Entities', loose]);
  if (models.length) {
    out.push('## Data models', '');
    for (const [title, ids] of models) {
      out.push(`### ${escapeInline(title)}`, '');
      pushFence(out, mermaidErLines(doc, { only: ids }));
    }
  }

  // One section per ordered pair of systems with mappings, in order of first appearance.
  const groups = new Map<string, { from?: string; to?: string; links: Link[] }>();
  for (const l of doc.links) {
    if (l.kind !== 'mapping') continue;
    const from = systemOf(l.from);
    const to = systemOf(l.to);
    const key = `${from ?? ''}\u0000${to ?? ''}`;
    const g = groups.get(key) ?? { from, to, links: [] };
    g.links.push(l);
    groups.set(key, g);
  }
  if (groups.size) {
    out.push('## Integrations', '');
    for (const g of groups.values()) {
      out.push(`### ${escapeInline(systemName(g.from))} → ${escapeInline(systemName(g.to))}`, '');
      pushFence(out, mermaidIntegrationLines(doc, g.links));
      const involved = new Set<string>();
      for (const l of g.links) {
        if ('entity' in l.from) involved.add(l.from.entity);
        if ('entity' in l.to) involved.add(l.to.entity);
      }
      pushFence(out, mermaidErLines(doc, { only: involved, mappings: true }));
      out.push('| Source | Target | Transform | Notes |', '| --- | --- | --- | --- |');
      for (const l of g.links) {
        out.push(
          `| ${cell(name(l.from))} | ${cell(name(l.to))} | ${cell(l.transform)} | ${cell(linkNotes(l))} |`,
        );
      }
      out.push('');
    }
  }
  for (const line of coverageSection(doc, escapeInline)) out.push(line);

  const relations = doc.links.filter((l) => l.kind === 'relation');
  if (relations.length) {
    out.push('## Relations', '');
    out.push('| From | To | Cardinality | Label |', '| --- | --- | --- | --- |');
    for (const l of relations) {
      const c = cardinalityOf(l)!;
      const card = `${c.from} to ${c.to}`;
      out.push(`| ${cell(name(l.from))} | ${cell(name(l.to))} | ${cell(card)} | ${cell(l.label)} |`);
    }
    out.push('');
  }

  const flows = doc.links.filter((l) => l.kind === 'flow');
  if (flows.length) {
    out.push('## Flows', '');
    out.push('| From | To | Label | Protocol | Schedule |', '| --- | --- | --- | --- | --- |');
    for (const l of flows) {
      out.push(
        `| ${cell(name(l.from))} | ${cell(name(l.to))} | ${cell(l.label)} | ${cell(l.protocol)} | ${cell(l.schedule)} |`,
      );
    }
    out.push('');
  }

  const unplaced = doc.entities.filter((e) => e.system === undefined).length;
  if (unplaced && doc.systems.length) out.push(`_${unplaced} entit${unplaced === 1 ? 'y is' : 'ies are'} in no system._`, '');

  const steps = doc.walkthrough ?? [];
  if (steps.length) {
    out.push('## Walkthrough', '');
    // What each focus id is called, looked up only for the ids steps name (links win, as
    // the last written; then notes, entities, systems).
    const focusIds = new Set(steps.flatMap((step) => step.focus ?? []));
    const names = new Map<string, string>();
    for (const s of doc.systems) if (focusIds.has(s.id)) names.set(s.id, s.name);
    for (const e of doc.entities) if (focusIds.has(e.id)) names.set(e.id, e.name);
    for (const n of doc.notes ?? []) if (focusIds.has(n.id)) names.set(n.id, n.text.split('\n')[0]);
    for (const l of doc.links) if (focusIds.has(l.id)) names.set(l.id, linkEnds(name, l));
    steps.forEach((step, i) => {
      out.push(`### ${i + 1}. ${escapeInline(step.title)}`, '');
      for (const b of step.bullets ?? []) out.push(`- ${escapeInline(b)}`);
      if (step.bullets?.length) out.push('');
      if (step.focus?.length) out.push(`_Focus: ${step.focus.map((id) => escapeInline(names.get(id) ?? id)).join(', ')}_`, '');
      if (step.speakerNotes) {
        const lines = step.speakerNotes.split(/\r\n?|\n/).map((line) => `> ${escapeInline(line)}`.trimEnd());
        out.push(`> **Speaker notes:** ${lines[0].slice(2)}`, ...lines.slice(1), '');
      }
    });
  }
  return `${out.join('\n').trimEnd()}\n`;
}

