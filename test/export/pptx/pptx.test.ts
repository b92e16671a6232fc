import { describe, expect, it } from 'vitest';
import { exportPptx } from '../../../src/export/pptx/pptx';
import type { PptxSection } from '../../../src/export/registry';
import { boxesOf, fontSizesOf, notesText, readDeck, xmllintProblems, type Deck } from './deck-reader';
import { hostileDocument, loadExamples } from './fixtures';

const SLIDE_W = 9144000;
const SLIDE_H = 5143500;
const examples = loadExamples();

function sections(deck: Deck): (string | undefined)[] {
  return deck.slides.map((s) => s.section);
}

describe.each(examples)('PPTX of $name', ({ doc }) => {
  let deck: Deck;
  it('has the slide groups of DESIGN.md in deck order', async () => {
    deck = await readDeck(await exportPptx(doc));
    const s = sections(deck);
    expect(s[0]).toBe('title');
    expect(s.filter((x) => x === 'overview').length).toBeGreaterThanOrEqual(1);
    expect(s.filter((x) => x === 'diagram').length).toBeGreaterThanOrEqual(1);
    // Groups come in order: title, overview, diagram, models, mappings, walkthrough.
    const order = ['title', 'overview', 'diagram', 'models', 'mappings', 'walkthrough'];
    const indices = s.map((x) => order.indexOf(x!));
    expect(indices.every((v, i) => v >= 0 && (i === 0 || v >= indices[i - 1]))).toBe(true);
    expect(s.filter((x) => x === 'walkthrough')).toHaveLength(doc.walkthrough?.length ?? 0);
    // One data-model slide (or more) per system with entities; one mapping group per pair.
    const modelTitles = deck.slides.filter((x) => x.section === 'models').map((x) => x.title).join('\n');
    for (const sys of doc.systems.filter((x) => doc.entities.some((e) => e.system === x.id))) expect(modelTitles).toContain(sys.name);
    expect(deck.slides.length).toBe(s.length);
  });

  it('draws every entity as a native table on the data-model slides, with every system and entity name as text', () => {
    const tables = deck.slides.filter((x) => x.section === 'models').flatMap((x) => x.tables);
    for (const e of doc.entities) {
      const table = tables.find((t) => t[0]?.[0]?.startsWith(e.name) || t.some((row) => row.join(' ').includes(e.name)));
      expect(table, e.name).toBeDefined();
    }
    const text = deck.slides.flatMap((x) => [...x.paragraphs, ...x.tables.flat(2)]).join('\n');
    for (const s of doc.systems) expect(text).toContain(s.name);
    for (const e of doc.entities) expect(text).toContain(e.name);
  });

  it('puts each step’s speaker notes on its slide', () => {
    const steps = deck.slides.filter((x) => x.section === 'walkthrough');
    (doc.walkthrough ?? []).forEach((step, i) => {
      expect(steps[i].title).toBe(step.title);
      if (step.speakerNotes) expect(notesText(steps[i].notesXml)).toContain(step.speakerNotes);
    });
  });

  it('keeps every shape on the slide and every text at 10 pt or more', () => {
    for (const slide of deck.slides) {
      for (const b of boxesOf(slide.xml)) {
        expect(b.x, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.y, `slide ${slide.number}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.cx, `slide ${slide.number}`).toBeLessThanOrEqual(SLIDE_W);
        expect(b.y + b.cy, `slide ${slide.number}`).toBeLessThanOrEqual(SLIDE_H);
      }
      for (const sz of fontSizesOf(slide.xml)) expect(sz, `slide ${slide.number}`).toBeGreaterThanOrEqual(1000);
    }
  });

  it('is well-formed XML throughout (xmllint)', () => {
    expect(xmllintProblems(deck.rawParts)).toBe('');
  });
});

describe('PPTX options and hostile input', () => {
  it('includes only the chosen slide groups', async () => {
    const doc = examples[0].doc;
    const only: PptxSection[] = ['title', 'models'];
    const deck = await readDeck(await exportPptx(doc, { pptxSections: only }));
    expect(new Set(sections(deck))).toEqual(new Set(only));
  });

  it('uses one font, the chosen one', async () => {
    const deck = await readDeck(await exportPptx(examples[0].doc, { font: 'Georgia' }));
    const fonts = new Set(deck.slides.flatMap((s) => [...s.xml.matchAll(/typeface="([^"]+)"/g)].map((m) => m[1])));
    expect([...fonts]).toEqual(['Georgia']);
  });

  it('stays well-formed and free of control characters with hostile names', async () => {
    const doc = hostileDocument();
    const deck = await readDeck(await exportPptx(doc));
    expect(xmllintProblems(deck.rawParts)).toBe('');
    for (const [name, raw] of deck.rawParts) {
      // eslint-disable-next-line no-control-regex -- the very characters XML 1.0 forbids
      expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(new TextDecoder().decode(raw)), name).toBe(false);
    }
    for (const slide of deck.slides) for (const sz of fontSizesOf(slide.xml)) expect(sz).toBeGreaterThanOrEqual(1000);
  });

  it('drops the phantom slide-master overrides from [Content_Types].xml', async () => {
    const deck = await readDeck(await exportPptx(examples[0].doc));
    const types = deck.parts.get('[Content_Types].xml')!;
    const masters = types.match(/slideMasters\/slideMaster\d+\.xml/g) ?? [];
    expect(masters.every((m) => deck.parts.has(`ppt/${m}`))).toBe(true);
  });
});
