import { isSystemEndpoint, type CrosswalkDocument, type Entity, type Field, type Link, type System } from '../model/types';
import { layoutLanes, type LaneBlock, type LaneLayout, type LaneLink, type LaneMetrics, type Rect } from './lanes';
import { CONTROL_CHARS, oneLine, pairLinks, type SystemPair } from './pairs';

// Which pairs a document joins and their links live in pairs.ts (the app asks them without
// loading this layout); re-exported here for the exporters and the command line.
export { endpointSystemId, integrationPairs, orient, pairLinks, pairName, pairOfFocus, resolvePair, type PairSummary, type SystemPair } from './pairs';

// The integration view (DESIGN.md): a pair of systems drawn as a mapping spec — the source
// system's entities and fields on the left, the target's on the right, a box per mapping in
// the middle column holding its transform, a line into and out of it; flows between the
// two systems join their title boxes. Target entities show their unmapped fields too
// (all, or only the required ones), marked, so the gaps can be seen. One layout for the
// app's view, the SVG/PNG of a pair, the present mode and the PPTX integration slides:
// each gives its own metrics (px or inches) and draws the placed boxes its own way.

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

const multiLine = (t: string) =>
  t
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROL_CHARS, '')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

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
