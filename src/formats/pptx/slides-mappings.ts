import { endpointNamer, linkNotes } from '../../model/meaning';
import { isEntityEndpoint, type Link } from '../../model/types';
import type { DeckContext } from './slide-frame';
import { addTableSlides } from './table-slides';
import { cleanText } from './xml-safety';

// Mapping tables, one per pair of systems (source → target), continued on further slides
// when long: source entity.field | target entity.field | transform | notes.

const COL_W = [2.2, 2.2, 2.4, 2.4];
const MIN_COL = 1.2;

/**
 * Column widths: the usual split, unless one column's longest text is much longer than the
 * others' — then widths follow the longest texts (at least MIN_COL each), so a long name
 * wraps into fewer lines instead of making a row taller than a slide.
 */
function columnWidths(texts: readonly string[][]): number[] {
  const longest = COL_W.map((_, i) => Math.max(HEADER[i].length, ...texts.map((t) => t[i].length)));
  if (Math.max(...longest) < 120) return COL_W;
  const total = COL_W.reduce((a, b) => a + b, 0);
  const sum = longest.reduce((a, b) => a + b, 0);
  const widths = longest.map((l) => Math.max(MIN_COL, (total * l) / sum));
  const over = widths.reduce((a, b) => a + b, 0) - total;
  const wide = widths.reduce((a, w) => a + (w > MIN_COL ? w : 0), 0);
  return widths.map((w) => (w > MIN_COL ? w - (over * w) / wide : w));
}
const HEADER = ['Source', 'Target', 'Transform', 'Notes'];

/** A group of mappings from one system to another (undefined: entities outside any system). */
export interface MappingGroup {
  from: string | undefined;
  to: string | undefined;
  links: Link[];
}

/**
 * Groups the mappings by (source system, target system), in the document's system order
 * (entities outside any system last), each group's rows in document order.
 */
export function groupMappings(ctx: Pick<DeckContext, 'doc' | 'index'>): MappingGroup[] {
  const order = new Map(ctx.doc.systems.map((s, i) => [s.id, i]));
  const rank = (id: string | undefined) => (id === undefined ? Number.MAX_SAFE_INTEGER : (order.get(id) ?? Number.MAX_SAFE_INTEGER));
  const groups = new Map<string, MappingGroup>();
  for (const link of ctx.doc.links) {
    if (link.kind !== 'mapping') continue;
    const from = systemOf(ctx, link.from);
    const to = systemOf(ctx, link.to);
    const key = `${from ?? ''}\u0000${to ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { from, to, links: [] }));
    g.links.push(link);
  }
  return [...groups.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}

/** "Workday → Okta", or "within Okta" for mappings inside one system. */
export function pairTitle(ctx: Pick<DeckContext, 'index'>, group: MappingGroup): string {
  const name = (id: string | undefined) => (id === undefined ? 'no system' : cleanText(ctx.index.systems.get(id)?.name ?? id));
  return group.from === group.to ? `within ${name(group.from)}` : `${name(group.from)} → ${name(group.to)}`;
}

function systemOf(ctx: Pick<DeckContext, 'index'>, ep: Link['from']): string | undefined {
  if (!isEntityEndpoint(ep)) return ep.system;
  return ctx.index.entities.get(ep.entity)?.system;
}

/** Adds the mapping table slides, pausing after each pair of systems; returns how many. */
export function* addMappingSlides(ctx: DeckContext): Generator<void, number> {
  let count = 0;
  const name = endpointNamer(ctx.doc);
  for (const group of groupMappings(ctx)) {
    const title = `Mappings: ${pairTitle(ctx, group)}`;
    const texts = group.links.map((link) => [
      cleanText(name(link.from)),
      cleanText(name(link.to)),
      cleanText(link.transform),
      cleanText(linkNotes(link)),
    ]);
    count += addTableSlides(ctx, 'mappings', title, HEADER, texts, columnWidths(texts), 'Mapping table');
    yield;
  }
  return count;
}
