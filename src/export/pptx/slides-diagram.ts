import { COLLAPSED_RESERVE_IN, COLLAPSED_SCALE, drawNameGrid, drawView, planView, type ViewPlan } from './diagram-draw';
import { focusView, isEmptyView, tileView, wholeView, type DiagramView } from './diagram-view';
import { squeezeView, swimlaneView } from './view-compact';
import { MIN_PT, type Rect } from './draw';
import { addSlide, CONTENT_RECT, drawPicture, drawSlideTitle, pictureFor, type DeckContext } from './slide-frame';
import { fitText, linesHeight, wrapText } from './text-fit';
import { cleanText } from './xml-safety';
import type { Step } from '../../model/types';

/** Picture key of the diagram slide. */
export const DIAGRAM_PICTURE_KEY = 'diagram';
/** Picture key of a walkthrough step's diagram: `step:<step id>`. */
export function stepPictureKey(stepId: string): string {
  return `step:${stepId}`;
}

/**
 * The diagram as native shapes, laid out like the canvas and scaled to fit. When even
 * entity names would fall below 10 pt on one slide, the diagram is cut into tiles, one
 * slide each ("Diagram (2 of 6)"), drawn at the smallest legible scale. Nothing is drawn
 * for a document with nothing on its canvas. Returns the number of slides added.
 */
export function addDiagramSlides(ctx: DeckContext): number {
  const picture = pictureFor(ctx, DIAGRAM_PICTURE_KEY);
  if (picture !== undefined) {
    const p = addSlide(ctx);
    drawSlideTitle(p, 'Diagram', 'diagram');
    drawPicture(p, DIAGRAM_PICTURE_KEY, picture, CONTENT_RECT);
    return 1;
  }
  const view = wholeView(ctx.index);
  if (isEmptyView(view)) return 0;
  const plan = planView(view, CONTENT_RECT);
  if (plan.mode !== 'too-large') {
    const p = addSlide(ctx);
    drawSlideTitle(p, 'Diagram', 'diagram');
    drawView(p, ctx.index, view, CONTENT_RECT, plan);
    return 1;
  }
  const s = COLLAPSED_SCALE;
  const tiles = tileView(view, CONTENT_RECT.w / s, CONTENT_RECT.h / s, undefined, COLLAPSED_RESERVE_IN / s);
  tiles.forEach((tile, i) => {
    const p = addSlide(ctx);
    drawSlideTitle(p, `Diagram (${i + 1} of ${tiles.length})`, 'diagram');
    drawView(p, ctx.index, tile, CONTENT_RECT, { mode: 'collapsed', scale: s });
  });
  return tiles.length;
}

/**
 * One slide per walkthrough step: its title, its bullets on the left, and the part of the
 * diagram it focuses on, scaled to fill the rest; its speaker notes become the slide notes.
 */
export function addStepSlide(ctx: DeckContext, step: Step): void {
  const p = addSlide(ctx);
  drawSlideTitle(p, cleanText(step.title), 'walkthrough');
  // A bullet is one paragraph: its own newlines would start new bullets.
  const bullets = (step.bullets ?? []).map((b) => cleanText(b)).filter((b) => b.length > 0);
  let area: Rect = CONTENT_RECT;
  if (bullets.length) {
    const bulletArea = { x: CONTENT_RECT.x, y: CONTENT_RECT.y, w: 3.3, h: CONTENT_RECT.h };
    drawBullets(ctx, p, bullets, bulletArea);
    area = { x: bulletArea.x + bulletArea.w + 0.25, y: CONTENT_RECT.y, w: CONTENT_RECT.w - bulletArea.w - 0.25, h: CONTENT_RECT.h };
  }
  const notes = cleanText(step.speakerNotes, { multiline: true });
  if (notes) p.slide.addNotes(notes);

  const key = stepPictureKey(step.id);
  const picture = pictureFor(ctx, key);
  if (picture !== undefined) {
    drawPicture(p, key, picture, area);
    return;
  }
  const focused = focusView(ctx.index, step);
  if (isEmptyView(focused)) return;
  const fitted = fitStepView((step.focus ?? []).length ? squeezeView(focused) : focused, area);
  if (fitted) drawView(p, ctx.index, fitted.view, area, fitted.plan);
  else drawNameGrid(p, focused, area);
}

/** Title-only entities in a re-laid-out step view are this tall (canvas units). */
const SHORT_ENTITY = 64;

/**
 * How a step's view is drawn, most readable first: the canvas layout with full tables;
 * each system set out as a column of full tables (a step is about fields, so that beats
 * names only); the canvas layout with names only; columns of names. Undefined when not
 * even names are legible.
 */
function fitStepView(view: DiagramView, area: Rect): { view: DiagramView; plan: ViewPlan } | undefined {
  const plan = planView(view, area);
  if (plan.mode === 'detail') return { view, plan };
  const aspect = area.w / area.h;
  const tall = swimlaneView(view, (e) => e.box.height, aspect);
  const tallPlan = planView(tall, area);
  if (tallPlan.mode === 'detail') return { view: tall, plan: tallPlan };
  if (plan.mode === 'collapsed') return { view, plan };
  const short = swimlaneView(view, () => SHORT_ENTITY, aspect);
  const shortPlan = planView(short, area);
  // Boxes this short hold names only, whatever the scale.
  return shortPlan.mode === 'too-large' ? undefined : { view: short, plan: { mode: 'collapsed', scale: shortPlan.scale } };
}

const BULLET_INDENT_IN = 12 / 72;

/** Bullets from 18 pt down to 10 pt; at 10 pt, the bullets that fit and an ellipsis. */
function drawBullets(ctx: DeckContext, p: ReturnType<typeof addSlide>, bullets: string[], area: Rect): void {
  const inset = { h: 0.06, v: 0.04 };
  const width = area.w - 2 * inset.h - BULLET_INDENT_IN;
  const height = area.h - 2 * inset.v;
  const spacing = (size: number) => (size * 0.4) / 72;
  const heightAt = (size: number, items: string[]) =>
    items.reduce((h, b) => h + linesHeight(wrapText(b, width, size, { font: ctx.font }).length, size) + spacing(size), 0);
  let size = 18;
  while (size > MIN_PT && heightAt(size, bullets) > height) size--;
  let items = bullets;
  if (heightAt(size, items) > height) {
    // Keep whole bullets while they fit, then the next one shortened to what is left.
    const kept: string[] = [];
    let used = 0;
    for (const b of bullets) {
      const h = heightAt(size, [b]);
      if (used + h <= height) {
        kept.push(b);
        used += h;
        continue;
      }
      const room = height - used - spacing(size);
      if (room >= linesHeight(1, size)) kept.push(oneParagraph(fitText(b, width, room, { maxPt: size, minPt: size, font: ctx.font }).text));
      break;
    }
    items = kept.length ? kept : [oneParagraph(fitText(bullets[0], width, height, { maxPt: size, minPt: size, font: ctx.font }).text)];
  }
  if (items.length === 0) return;
  p.slide.addText(
    items.map((text, i) => ({
      text,
      options: { bullet: { indent: 12 }, breakLine: i < items.length - 1, paraSpaceAfter: size * 0.4 },
    })),
    {
      ...area,
      fontFace: ctx.font,
      fontSize: size,
      color: '000000',
      valign: 'top',
      margin: [inset.h * 72, inset.h * 72, inset.v * 72, inset.v * 72],
      wrap: true,
      objectName: 'Bullets',
    },
  );
}

function oneParagraph(text: string): string {
  return text.replace(/\n/g, ' ');
}
