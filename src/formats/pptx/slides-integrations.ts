import { endpointNamer } from '../../model/meaning';
import type { Link } from '../../model/types';
import { integrationContent, pairLinks } from '../../layout/integration';
import { drawLanes } from './lanes-draw';
import { paginate } from './lane-content';
import { layoutLanes } from './lanes';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import { groupMappings, pairTitle } from './slides-mappings';
import { cleanText } from './xml-safety';

// One integration slide per pair of systems with mappings: the core's integration view
// (src/layout/integration.ts) in inches — the source system's entities and fields on the
// left, the target's on the right (with its required fields nobody maps), a box per mapping
// in the middle with its transform, a glued connector into and out of it. A pair with more
// mappings than a slide holds continues on further slides.

/** Adds the integration slides, pausing after each pair of systems; returns how many. */
export function* addIntegrationSlides(ctx: DeckContext): Generator<void, number> {
  let count = 0;
  const name = endpointNamer(ctx.doc);
  for (const group of groupMappings(ctx)) {
    const pair = { source: group.from, target: group.to };
    const links = pairLinks(ctx.doc, pair).filter((l) => l.kind === 'mapping');
    const layoutWith = (subset: readonly Link[], unmapped: 'required' | 'none') => {
      const content = integrationContent(ctx.doc, pair, subset, { unmapped, clean: (t) => cleanText(t), cleanMultiline: (t) => cleanText(t, { multiline: true }) });
      // The slide's title names the two systems.
      const blocks = content.blocks.filter((b) => b.kind !== 'System');
      return layoutLanes(2, blocks, content.links, CONTENT_RECT, ctx.font);
    };
    // Required fields nobody maps are shown when the slide has room for them (the coverage slide lists them all).
    const layoutOf = (subset: readonly Link[]) => {
      const withGaps = layoutWith(subset, 'required');
      return withGaps.fits ? withGaps : layoutWith(subset, 'none');
    };
    const title = pairTitle(ctx, group);
    for (const [i, page] of paginate(links, layoutOf).entries()) {
      const p = addSlide(ctx, 'integrations');
      drawSlideTitle(p, i === 0 ? title : `${title} (continued)`);
      drawLanes(p, page.layout);
      p.slide.addNotes(page.items.map((l) => mappingNote(name, l)).join('\n'));
      count++;
    }
    yield;
  }
  return count;
}

function mappingNote(name: (ep: Link['from']) => string, l: Link): string {
  const transform = cleanText(l.transform);
  return `${cleanText(name(l.from))} → ${cleanText(name(l.to))}${transform ? ` (${transform})` : ''}`;
}
