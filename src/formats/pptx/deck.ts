import type PptxGenJS from 'pptxgenjs';
import type { CrosswalkDocument } from '../../model/types';
import type { ExportOptions, PptxSection } from '../registry';
import { addSlide, COVER_BODY, COVER_TITLE, defineLayouts, drawSlideTitle, fillBody, indexDeck, type DeckContext } from './slide-frame';
import { addCoverageSlides } from './slides-coverage';
import { addIntegrationSlides } from './slides-integrations';
import { addMappingSlides } from './slides-mappings';
import { addModelSlides } from './slides-models';
import { addOverviewSlides } from './slides-overview';
import { addStepSlides } from './slides-steps';
import { fitText } from './text-fit';
import { MIN_PT } from './draw';
import { cleanFontName, cleanText } from './xml-safety';

/** Every section, in deck order: the talk, then the appendix. */
export const ALL_SECTIONS: readonly PptxSection[] = ['title', 'walkthrough', 'overview', 'integrations', 'coverage', 'models', 'mappings'];

/** How many slides each section produced, and the section of every slide in order. */
export interface DeckOutline {
  counts: Record<PptxSection, number>;
  sections: PptxSection[];
}

/**
 * Fills an empty pptxgenjs presentation with the deck of a document: the sections asked
 * for (all by default), always in deck order — the talk (title slide, a slide per
 * walkthrough step) first, then the appendix (overview, integrations, coverage, data
 * models, mapping tables). A generator: it pauses after each pair of systems, system or
 * page of slides, so the caller can write out the slides added so far (DeckPackager) and
 * a large deck never sits in memory whole. `sections` receives the section of every slide
 * as it is added.
 */
export function* buildDeck(pptx: PptxGenJS, doc: CrosswalkDocument, options: ExportOptions = {}, sections: PptxSection[] = []): Generator<void, DeckOutline> {
  const font = cleanFontName(options.font);
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = cleanText(doc.title);
  pptx.author = 'Crosswalk';
  pptx.company = '';
  pptx.subject = '';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  defineLayouts(pptx, font);

  const ctx: DeckContext = { pptx, font, doc, index: indexDeck(doc), pictures: options.pictures ?? {}, sections };
  const wanted = new Set(options.pptxSections ?? ALL_SECTIONS);
  const counts: Record<PptxSection, number> = { title: 0, walkthrough: 0, overview: 0, integrations: 0, coverage: 0, models: 0, mappings: 0 };
  if (wanted.has('title')) counts.title = addTitleSlide(ctx);
  if (wanted.has('walkthrough')) for (const step of doc.walkthrough ?? []) counts.walkthrough += addStepSlides(ctx, step);
  if (wanted.has('overview')) counts.overview = addOverviewSlides(ctx);
  if (wanted.has('integrations')) counts.integrations = yield* addIntegrationSlides(ctx);
  if (wanted.has('coverage')) counts.coverage = yield* addCoverageSlides(ctx);
  if (wanted.has('models')) counts.models = yield* addModelSlides(ctx);
  if (wanted.has('mappings')) counts.mappings = yield* addMappingSlides(ctx);
  return { counts, sections: ctx.sections };
}

function addTitleSlide(ctx: DeckContext): number {
  const description = cleanText(ctx.doc.description, { multiline: true });
  const p = addSlide(ctx, 'title', description ? 'cover' : 'cover-title');
  drawSlideTitle(p, cleanText(ctx.doc.title), COVER_TITLE, 36);
  if (description) {
    const body = COVER_BODY;
    const size = fitText(description, body.w - 0.12, body.h - 0.1, { maxPt: 18, minPt: MIN_PT, font: ctx.font }).size;
    fillBody(p, body, description.split('\n'), size, false);
  }
  return 1;
}
