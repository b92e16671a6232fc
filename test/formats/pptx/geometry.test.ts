import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOverlaps } from '../../../src/formats/pptx/overlap';
import { exportPptx } from '../../../src/formats/pptx/pptx';
import { arbitraryDocument } from '../../fixtures/arbitrary-doc';
import { fontSizesOf, readDeck, textBoxesOf } from './deck-reader';
import { textsThatDoNotFit } from './fit-reader';

// Issue 10's geometry bar on random documents (the examples and the presenter stress deck
// answer it in deck.test.ts): on every slide no two texts overlap, every text fits its box
// (or table row) at 12 pt or more, and every system, entity and field name appears in full.

/** Text as the deck writes a name: controls and lone surrogates gone, line breaks as spaces, trimmed. */
function clean(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- the characters the deck removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/\s*(?:\r\n?|\n|\t|[\u2028\u2029])\s*/g, ' ')
      .trim()
  );
}

describe('the deck of a random document', () => {
  // A fixed sample (each deck takes a second or two): `npm run test:fuzz`-style exploration
  // would draw more with FC_SEED=random.
  const docs = fc.sample(arbitraryDocument({ maxEntities: 8, maxFields: 8, maxLinks: 14, maxSteps: 3 }), { numRuns: 12, seed: 10 });

  it.each(docs.map((doc, i) => ({ i, doc })))('document $i: texts apart, each fitting at 12 pt or more, every name in full', async ({ doc }) => {
    const deck = await readDeck(await exportPptx(doc));
    for (const slide of deck.slides) {
      const where = `slide ${slide.number} (${slide.title.slice(0, 40)})`;
      const boxes = textBoxesOf(slide.xml);
      expect(findOverlaps(boxes).map(([a, b]) => `${boxes[a].text.slice(0, 30)} / ${boxes[b].text.slice(0, 30)}`), where).toEqual([]);
      expect(textsThatDoNotFit(slide.xml, 'Arial'), where).toEqual([]);
      for (const size of fontSizesOf(slide.xml)) expect(size, where).toBeGreaterThanOrEqual(1200);
    }
    const text = deck.slides.flatMap((s) => s.paragraphs).join('\n');
    for (const name of [...doc.systems.map((s) => s.name), ...doc.entities.flatMap((e) => [e.name, ...e.fields.map((f) => f.name)])]) {
      if (clean(name)) expect(text.includes(clean(name)), JSON.stringify(clean(name))).toBe(true);
    }
  });
});
