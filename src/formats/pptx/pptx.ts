import type { CrosswalkDocument } from '../../model/types';
import type { ExportOptions, PptxSection } from '../registry';
import { buildDeck } from './deck';
import { DeckPackager } from './package';

/** Slides held before they are written out: bounds memory whatever the deck's length. */
const CHUNK_SLIDES = 50;

/**
 * Exports a document as a PowerPoint deck (16:9, black on white, one font, every box,
 * table, line and text native and editable, every line a connector glued to its boxes,
 * every slide titled in its title placeholder): the talk first — title slide, a slide per
 * walkthrough step with its speaker notes — then the appendix: system overview, an
 * integration slide per pair of systems, data models, mapping tables.
 * `options.pptxSections` picks the slide groups, `options.font` the font (Arial by
 * default), and `options.pictures` turns step drawings into pictures: keys `overview` and
 * `step:<step id>`, values PNG data URLs.
 *
 * Slides are written out and compressed fifty at a time, so time and memory grow with
 * the deck's length and no more (DeckPackager). pptxgenjs is loaded here, on first use, to
 * keep it out of the app's first load. Works in Node and in the browser.
 */
export async function exportPptx(doc: CrosswalkDocument, options?: ExportOptions): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  const sections: PptxSection[] = [];
  const packager = new DeckPackager(pptx, sections);
  const deck = buildDeck(pptx, doc, options, sections);
  while (!deck.next().done) if (packager.pending >= CHUNK_SLIDES) await packager.flush();
  return packager.finish();
}
