import type JSZip from 'jszip';
import type { PptxSection } from '../registry';
import { glueConnectors } from './connectors';
import { dropPhantomOverrides, hasForbiddenXmlChars, renumberShapeIds, splitNoteParagraphs, stripForbiddenXmlChars } from './xml-safety';

/** JSZip's constructor (JSZip is loaded lazily by the caller, so only its type is imported). */
export type ZipFactory = new () => JSZip;

const XML_PART = /\.(xml|rels)$/i;
const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/;
const NOTES_PART = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;

/**
 * The pass over what pptxgenjs wrote: turns marked lines into glued connectors and marked
 * shapes into groups (connectors.ts), names each slide's title placeholder after its section
 * (`Title walkthrough`, so scripts and tests can read the deck's structure), drops the phantom slide-master overrides from
 * `[Content_Types].xml`, gives each slide's shapes unique ids, strips any character XML
 * 1.0 forbids (user text was cleaned already; this is the last line of defence), and
 * re-zips with DEFLATE — pptxgenjs ignores `compression` when an output type is given.
 */
export async function finalisePackage(bytes: Uint8Array, Zip: ZipFactory, sections: readonly PptxSection[] = []): Promise<Uint8Array> {
  const source = await new Zip().loadAsync(bytes);
  const names = Object.values(source.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const parts = new Set(names);
  const out = new Zip();
  // [Content_Types].xml first: some readers sniff the first entry.
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml')].filter((n) => parts.has(n));
  for (const name of ordered) {
    const entry = source.file(name);
    if (!entry) continue;
    if (!XML_PART.test(name)) {
      out.file(name, await entry.async('uint8array'), { createFolders: false });
      continue;
    }
    let xml = await entry.async('string');
    if (name === '[Content_Types].xml') xml = dropPhantomOverrides(xml, parts);
    const slide = SLIDE_PART.exec(name);
    if (slide) xml = glueConnectors(nameTitle(renumberShapeIds(xml), sections[Number(slide[1]) - 1]));
    if (NOTES_PART.test(name)) xml = splitNoteParagraphs(xml);
    if (hasForbiddenXmlChars(xml)) xml = stripForbiddenXmlChars(xml);
    // No folder entries: they are not parts, and JSZip would store them uncompressed.
    out.file(name, xml, { createFolders: false });
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}

/** Names the title placeholder of a slide `Title <section>` (pptxgenjs names it "Text 0"). */
export function nameTitle(slideXml: string, section: PptxSection | undefined): string {
  if (!section) return slideXml;
  return slideXml.replace(/(<p:cNvPr id="\d+" name=")[^"]*("[^>]*>(?:<\/p:cNvPr>)?<p:cNvSpPr\/><p:nvPr><p:ph\b[^>]*\btype="title")/, `$1Title ${section}$2`);
}
