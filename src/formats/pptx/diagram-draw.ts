import {
  ENTITY_HEADER_HEIGHT,
  FIELD_ROW_HEIGHT,
  SYSTEM_HEADER_HEIGHT,
  routeLink,
  type Box,
  type Geometry,
} from '../../model/geometry';
import { linkLabel } from '../../model/meaning';
import { isSystemEndpoint, type Endpoint, type Entity, type Link } from '../../model/types';
import type { DiagramIndex, DiagramView } from './diagram-view';
import { boxHeightFor, drawBox, drawFittedBox, drawPolyline, drawTable, MIN_PT, type Cell, type Painter, type Rect } from './draw';
import { routeAround, type Attach } from './route';
import { fitText, linesHeight, measureText, truncateToWidth, withBreaks } from './text-fit';
import { cleanText } from './xml-safety';

// Draws a view of the diagram as native shapes, laid out like the canvas and scaled to fit
// an area of the slide. Text never goes below 10 pt, so the scale decides how much is shown:
//   detail     — entities are native tables (title row, then field | type | key rows) and
//                each link attaches at its field rows, as on the canvas;
//   collapsed  — entities are boxes holding only their name; links between the same two
//                boxes are drawn once, attached to the boxes' sides;
//   too-large  — not even names fit: the caller splits the view into tiles (diagram
//                slides) or falls back to a grid of names (walkthrough steps).

/** Smallest scale (inches per canvas unit) at which field rows hold 10 pt text. */
export const DETAIL_SCALE = 0.007;
/** Smallest scale at which an entity box is wide enough for its name at 10 pt. */
export const COLLAPSED_SCALE = 0.003;
/** Largest scale: a small diagram is not blown up beyond this. */
export const MAX_SCALE = 0.0105;
/** Height, in inches, a collapsed entity can take beyond its top (band push + three lines). */
export const COLLAPSED_RESERVE_IN = 0.82;

/** How a view is drawn. */
export interface ViewPlan {
  mode: 'detail' | 'collapsed' | 'too-large';
  /** Inches per canvas unit. */
  scale: number;
}

/** Chooses the scale and level of detail for a view in an area. */
export function planView(view: DiagramView, area: Rect): ViewPlan {
  const { width, height } = view.bounds;
  const scale = Math.min(width > 0 ? area.w / width : MAX_SCALE, height > 0 ? area.h / height : MAX_SCALE, MAX_SCALE);
  if (scale >= DETAIL_SCALE) return { mode: 'detail', scale };
  if (scale >= COLLAPSED_SCALE) return { mode: 'collapsed', scale };
  return { mode: 'too-large', scale };
}

/** Draws a view that fits (`planView` said detail or collapsed) into `area`. */
export function drawView(p: Painter, index: DiagramIndex, view: DiagramView, area: Rect, plan: ViewPlan): void {
  const s = plan.scale;
  const detail = plan.mode === 'detail';
  const offX = area.x + (area.w - view.bounds.width * s) / 2;
  const offY = area.y + (area.h - view.bounds.height * s) / 2;
  const X = (x: number) => offX + (x - view.bounds.x) * s;
  const Y = (y: number) => offY + (y - view.bounds.y) * s;
  const toRect = (b: Box): Rect => ({ x: X(b.x), y: Y(b.y), w: b.width * s, h: b.height * s });
  const areaBottom = area.y + area.h;

  // Systems: a frame with the name in its title band.
  const bandPt = detail ? clamp(Math.floor((SYSTEM_HEADER_HEIGHT * s * 72) / 1.5), MIN_PT, 14) : MIN_PT;
  const bandInset = { h: 0.06, v: 0.02 };
  const band = Math.max(SYSTEM_HEADER_HEIGHT * s, boxHeightFor(1, bandPt, bandInset));
  const frames = new Map<string, Rect>();
  for (const { system, box, labelled } of view.systems) {
    const r = clip(toRect(box), area);
    frames.set(system.id, r);
    const name = labelled ? truncateToWidth(cleanText(system.name), r.w - 2 * bandInset.h, bandPt, { bold: true, font: p.font }) : '';
    drawBox(p, r, name ? [{ text: name, size: bandPt, bold: true }] : [], { border: true, valign: 'top', inset: bandInset, name: 'System' });
  }

  // Entity rectangles first (links attach to them), drawn after the links so lines end at their edges.
  const entityRects = new Map<string, Rect>();
  const collapsedText = new Map<string, { text: string; size: number }>();
  for (const { entity, box } of view.entities) {
    const slot = toRect(box);
    if (detail) {
      entityRects.set(entity.id, slot);
      continue;
    }
    const inset = { h: 0.05, v: 0.03 };
    const fitted = fitText(withBreaks(cleanText(entity.name)), slot.w - 2 * inset.h, Math.max(slot.h, boxHeightFor(2, 12)) - 2 * inset.v, {
      maxPt: 12,
      minPt: MIN_PT,
      bold: true,
      font: p.font,
      maxLines: 3,
    });
    const h = boxHeightFor(fitted.lines, fitted.size, inset);
    const frame = entity.system !== undefined ? frames.get(entity.system) : undefined;
    // Below the system's title band when there is room in the entity's own slot.
    let top = slot.y;
    if (frame) top = Math.max(top, Math.min(frame.y + band, slot.y + slot.h - h));
    top = Math.min(top, areaBottom - h);
    entityRects.set(entity.id, { x: slot.x, y: top, w: slot.w, h });
    collapsedText.set(entity.id, { text: fitted.text, size: fitted.size });
  }

  const viewGeo: Geometry = {
    systems: new Map(view.systems.map((v) => [v.system.id, v.box])),
    entities: new Map(view.entities.map((v) => [v.entity.id, v.box])),
    notes: new Map(view.notes.map((v) => [v.note.id, v.box])),
    bounds: view.bounds,
  };
  const attachY = (ep: Endpoint, canvasY: number): number => {
    if (isSystemEndpoint(ep)) {
      const f = frames.get(ep.system);
      return f ? f.y + Math.min(band, f.h) / 2 : Y(canvasY);
    }
    const r = entityRects.get(ep.entity);
    if (!r) return Y(canvasY);
    return detail ? Y(canvasY) : r.y + r.h / 2;
  };

  // Links: one per link in detail; one per pair of boxes and kind when collapsed.
  const drawn = new Set<string>();
  const routes: { link: Link; a: Attach; b: Attach }[] = [];
  for (const link of view.links) {
    const route = routeLink(index.doc, viewGeo, link);
    if (!route) continue;
    if (!detail) {
      const key = `${link.kind}\u0000${endKey(link.from)}\u0000${endKey(link.to)}`;
      if (drawn.has(key)) continue;
      drawn.add(key);
    }
    const a = { x: X(route.from.x), y: attachY(link.from, route.from.y), side: route.fromSide };
    const b = { x: X(route.to.x), y: attachY(link.to, route.to.y), side: route.toSide };
    if (Math.abs(a.y - b.y) < 0.02 && endKey(link.from) === endKey(link.to)) {
      // A link from a box to itself, with both ends on one row: a small loop out of its side.
      const r = isSystemEndpoint(link.from) ? undefined : entityRects.get(link.from.entity);
      const d = r ? Math.min(0.08, r.h / 4) : 0.06;
      a.y -= d;
      b.y += d;
    }
    routes.push({ link, a, b });
  }
  // Links between the same two boxes get their runs side by side, not on top of each other.
  const pairCount = new Map<string, number>();
  for (const r of routes) pairCount.set(pairKey(r.link), (pairCount.get(pairKey(r.link)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const labelSlots: { link: Link; x: number; y: number }[] = [];
  const entityBoxes = [...entityRects.values()];
  const frameBoxes = new Map([...frames].map(([id, r]) => [id, { x: r.x, y: r.y, w: r.w, h: Math.min(band, r.h) }]));
  const stub = detail ? 0.12 : 0.06;
  for (const r of routes) {
    const key = pairKey(r.link);
    const k = pairSeen.get(key) ?? 0;
    pairSeen.set(key, k + 1);
    const n = pairCount.get(key) ?? 1;
    // Lines keep clear of system names too (a flow may run along the bands of its own systems).
    const obstacles = [...entityBoxes, ...[...frameBoxes].filter(([id]) => !isEnd(r.link, id)).map(([, b]) => b)];
    const points = routeAround(r.a, r.b, obstacles, { stub, offset: (k - (n - 1) / 2) * 0.06, area });
    drawPolyline(p, points, { dashed: r.link.kind === 'mapping', arrow: true, widthPt: r.link.kind === 'flow' ? 1.25 : 1 });
    const mid = Math.floor((points.length - 1) / 2);
    labelSlots.push({ link: r.link, x: (points[mid].x + points[mid + 1].x) / 2, y: (points[mid].y + points[mid + 1].y) / 2 });
  }

  for (const { entity } of view.entities) {
    const r = entityRects.get(entity.id)!;
    if (detail) drawEntityTable(p, entity, r, s);
    else {
      const t = collapsedText.get(entity.id)!;
      drawBox(p, r, [{ text: t.text, size: t.size, bold: true, align: 'center' }], {
        border: true,
        fill: true,
        inset: { h: 0.05, v: 0.03 },
        name: 'Entity',
      });
    }
  }

  for (const { note, box } of view.notes) {
    const r = clip(toRect(box), area);
    const minH = boxHeightFor(1, MIN_PT);
    const rect = { ...r, h: Math.max(r.h, minH), y: Math.min(r.y, areaBottom - Math.max(r.h, minH)) };
    drawFittedBox(p, rect, cleanText(note.text, { multiline: true }), { maxPt: detail ? 11 : MIN_PT }, { border: true, dashed: true, fill: true, valign: 'top', name: 'Note' });
  }

  if (detail) drawLabels(p, labelSlots, [...entityRects.values()], area);
}

/** Draws a view too large for `drawView`: a grid of entity names, with a count of what did not fit. */
export function drawNameGrid(p: Painter, view: DiagramView, area: Rect): void {
  const cellW = 1.3;
  const cellH = 0.5;
  const cols = Math.max(1, Math.floor(area.w / cellW));
  const rows = Math.max(1, Math.floor(area.h / cellH));
  const capacity = cols * rows;
  const names = view.entities.map((e) => e.entity.name);
  if (names.length === 0) names.push(...view.systems.map((s) => s.system.name));
  const shown = names.length > capacity ? names.slice(0, capacity - 1) : names;
  const boxW = cellW - 0.1;
  const boxH = cellH - 0.1;
  shown.forEach((name, i) => {
    const rect = { x: area.x + (i % cols) * cellW, y: area.y + Math.floor(i / cols) * cellH, w: boxW, h: boxH };
    drawFittedBox(p, rect, withBreaks(cleanText(name)), { maxPt: MIN_PT, bold: true, maxLines: 2, align: 'center' }, { border: true, inset: { h: 0.05, v: 0.02 }, name: 'Entity' });
  });
  if (names.length > shown.length) {
    const i = shown.length;
    const rect = { x: area.x + (i % cols) * cellW, y: area.y + Math.floor(i / cols) * cellH, w: boxW, h: boxH };
    drawFittedBox(p, rect, `+${names.length - shown.length} more`, { maxPt: MIN_PT, maxLines: 2, align: 'center' }, { name: 'More' });
  }
}

function endKey(ep: Endpoint): string {
  return isSystemEndpoint(ep) ? `s:${ep.system}` : `e:${ep.entity}`;
}

function isEnd(link: Link, systemId: string): boolean {
  return [link.from, link.to].some((ep) => isSystemEndpoint(ep) && ep.system === systemId);
}

function pairKey(link: Link): string {
  const a = endKey(link.from);
  const b = endKey(link.to);
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Link labels where they fit without covering an entity or another label; the tables hold them all anyway. */
function drawLabels(p: Painter, slots: readonly { link: Link; x: number; y: number }[], boxes: readonly Rect[], area: Rect): void {
  const placed: Rect[] = [];
  const labelled = slots.filter((s) => labelOf(s.link));
  if (labelled.length > 16) return;
  for (const slot of labelled) {
    const text = cleanText(labelOf(slot.link));
    const maxW = 1.6;
    const inset = { h: 0.03, v: 0.01 };
    const fitted = fitText(text, maxW - 2 * inset.h, boxHeightFor(2, MIN_PT, inset), { maxPt: MIN_PT, minPt: MIN_PT, maxLines: 2, font: p.font });
    const w = Math.min(maxW, Math.max(...fitted.text.split('\n').map((l) => measureText(l, fitted.size, { font: p.font }))) + 2 * inset.h + 0.02);
    const h = linesHeight(fitted.lines, fitted.size) + 2 * inset.v;
    const rect = {
      x: clamp(slot.x - w / 2, area.x, area.x + area.w - w),
      y: clamp(slot.y - h / 2, area.y, area.y + area.h - h),
      w,
      h,
    };
    if ([...boxes, ...placed].some((b) => overlaps(b, rect))) continue;
    placed.push(rect);
    drawBox(p, rect, [{ text: fitted.text, size: fitted.size, align: 'center' }], { fill: true, inset, name: 'Label' });
  }
}

function labelOf(link: Link): string {
  return linkLabel(link);
}

/** An entity as a native table: title row, then field | type | key rows at the canvas row heights. */
function drawEntityTable(p: Painter, entity: Entity, r: Rect, s: number): void {
  const titleH = ENTITY_HEADER_HEIGHT * s;
  const rowH = FIELD_ROW_HEIGHT * s;
  const rowPt = clamp(Math.floor((rowH * 72) / 1.3), MIN_PT, 13);
  const titlePt = clamp(Math.floor((titleH * 72) / 1.45), MIN_PT, 16);
  const margin = { h: 0.04, v: 0 };
  const opts = { font: p.font };
  const hasKey = entity.fields.some((f) => f.key);
  const hasType = entity.fields.some((f) => cleanText(f.type));
  const keyW = hasKey ? measureText('PK', rowPt, { ...opts, bold: true }) + 2 * margin.h + 0.02 : 0;
  const widestType = Math.max(0, ...entity.fields.map((f) => measureText(cleanText(f.type), rowPt, opts)));
  const typeW = hasType ? Math.min(widestType + 2 * margin.h + 0.02, r.w * 0.4) : 0;
  const nameW = r.w - keyW - typeW;
  const colW = [nameW, ...(hasType ? [typeW] : []), ...(hasKey ? [keyW] : [])];
  const cols = colW.length;
  const cell = (text: string, w: number, size: number, bold = false) => truncateToWidth(text, w - 2 * margin.h, size, { ...opts, bold });
  const rows: Cell[][] = [[{ text: cell(cleanText(entity.name), r.w, titlePt, true), bold: true, colspan: cols, size: titlePt }]];
  const heights = [titleH];
  for (const f of entity.fields) {
    rows.push([
      { text: cell(cleanText(f.name), nameW, rowPt), bold: false, colspan: 1 },
      ...(hasType ? [{ text: cell(cleanText(f.type), typeW, rowPt), bold: false, colspan: 1 }] : []),
      ...(hasKey ? [{ text: f.key ?? '', bold: true, colspan: 1 }] : []),
    ]);
    heights.push(rowH);
  }
  if (entity.fields.length === 0) {
    rows.push([{ text: '', bold: false, colspan: cols }]);
    heights.push(rowH);
  }
  drawTable(p, { x: r.x, y: r.y }, colW, rows, heights, { size: rowPt, margin, name: 'Entity', fill: true });
}

function clip(r: Rect, area: Rect): Rect {
  const x1 = Math.max(r.x, area.x - 0.3);
  const y1 = Math.max(r.y, area.y - 0.3);
  const x2 = Math.min(r.x + r.w, area.x + area.w + 0.3);
  const y2 = Math.min(r.y + r.h, area.y + area.h + 0.3);
  return { x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
