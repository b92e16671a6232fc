import { ENTITY_WIDTH, SYSTEM_HEADER_HEIGHT, SYSTEM_PADDING, unionBoxes, type Box } from '../../model/geometry';
import type { DiagramView, ViewSystem } from './diagram-view';

// Making a part of the diagram smaller without changing how it reads, so a slide can show
// it larger: by closing the holes left where hidden things were; by closing the empty
// room inside systems too (an automatic layout is generous); and, when that is not
// enough, by setting each system out as a column of its entities.

/** Largest empty band kept between the parts of a view, in canvas units. */
export const MAX_GAP = 70;

/**
 * Closes empty vertical and horizontal bands wider than MAX_GAP (the room of entities a
 * step does not show). Boxes keep their sizes, order and alignment.
 */
export function squeezeView(view: DiagramView): DiagramView {
  const boxes = allBoxes(view);
  if (boxes.length === 0) return view;
  const shiftX = axisShift(boxes.map((b) => [b.x, b.x + b.width]));
  const shiftY = axisShift(boxes.map((b) => [b.y, b.y + b.height]));
  const move = (b: Box): Box => ({ ...b, x: b.x - shiftX(b.x), y: b.y - shiftY(b.y) });
  const out: DiagramView = {
    systems: view.systems.map((s) => ({ ...s, box: move(s.box) })),
    entities: view.entities.map((e) => ({ ...e, box: move(e.box) })),
    notes: view.notes.map((n) => ({ ...n, box: move(n.box) })),
    links: view.links,
    bounds: view.bounds,
  };
  out.bounds = unionBoxes(allBoxes(out));
  return out;
}

/** Largest empty band kept between entities inside a system, in canvas units. */
export const INNER_GAP = 40;

/**
 * Closes the empty room inside each system (entities keep their order and alignment,
 * the frame shrinks around them from its top-left corner), then the wide gaps between
 * what remains. Frames only shrink, so nothing comes to overlap.
 */
export function compactView(view: DiagramView): DiagramView {
  const inSystem = new Map<string, DiagramView['entities']>();
  const shown = new Set(view.systems.map((s) => s.system.id));
  for (const e of view.entities) {
    if (e.entity.system === undefined || !shown.has(e.entity.system)) continue;
    inSystem.set(e.entity.system, [...(inSystem.get(e.entity.system) ?? []), e]);
  }
  const moved = new Map<string, Box>();
  const systems = view.systems.map((s) => {
    const members = inSystem.get(s.system.id) ?? [];
    if (members.length === 0) return s;
    const sx = axisShift(members.map((e) => [e.box.x, e.box.x + e.box.width]), INNER_GAP);
    const sy = axisShift(members.map((e) => [e.box.y, e.box.y + e.box.height]), INNER_GAP);
    const boxes = members.map((e) => ({ ...e.box, x: e.box.x - sx(e.box.x), y: e.box.y - sy(e.box.y) }));
    const inner = unionBoxes(boxes);
    // From the frame's top-left corner: the title band, the padding, then the entities.
    const dx = s.box.x + SYSTEM_PADDING - inner.x;
    const dy = s.box.y + SYSTEM_HEADER_HEIGHT - inner.y;
    members.forEach((e, i) => moved.set(e.entity.id, { ...boxes[i], x: boxes[i].x + dx, y: boxes[i].y + dy }));
    const width = Math.min(s.box.width, Math.max(inner.width + 2 * SYSTEM_PADDING, ENTITY_WIDTH));
    const height = Math.min(s.box.height, inner.height + SYSTEM_HEADER_HEIGHT + SYSTEM_PADDING);
    return { ...s, box: { x: s.box.x, y: s.box.y, width, height } };
  });
  const entities = view.entities.map((e) => ({ ...e, box: moved.get(e.entity.id) ?? e.box }));
  return squeezeView({ ...view, systems, entities });
}

function allBoxes(view: DiagramView): Box[] {
  return [...view.systems.map((s) => s.box), ...view.entities.map((e) => e.box), ...view.notes.map((n) => n.box)];
}

/** For intervals on one axis, how far a coordinate inside any of them moves once wide gaps are closed. */
function axisShift(intervals: readonly (readonly [number, number])[], maxGap = MAX_GAP): (v: number) => number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const shifts: number[] = [];
  let end = -Infinity;
  let shift = 0;
  for (const [lo, hi] of sorted) {
    if (lo > end) {
      if (end !== -Infinity && lo - end > maxGap) shift += lo - end - maxGap;
      starts.push(lo);
      shifts.push(shift);
    }
    end = Math.max(end, hi);
  }
  return (v) => {
    // The last merged interval starting at or before v.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (starts[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    return shifts[lo] ?? 0;
  };
}

/**
 * Sets the view out again: each system a column of its entities (in canvas order, top to
 * bottom), entities outside systems and notes a column of their own, columns wrapped into rows so the
 * whole is about as wide as `aspect` times its height. `entityHeight` gives each entity's
 * height (full tables, or title-only boxes).
 */
export function swimlaneView(view: DiagramView, entityHeight: (e: DiagramView['entities'][number]) => number, aspect: number): DiagramView {
  const gap = 30;
  const bySystem = new Map<string | undefined, DiagramView['entities']>();
  const ordered = [...view.entities].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  for (const e of ordered) {
    const key = e.entity.system !== undefined && view.systems.some((s) => s.system.id === e.entity.system) ? e.entity.system : undefined;
    const list = bySystem.get(key) ?? [];
    list.push(e);
    bySystem.set(key, list);
  }
  const lanes: { system?: ViewSystem; entities: DiagramView['entities']; notes: DiagramView['notes'] }[] = [...view.systems]
    .sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y)
    .map((s) => ({ system: s, entities: bySystem.get(s.system.id) ?? [], notes: [] }));
  // Entities outside systems, then notes, share a last column without a frame.
  if (bySystem.has(undefined) || view.notes.length) lanes.push({ entities: bySystem.get(undefined) ?? [], notes: view.notes });
  const laneW = ENTITY_WIDTH + 2 * SYSTEM_PADDING;
  const laneH = lanes.map(
    (l) =>
      SYSTEM_HEADER_HEIGHT +
      SYSTEM_PADDING +
      l.entities.reduce((h, e) => h + entityHeight(e) + gap, 0) +
      l.notes.reduce((h, n) => h + n.box.height + gap, 0),
  );

  // The number of lanes per row that gives the shape closest to the area's.
  let best = { perRow: lanes.length, score: Infinity };
  for (let perRow = 1; perRow <= Math.max(1, lanes.length); perRow++) {
    const rows = Math.ceil(lanes.length / perRow);
    let height = 0;
    for (let r = 0; r < rows; r++) height += Math.max(...laneH.slice(r * perRow, (r + 1) * perRow)) + gap * 2;
    const width = perRow * (laneW + gap * 2);
    const score = Math.max(width / aspect, height);
    if (score < best.score) best = { perRow, score };
  }

  const systems: ViewSystem[] = [];
  const entities: DiagramView['entities'] = [];
  const notes: DiagramView['notes'] = [];
  let y = 0;
  for (let r = 0; r * best.perRow < lanes.length; r++) {
    const row = lanes.slice(r * best.perRow, (r + 1) * best.perRow);
    row.forEach((lane, i) => {
      const x = i * (laneW + gap * 2);
      let ey = y + SYSTEM_HEADER_HEIGHT;
      for (const e of lane.entities) {
        const h = entityHeight(e);
        entities.push({ entity: e.entity, box: { x: x + SYSTEM_PADDING, y: ey, width: ENTITY_WIDTH, height: h } });
        ey += h + gap;
      }
      for (const n of lane.notes) {
        notes.push({ note: n.note, box: { x: x + SYSTEM_PADDING, y: ey, width: n.box.width, height: n.box.height } });
        ey += n.box.height + gap;
      }
      if (lane.system) systems.push({ ...lane.system, box: { x, y, width: laneW, height: laneH[lanes.indexOf(lane)] } });
    });
    y += Math.max(...row.map((lane) => laneH[lanes.indexOf(lane)])) + gap * 2;
  }
  const out = { systems, entities, notes, links: view.links, bounds: { x: 0, y: 0, width: 0, height: 0 } };
  out.bounds = unionBoxes(allBoxes(out));
  return out;
}
