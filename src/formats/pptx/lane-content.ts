import { isSystemEndpoint, type Endpoint, type Entity, type Link } from '../../model/types';
import type { LaneBlock, LaneLayout, LaneLink } from '../../layout/lanes';
import type { DeckIndex } from './slide-frame';
import { cleanText } from './xml-safety';

// What a lane diagram shows, from links and loose items: a header block per system, an
// entity block per entity with the fields the links reach as its rows, a lane link per
// link. Keys carry the column, so one entity can stand on both sides (mappings within a system).

/** Where things go. */
export interface LaneContentOptions {
  /** The column of a link's end. */
  column(ep: Endpoint, role: 'from' | 'to'): number;
  /** The column of a system (or of entities outside any system: undefined). */
  columnOfSystem(systemId: string | undefined): number;
  /** A header block per system above its entities (default true). */
  headers?: boolean;
}

/** Fields a standalone entity shows when no link picks its rows. */
const STANDALONE_ROWS = 6;

/** The text in a link's lane box: what the link does to the data. */
export function laneText(link: Link): string {
  const parts =
    link.kind === 'mapping'
      ? [link.transform, link.label]
      : link.kind === 'flow'
        ? [link.label, link.protocol, link.schedule]
        : [link.label, link.cardinality ? `${words(link.cardinality.from)} to ${words(link.cardinality.to)}` : undefined];
  const text = parts.map((t) => cleanText(t)).filter(Boolean).join('\n');
  return text || (link.kind === 'mapping' ? 'as is' : link.kind === 'flow' ? 'data flow' : 'relates to');
}

function words(c: string): string {
  return c.endsWith('more') ? 'many' : 'one';
}

/** Builds the blocks and lane links of a diagram. */
export function laneContent(
  index: DeckIndex,
  links: readonly Link[],
  standalone: { systems: readonly string[]; entities: readonly string[] },
  o: LaneContentOptions,
): { blocks: LaneBlock[]; links: LaneLink[] } {
  const blocks = new Map<string, LaneBlock>();
  const rows = new Map<string, Set<string>>();
  const showAll = new Set<string>();
  const entityOf = new Map<string, Entity>();
  const system = (id: string, column: number): string => {
    const key = `${column}|s|${id}`;
    if (!blocks.has(key)) {
      const s = index.systems.get(id);
      blocks.set(key, { key, kind: 'System', title: cleanText(s?.name ?? id), subtitle: cleanText(s?.kind) || undefined, rows: [], column, unit: `s:${id}` });
    }
    return key;
  };
  const entity = (e: Entity, column: number): string => {
    const key = `${column}|e|${e.id}`;
    const inSystem = e.system !== undefined && index.systems.has(e.system);
    if (inSystem && o.headers !== false) system(e.system!, column);
    if (!blocks.has(key)) {
      blocks.set(key, { key, kind: 'Entity', title: cleanText(e.name), rows: [], column, unit: inSystem ? `s:${e.system}` : `e:${e.id}` });
      rows.set(key, new Set());
      entityOf.set(key, e);
    }
    return key;
  };
  const anchor = (ep: Endpoint, column: number): string | undefined => {
    if (isSystemEndpoint(ep)) return index.systems.has(ep.system) ? system(ep.system, column) : undefined;
    const e = index.entities.get(ep.entity);
    if (!e) return undefined;
    const key = entity(e, column);
    if (ep.field === undefined || !e.fields.some((f) => f.id === ep.field)) return key;
    rows.get(key)!.add(ep.field);
    return `${key}|${ep.field}`;
  };
  const laneLinks: LaneLink[] = [];
  for (const l of links) {
    const from = anchor(l.from, o.column(l.from, 'from'));
    const to = anchor(l.to, o.column(l.to, 'to'));
    if (from && to) laneLinks.push({ key: l.id, from, to, text: laneText(l), style: l.kind });
  }
  for (const s of standalone.systems) if (index.systems.has(s)) system(s, o.columnOfSystem(s));
  for (const id of standalone.entities) {
    const e = index.entities.get(id);
    if (!e) continue;
    const key = entity(e, o.columnOfSystem(e.system !== undefined && index.systems.has(e.system) ? e.system : undefined));
    showAll.add(key);
  }
  for (const b of blocks.values()) {
    if (b.kind !== 'Entity') continue;
    const e = entityOf.get(b.key)!;
    const wanted = rows.get(b.key)!;
    let fields = e.fields.filter((f) => wanted.has(f.id));
    let more = 0;
    if (fields.length === 0 && showAll.has(b.key)) {
      fields = e.fields.slice(0, STANDALONE_ROWS);
      more = e.fields.length - fields.length;
    }
    b.rows = fields.map((f) => ({ key: `${b.key}|${f.id}`, text: cleanText(f.name) + (f.key ? ` (${f.key})` : '') }));
    if (more > 0) b.rows.push({ key: `${b.key}|+more`, text: `and ${more} more field${more === 1 ? '' : 's'}` });
  }
  // A system's header first in its unit, then its entities in the order they came.
  const ordered = [...blocks.values()];
  const firstSeen = new Map<string, number>();
  ordered.forEach((b, i) => firstSeen.set(`${b.column}|${b.unit}`, Math.min(firstSeen.get(`${b.column}|${b.unit}`) ?? i, i)));
  ordered.sort(
    (a, b) =>
      firstSeen.get(`${a.column}|${a.unit}`)! - firstSeen.get(`${b.column}|${b.unit}`)! ||
      (a.kind === 'System' ? 0 : 1) - (b.kind === 'System' ? 0 : 1),
  );
  return { blocks: ordered, links: laneLinks };
}

/**
 * Splits items into pages: each page the longest run of items whose layout fits (found by
 * doubling, then halving, so long lists stay fast); an item that does not fit alone gets a
 * page of its own.
 */
export function paginate<T>(items: readonly T[], layoutOf: (subset: readonly T[]) => LaneLayout): { items: T[]; layout: LaneLayout }[] {
  const pages: { items: T[]; layout: LaneLayout }[] = [];
  let start = 0;
  while (start < items.length) {
    const fits = (n: number) => layoutOf(items.slice(start, start + n));
    let good = 1;
    let goodLayout = fits(1);
    if (goodLayout.fits) {
      let bad = 0;
      let n = 2;
      while (start + good < items.length) {
        const l = fits(Math.min(n, items.length - start));
        if (!l.fits) {
          bad = Math.min(n, items.length - start);
          break;
        }
        good = Math.min(n, items.length - start);
        goodLayout = l;
        n *= 2;
      }
      while (bad > good + 1) {
        const mid = Math.floor((good + bad) / 2);
        const l = fits(mid);
        if (l.fits) {
          good = mid;
          goodLayout = l;
        } else bad = mid;
      }
    }
    pages.push({ items: items.slice(start, start + good), layout: goodLayout });
    start += good;
  }
  return pages;
}
