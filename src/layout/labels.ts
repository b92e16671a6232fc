import { routeLink, SYSTEM_HEADER_HEIGHT, computeGeometry, type Box, type Geometry, type LinkRoute } from '../model/geometry';
import { linkLabel } from '../model/meaning';
import type { CrosswalkDocument, Link, Point } from '../model/types';
import { pointAt, type Cubic } from '../formats/svg/curve';
import { measureText, wrapText, type TextStyle } from '../formats/svg/text';

// Where the canvas draws each link's label. A label sits on its own line, at the first place
// along it (the middle first) where it overlaps no other label, no entity, no note and no
// system title. When there is no such place, or the text is too long for a few short lines,
// it collapses to a small numbered marker (the text is in its tooltip and in the canvas's
// legend) — never to a cut text. A label the user dragged stays where it was put.
//
// A grid of buckets holds the boxes, so placing n labels stays linear in n; its cells are an
// array over the drawing's area, so a try costs a few array reads.

/** The label font on the canvas (px), its line height, and the padding inside its box. */
export const LABEL_STYLE: TextStyle = { size: 11 };
export const LABEL_LINE_HEIGHT = 14;
export const LABEL_PAD_X = 6;
export const LABEL_PAD_Y = 3;
/** Widest line of a label's text; longer text wraps. */
export const LABEL_MAX_TEXT_WIDTH = 200;
/** Most lines a label shows; text that needs more is a marker. */
export const LABEL_MAX_LINES = 4;
/** Height of a numbered marker (its width grows with the number). */
export const MARKER_SIZE = 18;
/** Least space kept between a label and a box or another label. */
const CLEARANCE = 2;
/** How far a canvas edge starts outside its node: React Flow ends lines on the outer side of the 8 px handles. */
export const CANVAS_HANDLE_OVERHANG = 4;

/** A cubic bezier: start, two control points, end (the SVG export's curve type). */
export type Curve = Cubic;

/** One label to place. */
export interface LabelRequest {
  id: string;
  width: number;
  height: number;
  /** The line it belongs on. */
  curve: Curve;
  /** A place the user chose, relative to the middle of the line: the label stays there. */
  offset?: Point;
  /** The text is too long to show as a label: place a marker straight away. */
  markerOnly?: boolean;
}

/** Where a label went. */
export interface PlacedLabel {
  id: string;
  /** A label with its text, or a numbered marker standing for it. */
  kind: 'label' | 'marker';
  /** Its box, in canvas coordinates. */
  box: Box;
  /** The middle of its line, from which a dragged label's offset is measured. */
  anchor: Point;
  /** For a marker: its number (1, 2, …), in the order of the requests. */
  number?: number;
  /** Placed where the user put it (it may overlap things: that is their choice). */
  pinned: boolean;
  /** No free place was found even for a marker: it sits in the middle of its line, over whatever is there. */
  crowded: boolean;
}

/** The point at `t` (0…1) on a cubic bezier. */
export const curvePoint = pointAt;

function controlOffset(distance: number): number {
  // React Flow's default bezier (curvature 0.25).
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

/**
 * The line the canvas draws for a route: React Flow's default bezier between the outer
 * sides of the handles (`overhang` px outside the boxes), leaving and entering horizontally.
 */
export function canvasCurve(route: LinkRoute, overhang = CANVAS_HANDLE_OVERHANG): Curve {
  const sx = route.from.x + (route.fromSide === 'right' ? overhang : -overhang);
  const tx = route.to.x + (route.toSide === 'right' ? overhang : -overhang);
  const sy = route.from.y;
  const ty = route.to.y;
  const c1x = route.fromSide === 'right' ? sx + controlOffset(tx - sx) : sx - controlOffset(sx - tx);
  const c2x = route.toSide === 'right' ? tx + controlOffset(sx - tx) : tx - controlOffset(tx - sx);
  return { p0: { x: sx, y: sy }, c1: { x: c1x, y: sy }, c2: { x: c2x, y: ty }, p1: { x: tx, y: ty } };
}

/** About how long a bezier is: between its chord and its control polygon. */
function curveLength(c: Curve): number {
  const d = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);
  return (d(c.p0, c.p1) + d(c.p0, c.c1) + d(c.c1, c.c2) + d(c.c2, c.p1)) / 2;
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const CELL = 96;
// Small-integer cell keys (no string, no boxed number per lookup) for cells outside the
// dense area. They repeat every 65,536 cells (6 million px), far beyond any canvas: a
// repeat only costs a needless comparison.
const key = (i: number, j: number) => ((i & 0xffff) << 16) | (j & 0xffff);
/** Most cells the dense part of a grid holds (a 1,000-entity canvas needs about 10,000). */
const MAX_DENSE_CELLS = 1 << 20;

/**
 * Boxes in a grid of buckets, to ask cheaply whether a new box overlaps any. Cells inside
 * `area` (where the boxes and lines are) are an array indexed by position, the rest a map:
 * one try of a label is a few array reads, not a few hash lookups.
 */
class BoxGrid {
  private readonly dense: (Box[] | undefined)[];
  private readonly i0: number;
  private readonly j0: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly sparse = new Map<number, Box[]>();

  constructor(area: Box | undefined) {
    const i0 = area ? Math.floor(area.x / CELL) : 0;
    const j0 = area ? Math.floor(area.y / CELL) : 0;
    let cols = area ? Math.floor((area.x + area.width) / CELL) - i0 + 1 : 0;
    let rows = area ? Math.floor((area.y + area.height) / CELL) - j0 + 1 : 0;
    if (!(cols * rows <= MAX_DENSE_CELLS)) cols = rows = 0;
    this.i0 = i0;
    this.j0 = j0;
    this.cols = cols;
    this.rows = rows;
    this.dense = new Array<Box[] | undefined>(cols * rows);
  }

  private cell(i: number, j: number): Box[] | undefined {
    const di = i - this.i0;
    const dj = j - this.j0;
    if (di >= 0 && di < this.cols && dj >= 0 && dj < this.rows) return this.dense[dj * this.cols + di];
    return this.sparse.get(key(i, j));
  }

  add(b: Box): void {
    const x1 = Math.floor(b.x / CELL);
    const y1 = Math.floor(b.y / CELL);
    const x2 = Math.floor((b.x + b.width) / CELL);
    const y2 = Math.floor((b.y + b.height) / CELL);
    for (let i = x1; i <= x2; i++) {
      for (let j = y1; j <= y2; j++) {
        const list = this.cell(i, j);
        if (list) list.push(b);
        else {
          const di = i - this.i0;
          const dj = j - this.j0;
          if (di >= 0 && di < this.cols && dj >= 0 && dj < this.rows) this.dense[dj * this.cols + di] = [b];
          else this.sparse.set(key(i, j), [b]);
        }
      }
    }
  }

  /** Whether the box at (`bx`, `by`) sized `bw` × `bh`, grown by `margin` on every side, overlaps any box held. */
  hits(bx: number, by: number, bw: number, bh: number, margin: number): boolean {
    const x = bx - margin;
    const y = by - margin;
    const w = bw + 2 * margin;
    const h = bh + 2 * margin;
    const x1 = Math.floor(x / CELL);
    const y1 = Math.floor(y / CELL);
    const x2 = Math.floor((x + w) / CELL);
    const y2 = Math.floor((y + h) / CELL);
    for (let i = x1; i <= x2; i++) {
      for (let j = y1; j <= y2; j++) {
        const list = this.cell(i, j);
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const o = list[k];
          if (x < o.x + o.width && o.x < x + w && y < o.y + o.height && o.y < y + h) return true;
        }
      }
    }
    return false;
  }
}

/** The box around every obstacle and line, grown by what a label or marker may reach beyond its line. */
function areaOf(obstacles: readonly Box[], requests: readonly LabelRequest[]): Box | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const grow = (x: number, y: number) => {
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  };
  for (const b of obstacles) {
    grow(b.x, b.y);
    grow(b.x + b.width, b.y + b.height);
  }
  for (const r of requests) {
    const c = r.curve;
    grow(c.p0.x, c.p0.y);
    grow(c.c1.x, c.c1.y);
    grow(c.c2.x, c.c2.y);
    grow(c.p1.x, c.p1.y);
  }
  if (!(x1 <= x2 && y1 <= y2)) return undefined;
  // Room for a label's half width and a marker's rings; anything further goes to the map.
  const reach = LABEL_MAX_TEXT_WIDTH + MARKER_RINGS * MARKER_SIZE;
  return { x: x1 - reach, y: y1 - reach, width: x2 - x1 + 2 * reach, height: y2 - y1 + 2 * reach };
}

/** Where along its line a label is tried, best first. */
const LABEL_TS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8];
/** How far (in marker sizes) a marker with no room on its line looks around the line's middle. */
const MARKER_RINGS = 8;
/** Most places tried along a long line for a marker. */
const MAX_MARKER_STEPS = 240;
/** A marker is small: it is tried at more places. */
const MARKER_TS = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9, 0.06, 0.94];

function boxAt(p: Point, width: number, height: number, dy: number): Box {
  return { x: p.x - width / 2, y: p.y - height / 2 + dy, width, height };
}

/**
 * Places labels on their lines so that none overlaps another, an obstacle (node boxes,
 * system title bands) or a pinned label. Pinned labels (with an `offset`) are placed first,
 * where the user put them. A label with no room becomes a numbered marker; a marker with no
 * room on its line is put at the nearest free place around the line's middle. Results are
 * in the order of the requests.
 */
export function placeLabels(obstacles: readonly Box[], requests: readonly LabelRequest[]): PlacedLabel[] {
  // One grid for obstacles and placed labels alike: one lookup per try.
  const labels = new BoxGrid(areaOf(obstacles, requests));
  for (const b of obstacles) labels.add(b);
  const free = (b: Box) => !labels.hits(b.x, b.y, b.width, b.height, CLEARANCE);
  const out: PlacedLabel[] = new Array<PlacedLabel>(requests.length);
  const anchors = requests.map((r) => curvePoint(r.curve, 0.5));

  requests.forEach((r, i) => {
    if (!r.offset) return;
    const a = anchors[i];
    const centre = { x: a.x + r.offset.x, y: a.y + r.offset.y };
    // A text too long for a label stays a marker where it was put (numbered below).
    const box = r.markerOnly ? boxAt(centre, markerWidth(requests.length), MARKER_SIZE, 0) : boxAt(centre, r.width, r.height, 0);
    labels.add(box);
    out[i] = { id: r.id, kind: r.markerOnly ? 'marker' : 'label', box, anchor: a, pinned: true, crowded: false };
  });

  // Labels first, so a marker never takes the place a whole label could have had.
  const wantMarker: number[] = [];
  requests.forEach((r, i) => {
    if (r.offset) return;
    if (r.markerOnly) {
      wantMarker.push(i);
      return;
    }
    // Shifted by less than half its size, the label still sits on its line (beside it,
    // for a line that runs up or down).
    const sy = Math.max(0, r.height / 2 - 4);
    const sx = Math.max(0, r.width / 2 - 1);
    // The shifts, in order: none, up, down, left, right (tried with numbers: most tries fail).
    const dxs = [0, 0, 0, -sx, sx];
    const dys = [0, -sy, sy, 0, 0];
    for (const t of LABEL_TS) {
      const p = t === 0.5 ? anchors[i] : curvePoint(r.curve, t);
      for (let k = 0; k < 5; k++) {
        const x = p.x + dxs[k] - r.width / 2;
        const y = p.y - r.height / 2 + dys[k];
        if (!labels.hits(x, y, r.width, r.height, CLEARANCE)) {
          const box = { x, y, width: r.width, height: r.height };
          labels.add(box);
          out[i] = { id: r.id, kind: 'label', box, anchor: anchors[i], pinned: false, crowded: false };
          return;
        }
      }
    }
    wantMarker.push(i);
  });

  // Markers are numbered in the order of the requests (the document's order of links).
  const numbers = new Map<number, number>();
  const numbered = [...wantMarker];
  requests.forEach((r, i) => {
    if (r.offset && r.markerOnly) numbered.push(i);
  });
  numbered.sort((a, b) => a - b).forEach((i, n) => numbers.set(i, n + 1));
  requests.forEach((r, i) => {
    if (r.offset && r.markerOnly) out[i].number = numbers.get(i);
  });
  wantMarker.forEach((i) => {
    const r = requests[i];
    const number = numbers.get(i)!;
    const width = markerWidth(number);
    const place = (box: Box, crowded: boolean) => {
      labels.add(box);
      out[i] = { id: r.id, kind: 'marker', box, anchor: anchors[i], number, pinned: false, crowded };
    };
    for (const t of MARKER_TS) {
      const box = boxAt(curvePoint(r.curve, t), width, MARKER_SIZE, 0);
      if (free(box)) return place(box, false);
    }
    // A long line under many boxes: every half marker along it, nearest the middle first.
    const steps = Math.min(MAX_MARKER_STEPS, Math.ceil(curveLength(r.curve) / (MARKER_SIZE / 2)));
    for (let k = 1; k < steps; k++) {
      const t = 0.5 + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) / steps;
      if (t <= 0 || t >= 1) continue;
      const box = boxAt(curvePoint(r.curve, t), width, MARKER_SIZE, 0);
      if (free(box)) return place(box, false);
    }
    // Nowhere on the line: the nearest free place around its middle.
    const a = anchors[i];
    for (let radius = MARKER_SIZE; radius <= MARKER_RINGS * MARKER_SIZE; radius += MARKER_SIZE) {
      const steps = Math.max(8, Math.round((2 * Math.PI * radius) / (1.5 * MARKER_SIZE)));
      for (let k = 0; k < steps; k++) {
        const angle = (2 * Math.PI * k) / steps;
        const box = boxAt({ x: a.x + radius * Math.cos(angle), y: a.y + radius * Math.sin(angle) }, width, MARKER_SIZE, 0);
        if (free(box)) return place(box, false);
      }
    }
    place(boxAt(a, width, MARKER_SIZE, 0), true);
  });
  return out;
}

/** Width of a marker showing `n`. */
export function markerWidth(n: number): number {
  return Math.max(MARKER_SIZE, Math.ceil(measureText(String(n), { size: LABEL_STYLE.size, bold: true })) + 8);
}

/** A label's text as the canvas draws it: wrapped lines, and the box they need. */
export interface LabelText {
  lines: string[];
  width: number;
  height: number;
  /** Too long for a label: shown as a marker. */
  tooLong: boolean;
}

/** Wraps a label's text (bold for a flow's) into at most {@link LABEL_MAX_LINES} lines and sizes its box. */
export function labelText(text: string, bold = false): LabelText {
  const style = bold ? { ...LABEL_STYLE, bold } : LABEL_STYLE;
  const wrapped = wrapText(text, LABEL_MAX_TEXT_WIDTH, LABEL_MAX_LINES, style);
  const lines = wrapped.lines.filter((l) => l !== '');
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, measureText(l, style));
  return {
    lines,
    width: Math.ceil(widest) + 2 * LABEL_PAD_X,
    height: Math.max(1, lines.length) * LABEL_LINE_HEIGHT + 2 * LABEL_PAD_Y,
    tooLong: wrapped.changed,
  };
}

/** A link's label on the canvas: its text and where it goes. */
export interface CanvasLabel extends PlacedLabel {
  /** The whole text (tooltip and legend). */
  text: string;
  /** What a label draws; empty for a marker. */
  lines: string[];
}

/** The boxes a label must keep off: entities, notes, and the title band of every system. */
export function labelObstacles(geo: Geometry): Box[] {
  const out: Box[] = [];
  for (const b of geo.systems.values()) out.push({ x: b.x, y: b.y, width: b.width, height: SYSTEM_HEADER_HEIGHT });
  for (const b of geo.entities.values()) out.push(b);
  for (const b of geo.notes.values()) out.push(b);
  return out;
}

// Links are immutable: a link's wrapped text is measured once, not on every frame of a drag.
const textCache = new WeakMap<Link, { text: string; t: LabelText }>();

function linkText(l: Link): { text: string; t: LabelText } {
  let cached = textCache.get(l);
  if (!cached) {
    const text = linkLabel(l);
    cached = { text, t: text === '' ? { lines: [], width: 0, height: 0, tooLong: false } : labelText(text, l.kind === 'flow') };
    textCache.set(l, cached);
  }
  return cached;
}

/**
 * Every labelled link's label on the canvas, placed (see {@link placeLabels}). Links that
 * show no text, or whose ends are missing, have none.
 */
export function placeCanvasLabels(doc: CrosswalkDocument, geo: Geometry = computeGeometry(doc)): CanvasLabel[] {
  const requests: LabelRequest[] = [];
  const texts: { text: string; lines: string[] }[] = [];
  for (const l of doc.links) {
    const { text, t } = linkText(l);
    if (text === '') continue;
    const route = routeLink(doc, geo, l);
    if (!route) continue;
    if (t.lines.length === 0) continue;
    requests.push({ id: l.id, width: t.width, height: t.height, curve: canvasCurve(route), offset: l.labelOffset, markerOnly: t.tooLong });
    texts.push({ text, lines: t.lines });
  }
  // Built field by field: spreading a thousand placed labels of two shapes (with and without
  // a number) took a third of the time.
  return placeLabels(labelObstacles(geo), requests).map((p, i) => {
    const label: CanvasLabel = { id: p.id, kind: p.kind, box: p.box, anchor: p.anchor, pinned: p.pinned, crowded: p.crowded, text: texts[i].text, lines: p.kind === 'label' ? texts[i].lines : [] };
    if (p.number !== undefined) label.number = p.number;
    return label;
  });
}
