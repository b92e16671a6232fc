import { focusScope } from '../../model/meaning';
import { isEntityEndpoint, isSystemEndpoint, type Endpoint, type Link, type Step } from '../../model/types';
import { MIN_PT, type Rect } from './draw';
import { laneContent, paginate } from './lane-content';
import { drawLanes } from './lanes-draw';
import { layoutLanes, rankSystems, type LaneLayout } from './lanes';
import {
  addSlide,
  CONTENT_RECT,
  drawPicture,
  drawSlideTitle,
  fillBody,
  pictureFor,
  SIDE_BULLETS_RECT,
  SIDE_DIAGRAM_RECT,
  TOP_BULLETS_RECT,
  BELOW_DIAGRAM_RECT,
  type DeckContext,
  type SlideLayout,
} from './slide-frame';
import { linesHeight, wrapText } from './text-fit';
import { cleanText } from './xml-safety';

// One slide per walkthrough step: its title, its bullets (the layout's body placeholder),
// and what it focuses on drawn natively — systems, the entities with the fields its links
// reach, a box per link with its transform or protocol between them — with its speaker
// notes. When the drawing does not fit beside the bullets, it moves to the slides that
// follow ("(continued)"), full width.

/** Picture key of a walkthrough step's diagram: `step:<step id>`. */
export function stepPictureKey(stepId: string): string {
  return `step:${stepId}`;
}

/** Most slides a step's drawing may continue on; the rest is said in the notes. */
const MAX_DIAGRAM_SLIDES = 4;

/** One unit of a step's drawing: a link, or a system or entity shown alone. */
type Item = { link: Link } | { system: string } | { entity: string };

/**
 * What a step shows, by the one focus rule ({@link focusScope}): the links in its scope
 * (named ones, and those whose both ends are in focus — the mappings between two focused
 * systems too); then the focused systems and entities no shown link reaches.
 */
export function stepItems(ctx: Pick<DeckContext, 'doc' | 'index'>, step: Step): Item[] {
  const focus = new Set(step.focus ?? []);
  const { index } = ctx;
  const scope = focusScope(ctx.doc, step.focus);
  const links = ctx.doc.links.filter((l) => scope.links.has(l.id));
  const reached = new Set<string>();
  for (const l of links) {
    for (const ep of [l.from, l.to]) {
      if (isSystemEndpoint(ep)) reached.add(ep.system);
      else {
        reached.add(ep.entity);
        const system = index.entities.get(ep.entity)?.system;
        if (system !== undefined) reached.add(system);
      }
    }
  }
  const systems = [...focus].filter((id) => index.systems.has(id));
  const entities = [...focus].filter((id) => index.entities.has(id));
  return [
    ...links.map((link) => ({ link })),
    ...systems.filter((s) => !reached.has(s)).map((system) => ({ system })),
    ...entities.filter((e) => !reached.has(e)).map((entity) => ({ entity })),
  ];
}

/** Adds a step's slide (and the slides its drawing continues on); returns how many. */
export function addStepSlides(ctx: DeckContext, step: Step): number {
  const title = cleanText(step.title);
  // A bullet is one paragraph: its own newlines would start new bullets.
  const bullets = (step.bullets ?? []).map((b) => cleanText(b)).filter((b) => b.length > 0);
  const notes = cleanText(step.speakerNotes, { multiline: true });
  const picture = pictureFor(ctx, stepPictureKey(step.id));
  const items = picture === undefined ? stepItems(ctx, step) : [];
  const hasDrawing = picture !== undefined || items.length > 0;

  const bulletsAt = (area: Rect) => bulletSize(ctx, bullets, area);
  const fitsAbove = bullets.length > 0 && bulletsAt(TOP_BULLETS_RECT) !== undefined;
  // Where the drawing goes: beside the bullets, else under them, else (what does not fit) on
  // the slides that follow.
  let layout: SlideLayout = bullets.length === 0 ? 'title-only' : hasDrawing ? 'bullets-beside' : 'bullets';
  let drawing: LaneLayout | undefined;
  let firstArea: Rect | undefined = bullets.length ? undefined : CONTENT_RECT;
  let whole: LaneLayout | undefined;
  if (picture === undefined && items.length > 0) {
    const side = layoutItems(ctx, items, bullets.length ? SIDE_DIAGRAM_RECT : CONTENT_RECT, bullets.length ? 3 : 4);
    const below = side.fits || !fitsAbove ? undefined : layoutItems(ctx, items, BELOW_DIAGRAM_RECT, 4);
    if (side.fits) drawing = side;
    else if (below?.fits) {
      drawing = below;
      layout = 'bullets-above';
    } else {
      // A drawing is better whole on the next slide than cut in two.
      const full = bullets.length ? layoutItems(ctx, items, CONTENT_RECT, 4) : undefined;
      if (full?.fits) {
        whole = full;
        layout = 'bullets';
      } else if (fitsAbove) {
        layout = 'bullets-above';
        firstArea = BELOW_DIAGRAM_RECT;
      } else if (bullets.length) layout = 'bullets';
    }
  }
  const first = addSlide(ctx, 'walkthrough', layout);
  drawSlideTitle(first, title);
  if (notes) first.slide.addNotes(notes);
  const bulletRect = layout === 'bullets-beside' ? SIDE_BULLETS_RECT : layout === 'bullets-above' ? TOP_BULLETS_RECT : CONTENT_RECT;
  if (bullets.length) fillBody(first, bulletRect, bullets, bulletsAt(bulletRect) ?? MIN_PT, true);
  if (picture !== undefined) {
    drawPicture(first, stepPictureKey(step.id), picture, bullets.length ? SIDE_DIAGRAM_RECT : CONTENT_RECT);
    return 1;
  }
  if (items.length === 0) return 1;
  if (drawing) {
    drawLanes(first, drawing);
    return 1;
  }
  if (whole) {
    const p = addSlide(ctx, 'walkthrough');
    drawSlideTitle(p, `${title} (continued)`);
    drawLanes(p, whole);
    return 2;
  }
  let rest = items;
  let count = 1;
  if (firstArea) {
    const area = firstArea;
    const page = paginate(items, (subset) => layoutItems(ctx, subset, area, 4))[0];
    // What does not fit even alone there waits for a whole slide.
    if (page.layout.fits) {
      drawLanes(first, page.layout);
      rest = items.slice(page.items.length);
    }
  }
  const pages = paginate(rest, (subset) => layoutItems(ctx, subset, CONTENT_RECT, 4));
  const shown = pages.slice(0, MAX_DIAGRAM_SLIDES);
  for (const page of shown) {
    const p = addSlide(ctx, 'walkthrough');
    drawSlideTitle(p, `${title} (continued)`);
    drawLanes(p, page.layout);
    count++;
  }
  const left = pages.slice(shown.length).reduce((n, page) => n + page.items.length, 0);
  if (left > 0) first.slide.addNotes(`${left} more links and items of this step are in the appendix.`);
  return count;
}

/** Lays out a step's items: systems in columns by the direction of their links. */
function layoutItems(ctx: DeckContext, items: readonly Item[], area: Rect, maxColumns: number): LaneLayout {
  const { index } = ctx;
  const systemOf = (ep: Endpoint) => (isSystemEndpoint(ep) ? ep.system : isEntityEndpoint(ep) ? index.entities.get(ep.entity)?.system : undefined);
  const links = items.flatMap((it) => ('link' in it ? [it.link] : []));
  const LOOSE = '\u0000loose';
  const key = (s: string | undefined) => (s !== undefined && index.systems.has(s) ? s : LOOSE);
  const involved = new Set<string>();
  for (const it of items) {
    if ('link' in it) [it.link.from, it.link.to].forEach((ep) => involved.add(key(systemOf(ep))));
    else if ('system' in it) involved.add(key(it.system));
    else involved.add(key(index.entities.get(it.entity)?.system));
  }
  const edges = links.map((l): [string, string] => [key(systemOf(l.from)), key(systemOf(l.to))]);
  const ranks = rankSystems([...involved], edges, maxColumns);
  const columns = Math.max(1, ...[...ranks.values()].map((r) => r + 1));
  const build = (headers: boolean) => {
    const content = laneContent(
      index,
      links,
      { systems: items.flatMap((it) => ('system' in it ? [it.system] : [])), entities: items.flatMap((it) => ('entity' in it ? [it.entity] : [])) },
      { column: (ep) => ranks.get(key(systemOf(ep))) ?? 0, columnOfSystem: (s) => ranks.get(key(s)) ?? 0, headers },
    );
    return layoutLanes(columns, content.blocks, content.links, area, ctx.font);
  };
  // System headers name where each entity lives; without them, when that is what makes it fit.
  const withHeaders = build(true);
  if (withHeaders.fits || items.some((it) => 'system' in it)) return withHeaders;
  const without = build(false);
  return without.fits ? without : withHeaders;
}

/** The largest size from 20 pt down to 12 pt at which the bullets fit an area, if any. */
function bulletSize(ctx: DeckContext, bullets: readonly string[], area: Rect): number | undefined {
  const inset = { h: 4 / 72, v: 3 / 72 };
  const width = area.w - 2 * inset.h - 14 / 72;
  const height = area.h - 2 * inset.v;
  const heightAt = (size: number) =>
    bullets.reduce((h, b) => h + linesHeight(wrapText(b, width, size, { font: ctx.font }).length, size) + (size * 0.4) / 72, 0);
  for (let size = 20; size >= MIN_PT; size--) if (heightAt(size) <= height) return size;
  return undefined;
}
