import type { CrosswalkDocument } from '../../../src/model/types';
import type { PptxSection } from '../../../src/formats/registry';
import type { SlideInfo } from './deck-reader';

// What DESIGN.md asks of a deck, worked out from the document independently of the exporter.

/** Deck order. */
export const SECTION_ORDER: readonly PptxSection[] = ['title', 'walkthrough', 'overview', 'integrations', 'coverage', 'models', 'mappings'];

/** Names of the system pairs with mappings, in deck order: `Workday → Okta`, `within Okta`. */
export function expectedPairTitles(doc: CrosswalkDocument): string[] {
  const systemOf = (id: string) => doc.entities.find((e) => e.id === id)?.system;
  const name = (id: string | undefined) => (id === undefined ? 'no system' : doc.systems.find((s) => s.id === id)!.name);
  const rank = (id: string | undefined) => (id === undefined ? Infinity : doc.systems.findIndex((s) => s.id === id));
  const pairs = new Map<string, [string | undefined, string | undefined]>();
  for (const l of doc.links) {
    if (l.kind !== 'mapping' || !('entity' in l.from) || !('entity' in l.to)) continue;
    const pair: [string | undefined, string | undefined] = [systemOf(l.from.entity), systemOf(l.to.entity)];
    pairs.set(`${pair[0]}|${pair[1]}`, pair);
  }
  return [...pairs.values()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || rank(a[1]) - rank(b[1]))
    .map(([a, b]) => (a === b ? `within ${name(a)}` : `${name(a)} → ${name(b)}`));
}

/**
 * Checks that the slides of a paginated section are the expected groups in order, each
 * followed by zero or more "(continued)" slides. Returns a problem, or '' when they are.
 */
export function checkGroups(slides: readonly SlideInfo[], titles: readonly string[]): string {
  let i = 0;
  for (const title of titles) {
    if (slides[i]?.title !== title) return `slide ${slides[i]?.number}: expected ${JSON.stringify(title)}, got ${JSON.stringify(slides[i]?.title)}`;
    i++;
    while (i < slides.length && slides[i].title === `${title} (continued)`) i++;
  }
  return i === slides.length ? '' : `unexpected slide ${slides[i].number}: ${JSON.stringify(slides[i].title)}`;
}

/** Whether the document has anything on its canvas. */
export function hasCanvas(doc: CrosswalkDocument): boolean {
  return doc.systems.length + doc.entities.length + (doc.notes?.length ?? 0) > 0;
}
