import type PptxGenJS from 'pptxgenjs';
import type { PptxSection } from '../registry';
import { glueConnectors } from './connectors';
import { dropPhantomOverrides, hasForbiddenXmlChars, renumberShapeIds, splitNoteParagraphs, stripForbiddenXmlChars } from './xml-safety';
import { readStoredZip, ZipWriter } from './zip';

const XML_PART = /\.(xml|rels)$/i;

/**
 * pptxgenjs keeps every slide's objects until it writes the whole deck at once, and then
 * holds every part's XML, an uncompressed zip of them and JSZip's copies together: a deck of
 * 5,000 entities (4,000 slides) reached 2.3 GB. The packager writes the deck in chunks
 * instead: `flush` has pptxgenjs write only the slides added since the last flush (its slide
 * list is swapped for that call — the one use of its internals, pinned by its exact
 * version), finishes their parts (slide, notes and their relationships, renumbered from the
 * chunk's numbering to the deck's), compresses them, and empties those slides' objects.
 * `finish` takes the deck-wide parts (theme, layouts, masters) from the last chunk and
 * writes the four that list every slide (presentation, its relationships, content types,
 * app properties) for the whole deck, as pptxgenjs would have.
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
  /** The deck-wide parts of the last chunk written, in pptxgenjs's order. */
  private shared: Map<string, Uint8Array> | undefined;

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
    if (chunk.length === 0 && this.shared) return;
    let files: Map<string, Uint8Array>;
    setSlides(this.pptx, chunk);
    try {
      files = readStoredZip(toBytes(await this.pptx.write({ outputType: 'uint8array' })));
    } finally {
      setSlides(this.pptx, all);
    }
    const shared = new Map<string, Uint8Array>();
    for (const [name, bytes] of files) {
      const part = PER_SLIDE_PART.exec(name);
      if (!part) {
        if (name.startsWith('ppt/media/')) await this.zip.add(name, bytes);
        else shared.set(name, bytes.slice());
        continue;
      }
      const number = this.written + Number(part[2]);
      const global = name.replace(/\d+(?=\.xml)/, String(number));
      let xml = this.decoder.decode(bytes);
      if (part[1] === 'slides/slide') xml = finishSlide(xml, this.sections[number - 1]);
      else if (part[1] === 'notesSlides/notesSlide') xml = splitNoteParagraphs(xml);
      else if (part[1] === 'slides/_rels/slide') xml = xml.replace(/(\.\.\/notesSlides\/notesSlide)(\d+)(?=\.xml)/g, (_, p: string, n: string) => `${p}${this.written + Number(n)}`);
      else xml = xml.replace(/(\.\.\/slides\/slide)(\d+)(?=\.xml)/g, (_, p: string, n: string) => `${p}${this.written + Number(n)}`);
      await this.zip.add(global, safeXml(xml));
    }
    for (const s of chunk) s._slideObjects = [];
    this.shared = shared;
    this.written = all.length;
  }

  /** Writes what is left and returns the package, `[Content_Types].xml` first. */
  async finish(): Promise<Uint8Array> {
    await this.flush();
    const slides = slidesOf(this.pptx);
    const shared = this.shared!;
    const names = [...shared.keys()];
    const parts = new Set([...names, ...this.zip.names()]);
    for (const [name, bytes] of shared) {
      if (!XML_PART.test(name)) {
        await this.zip.add(name, bytes);
        continue;
      }
      let xml = this.decoder.decode(bytes);
      if (name === '[Content_Types].xml') xml = dropPhantomOverrides(listSlideTypes(xml, slides.length), parts);
      else if (name === 'ppt/presentation.xml') xml = listSlideIds(xml, slides);
      else if (name === 'ppt/_rels/presentation.xml.rels') xml = presentationRels(slides.length);
      else if (name === 'docProps/app.xml') xml = countSlides(xml, slides.length);
      await this.zip.add(name, safeXml(xml));
    }
    // [Content_Types].xml first: some readers sniff the first entry.
    return this.zip.finish(['[Content_Types].xml', ...names]);
  }
}

/** A slide's own parts, as pptxgenjs names them: slide, its relationships, notes, theirs. */
const PER_SLIDE_PART = /^ppt\/(slides\/slide|slides\/_rels\/slide|notesSlides\/notesSlide|notesSlides\/_rels\/notesSlide)(\d+)\.xml(?:\.rels)?$/;

const TYPE = 'application/vnd.openxmlformats-officedocument.presentationml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `[Content_Types].xml` with a slide and a notes override per slide of the deck (the chunk listed its own). */
function listSlideTypes(xml: string, count: number): string {
  const rest = xml.replace(/<Override PartName="\/ppt\/(?:slides\/slide|notesSlides\/notesSlide)\d+\.xml"[^>]*\/>/g, '');
  const overrides: string[] = [];
  for (let i = 1; i <= count; i++) {
    overrides.push(`<Override PartName="/ppt/slides/slide${i}.xml" ContentType="${TYPE}.slide+xml"/>`, `<Override PartName="/ppt/notesSlides/notesSlide${i}.xml" ContentType="${TYPE}.notesSlide+xml"/>`);
  }
  return rest.replace('</Types>', `${overrides.join('')}</Types>`);
}

/** `presentation.xml` listing every slide of the deck, the notes master's relationship after them. */
function listSlideIds(xml: string, slides: readonly SlideInternals[]): string {
  const ids = slides.map((s) => `<p:sldId id="${s._slideId}" r:id="rId${s._rId}"/>`).join('');
  return xml
    .replace(/<p:sldIdLst>[\s\S]*?<\/p:sldIdLst>|<p:sldIdLst\/>/, `<p:sldIdLst>${ids}</p:sldIdLst>`)
    .replace(/(<p:notesMasterId r:id="rId)\d+/, `$1${slides.length + 2}`);
}

/** `ppt/_rels/presentation.xml.rels` of a deck of `count` slides, numbered as pptxgenjs numbers them. */
function presentationRels(count: number): string {
  const rels = [`<Relationship Id="rId1" Type="${REL}/slideMaster" Target="slideMasters/slideMaster1.xml"/>`];
  for (let i = 1; i <= count; i++) rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/slide" Target="slides/slide${i}.xml"/>`);
  const next = count + 2;
  rels.push(
    `<Relationship Id="rId${next}" Type="${REL}/notesMaster" Target="notesMasters/notesMaster1.xml"/>`,
    `<Relationship Id="rId${next + 1}" Type="${REL}/presProps" Target="presProps.xml"/>`,
    `<Relationship Id="rId${next + 2}" Type="${REL}/viewProps" Target="viewProps.xml"/>`,
    `<Relationship Id="rId${next + 3}" Type="${REL}/theme" Target="theme/theme1.xml"/>`,
    `<Relationship Id="rId${next + 4}" Type="${REL}/tableStyles" Target="tableStyles.xml"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** `docProps/app.xml` counting the deck's slides (and naming each, as pptxgenjs does). */
function countSlides(xml: string, count: number): string {
  const titles = Array.from({ length: count }, (_, i) => `<vt:lpstr>Slide ${i + 1}</vt:lpstr>`).join('');
  return xml
    .replace(/<Slides>\d+<\/Slides>/, `<Slides>${count}</Slides>`)
    .replace(/<Notes>\d+<\/Notes>/, `<Notes>${count}</Notes>`)
    .replace(/(<vt:lpstr>Slide Titles<\/vt:lpstr><\/vt:variant>\s*<vt:variant><vt:i4>)\d+/, `$1${count}`)
    .replace(/<vt:vector size="\d+" baseType="lpstr">/, `<vt:vector size="${count + 3}" baseType="lpstr">`)
    .replace(/(?:<vt:lpstr>Slide \d+<\/vt:lpstr>)+|(?<=<vt:lpstr>Office Theme<\/vt:lpstr>\s*)(?=\s*<\/vt:vector>)/, titles);
}

function finishSlide(xml: string, section: PptxSection | undefined): string {
  return glueConnectors(nameTitle(renumberShapeIds(xml), section));
}

function safeXml(xml: string): string {
  return hasForbiddenXmlChars(xml) ? stripForbiddenXmlChars(xml) : xml;
}

/** The parts of a pptxgenjs slide the packager touches. */
interface SlideInternals {
  _slideObjects: unknown[];
  _slideId: number;
  _rId: number;
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
