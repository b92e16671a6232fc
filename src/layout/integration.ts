import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Field, type Link, type System } from '../model/types';
import { layoutLanes, type LaneBlock, type LaneLayout, type LaneLink, type LaneMetrics, type Rect } from './lanes';

// The integration view (DESIGN.md): a pair of systems drawn as a mapping spec — the source
// system's entities and fields on the left, the target's on the right, a box per mapping in
// the middle column holding its transform, a line into and out of it; flows between the
// two systems join their title boxes. Target entities show their unmapped fields too
// (all, or only the required ones), marked, so the gaps can be seen. One layout for the
// app's view, the SVG/PNG of a pair, the present mode and the PPTX integration slides:
// each gives its own metrics (px or inches) and draws the placed boxes its own way.

/** A direction between two systems (undefined: entities in no system). */
export interface SystemPair {
  source: string | undefined;
  target: string | undefined;
}

/** What a field row stands for (for drawing marks and finding the field again). */
export interface RowInfo {
  side: 'source' | 'target';
  entityId: string;
  fieldId: string;
  required: boolean;
  /** Whether any link of the view reaches the field. */
  mapped: boolean;
}

/** Which unmapped fields of a target entity are shown. */
export type UnmappedRows = 'all' | 'required' | 'none';

export interface IntegrationOptions {
  /** Unmapped target fields shown (default 'all'). */
  unmapped?: UnmappedRows;
  /** Whether source entities move as one block with their system (default) or each on its own. */
  sourceUnits?: 'system' | 'entity';
  /** Cleans a name for output (default: control characters out, one line). */
  clean?: (text: string) => string;
  /** Cleans a multi-line text (a transform; default: control characters out). */
  cleanMultiline?: (text: string) => string;
}

/** What to lay out. */
export interface IntegrationContent {
  blocks: LaneBlock[];
  links: LaneLink[];
  /** Field rows by row key. */
  rows: Map<string, RowInfo>;
}

/** A laid-out pair. */
export interface IntegrationView extends IntegrationContent {
  pair: SystemPair;
  /** The document's links drawn, in reading order. */
  drawn: Link[];
  layout: LaneLayout;
  /** Bounds of everything placed. */
  bounds: Rect;
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const oneLine = (t: string) => t.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
const multiLine = (t: string) =>
  t
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/** The system an endpoint lives in (undefined: an entity in no system, or unknown). */
export function endpointSystemId(byEntity: ReadonlyMap<string, Entity>, ep: Endpoint): string | undefined {
  return isSystemEndpoint(ep) ? ep.system : byEntity.get(ep.entity)?.system;
}

/**
 * The links a direction shows, in reading order (source entity, then field order): the
 * mappings from an entity of `source` into one of `target`, then the flows from system to system.
 */
export function pairLinks(doc: CrosswalkDocument, pair: SystemPair): Link[] {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const entityRank = new Map(doc.entities.map((e, i) => [e.id, i]));
  const order = (ep: Endpoint) => {
    if (!isEntityEndpoint(ep)) return -1;
    const e = byEntity.get(ep.entity);
    const f = e && ep.field !== undefined ? e.fields.findIndex((x) => x.id === ep.field) : -1;
    return (entityRank.get(ep.entity) ?? 0) * 100000 + f;
  };
  const mappings = doc.links.filter(
    (l) =>
      l.kind === 'mapping' &&
      isEntityEndpoint(l.from) &&
      isEntityEndpoint(l.to) &&
      byEntity.has(l.from.entity) &&
      byEntity.has(l.to.entity) &&
      endpointSystemId(byEntity, l.from) === pair.source &&
      endpointSystemId(byEntity, l.to) === pair.target,
  );
  mappings.sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const flows =
    pair.source !== undefined && pair.target !== undefined && pair.source !== pair.target
      ? doc.links.filter((l) => l.kind === 'flow' && isSystemEndpoint(l.from) && isSystemEndpoint(l.to) && l.from.system === pair.source && l.to.system === pair.target)
      : [];
  return [...flows, ...mappings];
}

/** A pair of systems with something between them, either way. */
export interface PairSummary {
  /** The direction with more mappings (ties: document order). */
  pair: SystemPair;
  /** Links drawn in that direction and in the other. */
  forward: number;
  backward: number;
}

/** Every pair of distinct systems joined by mappings or flows, in document order. */
export function integrationPairs(doc: CrosswalkDocument): PairSummary[] {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const rank = new Map(doc.systems.map((s, i) => [s.id, i]));
  const counts = new Map<string, { a: string; b: string; ab: number; ba: number }>();
  for (const l of doc.links) {
    if (l.kind === 'relation') continue;
    if (l.kind === 'mapping' && !(isEntityEndpoint(l.from) && isEntityEndpoint(l.to))) continue;
    if (l.kind === 'flow' && !(isSystemEndpoint(l.from) && isSystemEndpoint(l.to))) continue;
    const s = endpointSystemId(byEntity, l.from);
    const t = endpointSystemId(byEntity, l.to);
    if (s === undefined || t === undefined || s === t || !rank.has(s) || !rank.has(t)) continue;
    const [a, b] = rank.get(s)! <= rank.get(t)! ? [s, t] : [t, s];
    const key = `${a}\u0000${b}`;
    const c = counts.get(key) ?? { a, b, ab: 0, ba: 0 };
    if (s === a) c.ab++;
    else c.ba++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort((x, y) => rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!)
    .map((c) => (c.ba > c.ab ? { pair: { source: c.b, target: c.a }, forward: c.ba, backward: c.ab } : { pair: { source: c.a, target: c.b }, forward: c.ab, backward: c.ba }));
}

/**
 * Reads a pair written by a person: "Workday,Okta" (names, any case, or ids; a name wins
 * over nothing, an id over a name that several systems share). The error names what is wrong.
 */
export function resolvePair(doc: CrosswalkDocument, spec: string): { pair: SystemPair } | { error: string } {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) return { error: `--pair wants two systems separated by a comma ("Workday,Okta"), got "${spec}"` };
  const ids: string[] = [];
  for (const p of parts) {
    const byId = doc.systems.find((s) => s.id === p);
    const byName = doc.systems.filter((s) => s.name.trim().toLowerCase() === p.toLowerCase());
    const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!found) {
      const known = doc.systems.map((s) => s.name).join(', ') || 'none';
      return { error: byName.length > 1 ? `"${p}" names ${byName.length} systems: use an id (${byName.map((s) => s.id).join(', ')})` : `no system named "${p}" (systems: ${known})` };
    }
    ids.push(found.id);
  }
  if (ids[0] === ids[1]) return { error: `--pair names one system twice ("${spec}")` };
  return { pair: { source: ids[0], target: ids[1] } };
}

/** The pair a set of ids points at: two systems, or the systems at the ends of links. */
export function pairOfFocus(doc: CrosswalkDocument, ids: readonly string[]): SystemPair | undefined {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const systems = ids.filter((id) => doc.systems.some((s) => s.id === id));
  if (systems.length === 2) return orient(doc, { source: systems[0], target: systems[1] });
  for (const id of ids) {
    const l = doc.links.find((x) => x.id === id);
    if (!l || l.kind === 'relation') continue;
    const s = endpointSystemId(byEntity, l.from);
    const t = endpointSystemId(byEntity, l.to);
    if (s !== undefined && t !== undefined && s !== t) return { source: s, target: t };
  }
  const ofEntities = [...new Set(ids.map((id) => byEntity.get(id)?.system).filter((s): s is string => s !== undefined))];
  if (ofEntities.length === 2) return orient(doc, { source: ofEntities[0], target: ofEntities[1] });
  return undefined;
}

/** The direction of a pair with more links (the given one on a tie). */
export function orient(doc: CrosswalkDocument, pair: SystemPair): SystemPair {
  const back = { source: pair.target, target: pair.source };
  return pairLinks(doc, back).length > pairLinks(doc, pair).length ? back : pair;
}

function fieldText(f: Field, clean: (t: string) => string, marks: string[]): string {
  const type = f.type !== undefined ? clean(f.type) : '';
  const key = f.key ? ` (${f.key})` : '';
  return `${clean(f.name)}${key}${type ? `: ${type}` : ''}${marks.length ? ` — ${marks.join(', ')}` : ''}`;
}

/** The text of a link's middle box. */
export function integrationLabel(link: Link, cleanMultiline: (t: string) => string = multiLine): string {
  const parts = link.kind === 'flow' ? [link.label, link.protocol, link.schedule] : [link.transform, link.kind === 'mapping' ? link.label : undefined];
  const text = parts
    .map((t) => (t === undefined ? '' : cleanMultiline(t)))
    .filter(Boolean)
    .join('\n');
  return text || (link.kind === 'flow' ? 'data flow' : 'as is');
}

/** Builds the blocks and lane links of a pair for the given links (all of the pair's, or a page of them). */
export function integrationContent(doc: CrosswalkDocument, pair: SystemPair, links: readonly Link[], options: IntegrationOptions = {}): IntegrationContent {
  const clean = options.clean ?? oneLine;
  const cleanMl = options.cleanMultiline ?? multiLine;
  const unmapped = options.unmapped ?? 'all';
  const systems = new Map<string, System>(doc.systems.map((s) => [s.id, s]));
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const blocks = new Map<string, LaneBlock>();
  const reached = new Map<string, Set<string>>();
  const rows = new Map<string, RowInfo>();
  const systemBlock = (id: string | undefined, column: number): string | undefined => {
    if (id === undefined || !systems.has(id)) return undefined;
    const key = `${column}|s|${id}`;
    if (!blocks.has(key)) {
      const s = systems.get(id)!;
      const kind = s.kind !== undefined ? clean(s.kind) : '';
      blocks.set(key, { key, kind: 'System', title: clean(s.name) || id, subtitle: kind || undefined, rows: [], column, unit: `s:${id}` });
    }
    return key;
  };
  const entityBlock = (e: Entity, column: number): string => {
    const key = `${column}|e|${e.id}`;
    if (!blocks.has(key)) {
      systemBlock(column === 0 ? pair.source : pair.target, column);
      // With sourceUnits 'entity', a source entity is a unit of its own (so it can sit beside
      // what it feeds); target entities stay with their system's title.
      const own = column === 0 && options.sourceUnits === 'entity';
      const unit = !own && e.system !== undefined && systems.has(e.system) ? `s:${e.system}` : `e:${e.id}`;
      blocks.set(key, { key, kind: 'Entity', title: clean(e.name) || e.id, rows: [], column, unit });
      reached.set(key, new Set());
    }
    return key;
  };
  // Titles first, so a pair with only flows still shows both systems.
  systemBlock(pair.source, 0);
  systemBlock(pair.target, 1);
  const laneLinks: LaneLink[] = [];
  for (const l of links) {
    const ends: (string | undefined)[] = [l.from, l.to].map((ep, column) => {
      if (isSystemEndpoint(ep)) return systemBlock(ep.system, column);
      const e = byEntity.get(ep.entity);
      if (!e) return undefined;
      const key = entityBlock(e, column);
      if (ep.field === undefined || !e.fields.some((f) => f.id === ep.field)) return key;
      reached.get(key)!.add(ep.field);
      return `${key}|${ep.field}`;
    });
    if (ends[0] && ends[1]) laneLinks.push({ key: l.id, from: ends[0], to: ends[1], text: integrationLabel(l, cleanMl), style: l.kind });
  }
  for (const b of blocks.values()) {
    if (b.kind !== 'Entity') continue;
    const entityId = b.key.slice(b.key.indexOf('|e|') + 3);
    const e = byEntity.get(entityId)!;
    const side = b.column === 0 ? 'source' : 'target';
    const got = reached.get(b.key)!;
    const shown = e.fields.filter((f) => got.has(f.id) || (side === 'target' && (unmapped === 'all' || (unmapped === 'required' && f.required === true))));
    b.rows = shown.map((f) => {
      const key = `${b.key}|${f.id}`;
      const mapped = got.has(f.id);
      const required = f.required === true;
      rows.set(key, { side, entityId: e.id, fieldId: f.id, required, mapped });
      const marks = side === 'target' ? [...(required ? ['required'] : []), ...(mapped ? [] : ['not mapped'])] : [];
      return { key, text: fieldText(f, clean, marks) };
    });
  }
  // Each system's title first in its unit, then its entities in the order they came.
  const ordered = [...blocks.values()];
  const first = new Map<string, number>();
  ordered.forEach((b, i) => first.set(`${b.column}|${b.unit}`, Math.min(first.get(`${b.column}|${b.unit}`) ?? i, i)));
  ordered.sort((a, b) => first.get(`${a.column}|${a.unit}`)! - first.get(`${b.column}|${b.unit}`)! || (a.kind === 'System' ? 0 : 1) - (b.kind === 'System' ? 0 : 1));
  return { blocks: ordered, links: laneLinks, rows };
}

/** Lays out a whole pair in `area` (an unbounded height is fine: the view scrolls). */
export function integrationView(doc: CrosswalkDocument, pair: SystemPair, metrics: LaneMetrics, area: Rect, options: IntegrationOptions = {}): IntegrationView {
  const drawn = pairLinks(doc, pair);
  const content = integrationContent(doc, pair, drawn, options);
  const layout = layoutLanes(2, content.blocks, content.links, area, metrics);
  return { ...content, pair, drawn, layout, bounds: boundsOf(layout) };
}

/** The box around every placed text. */
export function boundsOf(layout: LaneLayout): Rect {
  if (layout.texts.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const t of layout.texts) {
    x0 = Math.min(x0, t.rect.x);
    y0 = Math.min(y0, t.rect.y);
    x1 = Math.max(x1, t.rect.x + t.rect.w);
    y1 = Math.max(y1, t.rect.y + t.rect.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** "Workday → Okta". */
export function pairName(doc: CrosswalkDocument, pair: SystemPair): string {
  const name = (id: string | undefined) => (id === undefined ? 'no system' : oneLine(doc.systems.find((s) => s.id === id)?.name ?? id) || id);
  return pair.source === pair.target ? `within ${name(pair.source)}` : `${name(pair.source)} → ${name(pair.target)}`;
}
