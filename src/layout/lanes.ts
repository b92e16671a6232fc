// The one column-and-lane layout, drawn the way mapping specs are: columns of boxes
// (systems, entities with their field rows) and, between two columns, a lane holding a box
// per link with its text (a transform, a flow's protocol) — source → text → target. Used by
// the integration view (integration.ts: the app, the SVG, the PPTX integration slides) and
// by the deck's step and overview slides. Pure and unit-agnostic: the caller gives the
// lengths (inches for slides, px for screens) and how to measure text; placed boxes and
// connector ends come out. The texts never overlap by construction (boxes are stacked in
// their column or lane), and nothing is shortened: a text that does not fit its width
// wraps and its box grows.

/** A rectangle, in the caller's unit. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One paragraph of a placed text (size in the caller's font unit: pt or px). */
export interface Paragraph {
  text: string;
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A connection site of a box: 0 top, 1 left, 2 bottom, 3 right (as PowerPoint numbers a rect's). */
export type Site = 0 | 1 | 2 | 3;

/** How text is measured, and the sizes and spacing: everything unit-specific. */
export interface LaneMetrics {
  /** How many lines `text` (one paragraph, no newline) wraps to in `width` at `size`. */
  lines(text: string, width: number, size: number, bold: boolean): number;
  /** Height of one line of text at `size`, in the layout's unit. */
  lineHeight(size: number): number;
  /** Width of `text` (one line) at `size`, in the layout's unit. */
  width(text: string, size: number, bold: boolean): number;
  style: LaneStyle;
}

/** Font sizes (pt or px) and spacing (the layout's unit). */
export interface LaneStyle {
  rowPt: number;
  entityPt: number;
  systemPt: number;
  labelPt: number;
  inset: { h: number; v: number };
  /** Added to every text box's height. */
  boxPad: number;
  blockGap: number;
  unitGap: number;
  labelGap: number;
  minColumn: number;
  maxColumn: number;
  laneWeight: number;
  emptyLane: number;
  /** Room between a lane box and the columns beside it, so the lines into it show. */
  lanePad: number;
  /**
   * Grow a field row that links come into from the lane on its left to the height of their
   * boxes there, so each box can sit level with its target row and the lines stay flat
   * (the integration view on screen); off by default.
   */
  alignTargets?: boolean;
}

/** One field row of a block. */
export interface LaneRow {
  key: string;
  text: string;
}

/** A box in a column: a system (title and kind) or an entity (title, then its rows). */
export interface LaneBlock {
  key: string;
  kind: 'System' | 'Entity';
  title: string;
  subtitle?: string;
  rows: LaneRow[];
  column: number;
  /** Blocks sharing a unit (a system and its entities) stay together, in this order. */
  unit: string;
}

/** How a link's lines look. */
export type LaneLinkStyle = 'mapping' | 'flow' | 'relation';

/** A link between two anchors (a block key or a row key), with the text for its lane box. */
export interface LaneLink {
  key: string;
  from: string;
  to: string;
  text: string;
  style: LaneLinkStyle;
}

/** A placed text box. */
export interface PlacedText {
  /** The block, row or link key it stands for. */
  key: string;
  role: 'system' | 'entity' | 'row' | 'label';
  rect: Rect;
  paragraphs: Paragraph[];
  /** The block key whose shapes are grouped with it (entity titles and rows). */
  group?: string;
}

/** A connector between two placed boxes (by key), with the points where it meets them. */
export interface PlacedConnector {
  from: string;
  fromSite: Site;
  to: string;
  toSite: Site;
  start: { x: number; y: number };
  end: { x: number; y: number };
  style: LaneLinkStyle;
  /** Whether the arrowhead goes at the end (links into their target). */
  arrow: boolean;
}

/** A laid-out diagram. */
export interface LaneLayout {
  texts: PlacedText[];
  connectors: PlacedConnector[];
  /** Whether everything fits the area (when not, the caller splits the content). */
  fits: boolean;
  /** The height used. */
  height: number;
}


interface Sized {
  block: LaneBlock;
  titleH: number;
  rowH: number[];
  height: number;
}

interface Unit {
  key: string;
  column: number;
  blocks: Sized[];
  height: number;
  top: number;
}

function textHeight(m: LaneMetrics, text: string, width: number, pt: number, bold = false): number {
  const lines = text.split('\n').reduce((n, t) => n + Math.max(1, m.lines(t, width, pt, bold)), 0);
  return Math.max(1, lines) * m.lineHeight(pt) + 2 * m.style.inset.v + m.style.boxPad;
}

/** Width of the widest word of a text (words split at white space). */
function widestWord(m: LaneMetrics, text: string, size: number, bold: boolean): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, m.width(word, size, bold));
  // A little over, so rounding where the box is written (EMU, px) cannot push the word to a second line.
  return widest * 1.02;
}

/** The lane a link's box goes into: between its two columns, or right of a column linked to itself. */
function laneOf(cf: number, ct: number): number {
  return Math.min(cf, ct);
}

/**
 * Lays out columns of blocks and a box per link in the lanes between them, inside `area`.
 * Blocks keep their unit's order in a column, except that units (and the rows of an
 * entity) of later columns are sorted by where their links come from, which cuts
 * crossings; each unit is placed level with what links into it where there is room.
 */
export function layoutLanes(columns: number, blocks: readonly LaneBlock[], links: readonly LaneLink[], area: Rect, m: LaneMetrics): LaneLayout {
  // Lanes as wide as columns read best; narrower lanes give long names more room.
  let layout = layoutWith(columns, blocks, links, area, m, m.style.laneWeight);
  for (const weight of [0.7, 0.5]) {
    if (layout.fits) break;
    const narrower = layoutWith(columns, blocks, links, area, m, weight);
    if (narrower.fits || narrower.height < layout.height) layout = narrower;
  }
  return layout;
}

function layoutWith(columns: number, blocks: readonly LaneBlock[], links: readonly LaneLink[], area: Rect, m: LaneMetrics, laneWeight: number): LaneLayout {
  const S = m.style;
  const anchorColumn = new Map<string, number>();
  for (const b of blocks) {
    anchorColumn.set(b.key, b.column);
    for (const r of b.rows) anchorColumn.set(r.key, b.column);
  }
  const usable = links.filter((l) => anchorColumn.has(l.from) && anchorColumn.has(l.to));
  const laneUsed = new Array<boolean>(columns).fill(false);
  for (const l of usable) laneUsed[laneOf(anchorColumn.get(l.from)!, anchorColumn.get(l.to)!)] = true;

  // Widths: columns and used lanes share the width; an unused lane between columns is a gap.
  // Each lane is at least as wide as the longest word of its texts, so no word breaks in the
  // middle (a lane that needs more takes it from the columns); a word wider than any column
  // could be breaks anyway and asks for nothing.
  const inner = Array.from({ length: columns - 1 }, (_, i) => i);
  const gaps = inner.filter((i) => !laneUsed[i]).length * S.emptyLane;
  const lanes = laneUsed.filter(Boolean).length;
  const minLane = new Array<number>(columns).fill(0);
  for (const l of usable) {
    const i = laneOf(anchorColumn.get(l.from)!, anchorColumn.get(l.to)!);
    const need = widestWord(m, l.text, S.labelPt, false) + 2 * S.inset.h + 2 * S.lanePad;
    if (need <= S.maxColumn) minLane[i] = Math.max(minLane[i], need);
  }
  let minColumn = S.minColumn;
  for (const b of blocks) {
    const need =
      2 * S.inset.h +
      Math.max(widestWord(m, b.title, b.kind === 'System' ? S.systemPt : S.entityPt, true), widestWord(m, b.subtitle ?? '', S.rowPt, false), ...b.rows.map((r) => widestWord(m, r.text, S.rowPt, false)));
    if (need <= S.maxColumn) minColumn = Math.max(minColumn, need);
  }
  const widths = (pinned: readonly number[], wholeWords = true) => {
    const pinnedW = pinned.reduce((w, i) => w + minLane[i], 0);
    const colW = Math.min(S.maxColumn, (area.w - gaps - pinnedW) / (columns + laneWeight * (lanes - pinned.length)));
    const shared = Math.min(S.maxColumn, colW * laneWeight);
    return { colW, laneW: (i: number) => (wholeWords ? Math.max(shared, minLane[i]) : shared) };
  };
  // Pin the lanes whose words need more than their share, until no other does (the share only shrinks).
  let pinned: number[] = [];
  let sized = widths(pinned);
  for (;;) {
    const more = inner.filter((i) => laneUsed[i] && minLane[i] > Math.min(S.maxColumn, sized.colW * laneWeight));
    if (more.length === pinned.length) break;
    pinned = more;
    sized = widths(pinned);
  }
  // When the columns cannot keep their words whole either, the plain share (words break).
  if (sized.colW < minColumn - 1e-9) sized = widths([], false);
  const { colW } = sized;
  const laneWidth = (i: number) => (laneUsed[i] ? sized.laneW(i) : i < columns - 1 ? S.emptyLane : 0);
  const labelW = (i: number) => sized.laneW(i) - 2 * S.lanePad;
  const total = columns * colW + laneUsed.reduce((w, _, i) => w + laneWidth(i), 0);
  const colX: number[] = [];
  const laneX: number[] = [];
  let x = area.x + Math.max(0, (area.w - total) / 2);
  for (let c = 0; c < columns; c++) {
    colX.push(x);
    x += colW;
    laneX.push(x);
    x += laneWidth(c);
  }
  const textW = colW - 2 * S.inset.h;
  const fitsWidth = colW >= minColumn - 1e-9 && inner.every((i) => !laneUsed[i] || sized.laneW(i) >= minLane[i] - 1e-9);

  // Row order of each entity: by where its rows' links come from (rows with none keep their place).
  const position = new Map<string, number>();
  // With alignTargets, the room a row needs for the lane boxes of the links coming into it.
  const incomingBoxes = new Map<string, number>();
  if (S.alignTargets) {
    for (const l of usable) {
      const cf = anchorColumn.get(l.from)!;
      const ct = anchorColumn.get(l.to)!;
      if (ct <= cf) continue;
      const h = textHeight(m, l.text, labelW(laneOf(cf, ct)) - 2 * S.inset.h, S.labelPt);
      incomingBoxes.set(l.to, (incomingBoxes.get(l.to) ?? 0) + h + S.labelGap);
    }
  }
  const size = (b: LaneBlock): Sized => {
    const titlePt = b.kind === 'System' ? S.systemPt : S.entityPt;
    const titleText = [b.title, b.subtitle].filter(Boolean).join('\n');
    const titleH = textHeight(m, titleText, textW, titlePt, true);
    const rowH = b.rows.map((r) => Math.max(textHeight(m, r.text, textW, S.rowPt), incomingBoxes.get(r.key) ?? 0));
    return { block: b, titleH, rowH, height: titleH + rowH.reduce((a, h) => a + h, 0) };
  };

  const unitsByColumn: Unit[][] = Array.from({ length: columns }, () => []);
  const unitIndex = new Map<string, Unit>();
  for (const b of blocks) {
    const key = `${b.column}\u0000${b.unit}`;
    let u = unitIndex.get(key);
    if (!u) {
      u = { key, column: b.column, blocks: [], height: 0, top: 0 };
      unitIndex.set(key, u);
      unitsByColumn[b.column].push(u);
    }
    u.blocks.push(size(b));
  }

  const incoming = new Map<string, string[]>();
  for (const l of usable) {
    for (const [a, b] of [
      [l.to, l.from],
      [l.from, l.to],
    ]) {
      const list = incoming.get(a) ?? [];
      list.push(b);
      incoming.set(a, list);
    }
  }
  /** Mean placed y of what links to an anchor from earlier columns. */
  const pull = (anchor: string, column: number): number | undefined => {
    const ys = (incoming.get(anchor) ?? []).filter((o) => (anchorColumn.get(o) ?? column) < column && position.has(o)).map((o) => position.get(o)!);
    return ys.length ? ys.reduce((a, y) => a + y, 0) / ys.length : undefined;
  };

  const placed = new Map<string, Rect>();
  let fitsHeight = true;
  let used = 0;
  /** Records where a column's units put their blocks and rows. */
  const settle = (c: number, units: readonly Unit[]) => {
    const bottom = units.length ? units[units.length - 1].top + units[units.length - 1].height : area.y;
    if (bottom > area.y + area.h + 1e-6) fitsHeight = false;
    used = Math.max(used, bottom - area.y);
    for (const u of units) {
      let y = u.top;
      for (const s of u.blocks) {
        placed.set(s.block.key, { x: colX[c], y, w: colW, h: s.titleH });
        position.set(s.block.key, y + s.titleH / 2);
        y += s.titleH;
        s.block.rows.forEach((r, i) => {
          placed.set(r.key, { x: colX[c], y, w: colW, h: s.rowH[i] });
          position.set(r.key, y + s.rowH[i] / 2);
          y += s.rowH[i];
        });
        y += S.blockGap;
      }
    }
  };
  for (let c = 0; c < columns; c++) {
    const units = unitsByColumn[c];
    // Sort rows and units by the mean position of their sources in earlier columns.
    for (const u of units) {
      for (const s of u.blocks) {
        const rows = s.block.rows.map((r, i) => ({ r, h: s.rowH[i], at: pull(r.key, c) ?? Infinity, i }));
        rows.sort((a, b) => a.at - b.at || a.i - b.i);
        s.block = { ...s.block, rows: rows.map((x) => x.r) };
        s.rowH = rows.map((x) => x.h);
      }
      u.height = u.blocks.reduce((h, s) => h + s.height, 0) + (u.blocks.length - 1) * S.blockGap;
    }
    const desire = new Map<Unit, number>();
    for (const u of units) {
      const wants: number[] = [];
      forEachAnchor(u, S.blockGap, (key, local) => {
        const at = pull(key, c);
        if (at !== undefined) wants.push(at - local);
      });
      if (wants.length) desire.set(u, wants.reduce((a, y) => a + y, 0) / wants.length);
    }
    if (c > 0) units.sort((a, b) => (desire.get(a) ?? Infinity) - (desire.get(b) ?? Infinity));
    // Top down, each unit level with its sources when there is room; then pushed up from the bottom.
    let cursor = area.y;
    for (const u of units) {
      const want = desire.get(u);
      u.top = Math.max(cursor, want ?? cursor);
      cursor = u.top + u.height + S.unitGap;
    }
    let limit = area.y + area.h;
    for (let i = units.length - 1; i >= 0; i--) {
      const u = units[i];
      if (u.top + u.height > limit) u.top = Math.max(area.y, limit - u.height);
      limit = u.top - S.unitGap;
    }
    for (let i = 1; i < units.length; i++) {
      // The pass up never makes two units overlap unless the column is simply too tall.
      if (units[i].top < units[i - 1].top + units[i - 1].height + S.unitGap - 1e-9) units[i].top = units[i - 1].top + units[i - 1].height + S.unitGap;
    }
    settle(c, units);
  }
  // With alignTargets, the first column's units then move down level with what they feed
  // (keeping their order), so a source entity sits beside its target entity.
  if (S.alignTargets && columns > 1) {
    const units = unitsByColumn[0];
    let cursor = area.y;
    for (const u of units) {
      const wants: number[] = [];
      forEachAnchor(u, S.blockGap, (key, local) => {
        const ys = (incoming.get(key) ?? []).filter((o) => (anchorColumn.get(o) ?? 0) > 0 && position.has(o)).map((o) => position.get(o)!);
        if (ys.length) wants.push(ys.reduce((a, y) => a + y, 0) / ys.length - local);
      });
      // The lowest of the wishes: the unit's first lines stay level with their targets.
      const want = wants.length ? Math.min(...wants) : undefined;
      u.top = Math.max(cursor, want ?? cursor);
      cursor = u.top + u.height + S.unitGap;
    }
    settle(0, units);
  }

  const texts: PlacedText[] = [];
  for (const units of unitsByColumn) {
    for (const u of units) {
      for (const s of u.blocks) {
        const b = s.block;
        const titlePt = b.kind === 'System' ? S.systemPt : S.entityPt;
        const group = b.rows.length ? b.key : undefined;
        texts.push({
          key: b.key,
          role: b.kind === 'System' ? 'system' : 'entity',
          rect: placed.get(b.key)!,
          // A blank title (a name of spaces) draws no empty line: the box was measured without one.
          paragraphs: [
            ...(b.title || !b.subtitle ? [{ text: b.title, size: titlePt, bold: true, align: 'center' as const }] : []),
            ...(b.subtitle ? [{ text: b.subtitle, size: S.rowPt, align: 'center' as const }] : []),
          ],
          group,
        });
        for (const r of b.rows) texts.push({ key: r.key, role: 'row', rect: placed.get(r.key)!, paragraphs: [{ text: r.text, size: S.rowPt }], group });
      }
    }
  }

  // Lane boxes: level with the middle of their two ends, stacked without overlap.
  const connectors: PlacedConnector[] = [];
  const byLane = new Map<number, { link: LaneLink; h: number; want: number; cf: number; ct: number }[]>();
  for (const l of usable) {
    const cf = anchorColumn.get(l.from)!;
    const ct = anchorColumn.get(l.to)!;
    const lane = laneOf(cf, ct);
    const h = textHeight(m, l.text, labelW(lane) - 2 * S.inset.h, S.labelPt);
    // Level with the middle of its two ends; with alignTargets, level with its target row (which grew to hold it).
    const want = (S.alignTargets && ct > cf ? position.get(l.to)! : (position.get(l.from)! + position.get(l.to)!) / 2) - h / 2;
    const list = byLane.get(lane) ?? [];
    list.push({ link: l, h, want, cf, ct });
    byLane.set(lane, list);
  }
  for (const [lane, items] of byLane) {
    items.sort((a, b) => a.want - b.want || position.get(a.link.from)! - position.get(b.link.from)!);
    const tops: number[] = [];
    let cursor = area.y;
    for (const it of items) {
      const top = Math.max(cursor, it.want);
      tops.push(top);
      cursor = top + it.h + S.labelGap;
    }
    let limit = area.y + area.h;
    for (let i = items.length - 1; i >= 0; i--) {
      if (tops[i] + items[i].h > limit) tops[i] = Math.max(area.y, limit - items[i].h);
      limit = tops[i] - S.labelGap;
    }
    for (let i = 1; i < items.length; i++) tops[i] = Math.max(tops[i], tops[i - 1] + items[i - 1].h + S.labelGap);
    const bottom = tops[items.length - 1] + items[items.length - 1].h;
    if (bottom > area.y + area.h + 1e-6) fitsHeight = false;
    used = Math.max(used, bottom - area.y);
    items.forEach((it, i) => {
      const key = `label:${it.link.key}`;
      const rect = { x: laneX[lane] + S.lanePad, y: tops[i], w: labelW(lane), h: it.h };
      texts.push({ key, role: 'label', rect, paragraphs: [{ text: it.link.text, size: S.labelPt, align: 'center' }] });
      const fromRect = placed.get(it.link.from)!;
      const toRect = placed.get(it.link.to)!;
      // An end left of the lane meets it on its right side; one right of it, on its left.
      const side = (column: number): [Site, Site] => (column <= lane ? [3, 1] : [1, 3]);
      const [fromSite, labelIn] = side(it.cf);
      const [toSite, labelOut] = side(it.ct);
      connectors.push({
        from: it.link.from,
        fromSite,
        to: key,
        toSite: labelIn,
        start: sitePoint(fromRect, fromSite),
        end: sitePoint(rect, labelIn),
        style: it.link.style,
        arrow: false,
      });
      connectors.push({
        from: key,
        fromSite: labelOut,
        to: it.link.to,
        toSite,
        start: sitePoint(rect, labelOut),
        end: sitePoint(toRect, toSite),
        style: it.link.style,
        arrow: it.link.style !== 'relation',
      });
    });
  }
  return { texts, connectors, fits: fitsWidth && fitsHeight, height: used };
}

/** The point of a rectangle's connection site (0 top, 1 left, 2 bottom, 3 right). */
export function sitePoint(r: Rect, site: Site): { x: number; y: number } {
  switch (site) {
    case 0:
      return { x: r.x + r.w / 2, y: r.y };
    case 1:
      return { x: r.x, y: r.y + r.h / 2 };
    case 2:
      return { x: r.x + r.w / 2, y: r.y + r.h };
    default:
      return { x: r.x + r.w, y: r.y + r.h / 2 };
  }
}

/**
 * Columns for systems from the direction of their links: a system's column is the length
 * of the longest chain of links leading to it (cycles broken), folded into `maxColumns`.
 * Systems with no links go to the first column.
 */
export function rankSystems(systems: readonly string[], edges: readonly [string, string][], maxColumns: number): Map<string, number> {
  const next = new Map<string, Set<string>>();
  const known = new Set(systems);
  for (const [a, b] of edges) {
    if (a === b || !known.has(a) || !known.has(b)) continue;
    const set = next.get(a) ?? new Set<string>();
    set.add(b);
    next.set(a, set);
  }
  // Depth-first, dropping the edges that close a cycle; then longest paths in what is left.
  const state = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const dag = new Map<string, string[]>();
  const visit = (s: string) => {
    state.set(s, 'open');
    const kept: string[] = [];
    for (const b of next.get(s) ?? []) {
      if (state.get(b) === 'open') continue;
      kept.push(b);
      if (!state.has(b)) visit(b);
    }
    dag.set(s, kept);
    state.set(s, 'done');
    finished.push(s);
  };
  for (const s of systems) if (!state.has(s)) visit(s);
  const rank = new Map<string, number>(systems.map((s) => [s, 0]));
  for (const s of finished.reverse()) for (const b of dag.get(s) ?? []) rank.set(b, Math.max(rank.get(b)!, rank.get(s)! + 1));
  const max = Math.max(0, ...rank.values());
  if (max < maxColumns) return rank;
  const out = new Map<string, number>();
  for (const [s, r] of rank) out.set(s, Math.min(maxColumns - 1, Math.floor((r * maxColumns) / (max + 1))));
  return out;
}

/** Calls `at` for each anchor of a unit (each block's title, then its rows) with its middle, measured from the unit's top. */
function forEachAnchor(u: Unit, blockGap: number, at: (key: string, local: number) => void): void {
  let offset = 0;
  for (const s of u.blocks) {
    at(s.block.key, offset + s.titleH / 2);
    let rowTop = offset + s.titleH;
    s.block.rows.forEach((r, i) => {
      at(r.key, rowTop + s.rowH[i] / 2);
      rowTop += s.rowH[i];
    });
    offset += s.height + blockGap;
  }
}
