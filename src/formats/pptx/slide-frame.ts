import type PptxGenJS from 'pptxgenjs';
import type { CrosswalkDocument, Entity, Link, System } from '../../model/types';
import type { PptxSection } from '../registry';
import { MIN_PT, type Painter, type Rect } from './draw';
import { containRect, parsePicture } from './picture';
import { fitText } from './text-fit';

// What every slide shares: the deck context, the slide layouts with their placeholders,
// the title and the content area.

/** Lookups the slide builders share; built once per deck so large documents stay linear. */
export interface DeckIndex {
  systems: Map<string, System>;
  entities: Map<string, Entity>;
  links: Map<string, Link>;
  entitiesBySystem: Map<string, Entity[]>;
}

/** Builds the shared lookups. */
export function indexDeck(doc: CrosswalkDocument): DeckIndex {
  const entitiesBySystem = new Map<string, Entity[]>();
  for (const e of doc.entities) {
    if (e.system === undefined) continue;
    const list = entitiesBySystem.get(e.system) ?? [];
    list.push(e);
    entitiesBySystem.set(e.system, list);
  }
  return {
    systems: new Map(doc.systems.map((s) => [s.id, s])),
    entities: new Map(doc.entities.map((e) => [e.id, e])),
    links: new Map(doc.links.map((l) => [l.id, l])),
    entitiesBySystem,
  };
}

/** Everything the slide builders need. */
export interface DeckContext {
  pptx: PptxGenJS;
  /** The deck's one font, already made safe for XML attributes. */
  font: string;
  doc: CrosswalkDocument;
  index: DeckIndex;
  /** PNG data URLs of diagram slides the user wants as pictures, by key. */
  pictures: Readonly<Record<string, string>>;
  /** The section of every slide added so far, in order (names the title shapes afterwards). */
  sections: PptxSection[];
}

/** Where a slide's title goes (the title placeholder of every layout but the title slide's). */
// Tall enough for four lines at 12 pt: a pair of systems with 300-character names needs them.
export const TITLE_RECT: Rect = { x: 0.4, y: 0.08, w: 9.2, h: 0.88 };
/** The area under the title. */
export const CONTENT_RECT: Rect = { x: 0.4, y: 1.0, w: 9.2, h: 4.4 };
/** The bullets of a step slide that also shows a diagram. */
export const SIDE_BULLETS_RECT: Rect = { x: 0.4, y: 1.0, w: 2.9, h: 4.4 };
/** The diagram beside them. */
export const SIDE_DIAGRAM_RECT: Rect = { x: 3.55, y: 1.0, w: 6.05, h: 4.4 };
/** The bullets of a step slide whose drawing needs the whole width: a band under the title. */
export const TOP_BULLETS_RECT: Rect = { x: 0.4, y: 1.0, w: 9.2, h: 1.2 };
/** The drawing under them. */
export const BELOW_DIAGRAM_RECT: Rect = { x: 0.4, y: 2.35, w: 9.2, h: 3.05 };
/** The title slide's title and subtitle. */
export const COVER_TITLE: Rect = { x: 0.8, y: 0.9, w: 8.4, h: 1.9 };
export const COVER_BODY: Rect = { x: 1.0, y: 3.0, w: 8.0, h: 2.1 };

/** The slide layouts (pptxgenjs "masters"): each holds exactly the placeholders its slides fill. */
export type SlideLayout = 'cover' | 'cover-title' | 'title-only' | 'bullets' | 'bullets-beside' | 'bullets-above';

const LAYOUT_NAMES: Record<SlideLayout, string> = {
  cover: 'Title Slide',
  'cover-title': 'Title Slide Without Subtitle',
  'title-only': 'Title Only',
  bullets: 'Title and Content',
  'bullets-beside': 'Title and Content Beside',
  'bullets-above': 'Title and Content Above',
};

/**
 * Defines the layouts on the presentation: a title placeholder on each (so PowerPoint's
 * outline, its accessibility checker and a company template see every slide's title), and a
 * body placeholder where the slides put text (the title slide's subtitle, a step's bullets).
 * Only filled placeholders are defined, so no slide shows an empty "Click to add text".
 */
export function defineLayouts(pptx: PptxGenJS, font: string): void {
  const text = { fontFace: font, color: '000000' };
  const title = (r: Rect, extra: object = {}) => ({
    placeholder: { options: { name: 'title', type: 'title' as const, ...r, ...text, fontSize: 24, bold: true, valign: 'bottom' as const, margin: [4, 4, 2, 2] as [number, number, number, number], ...extra }, text: '' },
  });
  const body = (r: Rect, extra: object = {}) => ({
    placeholder: { options: { name: 'body', type: 'body' as const, ...r, ...text, fontSize: 18, valign: 'top' as const, margin: [4, 4, 3, 3] as [number, number, number, number], ...extra }, text: '' },
  });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES.cover, objects: [title(COVER_TITLE, { fontSize: 36, align: 'center' }), body(COVER_BODY, { align: 'center' })] });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES['cover-title'], objects: [title(COVER_TITLE, { fontSize: 36, align: 'center' })] });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES['title-only'], objects: [title(TITLE_RECT)] });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES.bullets, objects: [title(TITLE_RECT), body(CONTENT_RECT)] });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES['bullets-beside'], objects: [title(TITLE_RECT), body(SIDE_BULLETS_RECT)] });
  pptx.defineSlideMaster({ title: LAYOUT_NAMES['bullets-above'], objects: [title(TITLE_RECT), body(TOP_BULLETS_RECT)] });
}

/** Adds a slide (white, the default background) on a layout, and returns a painter for it. */
export function addSlide(ctx: DeckContext, section: PptxSection, layout: SlideLayout = 'title-only'): Painter {
  ctx.sections.push(section);
  return { slide: ctx.pptx.addSlide({ masterName: LAYOUT_NAMES[layout] }), font: ctx.font, texts: [], seq: 0 };
}

/**
 * Writes the slide's title into its title placeholder, from 24 pt down to 12 pt so it fits
 * the placeholder (up to four lines: only 12 pt leaves room for a fourth); never shortened.
 */
export function drawSlideTitle(p: Painter, text: string, rect: Rect = TITLE_RECT, maxPt = 24): void {
  const inset = { h: 4 / 72, v: 2 / 72 };
  const fitted = fitText(text, rect.w - 2 * inset.h, rect.h - 2 * inset.v, { maxPt, minPt: MIN_PT, bold: true, font: p.font, maxLines: 4 });
  p.texts.push(rect);
  p.slide.addText([{ text, options: { fontSize: fitted.size, bold: true } }], { placeholder: 'title' });
}

/**
 * Writes paragraphs into the body placeholder (bullets, or a subtitle), all at one size.
 * `rect` is the placeholder's box (where the layout put it).
 */
export function fillBody(p: Painter, rect: Rect, paragraphs: readonly string[], size: number, bullets: boolean): void {
  p.texts.push(rect);
  p.slide.addText(
    paragraphs.map((text, i) => ({
      text,
      options: {
        fontSize: size,
        breakLine: i < paragraphs.length - 1,
        paraSpaceAfter: Math.round(size * 0.4),
        ...(bullets ? { bullet: { indent: 14 } } : { bullet: false }),
      },
    })),
    { placeholder: 'body' },
  );
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
