import { computeGeometry, type Box } from '../../model/geometry';
import { focusScope } from '../../model/meaning';
import type { CrosswalkDocument, Step } from '../../model/types';
import type { Clearance, Extent } from './walkthrough-logic';

// What present mode shows of a step, readable at the back of the room: the whole focus
// when its text stays at least MIN_TEXT_PX high on the screen, else the focus in parts,
// each fitted at a zoom that keeps the text readable. Pure (document geometry and screen
// sizes in, node ids out), so it is tested in Node and the panel's preview shows exactly
// what present mode will.

/** The smallest text present mode shows, in screen pixels (on a 1920×1080 screen). */
export const MIN_TEXT_PX = 16;

/**
 * The smallest field text on the canvas while presenting, in canvas units: field names are
 * 12.5 px, and present mode raises keys, types and coverage counts to the same size
 * (walkthrough.css), so one zoom keeps all of them readable.
 */
export const PRESENT_FIELD_TEXT = 12.5;

/** The lowest zoom present mode uses: field text at {@link MIN_TEXT_PX}. */
export const READABLE_ZOOM = MIN_TEXT_PX / PRESENT_FIELD_TEXT;

/** The highest zoom present mode uses (a small focus is not blown up further). */
export const MAX_PRESENT_ZOOM = 1.5;

/** The projector present mode is designed for and the preview draws. */
export const PROJECTOR: Extent = { width: 1920, height: 1080 };

/** How a step is shown: `fit` (the default, in parts when the text would be small) or `parts` (one system at a time). */
export type ShowMode = NonNullable<Step['show']>;

/** One part of a step on the screen: the node ids to fit. */
export interface PresentPart {
  ids: string[];
  bounds: Box;
}

/** What present mode shows of a step: its parts (one when the whole focus is readable). */
export interface PresentPlan {
  parts: PresentPart[];
  /** The zoom a plain fit of the whole focus would use, and the field text size it gives on screen. */
  fitZoom: number;
  fitTextPx: number;
}

/** A unit of splitting: a box that is never cut (a system that fits, an entity, a note), and what it stands for. */
interface Unit extends Box {
  id: string;
  /** The system it belongs to (for `parts`, which never mixes systems in one part). */
  group: string;
}

const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
};

const fits = (b: Box, room: Extent) => b.width <= room.width + 0.5 && b.height <= room.height + 0.5;

/**
 * The zoom a fit of `bounds` gets on a screen with `clear` kept free on each side, as React
 * Flow's `getViewportForBounds` computes it (no extra padding).
 */
export function fitZoomFor(bounds: Extent, screen: Extent, clear: Clearance): number {
  const w = screen.width - clear.left - clear.right;
  const h = screen.height - clear.top - clear.bottom;
  return Math.min(w / Math.max(bounds.width, 1), h / Math.max(bounds.height, 1));
}

/**
 * Groups boxes into parts that each fit `room` (canvas units): grows a part from the
 * top-left-most unplaced box by the box that enlarges it least, while it still fits; a
 * box too large alone is a part of its own. With `bySystem`, a part never mixes systems.
 * Parts come in reading order (left to right, then top to bottom).
 */
export function groupIntoParts<T extends Box & { group?: string }>(boxes: readonly T[], room: Extent, bySystem = false): T[][] {
  const left = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
  const parts: { items: T[]; bounds: Box }[] = [];
  while (left.length > 0) {
    const seed = left.shift()!;
    const part = { items: [seed], bounds: { x: seed.x, y: seed.y, width: seed.width, height: seed.height } };
    for (;;) {
      let best = -1;
      let bestArea = Infinity;
      for (let i = 0; i < left.length; i++) {
        if (bySystem && left[i].group !== seed.group) continue;
        const u = union(part.bounds, left[i]);
        if (!fits(u, room)) continue;
        const area = u.width * u.height;
        if (area < bestArea) {
          bestArea = area;
          best = i;
        }
      }
      if (best < 0) break;
      const [next] = left.splice(best, 1);
      part.items.push(next);
      part.bounds = union(part.bounds, next);
    }
    parts.push(part);
  }
  // Reading order: by column (a part starting right of another's middle comes after it), then top down.
  parts.sort((a, b) => {
    const sameColumn = a.bounds.x < b.bounds.x + b.bounds.width / 2 && b.bounds.x < a.bounds.x + a.bounds.width / 2;
    return sameColumn ? a.bounds.y - b.bounds.y : a.bounds.x - b.bounds.x;
  });
  return parts.map((p) => p.items);
}

/**
 * What present mode shows of `step` on a screen of `screen` pixels with `clearance` (from
 * the whole focus's bounds) kept free for the step card: the whole focus when a fit keeps
 * field text at {@link MIN_TEXT_PX} or more, else parts that each do; with `show: 'parts'`,
 * one system at a time. A step with no focus is about the whole diagram.
 */
export function planStep(
  doc: CrosswalkDocument,
  step: Pick<Step, 'focus' | 'show'> | undefined,
  screen: Extent,
  clearanceFor: (bounds: Box) => Clearance,
): PresentPlan {
  const geo = computeGeometry(doc);
  const focus = step?.focus?.length ? step.focus : undefined;
  const scope = focus ? focusScope(doc, focus) : undefined;
  const shown = (id: string) => !scope || scope.lit.has(id);
  const entitiesIn = new Map<string, string[]>();
  for (const e of doc.entities) {
    if (!shown(e.id) || !geo.entities.has(e.id) || e.system === undefined || !geo.systems.has(e.system)) continue;
    entitiesIn.set(e.system, [...(entitiesIn.get(e.system) ?? []), e.id]);
  }
  const boxes: Box[] = [];
  for (const s of doc.systems) if (shown(s.id) && geo.systems.has(s.id)) boxes.push(geo.systems.get(s.id)!);
  for (const e of doc.entities) if (shown(e.id) && geo.entities.has(e.id)) boxes.push(geo.entities.get(e.id)!);
  for (const n of doc.notes ?? []) if (shown(n.id) && geo.notes.has(n.id)) boxes.push(geo.notes.get(n.id)!);
  if (boxes.length === 0) return { parts: [], fitZoom: MAX_PRESENT_ZOOM, fitTextPx: PRESENT_FIELD_TEXT * MAX_PRESENT_ZOOM };
  const whole = boxes.reduce(union);
  const clear = clearanceFor(whole);
  const fitZoom = Math.min(MAX_PRESENT_ZOOM, fitZoomFor(whole, screen, clear));
  const plan = (parts: PresentPart[]): PresentPlan => ({ parts, fitZoom, fitTextPx: fitZoom * PRESENT_FIELD_TEXT });
  const allIds = (): string[] => [
    ...doc.systems.filter((s) => shown(s.id) && geo.systems.has(s.id)).map((s) => s.id),
    ...doc.entities.filter((e) => shown(e.id) && geo.entities.has(e.id)).map((e) => e.id),
    ...(doc.notes ?? []).filter((n) => shown(n.id) && geo.notes.has(n.id)).map((n) => n.id),
  ];
  const bySystem = step?.show === 'parts';
  if (fitZoom >= READABLE_ZOOM - 1e-9 && !bySystem) return plan([{ ids: allIds(), bounds: whole }]);

  // The room one part may take, in canvas units, at the readable zoom.
  const room: Extent = {
    width: (screen.width - clear.left - clear.right) / READABLE_ZOOM,
    height: (screen.height - clear.top - clear.bottom) / READABLE_ZOOM,
  };
  const units: Unit[] = [];
  for (const s of doc.systems) {
    const box = geo.systems.get(s.id);
    if (!box || !shown(s.id)) continue;
    const inside = entitiesIn.get(s.id) ?? [];
    // A system is kept whole (its header, its frame) when it fits; else its shown entities go one by one.
    if (fits(box, room) || inside.length === 0) units.push({ id: s.id, group: s.id, ...box });
    else for (const id of inside) units.push({ id, group: s.id, ...geo.entities.get(id)! });
  }
  const placed = new Set(units.map((u) => u.id));
  for (const e of doc.entities) {
    const box = geo.entities.get(e.id);
    if (!box || !shown(e.id) || placed.has(e.id) || (e.system !== undefined && placed.has(e.system))) continue;
    units.push({ id: e.id, group: e.system ?? '', ...box });
  }
  for (const n of doc.notes ?? []) {
    const box = geo.notes.get(n.id);
    if (box && shown(n.id)) units.push({ id: n.id, group: '', ...box });
  }
  const parts = groupIntoParts(units, room, bySystem).map((items): PresentPart => {
    const ids = new Set<string>();
    for (const u of items) {
      ids.add(u.id);
      for (const id of entitiesIn.get(u.id) ?? []) ids.add(id);
    }
    return { ids: [...ids], bounds: items.reduce<Box>((b, u) => union(b, u), items[0]) };
  });
  return plan(parts);
}

/** Where present mode's step card sits on a 1920×1080 screen, estimated from its text (for the preview). */
export function estimatedCard(step: Pick<Step, 'bullets'> | undefined): Extent & { x: number; y: number } {
  const width = 620;
  const height = Math.min(0.6 * PROJECTOR.height, 118 + 28 * (step?.bullets?.length ?? 0));
  return { x: 24, y: PROJECTOR.height - 24 - height, width, height };
}

/**
 * The view present mode moves to for a part: the bounds centred in the screen less the
 * clearance, at the fitting zoom held between {@link READABLE_ZOOM} and {@link MAX_PRESENT_ZOOM}
 * (React Flow's `getViewportForBounds` with the clearance as padding does the same).
 */
export function viewportFor(bounds: Box, screen: Extent, clear: Clearance): { x: number; y: number; zoom: number } {
  const zoom = Math.max(READABLE_ZOOM, Math.min(MAX_PRESENT_ZOOM, fitZoomFor(bounds, screen, clear)));
  const w = screen.width - clear.left - clear.right;
  const h = screen.height - clear.top - clear.bottom;
  return {
    x: clear.left + (w - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: clear.top + (h - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}
