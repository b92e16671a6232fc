import { ENTITY_WIDTH } from '../../model/geometry';
import { COLLAPSED_RESERVE_IN, COLLAPSED_SCALE, drawNameGrid, drawView, MAX_SCALE } from './diagram-draw';
import { focusView, isEmptyView, tileView, wholeView } from './diagram-view';
import { compactView, squeezeView } from './view-compact';
import { chooseDiagramView, chooseStepView, type FittedView } from './view-choice';
import { splitBySystems } from './diagram-split';
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
 * The diagram as native shapes, laid out like the canvas and scaled to fit (compacted when
 * that shows the fields, see chooseDiagramView). When even entity names would fall below
 * 10 pt on one slide, the diagram is split into slides of whole systems ("Diagram (2 of 6)",
 * see diagram-split.ts); a system too large on its own is cut into as few tiles as keep
 * names legible. Nothing is drawn for a document with nothing on its canvas. Returns the
 * number of slides added.
 */
export function addDiagramSlides(ctx: DeckContext): number {
  const picture = pictureFor(ctx, DIAGRAM_PICTURE_KEY);
  if (picture !== undefined) {
    const p = addSlide(ctx);
    drawSlideTitle(p, 'Diagram', 'diagram');
    drawPicture(p, DIAGRAM_PICTURE_KEY, picture, CONTENT_RECT);
    return 1;
  }
  const canvas = wholeView(ctx.index);
  if (isEmptyView(canvas)) return 0;
  const fitted = chooseDiagramView(canvas, CONTENT_RECT);
  if (fitted) {
    const p = addSlide(ctx);
    drawSlideTitle(p, 'Diagram', 'diagram');
    drawView(p, ctx.index, fitted.view, CONTENT_RECT, fitted.plan);
    return 1;
  }
  // Whole systems per slide; only a system too large on its own is cut into tiles.
  const parts: FittedView[] = [];
  for (const part of splitBySystems(compactView(canvas), CONTENT_RECT)) {
    const fit = chooseDiagramView(part, CONTENT_RECT);
    if (fit) {
      parts.push(fit);
      continue;
    }
    const s = tileScale(part.bounds.width, part.bounds.height, CONTENT_RECT);
    for (const tile of tileView(part, CONTENT_RECT.w / s, CONTENT_RECT.h / s, ENTITY_WIDTH, COLLAPSED_RESERVE_IN / s)) {
      parts.push({ view: tile, plan: { mode: 'collapsed', scale: s } });
    }
  }
  parts.forEach((part, i) => {
    const p = addSlide(ctx);
    drawSlideTitle(p, `Diagram (${i + 1} of ${parts.length})`, 'diagram');
    drawView(p, ctx.index, part.view, CONTENT_RECT, part.plan);
  });
  return parts.length;
}

/**
 * The scale of the fewest tiles that cover a diagram of `w` × `h` canvas units with names
 * still legible: the smallest grid whose tiles, each stepping by its span less what an
 * entity started near its edge needs, reach at least COLLAPSED_SCALE; then as large as
 * that grid allows, so the tiles fill their slides.
 */
export function tileScale(w: number, h: number, area: Rect): number {
  const reserveH = COLLAPSED_RESERVE_IN / COLLAPSED_SCALE;
  const scaleFor = (cols: number, rows: number) =>
    Math.min(
      area.w / (Math.max(0, w - ENTITY_WIDTH) / cols + ENTITY_WIDTH),
      area.h / (Math.max(0, h - reserveH) / rows + reserveH),
      MAX_SCALE,
    );
  let best = { tiles: Infinity, scale: COLLAPSED_SCALE };
  for (let cols = 1; cols <= 60; cols++) {
    for (let rows = 1; rows <= 60 && cols * rows <= best.tiles; rows++) {
      const scale = scaleFor(cols, rows);
      if (scale < COLLAPSED_SCALE) continue;
      if (cols * rows < best.tiles || scale > best.scale) best = { tiles: cols * rows, scale };
      break;
    }
  }
  return best.scale;
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
  const fitted = chooseStepView((step.focus ?? []).length ? squeezeView(focused) : focused, area);
  if (fitted) drawView(p, ctx.index, fitted.view, area, fitted.plan);
  else drawNameGrid(p, focused, area);
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
