import { computeGeometry, routeLink, unionBoxes, type Box } from '../../model/geometry';
import { isSystemEndpoint, type CrosswalkDocument, type Entity, type Link } from '../../model/types';
import { blank, multilineText, type DrawContext } from './draw';
import { drawLink } from './edges';
import { placeCanvasLabels, type CanvasLabel } from '../../layout/labels';
import { drawEntity, drawNote, drawSystem } from './nodes';
import { resolveDrawnSet } from './select';
import { singleLine, wrapText, type TextStyle } from './text';
import { attrs, num, xmlText } from './xml';

/** Options of the SVG export. */
export interface SvgExportOptions {
  /** Ids of systems, entities, notes and links to draw (a selection export); default: everything. */
  only?: readonly string[];
  /** Space around the drawing, in px (default 20). */
  padding?: number;
  /** The one font (default Arial); generic fallbacks are appended. */
  font?: string;
}

const DEFAULT_PADDING = 20;

/**
 * Exports the diagram as a standalone SVG 1.1 document: a true vector drawing (boxes,
 * text, paths; no foreignObject, no script, no CSS) made from the document's geometry, in
 * plain black on white, that browsers, Illustrator, Inkscape and PowerPoint open. Text too
 * wide for its box is cut with an ellipsis and kept whole in a `<title>`. Deterministic:
 * the same document and options always give the same string.
 */
export function exportSvg(doc: CrosswalkDocument, options: SvgExportOptions = {}): string {
  const geo = computeGeometry(doc);
  const drawn = resolveDrawnSet(doc, options.only);
  const ctx: DrawContext = { fontFamily: fontFamily(options.font) };
  const padding = options.padding !== undefined && Number.isFinite(options.padding) ? Math.max(0, options.padding) : DEFAULT_PADDING;

  const covered: Box[] = [];
  const layers = { systems: [] as string[], links: [] as string[], entities: [] as string[], labels: [] as string[], notes: [] as string[] };

  for (const s of doc.systems) {
    const box = geo.systems.get(s.id);
    if (!box || !drawn.systems.has(s.id)) continue;
    layers.systems.push(drawSystem(ctx, s, box));
    covered.push(box);
  }
  // Labels go where the canvas puts them; a marker's text is listed in a legend below.
  const placed = new Map(placeCanvasLabels(doc, geo).map((p) => [p.id, p]));
  const markers: CanvasLabel[] = [];
  const entityById = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  for (const l of doc.links) {
    if (!drawn.links.has(l.id)) continue;
    const route = routeLink(endsOnly(doc, entityById, l), geo, l);
    if (!route) continue;
    const label = placed.get(l.id);
    if (label?.kind === 'marker') markers.push(label);
    const d = drawLink(ctx, l, route, label);
    layers.links.push(d.svg);
    if (d.label !== undefined) layers.labels.push(d.label);
    covered.push(...d.covers);
  }
  for (const e of doc.entities) {
    const box = geo.entities.get(e.id);
    if (!box || !drawn.entities.has(e.id)) continue;
    layers.entities.push(drawEntity(ctx, e, box));
    covered.push(box);
  }
  for (const n of doc.notes ?? []) {
    const box = geo.notes.get(n.id);
    if (!box || !drawn.notes.has(n.id)) continue;
    layers.notes.push(drawNote(ctx, n, box));
    covered.push(box);
  }

  if (markers.length > 0) {
    const legend = drawLegend(ctx, markers, unionBoxes(covered));
    layers.notes.push(legend.svg);
    covered.push(legend.box);
  }
  const b = unionBoxes(covered);
  const x = b.x - padding;
  const y = b.y - padding;
  const width = Math.max(1, b.width + 2 * padding);
  const height = Math.max(1, b.height + 2 * padding);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs([
      ['width', width],
      ['height', height],
      ['viewBox', `${num(x)} ${num(y)} ${num(width)} ${num(height)}`],
    ])}>`,
    `<title>${xmlText(doc.title)}</title>`,
  ];
  if (doc.description !== undefined && doc.description !== '') out.push(`<desc>${xmlText(doc.description)}</desc>`);
  out.push(blank(x, y, width, height));
  // As on the canvas: edges over systems but under entities, edge labels over entities.
  for (const layer of [layers.systems, layers.links, layers.entities, layers.labels, layers.notes]) {
    if (layer.length > 0) out.push('<g>', ...layer, '</g>');
  }
  out.push('</svg>', '');
  return out.join('\n');
}

const LEGEND_WIDTH = 640;
const LEGEND_TEXT: TextStyle = { size: 12 };
const LEGEND_LINE = 16;

/** The texts of the labels drawn as numbered markers, listed under the drawing. */
function drawLegend(ctx: DrawContext, markers: readonly CanvasLabel[], drawing: Box): { svg: string; box: Box } {
  const x = drawing.x;
  let y = drawing.y + drawing.height + 24;
  const top = y;
  const parts: string[] = [];
  parts.push(multilineText(ctx, ['Labels shown as numbers'], x, y + LEGEND_LINE * 0.7, LEGEND_LINE, { ...LEGEND_TEXT, bold: true }, 'start'));
  y += LEGEND_LINE + 4;
  for (const m of [...markers].sort((a, b) => (a.number ?? 0) - (b.number ?? 0))) {
    const { lines } = wrapText(m.text, LEGEND_WIDTH, Number.MAX_SAFE_INTEGER, LEGEND_TEXT);
    const shown = lines.length > 0 ? lines : [''];
    parts.push(multilineText(ctx, [`${m.number ?? ''}`], x, y + LEGEND_LINE * 0.7, LEGEND_LINE, { ...LEGEND_TEXT, bold: true }, 'start'));
    parts.push(multilineText(ctx, shown, x + 32, y + LEGEND_LINE * 0.7, LEGEND_LINE, LEGEND_TEXT, 'start'));
    y += shown.length * LEGEND_LINE + 4;
  }
  return { svg: `<g>${parts.join('')}</g>`, box: { x, y: top, width: LEGEND_WIDTH + 32, height: y - top } };
}

/**
 * A view of the document holding only a link's end entities. routeLink looks entities up
 * by scanning `doc.entities`; handing it just the two ends keeps the export linear in the
 * size of the document.
 */
function endsOnly(doc: CrosswalkDocument, byId: ReadonlyMap<string, Entity>, link: Link): CrosswalkDocument {
  const ends: Entity[] = [];
  for (const ep of [link.from, link.to]) {
    if (isSystemEndpoint(ep)) continue;
    const e = byId.get(ep.entity);
    if (e) ends.push(e);
  }
  return { ...doc, entities: ends };
}

/**
 * The font-family attribute: the chosen font, then Arial and the generic sans-serif (the
 * text measurements assume Arial-like widths). Names that are not plain words are quoted.
 */
export function fontFamily(font: string | undefined): string {
  const name = singleLine(font ?? '').replace(/["'\\;{}<>,]/g, '').trim();
  const quote = (n: string) => (/^[A-Za-z][A-Za-z -]*$/.test(n) ? n : `'${n}'`);
  const chosen = name === '' ? 'Arial' : quote(name);
  return [chosen, 'Arial', 'Helvetica', 'sans-serif'].filter((f, i, all) => all.indexOf(f) === i).join(', ');
}
