import type { Box, LinkRoute } from '../../model/geometry';
import { cardinalityOf } from '../../model/meaning';
import type { Cardinality, Link, Point } from '../../model/types';
import { cubicBounds, outward, routeCurve, type Cubic } from './curve';
import { blank, INK, LINE, multilineText, PAPER, type DrawContext } from './draw';
import { LABEL_LINE_HEIGHT, LABEL_PAD_Y, LABEL_STYLE, type CanvasLabel } from '../../layout/labels';
import { attrs, num } from './xml';

// Links as paths. End symbols (crow's feet, bars, circles, arrowheads) are explicit shapes,
// not <marker> references: Illustrator, PowerPoint and Inkscape all import plain paths,
// while marker support varies between them.

/** Mapping dash pattern. */
export const MAPPING_DASH = '6 4';
/** Flows are drawn thicker than relations and mappings. */
const FLOW_WIDTH = 2;
/** Half the height of a bar or crow's foot at a relation end. */
const SYMBOL_HALF = 6;
const CIRCLE_R = 4;

/** A drawn link: its line and end symbols, its label (drawn above the boxes, as on the canvas), and the boxes it covers (for the picture's bounds). */
export interface DrawnLink {
  svg: string;
  label: string | undefined;
  covers: Box[];
}

function curvePath(c: Cubic): string {
  return `M${num(c.p0.x)} ${num(c.p0.y)} C${num(c.c1.x)} ${num(c.c1.y)} ${num(c.c2.x)} ${num(c.c2.y)} ${num(c.p1.x)} ${num(c.p1.y)}`;
}

/** Path data and circles for one end of a relation, in crow's-foot notation. */
function cardinalitySymbol(card: Cardinality, at: Point, o: 1 | -1): { d: string; circles: Point[] } {
  const x = (u: number) => num(at.x + o * u);
  const top = num(at.y - SYMBOL_HALF);
  const bottom = num(at.y + SYMBOL_HALF);
  const y = num(at.y);
  const bar = (u: number) => `M${x(u)} ${top}L${x(u)} ${bottom}`;
  // Three prongs meeting on the line 12 px out and touching the box (the middle one is the line).
  const crow = `M${x(12)} ${y}L${x(0)} ${top}M${x(12)} ${y}L${x(0)} ${bottom}`;
  const circle = { x: at.x + o * 18, y: at.y };
  switch (card) {
    case 'exactly-one':
      return { d: bar(8) + bar(14), circles: [] };
    case 'zero-or-one':
      return { d: bar(8), circles: [circle] };
    case 'one-or-more':
      return { d: crow + bar(17), circles: [] };
    case 'zero-or-more':
      return { d: crow, circles: [circle] };
  }
}

/** A filled arrowhead whose tip touches `tip`, pointing into the box on side direction `o`. */
function arrowhead(tip: Point, o: 1 | -1, length: number, half: number): string {
  const bx = tip.x + o * length;
  return `<path${attrs([
    ['d', `M${num(tip.x)} ${num(tip.y)}L${num(bx)} ${num(tip.y - half)}L${num(bx)} ${num(tip.y + half)}Z`],
    ['fill', INK],
    ['stroke', 'none'],
  ])}/>`;
}

/**
 * The label as the canvas places it (src/layout/labels.ts: clear of other labels, tables,
 * notes and system titles; wrapped, never cut): its text on a white box, or — with no room
 * for it — a numbered marker whose text is in a `<title>` and in the picture's legend.
 */
function drawLabel(ctx: DrawContext, placed: CanvasLabel): { svg: string; box: Box } {
  const { box } = placed;
  if (placed.kind === 'marker') {
    const frame = `<rect${attrs([
      ['x', box.x],
      ['y', box.y],
      ['width', box.width],
      ['height', box.height],
      ['rx', 3],
      ['fill', PAPER],
      ['stroke', INK],
      ['stroke-width', LINE],
    ])}/>`;
    const number = multilineText(ctx, [String(placed.number ?? '')], box.x + box.width / 2, box.y + box.height / 2 + LABEL_STYLE.size * 0.35, LABEL_LINE_HEIGHT, { ...LABEL_STYLE, bold: true }, 'middle', placed.text);
    return { svg: frame + number, box };
  }
  const first = box.y + LABEL_PAD_Y + LABEL_LINE_HEIGHT / 2 + LABEL_STYLE.size * 0.35;
  const text = multilineText(ctx, placed.lines, box.x + box.width / 2, first, LABEL_LINE_HEIGHT, LABEL_STYLE, 'middle');
  return { svg: blank(box.x, box.y, box.width, box.height) + text, box };
}

/**
 * Draws a link along its route: relations solid with crow's-foot ends, mappings dashed
 * with an arrowhead, flows thicker with an arrowhead; the label lines are what meaning.ts
 * says the link shows. Its label goes where the canvas puts it (`placed`).
 */
export function drawLink(ctx: DrawContext, link: Link, route: LinkRoute, placed: CanvasLabel | undefined): DrawnLink {
  const oFrom = outward(route.fromSide);
  const oTo = outward(route.toSide);
  const arrow = link.kind === 'relation' ? undefined : link.kind === 'flow' ? { length: 12, half: 5.5 } : { length: 10, half: 4.5 };
  // The line stops at the arrowhead's base, so a thick line cannot blunt the tip.
  const curve = routeCurve(route, 0, arrow ? arrow.length - 1 : 0);
  const parts: string[] = [
    `<path${attrs([
      ['d', curvePath(curve)],
      ['fill', 'none'],
      ['stroke', INK],
      ['stroke-width', link.kind === 'flow' ? FLOW_WIDTH : LINE],
      ['stroke-dasharray', link.kind === 'mapping' ? MAPPING_DASH : undefined],
    ])}/>`,
  ];
  const covers: Box[] = [cubicBounds(curve)];
  if (arrow) {
    parts.push(arrowhead(route.to, oTo, arrow.length, arrow.half));
    covers.push({ x: route.to.x - arrow.length, y: route.to.y - arrow.half, width: 2 * arrow.length, height: 2 * arrow.half });
  }
  const cardinality = cardinalityOf(link);
  if (cardinality) {
    const ends = [cardinalitySymbol(cardinality.from, route.from, oFrom), cardinalitySymbol(cardinality.to, route.to, oTo)];
    parts.push(`<path${attrs([['d', ends.map((e) => e.d).join('')], ['fill', 'none'], ['stroke', INK], ['stroke-width', LINE]])}/>`);
    for (const c of ends.flatMap((e) => e.circles)) {
      parts.push(`<circle${attrs([['cx', c.x], ['cy', c.y], ['r', CIRCLE_R], ['fill', PAPER], ['stroke', INK], ['stroke-width', LINE]])}/>`);
    }
    for (const p of [route.from, route.to]) {
      covers.push({ x: p.x - 24, y: p.y - SYMBOL_HALF, width: 48, height: 2 * SYMBOL_HALF });
    }
  }
  const label = placed && drawLabel(ctx, placed);
  if (label) covers.push(label.box);
  return { svg: `<g>${parts.join('')}</g>`, label: label && `<g>${label.svg}</g>`, covers };
}
