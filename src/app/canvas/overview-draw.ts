import { ENTITY_HEADER_HEIGHT, FIELD_ROW_HEIGHT, SYSTEM_HEADER_HEIGHT, type Box } from '../../model/geometry';
import type { Point } from '../../model/types';
import { GridIndex, type GridRect } from './overview-grid';
import { DETAIL_ZOOM, levelAt, lineCurve, pointOnLine, type DetailLevel, type OverviewEntity, type OverviewLine, type OverviewModel } from './overview-model';

// Draws a large diagram on one 2D canvas (when the view needs it: see overview-view.ts),
// culled to what is on screen with a grid index, in the same black-on-white look as the DOM nodes, so an entity handed to the DOM
// (hovered, selected, edited) does not jump. Zoomed in it draws field rows and link labels;
// further out title boxes and folded lines, then systems.

/** The viewport as React Flow keeps it: screen = canvas × zoom + (x, y). */
export interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  /** The level of detail to draw (default: the level at the zoom). */
  level?: DetailLevel;
}

/** A part of the screen to draw alone (the rest of the canvas is left as it is), in screen px. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What besides the document changes the drawing. */
export interface Marks {
  selected: ReadonlySet<string>;
  /** Ids in focus; everything else dimmed. */
  focus?: ReadonlySet<string>;
}

const FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif";
const SELECT = '#1a5fd0';
const DIM = 0.18;

function visible(b: Box, v: View): boolean {
  const x = b.x * v.zoom + v.x;
  const y = b.y * v.zoom + v.y;
  return x < v.width && y < v.height && x + b.width * v.zoom > 0 && y + b.height * v.zoom > 0;
}

/** The box around a line's curve (its control points bound it). */
function lineBox(l: OverviewLine): GridRect {
  const [a, b, c, d] = lineCurve(l);
  const x = Math.min(a.x, b.x, c.x, d.x);
  const y = Math.min(a.y, b.y, c.y, d.y);
  return { x, y, width: Math.max(a.x, b.x, c.x, d.x) - x, height: Math.max(a.y, b.y, c.y, d.y) - y };
}

/** A spatial index per list of boxes or lines, built on first use (the lists are not changed in place). */
const grids = new WeakMap<readonly object[], { length: number; grid: GridIndex }>();
function gridOf<T extends object>(items: readonly T[], boxOf: (item: T) => GridRect): GridIndex {
  let found = grids.get(items);
  if (!found || found.length !== items.length) grids.set(items, (found = { length: items.length, grid: new GridIndex(items.map(boxOf)) }));
  return found.grid;
}

/** The items of a list that meet the view, grown by `mx`, `my` screen pixels, in list order. */
function near<T extends object>(items: readonly T[], boxOf: (item: T) => GridRect, v: View, mx = 0, my = mx): T[] {
  const rect = { x: (-v.x - mx) / v.zoom, y: (-v.y - my) / v.zoom, width: (v.width + 2 * mx) / v.zoom, height: (v.height + 2 * my) / v.zoom };
  return gridOf(items, boxOf).query(rect).map((i) => items[i]);
}

/** Cuts text to what fits in `width` px at `font` px (an estimate: no measuring per frame). */
function fit(text: string, width: number, font: number): string {
  const chars = Math.floor(width / (font * 0.56));
  if (chars <= 1) return '';
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

/**
 * Adds a line's curve to the path. A curve that leaves the screen is added only where it is
 * on screen: stroking (and dashing) costs the whole length of a path, and zoomed in a line
 * between two systems is thousands of pixels long. The curve is halved (de Casteljau) until
 * each half is off screen (dropped), on screen or short (added as that exact piece of
 * the curve): a few dozen pieces at most, where sampling the curve every 12 px took
 * hundreds of points per line.
 */
function bezier(ctx: CanvasRenderingContext2D, l: OverviewLine, v: View): void {
  const [a, b, c, d] = lineCurve(l);
  visibleCurve(a, b, c, d, v, (p0, p1, p2, p3, join) => {
    if (!join) ctx.moveTo(p0.x, p0.y);
    ctx.bezierCurveTo(p1.x, p1.y, p2.x, p2.y, p3.x, p3.y);
  });
}

/** Screen pixels around the view a piece may reach and still be drawn whole. */
const CLIP_MARGIN = 20;
/** A piece this long on screen (its control box's larger side) is drawn whole. */
const CLIP_PIECE = 96;

/**
 * Calls `piece` with the parts of the cubic a–b–c–d (world coordinates) that meet the view,
 * in order along the curve; `join` says that a part starts where the previous one ended.
 * The parts are exact sub-curves: together they cover every on-screen point of the curve.
 */
export function visibleCurve(a: Point, b: Point, c: Point, d: Point, v: View, piece: (p0: Point, p1: Point, p2: Point, p3: Point, join: boolean) => void): void {
  let joined = false;
  const left = -CLIP_MARGIN;
  const top = -CLIP_MARGIN;
  const right = v.width + CLIP_MARGIN;
  const bottom = v.height + CLIP_MARGIN;
  const visit = (p0: Point, p1: Point, p2: Point, p3: Point, depth: number): void => {
    const x0 = p0.x * v.zoom + v.x;
    const x1 = p1.x * v.zoom + v.x;
    const x2 = p2.x * v.zoom + v.x;
    const x3 = p3.x * v.zoom + v.x;
    const y0 = p0.y * v.zoom + v.y;
    const y1 = p1.y * v.zoom + v.y;
    const y2 = p2.y * v.zoom + v.y;
    const y3 = p3.y * v.zoom + v.y;
    const minX = Math.min(x0, x1, x2, x3);
    const maxX = Math.max(x0, x1, x2, x3);
    const minY = Math.min(y0, y1, y2, y3);
    const maxY = Math.max(y0, y1, y2, y3);
    // The control points bound the curve: all off one side, the piece is off screen.
    if (maxX < left || minX > right || maxY < top || minY > bottom) {
      joined = false;
      return;
    }
    const inside = minX >= left && maxX <= right && minY >= top && maxY <= bottom;
    if (inside || depth >= 24 || Math.max(maxX - minX, maxY - minY) <= CLIP_PIECE) {
      piece(p0, p1, p2, p3, joined);
      joined = true;
      return;
    }
    const m01 = mid(p0, p1);
    const m12 = mid(p1, p2);
    const m23 = mid(p2, p3);
    const m012 = mid(m01, m12);
    const m123 = mid(m12, m23);
    const m = mid(m012, m123);
    visit(p0, m01, m012, m, depth + 1);
    visit(m, m123, m23, p3, depth + 1);
  };
  visit(a, b, c, d, 0);
}

const mid = (p: Point, q: Point): Point => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 });

/** Longest label drawn, in characters, and the character width used to size its box (as LinkEdgeView). */
const LABEL_MAX_CHARS = 34;
const LABEL_CHAR_WIDTH = 6.2;

/** Link labels at the middle of their lines, where they can be read (the DOM edges' look). */
function drawLabels(ctx: CanvasRenderingContext2D, lines: readonly OverviewLine[], v: View, marks: Marks): void {
  // Text under 4 px on screen cannot be read: not drawn.
  if (11 * v.zoom < 4) return;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1 / v.zoom;
  // Each label whole (box, then text) so overlapping labels stack; the context's state is set
  // only when it changes (setting a font or a dash is not free).
  let font = '';
  let dashed: boolean | undefined;
  for (const l of near(lines, lineBox, v, 200, 20)) {
    if (!l.text) continue;
    const m = pointOnLine(l, 0.5);
    const x = m.x * v.zoom + v.x;
    const y = m.y * v.zoom + v.y;
    if (x < -200 || y < -20 || x > v.width + 200 || y > v.height + 20) continue;
    const shown = l.text.length > LABEL_MAX_CHARS ? `${l.text.slice(0, LABEL_MAX_CHARS - 1)}…` : l.text;
    const w = Math.round(shown.length * LABEL_CHAR_WIDTH + 12);
    const id = l.ids[0];
    ctx.globalAlpha = marks.focus && !marks.focus.has(id) ? DIM : 1;
    const colour = marks.selected.has(id) ? SELECT : '#000';
    ctx.fillStyle = '#fff';
    ctx.fillRect(m.x - w / 2, m.y - 9, w, 18);
    ctx.strokeStyle = colour;
    if (dashed !== (l.kind === 'mapping')) {
      dashed = l.kind === 'mapping';
      ctx.setLineDash(dashed ? [3, 2] : []);
    }
    ctx.strokeRect(m.x - w / 2, m.y - 9, w, 18);
    ctx.fillStyle = colour;
    const f = `${l.kind === 'mapping' ? 'italic ' : l.kind === 'flow' ? 'bold ' : ''}11px ${FONT}`;
    if (f !== font) ctx.font = font = f;
    ctx.fillText(shown, m.x, m.y);
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

function drawLines(ctx: CanvasRenderingContext2D, all: readonly OverviewLine[], v: View, marks: Marks, counts: boolean): void {
  const lines = near(all, lineBox, v, 20);
  const lit = (l: OverviewLine) => !marks.focus || l.ids.some((id) => marks.focus!.has(id));
  const chosen = (l: OverviewLine) => l.ids.some((id) => marks.selected.has(id));
  // Grouped by look (kind × plain/dimmed/selected), set once per group; each line is its own
  // path: one path holding thousands of long curves cost the software rasteriser far more
  // than the same curves stroked one by one.
  const PASSES = ['plain', 'dimmed', 'selected'] as const;
  const KINDS = ['relation', 'mapping', 'flow'] as const;
  const groups: OverviewLine[][] = Array.from({ length: KINDS.length * PASSES.length }, () => []);
  for (const l of lines) groups[KINDS.indexOf(l.kind) * PASSES.length + (chosen(l) ? 2 : lit(l) ? 0 : 1)].push(l);
  KINDS.forEach((kind, k) =>
    PASSES.forEach((pass, p) => {
      const group = groups[k * PASSES.length + p];
      if (!group.length) return;
      ctx.globalAlpha = pass === 'dimmed' ? DIM : 1;
      ctx.strokeStyle = pass === 'selected' ? SELECT : '#000';
      // 1 px lines are hairlines to the rasteriser (far cheaper than a 1.2 px stroke).
      ctx.lineWidth = (kind === 'flow' ? 2.2 : 1) / v.zoom;
      ctx.setLineDash(kind === 'mapping' ? [6 / v.zoom, 4 / v.zoom] : []);
      for (const l of group) {
        ctx.beginPath();
        bezier(ctx, l, v);
        ctx.stroke();
      }
    }),
  );
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  if (!counts) return;
  // "× n" where several links fold into one line and the line is long enough to read it.
  const font = 11 / v.zoom;
  ctx.font = `${font}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of lines) {
    if (l.ids.length < 2) continue;
    if (Math.hypot(l.to.x - l.from.x, l.to.y - l.from.y) * v.zoom < 60) continue;
    const mx = (l.from.x + l.to.x) / 2;
    const my = (l.from.y + l.to.y) / 2;
    const text = `× ${l.ids.length}`;
    const w = (text.length * 6.5 + 8) / v.zoom;
    ctx.globalAlpha = lit(l) ? 1 : DIM;
    ctx.fillStyle = '#fff';
    ctx.fillRect(mx - w / 2, my - 8 / v.zoom, w, 16 / v.zoom);
    ctx.strokeRect(mx - w / 2, my - 8 / v.zoom, w, 16 / v.zoom);
    ctx.fillStyle = '#000';
    ctx.fillText(text, mx, my);
  }
  ctx.globalAlpha = 1;
}

const entityBox = (e: OverviewEntity) => e.box;

/**
 * Draws the overview for a view: all of it, or only `region` (the rest of the canvas is
 * left as it was). `ctx` is the bare canvas context (identity transform).
 */
export function drawOverview(ctx: CanvasRenderingContext2D, model: OverviewModel, view: View, marks: Marks, pixelRatio: number, region?: Region): void {
  const level = view.level ?? levelAt(view.zoom);
  // Field rows from the field level in: drawn from bitmaps, sharper the nearer the view.
  const rows = level === 'fields' || level === 'dom';
  const z = view.zoom;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const r = region ?? { x: 0, y: 0, width: view.width, height: view.height };
  ctx.clearRect(r.x * pixelRatio, r.y * pixelRatio, r.width * pixelRatio, r.height * pixelRatio);
  ctx.save();
  if (region) {
    ctx.beginPath();
    ctx.rect(r.x * pixelRatio, r.y * pixelRatio, r.width * pixelRatio, r.height * pixelRatio);
    ctx.clip();
  }
  ctx.setTransform(z * pixelRatio, 0, 0, z * pixelRatio, view.x * pixelRatio, view.y * pixelRatio);
  // Everything below culls against `v`: the region drawn, as if it were the whole screen.
  const v: View = { x: view.x - r.x, y: view.y - r.y, zoom: z, width: r.width, height: r.height };
  const alpha = (id: string) => (marks.focus && !marks.focus.has(id) ? DIM : 1);

  // Systems: frame and title band; at the far level a name and an entity count inside.
  for (const s of model.systems) {
    if (!visible(s.box, v)) continue;
    const b = s.box;
    ctx.globalAlpha = alpha(s.id);
    ctx.fillStyle = level === 'systems' ? '#f4f4f4' : 'rgba(255,255,255,0.6)';
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.lineWidth = (marks.selected.has(s.id) ? 3 : 1.5) / z;
    ctx.strokeStyle = marks.selected.has(s.id) ? SELECT : '#000';
    ctx.strokeRect(b.x, b.y, b.width, b.height);
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'middle';
    if (level === 'systems') {
      const font = Math.min(b.height / 4, Math.max(13 / z, 15));
      ctx.font = `bold ${font}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.fillText(fit(s.name, b.width * 0.9, font), b.x + b.width / 2, b.y + b.height / 2 - font * 0.7);
      ctx.font = `${font * 0.75}px ${FONT}`;
      ctx.fillText(`${s.entityCount} ${s.entityCount === 1 ? 'entity' : 'entities'}`, b.x + b.width / 2, b.y + b.height / 2 + font * 0.6);
    } else {
      ctx.beginPath();
      ctx.moveTo(b.x, b.y + SYSTEM_HEADER_HEIGHT);
      ctx.lineTo(b.x + b.width, b.y + SYSTEM_HEADER_HEIGHT);
      ctx.lineWidth = 1 / z;
      ctx.stroke();
      // In the title band while it can hold a readable name; above the frame further out.
      const font = Math.max(15, 11 / z);
      ctx.font = `bold ${font}px ${FONT}`;
      ctx.textAlign = 'left';
      const label = fit(`${s.name} · ${s.entityCount} ${s.entityCount === 1 ? 'entity' : 'entities'}`, b.width - 20, font);
      if (font <= SYSTEM_HEADER_HEIGHT * 0.6) ctx.fillText(label, b.x + 10, b.y + SYSTEM_HEADER_HEIGHT / 2);
      else {
        ctx.textBaseline = 'bottom';
        ctx.fillText(label, b.x + 4, b.y - 3 / z);
      }
    }
  }
  ctx.globalAlpha = 1;

  if (level === 'systems') {
    drawLines(ctx, model.systemLines, v, marks, true);
  } else {
    drawLines(ctx, rows ? model.links : model.folded, v, marks, level === 'titles');
    if (level === 'dom') drawLabels(ctx, model.links, v, marks);
  }

  // Entities: at the far level faint boxes; nearer, title boxes; nearer still, field rows.
  const shown = near(model.entities, entityBox, v);
  if (rows) {
    const scale = bitmapScale(z);
    for (const e of shown) {
      const b = e.box;
      ctx.globalAlpha = alpha(e.id);
      // Field rows: drawn once per entity into a small bitmap, then copied each frame (text
      // is the dear part of a frame; a bitmap copy is not).
      const bitmap = entityBitmap(e, scale * pixelRatio);
      if (bitmap) ctx.drawImage(bitmap, b.x, b.y, b.width, b.height);
    }
  } else {
    // Boxes in one path per look: a few draw calls per frame, however many entities.
    for (const dimmed of [false, true]) {
      ctx.beginPath();
      for (const e of shown) if ((alpha(e.id) < 1) === dimmed) ctx.rect(e.box.x, e.box.y, e.box.width, e.box.height);
      ctx.globalAlpha = dimmed ? DIM : 1;
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 1 / z;
      ctx.strokeStyle = level === 'systems' ? '#888' : '#000';
      ctx.stroke();
    }
    // A title box: the name in the middle, kept readable (9 px on screen) while it fits.
    if (level === 'titles' && 240 * z >= 24) {
      ctx.fillStyle = '#000';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      // One font for all (set once: setting a font is not free); an entity is at least 66 tall.
      const font = Math.min(Math.max(12.5, 9 / z), 22);
      ctx.font = `bold ${font}px ${FONT}`;
      for (const e of shown) {
        const b = e.box;
        ctx.globalAlpha = alpha(e.id);
        ctx.fillText(fit(e.name, b.width - 16, font), b.x + b.width / 2, b.y + b.height / 2);
      }
    }
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 3 / z;
  ctx.strokeStyle = SELECT;
  for (const e of shown) if (marks.selected.has(e.id)) ctx.strokeRect(e.box.x, e.box.y, e.box.width, e.box.height);
  ctx.globalAlpha = 1;

  for (const n of model.notes) {
    if (!visible(n.box, v)) continue;
    const b = n.box;
    ctx.globalAlpha = alpha(n.id);
    ctx.fillStyle = '#fff';
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.setLineDash([4 / z, 3 / z]);
    ctx.lineWidth = (marks.selected.has(n.id) ? 3 : 1) / z;
    ctx.strokeStyle = marks.selected.has(n.id) ? SELECT : '#000';
    ctx.strokeRect(b.x, b.y, b.width, b.height);
    ctx.setLineDash([]);
  }
  ctx.globalAlpha = 1;
  ctx.restore();
}

/**
 * The scale entity drawings are made at for a zoom: DETAIL_ZOOM below it, else the next of
 * 1, 2, 3 (a few sizes, so zooming redraws a drawing only when it crosses one).
 */
function bitmapScale(zoom: number): number {
  if (zoom < DETAIL_ZOOM) return DETAIL_ZOOM;
  return zoom <= 1 ? 1 : zoom <= 2 ? 2 : 3;
}

type Bitmap = OffscreenCanvas | HTMLCanvasElement;
/**
 * Entity drawings kept per scale, least recently used first; about 24 MB per scale at most
 * (enough for every entity the overscanned canvas shows at 100%, so panning there copies
 * drawings instead of drawing them again).
 */
const bitmaps = new Map<number, Map<object, Bitmap>>();
const BITMAP_PIXELS = 6_000_000;

/** An entity with its field rows, drawn at `scale` (kept until the entity changes). */
function entityBitmap(e: OverviewEntity, scale: number): Bitmap | undefined {
  let cache = bitmaps.get(scale);
  if (!cache) bitmaps.set(scale, (cache = new Map()));
  const found = cache.get(e.source);
  if (found) {
    // Least recently used goes first: move this one to the end.
    cache.delete(e.source);
    cache.set(e.source, found);
    return found;
  }
  const w = Math.ceil(e.box.width * scale);
  const h = Math.ceil(e.box.height * scale);
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
  if (!ctx) return undefined;
  ctx.scale(scale, scale);
  const b = { x: 0, y: 0, width: e.box.width, height: e.box.height };
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, b.width, b.height);
  ctx.fillStyle = '#f4f4f4';
  ctx.fillRect(0, 0, b.width, ENTITY_HEADER_HEIGHT);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = Math.max(1, 1 / scale);
  ctx.strokeRect(0, 0, b.width, b.height);
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.beginPath();
  ctx.moveTo(b.x, b.y + ENTITY_HEADER_HEIGHT);
  ctx.lineTo(b.x + b.width, b.y + ENTITY_HEADER_HEIGHT);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = Math.max(1, 1 / scale);
  ctx.stroke();
  ctx.font = `bold 12.5px ${FONT}`;
  ctx.fillText(fit(e.name, b.width - 16, 12.5), b.x + b.width / 2, b.y + ENTITY_HEADER_HEIGHT / 2);
  // Field rows: key, name and type, where the DOM entity puts them.
  ctx.font = `12.5px ${FONT}`;
  ctx.textAlign = 'left';
  e.fields.forEach((f, i) => {
    const y = b.y + ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT + FIELD_ROW_HEIGHT / 2;
    ctx.fillStyle = '#555';
    if (f.key) ctx.fillText(f.key, b.x + 10, y);
    ctx.fillStyle = '#000';
    ctx.fillText(fit(f.name, b.width * 0.5, 12.5), b.x + 38, y);
    ctx.fillStyle = '#555';
    ctx.textAlign = 'right';
    ctx.fillText(fit(f.type, b.width * 0.4, 11.5), b.x + b.width - 10, y);
    ctx.textAlign = 'left';
  });
  cache.set(e.source, canvas);
  const limit = Math.max(60, Math.floor(BITMAP_PIXELS / Math.max(1, w * h)));
  while (cache.size > limit) cache.delete(cache.keys().next().value!);
  return canvas;
}
