import { connectorName, groupTag } from './connectors';
import { drawBox, drawLine, uniqueName, type Painter } from './draw';
import type { LaneLayout, PlacedText } from '../../layout/lanes';

// Draws a lane layout on a slide: the lines first (so boxes sit over them), as connectors
// glued to the boxes they join (marked by name, made real by connectors.ts when the package
// is finished); then each entity's title and rows one after another, tagged as one group.

const KIND: Record<PlacedText['role'], string> = { system: 'System', entity: 'Entity', row: 'Field', label: 'Link text' };
const INSET = { h: 0.06, v: 0.03 };

/** Draws a laid-out diagram. */
export function drawLanes(p: Painter, layout: LaneLayout): void {
  const names = new Map<string, string>();
  for (const t of layout.texts) names.set(t.key, uniqueName(p, KIND[t.role]));
  layout.connectors.forEach((c, i) => {
    const from = names.get(c.from);
    const to = names.get(c.to);
    if (!from || !to) return;
    drawLine(p, c.start.x, c.start.y, c.end.x, c.end.y, {
      dashed: c.style === 'mapping',
      arrow: c.arrow,
      widthPt: c.style === 'flow' ? 1.5 : 1,
      // Straight: a slanted line is easier to follow from a row to its box than elbows sharing a lane.
      name: connectorName(i + 1, from, c.fromSite, to, c.toSite, 'straight'),
    });
  });
  const groups = new Map<string, number>();
  for (const t of layout.texts) {
    let name = names.get(t.key)!;
    if (t.group !== undefined) {
      if (!groups.has(t.group)) groups.set(t.group, groups.size + 1);
      name = groupTag(name, groups.get(t.group)!);
    }
    drawBox(p, t.rect, t.paragraphs, { border: true, fill: true, inset: INSET, valign: 'middle', name });
  }
}
