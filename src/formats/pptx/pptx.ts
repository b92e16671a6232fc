import type { CrosswalkDocument } from '../../model/types';
import type { ExportOptions } from '../registry';
import { buildDeck } from './deck';
import { finalisePackage } from './package';

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
 * pptxgenjs and JSZip are loaded here, on first use, to keep them out of the app's first
 * load. Works in Node and in the browser.
 */
export async function exportPptx(doc: CrosswalkDocument, options?: ExportOptions): Promise<Uint8Array> {
  const [{ default: PptxGenJS }, { default: JSZip }] = await Promise.all([import('pptxgenjs'), import('jszip')]);
  const pptx = new PptxGenJS();
  const { sections } = buildDeck(pptx, doc, options);
  const written = await pptx.write({ outputType: 'uint8array' });
  return finalisePackage(toBytes(written), JSZip, sections);
}

function toBytes(written: unknown): Uint8Array {
  if (written instanceof Uint8Array) return written;
  if (written instanceof ArrayBuffer) return new Uint8Array(written);
  throw new Error('exportPptx: pptxgenjs returned an unexpected output type');
}
