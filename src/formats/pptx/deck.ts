import type PptxGenJS from 'pptxgenjs';
import { computeGeometry } from '../../model/geometry';
import type { CrosswalkDocument } from '../../model/types';
import type { ExportOptions, PptxSection } from '../registry';
import { indexDiagram } from './diagram-view';
import { drawFittedBox, MIN_PT } from './draw';
import { addSlide, type DeckContext } from './slide-frame';
import { addMappingSlides } from './slides-mappings';
import { addModelSlides } from './slides-models';
import { addOverviewSlides } from './slides-overview';
import { addDiagramSlides, addStepSlide } from './slides-diagram';
import { cleanFontName, cleanText } from './xml-safety';

/** Every section, in deck order. */
export const ALL_SECTIONS: readonly PptxSection[] = ['title', 'overview', 'diagram', 'models', 'mappings', 'walkthrough'];

/** How many slides each section produced. */
export type SectionCounts = Record<PptxSection, number>;

/**
 * Fills an empty pptxgenjs presentation with the deck of a document: the sections asked
 * for (all by default), always in deck order. Returns the slide count of each section.
 */
export function buildDeck(pptx: PptxGenJS, doc: CrosswalkDocument, options: ExportOptions = {}): SectionCounts {
  const font = cleanFontName(options.font);
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = cleanText(doc.title);
  pptx.author = 'Crosswalk';
  pptx.company = '';
  pptx.subject = '';
  pptx.theme = { headFontFace: font, bodyFontFace: font };

  const ctx: DeckContext = {
    pptx,
    font,
    doc,
    index: indexDiagram(doc, computeGeometry(doc)),
    pictures: options.pictures ?? {},
  };
  const wanted = new Set(options.pptxSections ?? ALL_SECTIONS);
  const counts: SectionCounts = { title: 0, overview: 0, diagram: 0, models: 0, mappings: 0, walkthrough: 0 };
  if (wanted.has('title')) counts.title = addTitleSlide(ctx);
  if (wanted.has('overview')) counts.overview = addOverviewSlides(ctx);
  if (wanted.has('diagram')) counts.diagram = addDiagramSlides(ctx);
  if (wanted.has('models')) counts.models = addModelSlides(ctx);
  if (wanted.has('mappings')) counts.mappings = addMappingSlides(ctx);
  if (wanted.has('walkthrough')) {
    for (const step of doc.walkthrough ?? []) addStepSlide(ctx, step);
    counts.walkthrough = doc.walkthrough?.length ?? 0;
  }
  return counts;
}

function addTitleSlide(ctx: DeckContext): number {
  const p = addSlide(ctx);
  const description = cleanText(ctx.doc.description, { multiline: true });
  const title = cleanText(ctx.doc.title);
  if (!description) {
    drawFittedBox(p, { x: 0.8, y: 1.6, w: 8.4, h: 2.2 }, title, { maxPt: 40, minPt: 16, bold: true, maxLines: 4, align: 'center' }, { name: 'Title title' });
    return 1;
  }
  drawFittedBox(p, { x: 0.8, y: 0.9, w: 8.4, h: 1.9 }, title, { maxPt: 40, minPt: 16, bold: true, maxLines: 4, align: 'center' }, { valign: 'bottom', name: 'Title title' });
  drawFittedBox(p, { x: 1.0, y: 3.0, w: 8.0, h: 2.1 }, description, { maxPt: 18, minPt: MIN_PT, align: 'center' }, { valign: 'top', name: 'Description' });
  return 1;
}
