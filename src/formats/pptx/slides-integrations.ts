import { endpointNamer } from '../../model/meaning';
import { isEntityEndpoint, type Link } from '../../model/types';
import { drawLanes } from './lanes-draw';
import { laneContent, paginate } from './lane-content';
import { layoutLanes } from './lanes';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import { groupMappings, pairTitle } from './slides-mappings';
import { cleanText } from './xml-safety';

// One integration slide per pair of systems with mappings, drawn as a mapping spec: the
// source system's entities and fields on the left, the target's on the right, a box per
// mapping in the middle with its transform, a glued connector into and out of it. A pair
// with more mappings than a slide holds continues on further slides.

/** Adds the integration slides, pausing after each pair of systems; returns how many. */
export function* addIntegrationSlides(ctx: DeckContext): Generator<void, number> {
  let count = 0;
  const order = fieldOrder(ctx);
  const name = endpointNamer(ctx.doc);
  for (const group of groupMappings(ctx)) {
    const links = [...group.links].sort((a, b) => order(a.from) - order(b.from));
    const layoutOf = (subset: readonly Link[]) => {
      const content = laneContent(ctx.index, subset, { systems: [], entities: [] }, {
        column: (_, role) => (role === 'from' ? 0 : 1),
        columnOfSystem: () => 0,
        // The slide's title names the two systems.
        headers: false,
      });
      return layoutLanes(2, content.blocks, content.links, CONTENT_RECT, ctx.font);
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

/** Position of an endpoint in the document (entity order, then field order), for reading order. */
function fieldOrder(ctx: DeckContext): (ep: Link['from']) => number {
  const entityRank = new Map(ctx.doc.entities.map((e, i) => [e.id, i]));
  return (ep) => {
    if (!isEntityEndpoint(ep)) return -1;
    const e = ctx.index.entities.get(ep.entity);
    const field = e && ep.field !== undefined ? e.fields.findIndex((f) => f.id === ep.field) : -1;
    return (entityRank.get(ep.entity) ?? 0) * 100000 + field;
  };
}

function mappingNote(name: (ep: Link['from']) => string, l: Link): string {
  const transform = cleanText(l.transform);
  return `${cleanText(name(l.from))} → ${cleanText(name(l.to))}${transform ? ` (${transform})` : ''}`;
}
