import { beforeAll, describe, expect, it } from 'vitest';
import { exportPptx } from '../../../src/formats/pptx/pptx';
import { boxesOf, fontSizesOf, notesText, readDeck, xmllintProblems, type Deck } from './deck-reader';
import { hostileDocument, largeDocument, loadExamples } from './fixtures';

// The package itself: valid XML whatever the names hold, every shape on its slide, no text
// under 12 pt, and the pptxgenjs defects of STACK-NOTES mended.

const SLIDE_W = 9144000;
const SLIDE_H = 5143500;

/** Every DEFLATE-or-not method of a zip's entries, read from its central directory. */
function zipMethods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const methods: number[] = [];
  for (let i = 0; i < entries; i++) {
    methods.push(view.getUint16(at + 10, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return methods;
}

const cases = [
  ...loadExamples().map(({ name, doc }) => ({ name, doc })),
  { name: 'hostile document', doc: hostileDocument() },
  { name: '500-entity document', doc: largeDocument(500) },
];

describe.each(cases)('the package of the $name', ({ doc }) => {
  let bytes: Uint8Array;
  let deck: Deck;
  // How long an export takes is measured by `npm run bench`, not asserted here: a timing
  // bound fails on a busy machine without anything being wrong.
  beforeAll(async () => {
    bytes = await exportPptx(doc);
    deck = await readDeck(bytes);
  }, 120_000);

  it('keeps every shape on the slide and every text at 12 pt or more', () => {
    for (const slide of deck.slides) {
      const boxes = boxesOf(slide.xml);
      expect(boxes.length, `slide ${slide.number}`).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.x, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.y, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.cx, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.cy, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.cx, `slide ${slide.number}`).toBeLessThanOrEqual(SLIDE_W);
        expect(b.y + b.cy, `slide ${slide.number}`).toBeLessThanOrEqual(SLIDE_H);
      }
      const sizes = fontSizesOf(slide.xml);
      expect(sizes.length, `slide ${slide.number}`).toBeGreaterThan(0);
      for (const sz of sizes) expect(sz, `slide ${slide.number}`).toBeGreaterThanOrEqual(1200);
    }
  });

  it('is well-formed XML throughout (xmllint) with no character XML 1.0 forbids', () => {
    expect(xmllintProblems(deck.rawParts)).toBe('');
    for (const [part, raw] of deck.rawParts) {
      const text = new TextDecoder().decode(raw);
      // eslint-disable-next-line no-control-regex -- the very characters XML 1.0 forbids
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text), part).toBe(false);
    }
  });

  it('writes paragraphs as the schema orders them and one id per shape', () => {
    for (const slide of deck.slides) {
      for (const [p] of slide.xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) {
        // pptxgenjs writes a second <a:pPr> after a run when a paragraph has several runs.
        expect(/<a:r>[\s\S]*<a:pPr/.test(p), `slide ${slide.number}: ${p.slice(0, 120)}`).toBe(false);
      }
      const ids = [...slide.xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, `slide ${slide.number}`).toBe(ids.length);
    }
  });

  it('lists in [Content_Types].xml only parts the package holds, and deflates every entry', () => {
    const types = deck.parts.get('[Content_Types].xml')!;
    const named = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(deck.slides.length);
    for (const part of named) expect(deck.parts.has(part) || deck.binaryParts.includes(part), part).toBe(true);
    expect(named.filter((n) => n.startsWith('ppt/slideMasters/'))).toHaveLength(1);
    expect(new Set(zipMethods(bytes))).toEqual(new Set([8]));
  });
});

describe('hostile text', () => {
  it('reaches the slides cleaned: controls gone, newlines kept in notes, the rest intact', async () => {
    const doc = hostileDocument();
    const deck = await readDeck(await exportPptx(doc));
    expect(deck.slides[0].section).toBe('title');
    expect(deck.slides[0].title).toBe(`"Q0" & <b>R</b> 'x' %% 🚀👩‍💻 שלום עולם مرحبا second line end`);
    const step = deck.slides.find((s) => s.section === 'walkthrough')!;
    // The newline among the controls, and the one before "second line", start new paragraphs.
    const notes = notesText(step.notesXml);
    expect(notes.replace(/\s+/g, ' ')).toBe(`"Q14" & <b>R</b> 'x' %% 🚀👩‍💻 שלום עולם مرحبا second line end`);
    expect(notes).toMatch(/مرحبا\nsecond line\n end$/); // the tab became a space
    expect(step.notesXml).not.toMatch(/<a:t>[^<]*[\r\n]/);
    expect(deck.slides.filter((s) => s.section === 'walkthrough' && !s.title.endsWith(' (continued)'))).toHaveLength(doc.walkthrough!.length);
  });
});

describe('pictures', () => {
  // A 2 × 1 PNG (one black pixel, one white).
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgYGD4//8/AAYBAv4CsjmuAAAAAElFTkSuQmCC';

  it('puts a picture in place of the native drawing where the user asked for one', async () => {
    const { doc } = loadExamples().find((e) => (e.doc.walkthrough ?? []).length >= 2)!;
    const [first, second] = doc.walkthrough!;
    const deck = await readDeck(await exportPptx(doc, { pictures: { overview: png, [`step:${first.id}`]: png } }));
    const overview = deck.slides.filter((s) => s.section === 'overview');
    expect(overview).toHaveLength(1);
    expect(overview[0].xml).toContain('<p:pic>');
    expect(overview[0].xml).not.toMatch(/<p:cxnSp>|<a:tbl>/);
    const steps = deck.slides.filter((s) => s.section === 'walkthrough');
    expect(steps[0].xml).toContain('<p:pic>');
    expect(steps[0].xml).not.toContain('<p:cxnSp>');
    const secondSlide = steps.find((s) => s.title === second.title)!;
    expect(secondSlide.xml).not.toContain('<p:pic>');
    expect(deck.binaryParts.filter((p) => p.startsWith('ppt/media/'))).toHaveLength(2);
    // The picture keeps its 2:1 shape.
    const pic = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(overview[0].xml)!;
    expect(Number(pic[1]) / Number(pic[2])).toBeCloseTo(2, 2);
  });

  it('refuses a picture that is not a PNG data URL, naming its key', async () => {
    const { doc } = loadExamples()[0];
    await expect(exportPptx(doc, { pictures: { overview: 'data:image/jpeg;base64,/9j/4AAQ' } })).rejects.toThrow('pictures["overview"]');
  });
});
