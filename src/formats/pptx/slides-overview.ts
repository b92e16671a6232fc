import type { Box } from '../../model/geometry';
import { linkLabelParts } from '../../model/meaning';
import type { Link, System } from '../../model/types';
import { boxHeightFor, drawBox, drawLine, drawPolyline, MIN_PT, type Painter, type Rect } from './draw';
import { addSlide, CONTENT_RECT, drawPicture, drawSlideTitle, pictureFor, type DeckContext } from './slide-frame';
import { fitText, linesHeight, measureText } from './text-fit';
import { cleanText } from './xml-safety';

// The system overview: each system a box (name, kind), each flow a labelled arrow. Systems
// keep the arrangement they have on the canvas — their boxes are sorted into columns and
// rows by position, then set on a tidy grid — so the slide reads like the canvas without
// inheriting its sizes. More systems than a slide holds continue on further slides.

/** Picture key of the overview slide. */
export const OVERVIEW_PICTURE_KEY = 'overview';

const MAX_COLS = 5;
const MAX_ROWS = 5;

interface Placed {
  system: System;
  rect: Rect;
}

/** Adds the overview slide(s); returns how many. None for a document without systems. */
export function addOverviewSlides(ctx: DeckContext): number {
  const picture = pictureFor(ctx, OVERVIEW_PICTURE_KEY);
  if (picture !== undefined) {
    const p = addSlide(ctx);
    drawSlideTitle(p, 'System overview', 'overview');
    drawPicture(p, OVERVIEW_PICTURE_KEY, picture, CONTENT_RECT);
    return 1;
  }
  const systems = ctx.doc.systems;
  if (systems.length === 0) return 0;
  const pages = arrange(systems, ctx.index.geo.systems);
  const flows = ctx.doc.links.filter((l) => l.kind === 'flow');
  pages.forEach((cells, i) => {
    const p = addSlide(ctx);
    drawSlideTitle(p, pages.length > 1 ? `System overview (${i + 1} of ${pages.length})` : 'System overview', 'overview');
    drawOverviewPage(p, cells, flows);
  });
  return pages.length;
}

type Cell = { system: System; col: number; row: number; cols: number; rows: number };

/** Grid cells per page: the canvas arrangement when it fits one slide, else document order. */
function arrange(systems: readonly System[], boxes: ReadonlyMap<string, Box>): Cell[][] {
  const fromCanvas = clusterGrid(systems, boxes);
  if (fromCanvas) return [fromCanvas];
  const perPage = MAX_COLS * MAX_ROWS;
  const pages: Cell[][] = [];
  for (let start = 0; start < systems.length; start += perPage) {
    const chunk = systems.slice(start, start + perPage);
    const cols = Math.min(MAX_COLS, Math.ceil(Math.sqrt(chunk.length * 1.8)));
    const rows = Math.ceil(chunk.length / cols);
    pages.push(chunk.map((system, i) => ({ system, col: i % cols, row: Math.floor(i / cols), cols, rows })));
  }
  return pages;
}

/** Columns and rows from canvas positions: a new column starts where boxes stop overlapping horizontally. */
function clusterGrid(systems: readonly System[], boxes: ReadonlyMap<string, Box>): Cell[] | undefined {
  const items = systems.map((system) => ({ system, box: boxes.get(system.id) }));
  if (items.some((i) => !i.box)) return undefined;
  const axis = (lo: (b: Box) => number, size: (b: Box) => number) => {
    const sorted = [...items].sort((a, b) => lo(a.box!) - lo(b.box!));
    const index = new Map<string, number>();
    let group = -1;
    let groupEnd = -Infinity;
    for (const it of sorted) {
      const start = lo(it.box!);
      const end = start + size(it.box!);
      // A box overlapping the group by more than a quarter of its size joins it.
      if (start > groupEnd - 0.25 * size(it.box!)) {
        group++;
        groupEnd = end;
      } else groupEnd = Math.max(groupEnd, end);
      index.set(it.system.id, group);
    }
    return { index, count: group + 1 };
  };
  const cols = axis((b) => b.x, (b) => b.width);
  const rows = axis((b) => b.y, (b) => b.height);
  if (cols.count > MAX_COLS) return undefined;
  const taken = new Set<string>();
  const cells: Cell[] = [];
  for (const { system } of items) {
    const col = cols.index.get(system.id)!;
    const row = rows.index.get(system.id)!;
    if (taken.has(`${col},${row}`)) return layered(items as { system: System; box: Box }[], cols.index, cols.count);
    taken.add(`${col},${row}`);
    cells.push({ system, col, row, cols: cols.count, rows: rows.count });
  }
  return rows.count > MAX_ROWS ? layered(items as { system: System; box: Box }[], cols.index, cols.count) : cells;
}

/**
 * When rows do not separate the boxes (a layered layout: one system beside a column of
 * two), each column is stacked top to bottom by position and centred on the others.
 */
function layered(items: readonly { system: System; box: Box }[], colOf: ReadonlyMap<string, number>, cols: number): Cell[] | undefined {
  const columns = Array.from({ length: cols }, () => [] as { system: System; box: Box }[]);
  for (const it of items) columns[colOf.get(it.system.id)!].push(it);
  const rows = Math.max(...columns.map((c) => c.length));
  if (rows > MAX_ROWS) return undefined;
  return columns.flatMap((column, col) =>
    [...column]
      .sort((a, b) => a.box.y - b.box.y)
      .map((it, i) => ({ system: it.system, col, row: i + (rows - column.length) / 2, cols, rows })),
  );
}

function drawOverviewPage(p: Painter, cells: readonly Cell[], flows: readonly Link[]): void {
  const area = CONTENT_RECT;
  const { cols, rows } = cells[0];
  const cellW = area.w / cols;
  const cellH = area.h / rows;
  // Narrow enough to leave room between boxes for the flow labels.
  const boxW = Math.min(2.0, cellW * 0.54);
  const boxH = Math.max(0.6, Math.min(1.1, cellH * 0.6));
  const placed = new Map<string, Placed>();
  for (const c of cells) {
    const rect = { x: area.x + c.col * cellW + (cellW - boxW) / 2, y: area.y + c.row * cellH + (cellH - boxH) / 2, w: boxW, h: boxH };
    placed.set(c.system.id, { system: c.system, rect });
  }

  const onPage = flows.filter((f) => 'system' in f.from && 'system' in f.to && placed.has(f.from.system) && placed.has(f.to.system));
  const labels: Rect[] = [];
  const boxes = [...placed.values()].map((pl) => pl.rect);
  const pairTotal = new Map<string, number>();
  const key = (f: Link) => {
    const a = (f.from as { system: string }).system;
    const b = (f.to as { system: string }).system;
    return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  };
  for (const f of onPage) pairTotal.set(key(f), (pairTotal.get(key(f)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  let lane = 0;
  for (const f of onPage) {
    const a = placed.get((f.from as { system: string }).system)!.rect;
    const b = placed.get((f.to as { system: string }).system)!.rect;
    const k = pairSeen.get(key(f)) ?? 0;
    pairSeen.set(key(f), k + 1);
    const offset = (k - ((pairTotal.get(key(f)) ?? 1) - 1) / 2) * 0.16;
    const label = flowLabel(f);
    if (a === b) {
      const x = a.x + a.w;
      const y = a.y + a.h / 2 + offset;
      drawPolyline(p, [{ x, y: y - 0.12 }, { x: x + 0.22, y: y - 0.12 }, { x: x + 0.22, y: y + 0.12 }, { x, y: y + 0.12 }], { arrow: true });
      continue;
    }
    const [start, end] = straight(a, b, offset);
    const blocked = boxes.some((r) => r !== a && r !== b && segmentHitsRect(start, end, r));
    const laneY = Math.max(a.y + a.h, b.y + b.h) + 0.18 + lane * 0.14;
    if (blocked && laneY < area.y + area.h - 0.05) {
      lane++;
      const ax = a.x + a.w / 2 + offset;
      const bx = b.x + b.w / 2 + offset;
      drawPolyline(p, [{ x: ax, y: a.y + a.h }, { x: ax, y: laneY }, { x: bx, y: laneY }, { x: bx, y: b.y + b.h }], { arrow: true, widthPt: 1.25 });
      if (label) placeLabel(p, label, { x: (ax + bx) / 2, y: laneY }, true, Math.min(2.2, Math.abs(bx - ax) - 0.2), 5, boxes, labels);
      continue;
    }
    drawLine(p, start.x, start.y, end.x, end.y, { arrow: true, widthPt: 1.25 });
    if (!label) continue;
    const horizontal = Math.abs(end.x - start.x) >= Math.abs(end.y - start.y);
    const gap = horizontal ? Math.abs(end.x - start.x) - 0.08 : Math.min(2.2, cellW - 0.2);
    // Beside a horizontal line a label may use the height above (or below) the line.
    const maxLines = horizontal ? Math.max(3, Math.floor((area.h / 2 - 0.1) / linesHeight(1, MIN_PT))) : 6;
    placeLabel(p, label, { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }, horizontal, Math.max(0.8, Math.min(2.2, gap)), maxLines, boxes, labels);
  }

  // Boxes last, so they sit over any line passing near them.
  for (const { system, rect } of placed.values()) drawSystemBox(p, system, rect);
}

function drawSystemBox(p: Painter, system: System, rect: Rect): void {
  const inset = { h: 0.08, v: 0.05 };
  const width = rect.w - 2 * inset.h;
  const kind = cleanText(system.kind);
  const kindFit = kind ? fitText(kind, width, linesHeight(2, MIN_PT), { maxPt: 11, minPt: MIN_PT, font: p.font, maxLines: 2 }) : undefined;
  const kindH = kindFit ? linesHeight(kindFit.lines, kindFit.size) : 0;
  const name = fitText(cleanText(system.name), width, rect.h - 2 * inset.v - kindH, { maxPt: 16, minPt: MIN_PT, bold: true, font: p.font, maxLines: 3 });
  drawBox(
    p,
    rect,
    [
      { text: name.text, size: name.size, bold: true, align: 'center' },
      ...(kindFit ? [{ text: kindFit.text, size: kindFit.size, align: 'center' as const }] : []),
    ],
    { border: true, fill: true, inset, name: 'System' },
  );
}

function flowLabel(f: Link): string {
  return linkLabelParts(f).map((t) => cleanText(t)).filter(Boolean).join('\n');
}

/** Endpoints on the two boxes' borders along the line between their centres, shifted sideways by `offset`. */
function straight(a: Rect, b: Rect, offset: number): [{ x: number; y: number }, { x: number; y: number }] {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const nx = -(cb.y - ca.y) / len;
  const ny = (cb.x - ca.x) / len;
  const sa = { x: ca.x + nx * offset, y: ca.y + ny * offset };
  const sb = { x: cb.x + nx * offset, y: cb.y + ny * offset };
  return [exitPoint(sa, sb, a), exitPoint(sb, sa, b)];
}

/** Where the segment from `inside` towards `toward` leaves rectangle `r`. */
function exitPoint(inside: { x: number; y: number }, toward: { x: number; y: number }, r: Rect): { x: number; y: number } {
  const dx = toward.x - inside.x;
  const dy = toward.y - inside.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (r.x + r.w - inside.x) / dx);
  if (dx < 0) t = Math.min(t, (r.x - inside.x) / dx);
  if (dy > 0) t = Math.min(t, (r.y + r.h - inside.y) / dy);
  if (dy < 0) t = Math.min(t, (r.y - inside.y) / dy);
  t = Math.max(0, t);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

function segmentHitsRect(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  // Sampling is enough at slide scale: boxes are at least half an inch.
  for (let i = 1; i < 40; i++) {
    const t = i / 40;
    const x = a.x + (b.x - a.x) * t;
    const y = a.y + (b.y - a.y) * t;
    if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
  }
  return false;
}

/**
 * A white label beside a line: above or below a horizontal one, right or left of a
 * vertical one, or on it, whichever covers no box and no other label first.
 */
function placeLabel(
  p: Painter,
  text: string,
  at: { x: number; y: number },
  horizontal: boolean,
  maxW: number,
  maxLines: number,
  boxes: readonly Rect[],
  placed: Rect[],
): void {
  const inset = { h: 0.03, v: 0.01 };
  const fitted = fitText(text, maxW - 2 * inset.h, boxHeightFor(maxLines, MIN_PT, inset), { maxPt: MIN_PT, minPt: MIN_PT, maxLines, font: p.font });
  const widest = Math.max(...fitted.text.split('\n').map((l) => measureText(l, MIN_PT, { font: p.font })));
  const w = Math.min(maxW, widest + 2 * inset.h + 0.02);
  const h = linesHeight(fitted.lines, MIN_PT) + 2 * inset.v;
  const area = CONTENT_RECT;
  const spots = horizontal
    ? [
        { x: at.x - w / 2, y: at.y - h - 0.04 },
        { x: at.x - w / 2, y: at.y + 0.04 },
      ]
    : [
        { x: at.x + 0.06, y: at.y - h / 2 },
        { x: at.x - w - 0.06, y: at.y - h / 2 },
      ];
  spots.push({ x: at.x - w / 2, y: at.y - h / 2 });
  const candidates = spots.map((s) => ({
    x: clamp(s.x, area.x, area.x + area.w - w),
    y: clamp(s.y, area.y, area.y + area.h - h),
    w,
    h,
  }));
  const rect = candidates.find((c) => ![...boxes, ...placed].some((r) => overlaps(r, c))) ?? candidates[0];
  placed.push(rect);
  drawBox(p, rect, [{ text: fitted.text, size: MIN_PT, align: 'center' }], { fill: true, inset, name: 'Label' });
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
