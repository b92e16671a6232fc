import { layoutLanes as layoutCore, type LaneBlock, type LaneLayout, type LaneLink, type LaneMetrics, type LaneStyle, type Rect } from '../../layout/lanes';
import { linesHeight, measureText, wrapText } from './text-fit';

// The deck's use of the core column-and-lane layout (src/layout/lanes.ts): lengths in
// inches, font sizes in points, text measured with the deck font's widths.

export { rankSystems, sitePoint } from '../../layout/lanes';
export type { LaneBlock, LaneLayout, LaneLink, LaneLinkStyle, LaneRow, PlacedConnector, PlacedText } from '../../layout/lanes';

/** Sizes (points) and spacing (inches). */
export const LANE_STYLE: LaneStyle = {
  rowPt: 12,
  entityPt: 12,
  systemPt: 14,
  labelPt: 12,
  inset: { h: 0.06, v: 0.03 },
  boxPad: 0.02,
  blockGap: 0.12,
  unitGap: 0.22,
  labelGap: 0.06,
  minColumn: 1.35,
  maxColumn: 4,
  laneWeight: 1,
  emptyLane: 0.45,
  lanePad: 0.2,
};

/** The deck's metrics for a font. */
export function slideMetrics(font: string): LaneMetrics {
  return {
    lines: (text, width, pt, bold) => wrapText(text, width, pt, { font, bold }).length,
    lineHeight: (pt) => linesHeight(1, pt),
    width: (text, pt, bold) => measureText(text, pt, { font, bold }),
    style: LANE_STYLE,
  };
}

/** Lays out columns and lanes inside `area` (inches) with the deck's metrics. */
export function layoutLanes(columns: number, blocks: readonly LaneBlock[], links: readonly LaneLink[], area: Rect, font: string): LaneLayout {
  return layoutCore(columns, blocks, links, area, slideMetrics(font));
}
