import { beforeAll, describe, expect, it } from 'vitest';
import { exportPptx } from '../../../src/formats/pptx/pptx';
import type { PptxSection } from '../../../src/formats/registry';
import { describeEndpoint } from '../../../src/model/queries';
import { notesText, readDeck, type Deck } from './deck-reader';
import { checkGroups, expectedMappingTitles, expectedModelTitles, hasCanvas, SECTION_ORDER } from './expected';
import { loadExamples } from './fixtures';

const examples = loadExamples();

describe.each(examples)('the deck of $name', ({ doc }) => {
  let deck: Deck;
  beforeAll(async () => {
    deck = await readDeck(await exportPptx(doc));
  });

  const inSection = (s: PptxSection) => deck.slides.filter((slide) => slide.section === s);

  it('has every slide in a section, in deck order', () => {
    const ranks = deck.slides.map((s) => SECTION_ORDER.indexOf(s.section as PptxSection));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('has the slides DESIGN.md asks for', () => {
    expect(inSection('title')).toHaveLength(1);
    expect(inSection('overview')).toHaveLength(doc.systems.length ? Math.ceil(doc.systems.length / 25) : 0);
    const diagram = inSection('diagram');
    if (!hasCanvas(doc)) expect(diagram).toHaveLength(0);
    else if (diagram.length === 1) expect(diagram[0].title).toBe('Diagram');
    else diagram.forEach((s, i) => expect(s.title).toBe(`Diagram (${i + 1} of ${diagram.length})`));
    expect(checkGroups(inSection('models'), expectedModelTitles(doc))).toBe('');
    expect(checkGroups(inSection('mappings'), expectedMappingTitles(doc))).toBe('');
    expect(inSection('walkthrough').map((s) => s.title)).toEqual((doc.walkthrough ?? []).map((s) => s.title));
    const total = ['title', 'overview', 'diagram', 'models', 'mappings', 'walkthrough'].reduce((n, s) => n + inSection(s as PptxSection).length, 0);
    expect(deck.slides).toHaveLength(total);
  });

  it('draws each entity as a native table with all its fields on its system\'s data-model slides', () => {
    // The tables of each group of slides (a system's, or the entities outside systems).
    const groups = new Map<string, string[][][]>();
    let current = '';
    for (const slide of inSection('models')) {
      current = slide.title.replace(/ \(continued\)$/, '');
      groups.set(current, [...(groups.get(current) ?? []), ...slide.tables]);
    }
    for (const entity of doc.entities) {
      const system = doc.systems.find((s) => s.id === entity.system);
      const tables = groups.get(system ? `${system.name}: data model` : 'Entities outside any system') ?? [];
      const own = tables.filter((t) => t[0][0] === entity.name || t[0][0] === `${entity.name} (continued)`);
      expect(own.filter((t) => t[0][0] === entity.name), entity.name).toHaveLength(1);
      const rows = own.flatMap((t) => t.slice(1));
      expect(rows.map((r) => r[0])).toEqual(entity.fields.map((f) => f.name));
      expect(rows.map((r) => r[1])).toEqual(entity.fields.map((f) => f.type ?? ''));
      expect(rows.map((r) => r[2])).toEqual(entity.fields.map((f) => f.key ?? ''));
    }
  });

  it('names every system and entity in text', () => {
    const text = new Set(deck.slides.flatMap((s) => s.paragraphs));
    for (const s of doc.systems) expect(text.has(s.name), s.name).toBe(true);
    for (const e of doc.entities) expect(text.has(e.name), e.name).toBe(true);
  });

  it('lists every mapping in the mapping tables', () => {
    const rows = inSection('mappings').flatMap((s) => s.tables.flatMap((t) => t.slice(1)));
    const mappings = doc.links.filter((l) => l.kind === 'mapping');
    expect(rows).toHaveLength(mappings.length);
    for (const m of mappings) {
      expect(rows).toContainEqual([
        describeEndpoint(doc, m.from),
        describeEndpoint(doc, m.to),
        m.transform ?? '',
        [m.label, m.description].filter(Boolean).join(' — '),
      ]);
    }
  });

  it("puts each step's speaker notes in its notes slide", () => {
    const steps = inSection('walkthrough');
    (doc.walkthrough ?? []).forEach((step, i) => {
      expect(notesText(steps[i].notesXml)).toBe(step.speakerNotes ?? '');
    });
  });

  it('draws the focused part of the diagram on each step slide', () => {
    const steps = inSection('walkthrough');
    (doc.walkthrough ?? []).forEach((step, i) => {
      // A name may be shortened to fit its box ("deviceCo…"), never left out.
      const texts = [...steps[i].shapeTexts, ...steps[i].tables.map((t) => t[0][0])].map(squash);
      for (const id of step.focus ?? []) {
        const named = doc.systems.find((s) => s.id === id) ?? doc.entities.find((e) => e.id === id);
        if (!named) continue;
        const name = squash(named.name);
        const shown = texts.some((t) => t === name || (t.endsWith('…') && t.length > 1 && name.startsWith(t.slice(0, -1))));
        expect(shown, `${step.id} shows ${named.name}`).toBe(true);
      }
      if ((step.focus ?? []).some((id) => doc.links.some((l) => l.id === id))) expect(steps[i].xml).toMatch(/prst="line"/);
    });
  });
});

/** Text without its whitespace and break opportunities, so wrapped lines compare equal to the name. */
function squash(text: string): string {
  return text.replace(/[\s\u200b]+/g, '');
}

describe('pptxSections', () => {
  const { doc } = examples[0];
  const subsets: PptxSection[][] = [['walkthrough'], ['models', 'title'], ['mappings', 'overview', 'diagram'], []];
  it.each(subsets.map((s) => [s.join(',') || '(none)', s] as const))('gives only the sections asked for: %s', async (_, sections) => {
    const deck = await readDeck(await exportPptx(doc, { pptxSections: sections }));
    const full = await readDeck(await exportPptx(doc));
    const expected = full.slides.filter((s) => sections.includes(s.section as PptxSection)).map((s) => s.title);
    expect(deck.slides.map((s) => s.title)).toEqual(expected);
  });
});

describe('font option', () => {
  it('writes one font, the one asked for, made safe for XML', async () => {
    const { doc } = examples[0];
    const deck = await readDeck(await exportPptx(doc, { font: 'Verdana' }));
    const faces = new Set(deck.slides.flatMap((s) => [...s.xml.matchAll(/typeface="([^"]*)"/g)].map((m) => m[1])));
    expect([...faces]).toEqual(['Verdana']);
    const hostile = await readDeck(await exportPptx(doc, { font: 'Bad"<font>\u0001' }));
    const hostileFaces = new Set(hostile.slides.flatMap((s) => [...s.xml.matchAll(/typeface="([^"]*)"/g)].map((m) => m[1])));
    expect([...hostileFaces]).toEqual(['Badfont']);
  });
});
