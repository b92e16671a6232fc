import type { Box } from '../../model/geometry';
import { COLLAPSED_SCALE } from './diagram-draw';
import { linksBetween, type DiagramView } from './diagram-view';
import type { Rect } from './draw';
import { MAX_GAP, squeezeView } from './view-compact';

// A diagram too large for one slide is split along its systems rather than cut anywhere:
// whole systems, left to right, as many per slide as keep their names legible. Entities
// outside systems and notes go with their neighbours. A link between two slides is left
// out (the overview and the mapping tables show it); one system too large on its own is
// the only thing that gets cut into tiles.

interface Unit {
  box: Box;
  systems: DiagramView['systems'];
  entities: DiagramView['entities'];
  notes: DiagramView['notes'];
}

/** Splits a view into parts of whole systems, each squeezed; a part may still be too large (one big system). */
export function splitBySystems(view: DiagramView, area: Rect): DiagramView[] {
  const units = toUnits(view).sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y);
  const groups: Unit[][] = [];
  let current: Unit[] = [];
  for (const unit of units) {
    const candidate = [...current, unit];
    const { width, height } = squeezedExtent(candidate.map((u) => u.box));
    const scale = Math.min(area.w / Math.max(width, 1), area.h / Math.max(height, 1));
    if (current.length > 0 && scale < COLLAPSED_SCALE) {
      groups.push(current);
      current = [unit];
    } else current = candidate;
  }
  if (current.length) groups.push(current);
  return groups.map((group) => {
    const part = {
      systems: group.flatMap((u) => u.systems),
      entities: group.flatMap((u) => u.entities),
      notes: group.flatMap((u) => u.notes),
    };
    return squeezeView({ ...part, links: linksBetween(part, view.links), bounds: view.bounds });
  });
}

function toUnits(view: DiagramView): Unit[] {
  const bySystem = new Map<string, Unit>();
  const units: Unit[] = [];
  for (const s of view.systems) {
    const unit = { box: s.box, systems: [s], entities: [], notes: [] };
    bySystem.set(s.system.id, unit);
    units.push(unit);
  }
  for (const e of view.entities) {
    const unit = e.entity.system !== undefined ? bySystem.get(e.entity.system) : undefined;
    if (unit) unit.entities.push(e);
    else units.push({ box: e.box, systems: [], entities: [e], notes: [] });
  }
  for (const n of view.notes) units.push({ box: n.box, systems: [], entities: [], notes: [n] });
  return units;
}

/** The size of boxes once gaps wider than MAX_GAP between them are closed (as squeezeView does). */
function squeezedExtent(boxes: readonly Box[]): { width: number; height: number } {
  const extent = (intervals: [number, number][]) => {
    intervals.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let start = intervals[0][0];
    let end = intervals[0][1];
    for (const [lo, hi] of intervals.slice(1)) {
      if (lo > end) {
        total += end - start + Math.min(MAX_GAP, lo - end);
        start = lo;
      }
      end = Math.max(end, hi);
    }
    return total + end - start;
  };
  return {
    width: extent(boxes.map((b) => [b.x, b.x + b.width])),
    height: extent(boxes.map((b) => [b.y, b.y + b.height])),
  };
}
