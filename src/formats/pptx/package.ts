import type PptxGenJS from 'pptxgenjs';
import type { PptxSection } from '../registry';
import { glueConnectors } from './connectors';
import { dropPhantomOverrides, hasForbiddenXmlChars, renumberShapeIds, splitNoteParagraphs, stripForbiddenXmlChars } from './xml-safety';
import { readStoredZip, ZipWriter } from './zip';

const XML_PART = /\.(xml|rels)$/i;
const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/;
const NOTES_PART = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/;

/**
 * pptxgenjs keeps every slide's objects until it writes the whole deck at once, and then
 * holds every part's XML, an uncompressed zip of them and JSZip's copies together: a deck of
 * 5,000 entities (4,000 slides) reached 2.3 GB. The packager writes the deck in chunks
 * instead: `flush` has pptxgenjs write only the slides added since the last flush (its slide
 * list is swapped for that call — the one use of its internals, pinned by its exact
 * version), finishes their slide and notes parts, compresses them, and empties those slides'
 * objects; `finish` writes the rest of the package from pptxgenjs's output for the emptied
 * deck (presentation, layouts, relationships, media), whose slide numbering matches.
 *
 * Finishing a part: lines marked as connectors become glued connectors and marked shapes
 * groups (connectors.ts); each slide's title placeholder is named after its section
 * (`Title walkthrough`, so scripts and tests can read the deck's structure); each slide's
 * shapes get unique ids; the phantom slide-master overrides leave `[Content_Types].xml`;
 * any character XML 1.0 forbids is stripped (user text was cleaned already: this is the last
 * line of defence); and the package is DEFLATE-compressed (pptxgenjs ignores `compression`
 * when an output type is given).
 */
export class DeckPackager {
  private readonly zip = new ZipWriter();
  private readonly decoder = new TextDecoder();
  private written = 0;

  /** `sections`: the section of every slide, in order, as the deck builder adds them. */
  constructor(
    private readonly pptx: PptxGenJS,
    private readonly sections: readonly PptxSection[],
  ) {}

  /** Slides added and not yet written. */
  get pending(): number {
    return slidesOf(this.pptx).length - this.written;
  }

  /** Writes the slides added since the last flush, and frees what they held. */
  async flush(): Promise<void> {
    const all = slidesOf(this.pptx);
    const chunk = all.slice(this.written);
    if (chunk.length === 0) return;
    let files: Map<string, Uint8Array>;
    setSlides(this.pptx, chunk);
    try {
      files = readStoredZip(toBytes(await this.pptx.write({ outputType: 'uint8array' })));
    } finally {
      setSlides(this.pptx, all);
    }
    for (let i = 1; i <= chunk.length; i++) {
      const number = this.written + i;
      const slide = files.get(`ppt/slides/slide${i}.xml`);
      const notes = files.get(`ppt/notesSlides/notesSlide${i}.xml`);
      if (!slide || !notes) throw new Error(`DeckPackager: pptxgenjs wrote no slide ${i} of a chunk`);
      await this.zip.add(`ppt/slides/slide${number}.xml`, finishSlide(this.decoder.decode(slide), this.sections[number - 1]));
      await this.zip.add(`ppt/notesSlides/notesSlide${number}.xml`, safeXml(splitNoteParagraphs(this.decoder.decode(notes))));
    }
    for (const s of chunk) s._slideObjects = [];
    this.written = all.length;
  }

  /** Writes what is left and returns the package, `[Content_Types].xml` first. */
  async finish(): Promise<Uint8Array> {
    await this.flush();
    const files = readStoredZip(toBytes(await this.pptx.write({ outputType: 'uint8array' })));
    const parts = new Set(files.keys());
    for (const [name, bytes] of files) {
      // Slides and notes come from the chunks; here they are the emptied slides.
      if ((SLIDE_PART.test(name) || NOTES_PART.test(name)) && this.zip.has(name)) continue;
      if (!XML_PART.test(name)) {
        await this.zip.add(name, bytes);
        continue;
      }
      let xml = this.decoder.decode(bytes);
      if (name === '[Content_Types].xml') xml = dropPhantomOverrides(xml, parts);
      await this.zip.add(name, safeXml(xml));
    }
    // [Content_Types].xml first: some readers sniff the first entry.
    return this.zip.finish(['[Content_Types].xml', ...files.keys()]);
  }
}

function finishSlide(xml: string, section: PptxSection | undefined): string {
  return safeXml(glueConnectors(nameTitle(renumberShapeIds(xml), section)));
}

function safeXml(xml: string): string {
  return hasForbiddenXmlChars(xml) ? stripForbiddenXmlChars(xml) : xml;
}

/** The part of a pptxgenjs slide the packager touches. */
interface SlideInternals {
  _slideObjects: unknown[];
}

// pptxgenjs 4.0.1 keeps its slides in `_slides` (the public `slides` getter returns it).
function slidesOf(pptx: PptxGenJS): SlideInternals[] {
  return (pptx as unknown as { _slides: SlideInternals[] })._slides;
}

function setSlides(pptx: PptxGenJS, slides: SlideInternals[]): void {
  (pptx as unknown as { _slides: SlideInternals[] })._slides = slides;
}

function toBytes(written: unknown): Uint8Array {
  if (written instanceof Uint8Array) return written;
  if (written instanceof ArrayBuffer) return new Uint8Array(written);
  throw new Error('DeckPackager: pptxgenjs returned an unexpected output type');
}

/** Names the title placeholder of a slide `Title <section>` (pptxgenjs names it "Text 0"). */
export function nameTitle(slideXml: string, section: PptxSection | undefined): string {
  if (!section) return slideXml;
  return slideXml.replace(/(<p:cNvPr id="\d+" name=")[^"]*("[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph\b[^>]*\btype="title")/, `$1Title ${section}$2`);
}
