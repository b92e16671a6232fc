import type PptxGenJS from 'pptxgenjs';
import type { CrosswalkDocument } from '../../model/types';
import type { PptxSection } from '../registry';
import type { DiagramIndex } from './diagram-view';
import { drawFittedBox, MIN_PT, type Painter, type Rect } from './draw';
import { containRect, parsePicture } from './picture';

// What every slide shares: the deck context, the title band and the content area.

/** Everything the slide builders need. */
export interface DeckContext {
  pptx: PptxGenJS;
  /** The deck's one font, already made safe for XML attributes. */
  font: string;
  doc: CrosswalkDocument;
  index: DiagramIndex;
  /** PNG data URLs of diagram slides the user wants as pictures, by key. */
  pictures: Readonly<Record<string, string>>;
}

/** Where a slide's title goes. */
export const TITLE_RECT: Rect = { x: 0.4, y: 0.18, w: 9.2, h: 0.68 };
/** The area under the title. */
export const CONTENT_RECT: Rect = { x: 0.4, y: 0.95, w: 9.2, h: 4.45 };

/** Adds a slide (white, the default background) and returns a painter for it. */
export function addSlide(ctx: DeckContext): Painter {
  return { slide: ctx.pptx.addSlide(), font: ctx.font };
}

/**
 * Draws a slide title, shrinking from 24 pt down to 12 pt and then shortening it, so any
 * title fits its band. The shape is named after the section so the deck's structure can be
 * read back (tests, scripts) without parsing user text.
 */
export function drawSlideTitle(p: Painter, text: string, section: PptxSection): void {
  drawFittedBox(p, TITLE_RECT, text, { maxPt: 24, minPt: Math.max(MIN_PT, 12), bold: true, maxLines: 2 }, { valign: 'bottom', name: `Title ${section}` });
}

/** Places a picture (a PNG data URL) whole inside an area. */
export function drawPicture(p: Painter, key: string, dataUrl: string, area: Rect): void {
  const picture = parsePicture(key, dataUrl);
  const r = containRect(picture, area);
  p.slide.addImage({ data: picture.dataUrl, x: r.x, y: r.y, w: r.w, h: r.h, objectName: `Picture ${key.replace(/[^\w:-]/g, '_')}` });
}

/** The picture the user supplied for a diagram slide, if any. */
export function pictureFor(ctx: DeckContext, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(ctx.pictures, key) ? ctx.pictures[key] : undefined;
}
