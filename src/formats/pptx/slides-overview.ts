import type { Link } from '../../model/types';
import { laneContent, paginate } from './lane-content';
import { drawLanes } from './lanes-draw';
import { layoutLanes, rankSystems } from './lanes';
import { addSlide, CONTENT_RECT, drawPicture, drawSlideTitle, pictureFor, type DeckContext } from './slide-frame';

// The system overview: each system a box (name, kind), each flow a box with its label,
// protocol and schedule between them, glued to both by connectors. Systems stand in columns
// by the direction of their flows (sources left). More than a slide holds continues on
// further slides.

/** Picture key of the overview slide. */
export const OVERVIEW_PICTURE_KEY = 'overview';

const MAX_COLUMNS = 4;

type Item = { link: Link } | { system: string };

/** Adds the overview slide(s); returns how many. None for a document without systems. */
export function addOverviewSlides(ctx: DeckContext): number {
  const picture = pictureFor(ctx, OVERVIEW_PICTURE_KEY);
  if (picture !== undefined) {
    const p = addSlide(ctx, 'overview');
    drawSlideTitle(p, 'System overview');
    drawPicture(p, OVERVIEW_PICTURE_KEY, picture, CONTENT_RECT);
    return 1;
  }
  const { doc, index } = ctx;
  if (doc.systems.length === 0) return 0;
  const flows = doc.links.filter((l) => l.kind === 'flow' && 'system' in l.from && 'system' in l.to && index.systems.has(l.from.system) && index.systems.has(l.to.system));
  const reached = new Set(flows.flatMap((f) => [(f.from as { system: string }).system, (f.to as { system: string }).system]));
  const items: Item[] = [...flows.map((link) => ({ link })), ...doc.systems.filter((s) => !reached.has(s.id)).map((s) => ({ system: s.id }))];
  const ranks = rankSystems(
    doc.systems.map((s) => s.id),
    flows.map((f) => [(f.from as { system: string }).system, (f.to as { system: string }).system]),
    MAX_COLUMNS,
  );
  const pages = paginate(items, (subset) => {
    const used = new Set<number>();
    for (const it of subset) {
      if ('system' in it) used.add(ranks.get(it.system)!);
      else for (const ep of [it.link.from, it.link.to]) used.add(ranks.get((ep as { system: string }).system)!);
    }
    // Only the columns this page uses, in order.
    const columnOf = new Map([...used].sort((a, b) => a - b).map((r, i) => [r, i]));
    const column = (s: string | undefined) => columnOf.get(ranks.get(s ?? '') ?? 0) ?? 0;
    const content = laneContent(
      index,
      subset.flatMap((it) => ('link' in it ? [it.link] : [])),
      { systems: subset.flatMap((it) => ('system' in it ? [it.system] : [])), entities: [] },
      { column: (ep) => column((ep as { system: string }).system), columnOfSystem: column },
    );
    return layoutLanes(Math.max(1, columnOf.size), content.blocks, content.links, CONTENT_RECT, ctx.font);
  });
  pages.forEach((page, i) => {
    const p = addSlide(ctx, 'overview');
    drawSlideTitle(p, pages.length > 1 ? `System overview (${i + 1} of ${pages.length})` : 'System overview');
    drawLanes(p, page.layout);
  });
  return pages.length;
}
