import { integrationView, pairName, type IntegrationView, type SystemPair } from '../../layout/integration';
import type { LaneMetrics, LaneStyle, PlacedText, Rect } from '../../layout/lanes';
import type { CrosswalkDocument } from '../../model/types';
import { INK, PAPER, type DrawContext } from './draw';
import { fontFamily } from './svg';
import { measureText, wrapText, type TextStyle } from './text';
import { attrs, num, xmlText } from './xml';

// The integration view of a system pair in px, and its SVG: the core layout
// (src/layout/integration.ts) measured with the SVG's own text widths, drawn as a true
// vector picture (boxes, text, lines; nothing cut — long text wraps and its box grows).
// The app draws the same SVG in its integration view, so the view and its export match.

/** Sizes (px) for screens and pictures: 13 px text at least. */
export const SCREEN_LANE_STYLE: LaneStyle = {
  rowPt: 13,
  entityPt: 14,
  systemPt: 16,
  labelPt: 13,
  inset: { h: 8, v: 4 },
  boxPad: 4,
  blockGap: 12,
  unitGap: 20,
  labelGap: 8,
  minColumn: 160,
  maxColumn: 340,
  laneWeight: 0.85,
  emptyLane: 40,
  lanePad: 28,
  alignTargets: true,
};

const LINE_HEIGHT = 1.3;
/** Room around the drawing. */
export const VIEW_PADDING = 20;
const TITLE: TextStyle = { size: 18, bold: true };
const TITLE_BAND = 40;
const MAPPING_DASH = '6 4';

/** Text metrics in px, the same the SVG draws with. */
export const SCREEN_METRICS: LaneMetrics = {
  lines: (text, width, size, bold) => wrapText(text, width, Number.POSITIVE_INFINITY, { size, bold }).lines.length,
  lineHeight: (size) => size * LINE_HEIGHT,
  width: (text, size, bold) => measureText(text, { size, bold }),
  style: SCREEN_LANE_STYLE,
};

/** The width the two columns and the lane take at most. */
const LAYOUT_W = 2 * SCREEN_LANE_STYLE.maxColumn + SCREEN_LANE_STYLE.laneWeight * SCREEN_LANE_STYLE.maxColumn;

/** The title's lines (a long pair name wraps to the drawing's width). */
function titleLines(doc: CrosswalkDocument, pair: SystemPair): string[] {
  return wrapText(pairName(doc, pair), LAYOUT_W, Number.POSITIVE_INFINITY, TITLE).lines;
}

/** The integration view of a pair laid out in px, below a title band. */
export function screenIntegrationView(doc: CrosswalkDocument, pair: SystemPair): IntegrationView {
  const band = TITLE_BAND + (titleLines(doc, pair).length - 1) * TITLE.size * LINE_HEIGHT;
  return integrationView(doc, pair, SCREEN_METRICS, { x: VIEW_PADDING, y: VIEW_PADDING + band, w: LAYOUT_W, h: 1e7 }, { sourceUnits: 'entity' });
}

/** The size of the picture of a view (px), title included. */
export function integrationSize(doc: CrosswalkDocument, view: IntegrationView): { width: number; height: number } {
  const b = view.bounds;
  const titleW = Math.max(0, ...titleLines(doc, view.pair).map((l) => measureText(l, TITLE)));
  return {
    width: Math.ceil(Math.max(b.x + b.w, VIEW_PADDING + titleW) + VIEW_PADDING),
    height: Math.ceil(Math.max(b.y + b.h, VIEW_PADDING + TITLE_BAND) + VIEW_PADDING),
  };
}

export interface IntegrationSvgOptions {
  font?: string;
  /** Leave out the XML declaration (for inline use in HTML). */
  inline?: boolean;
}

/**
 * The SVG of a pair's integration view: a title ("Workday → Okta"), the system and entity
 * boxes with their field rows, a box per mapping holding its transform, and a line into and
 * out of it (dashed for mappings, with an arrowhead at the target). Deterministic.
 */
export function integrationSvg(doc: CrosswalkDocument, view: IntegrationView, options: IntegrationSvgOptions = {}): string {
  const ctx: DrawContext = { fontFamily: fontFamily(options.font) };
  const title = pairName(doc, view.pair);
  const { width, height } = integrationSize(doc, view);
  const out: string[] = [];
  if (!options.inline) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs([
      ['width', width],
      ['height', height],
      ['viewBox', `0 0 ${num(width)} ${num(height)}`],
    ])}>`,
    `<title>${xmlText(title)}</title>`,
    `<rect${attrs([['x', 0], ['y', 0], ['width', width], ['height', height], ['fill', PAPER]])}/>`,
    textLines(ctx, titleLines(doc, view.pair), VIEW_PADDING, VIEW_PADDING + TITLE.size, TITLE, 'start'),
  );
  // Lines first, so boxes sit over their ends.
  const lines: string[] = [];
  for (const c of view.layout.connectors) {
    const dash = c.style === 'mapping' ? MAPPING_DASH : undefined;
    const w = c.style === 'flow' ? 2 : 1;
    const arrow = c.arrow ? 9 : 0;
    const dx = c.end.x - c.start.x;
    const dy = c.end.y - c.start.y;
    const len = Math.hypot(dx, dy) || 1;
    const ex = c.end.x - (dx / len) * arrow;
    const ey = c.end.y - (dy / len) * arrow;
    lines.push(
      `<line${attrs([
        ['x1', c.start.x],
        ['y1', c.start.y],
        ['x2', ex],
        ['y2', ey],
        ['stroke', INK],
        ['stroke-width', w],
        ['stroke-dasharray', dash],
      ])}/>`,
    );
    if (arrow) {
      const ux = dx / len;
      const uy = dy / len;
      const half = 4.5;
      const pts = [
        [c.end.x, c.end.y],
        [ex - uy * half, ey + ux * half],
        [ex + uy * half, ey - ux * half],
      ];
      lines.push(`<polygon${attrs([['points', pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')], ['fill', INK]])}/>`);
    }
  }
  out.push('<g>', ...lines, '</g>');
  const boxes: string[] = [];
  for (const t of view.layout.texts) boxes.push(drawText(ctx, view, t));
  out.push('<g>', ...boxes, '</g>', '</svg>', '');
  return out.join('\n');
}

function drawText(ctx: DrawContext, view: IntegrationView, t: PlacedText): string {
  const S = SCREEN_LANE_STYLE;
  const r = t.rect;
  const row = view.rows.get(t.key);
  const dashed = row !== undefined && row.side === 'target' && !row.mapped;
  const box = `<rect${attrs([
    ['x', r.x],
    ['y', r.y],
    ['width', r.w],
    ['height', r.h],
    ['rx', t.role === 'system' ? 6 : t.role === 'label' ? 4 : undefined],
    ['fill', PAPER],
    ['stroke', INK],
    ['stroke-width', t.role === 'system' ? 1.5 : 1],
    ['stroke-dasharray', dashed ? '3 3' : undefined],
  ])}/>`;
  const innerW = r.w - 2 * S.inset.h;
  const spans: string[] = [];
  const paragraphs = t.paragraphs.map((p) => {
    const style: TextStyle = { size: p.size, bold: p.bold };
    const lines = p.text.split('\n').flatMap((part) => wrapText(part, innerW, Number.POSITIVE_INFINITY, style).lines);
    return { p, style, lines, lh: SCREEN_METRICS.lineHeight(p.size) };
  });
  // Centred vertically: a row grown to hold its lane boxes keeps its text in the middle.
  const textH = paragraphs.reduce((h, x) => h + x.lines.length * x.lh, 0);
  let y = r.y + (r.h - textH) / 2;
  for (const { p, style, lines, lh } of paragraphs) {
    const x = p.align === 'center' ? r.x + r.w / 2 : r.x + S.inset.h;
    spans.push(textLines(ctx, lines, x, y + lh / 2 + p.size * 0.35, style, p.align === 'center' ? 'middle' : 'start', lh));
    y += lines.length * lh;
  }
  const id = t.role === 'label' ? `label:${t.key.slice('label:'.length)}` : t.key;
  return `<g${attrs([['data-key', id]])}>${box}${spans.join('')}</g>`;
}

function textLines(ctx: DrawContext, lines: readonly string[], x: number, firstBaseline: number, style: TextStyle, anchor: 'start' | 'middle', lineHeight = style.size * LINE_HEIGHT): string {
  const spans = lines.map((l, i) => `<tspan${attrs([['x', x], ['y', firstBaseline + i * lineHeight]])}>${xmlText(l)}</tspan>`).join('');
  return `<text${attrs([
    ['x', x],
    ['y', firstBaseline],
    ['font-family', ctx.fontFamily],
    ['font-size', style.size],
    ['font-weight', style.bold ? 'bold' : undefined],
    ['text-anchor', anchor === 'start' ? undefined : anchor],
    ['fill', INK],
  ])}>${spans}</text>`;
}

/** The SVG of a pair, laid out and drawn. */
export function exportIntegrationSvg(doc: CrosswalkDocument, pair: SystemPair, options: IntegrationSvgOptions = {}): string {
  return integrationSvg(doc, screenIntegrationView(doc, pair), options);
}

/** The label boxes of a view (for hit areas over the picture). */
export function labelRects(view: IntegrationView): { linkId: string; rect: Rect }[] {
  return view.layout.texts.filter((t) => t.role === 'label').map((t) => ({ linkId: t.key.slice('label:'.length), rect: t.rect }));
}
