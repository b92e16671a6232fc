import { fitText, type TextStyle } from './text';
import { attrs, xmlText } from './xml';

// Small writers for the few SVG elements the exporter uses. Every element carries its own
// presentation attributes (no CSS, no inheritance from groups), because PowerPoint's and
// LibreOffice's SVG importers honour attributes on the element most reliably.

/** Black, for every line and letter (plain style). */
export const INK = '#000';
/** White, for every fill. */
export const PAPER = '#fff';
/** The one line width. */
export const LINE = 1;

/** What every drawing function needs: the font-family attribute value. */
export interface DrawContext {
  fontFamily: string;
}

/** Horizontal alignment of a text, as SVG's text-anchor. */
export type Anchor = 'start' | 'middle' | 'end';

/** A rectangle with a white fill and a thin black outline. */
export function rect(x: number, y: number, width: number, height: number, rx = 0): string {
  return `<rect${attrs([
    ['x', x],
    ['y', y],
    ['width', width],
    ['height', height],
    ['rx', rx > 0 ? rx : undefined],
    ['fill', PAPER],
    ['stroke', INK],
    ['stroke-width', LINE],
  ])}/>`;
}

/** A white rectangle with no outline (backgrounds under labels). */
export function blank(x: number, y: number, width: number, height: number): string {
  return `<rect${attrs([
    ['x', x],
    ['y', y],
    ['width', width],
    ['height', height],
    ['fill', PAPER],
  ])}/>`;
}

/** A straight thin line. */
export function line(x1: number, y1: number, x2: number, y2: number, width = LINE): string {
  return `<line${attrs([
    ['x1', x1],
    ['y1', y1],
    ['x2', x2],
    ['y2', y2],
    ['stroke', INK],
    ['stroke-width', width],
  ])}/>`;
}

function textAttrs(ctx: DrawContext, x: number, y: number, style: TextStyle, anchor: Anchor): string {
  return attrs([
    ['x', x],
    ['y', y],
    ['font-family', ctx.fontFamily],
    ['font-size', style.size],
    ['font-weight', style.bold ? 'bold' : undefined],
    ['text-anchor', anchor === 'start' ? undefined : anchor],
    ['fill', INK],
  ]);
}

/** The baseline that centres a line of text of this size on `centreY`. */
export function baseline(centreY: number, style: TextStyle): number {
  return centreY + style.size * 0.35;
}

/**
 * One line of user text, cut with an ellipsis to `maxWidth`. When anything was cut or
 * folded, the text is wrapped in a group whose `<title>` holds it in full (as a tooltip in
 * browsers, an object description in editors), so nothing is lost.
 */
export function fittedText(
  ctx: DrawContext,
  raw: string,
  x: number,
  centreY: number,
  maxWidth: number,
  style: TextStyle,
  anchor: Anchor = 'start',
): string {
  const fitted = fitText(raw, maxWidth, style);
  const el = `<text${textAttrs(ctx, x, baseline(centreY, style), style, anchor)}>${xmlText(fitted.text)}</text>`;
  return fitted.changed ? `<g><title>${xmlText(raw)}</title>${el}</g>` : el;
}

/**
 * Several lines in one `<text>`, one `<tspan>` per line with its own x and y (the form
 * every importer reads), with the full text in a `<title>` when `full` is given.
 */
export function multilineText(
  ctx: DrawContext,
  lines: readonly string[],
  x: number,
  firstBaseline: number,
  lineHeight: number,
  style: TextStyle,
  anchor: Anchor,
  full?: string,
): string {
  const spans = lines
    .map((l, i) => `<tspan${attrs([['x', x], ['y', firstBaseline + i * lineHeight]])}>${xmlText(l)}</tspan>`)
    .join('');
  const el = `<text${textAttrs(ctx, x, firstBaseline, style, anchor)}>${spans}</text>`;
  return full === undefined ? el : `<g><title>${xmlText(full)}</title>${el}</g>`;
}
