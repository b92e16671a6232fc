import { endpointNamer, linkNotes } from '../../model/meaning';
import { isEntityEndpoint, type Link } from '../../model/types';
import type { DeckContext } from './slide-frame';
import { addTableSlides, TABLE_MARGIN, TABLE_PT } from './table-slides';
import { widestWord } from './text-fit';
import { cleanText } from './xml-safety';

// Mapping tables, one per pair of systems (source → target), continued on further slides
// when long: source entity.field | target entity.field | transform | notes.

const COL_W = [2.2, 2.2, 2.4, 2.4];
const MIN_COL = 1.2;
const TOTAL = COL_W.reduce((a, b) => a + b, 0);

/**
 * Column widths that follow the longest text of each column (at least MIN_COL each, the
 * table's width shared out), so a name wraps into as few lines as the table allows and a
 * short column gives its room to a long one; and each column at least as wide as its
 * longest word (an endpoint such as `Worker.Preferred_First_Name` is one), when the table
 * has room for that, so no name breaks in the middle.
 */
function columnWidths(header: readonly string[], texts: readonly string[][], font: string): number[] {
  // Square roots temper the share: a 200-character transform must not squeeze the names to nothing.
  const weight = header.map((h, i) => Math.sqrt(Math.max(h.length, 8, ...texts.map((t) => t[i].length))));
  const sum = weight.reduce((a, b) => a + b, 0);
  const floor = header.map((h, i) => Math.max(MIN_COL, ...[h, ...texts.map((t) => t[i])].map((t) => widestWord(t, TABLE_PT, { font, bold: t === h }) + 2 * TABLE_MARGIN.h)));
  const fitsWhole = floor.reduce((a, b) => a + b, 0) <= TOTAL;
  const least = fitsWhole ? floor : header.map(() => MIN_COL);
  const widths = weight.map((w, i) => Math.max(least[i], (TOTAL * w) / sum));
  // What the floors took comes off the columns above theirs, in proportion to their room.
  const over = widths.reduce((a, b) => a + b, 0) - TOTAL;
  const room = widths.reduce((a, w, i) => a + (w - least[i]), 0);
  return widths.map((w, i) => (room > 0 ? w - (over * (w - least[i])) / room : w));
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
    const rows = group.links.map((link) => [
      cleanText(name(link.from)),
      cleanText(name(link.to)),
      cleanText(link.transform),
      cleanText(linkNotes(link)),
    ]);
    // A Notes column nobody filled in is left out: its room goes to the names.
    const withNotes = rows.some((r) => r[3].trim() !== '');
    const header = withNotes ? HEADER : HEADER.slice(0, 3);
    const texts = withNotes ? rows : rows.map((r) => r.slice(0, 3));
    count += addTableSlides(ctx, 'mappings', title, header, texts, columnWidths(header, texts, ctx.font), 'Mapping table');
    yield;
  }
  return count;
}
