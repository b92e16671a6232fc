import { endpointNamer, focusScope, linkName } from '../../model/meaning';
import { findEntity, findLink, findSystem } from '../../model/queries';
import { isSystemEndpoint, type CrosswalkDocument, type Endpoint } from '../../model/types';

// Pure helpers of the walkthrough panel and present mode: no React, no store, so they are
// tested in Node.

/**
 * The canvas node ids (systems, entities, notes) a focus is about: the focus expanded the
 * way the canvas highlights it, without link ids — React Flow fits nodes only.
 */
export function focusNodeIds(doc: CrosswalkDocument, focus: readonly string[] | undefined): string[] {
  if (!focus?.length) return [];
  const { lit } = focusScope(doc, focus);
  const nodes = new Set<string>([
    ...doc.systems.map((s) => s.id),
    ...doc.entities.map((e) => e.id),
    ...(doc.notes ?? []).map((n) => n.id),
  ]);
  return [...lit].filter((id) => nodes.has(id));
}

/** How an element in a focus is shown in the panel. */
export interface FocusLabel {
  id: string;
  kind: 'system' | 'entity' | 'link' | 'note' | 'missing';
  name: string;
}

/** Readable names of a step's focus ids, in focus order: `Okta`, `Workday › Worker`, `Worker.Email → User.login`. */
export function describeFocus(doc: CrosswalkDocument, focus: readonly string[] | undefined): FocusLabel[] {
  const name = endpointNamer(doc);
  return (focus ?? []).map((id): FocusLabel => {
    const system = findSystem(doc, id);
    if (system) return { id, kind: 'system', name: system.name };
    const entity = findEntity(doc, id);
    if (entity) {
      const owner = entity.system !== undefined ? findSystem(doc, entity.system) : undefined;
      return { id, kind: 'entity', name: owner ? `${owner.name} › ${entity.name}` : entity.name };
    }
    const link = findLink(doc, id);
    if (link) return { id, kind: 'link', name: linkName(name, link) };
    const note = doc.notes?.find((n) => n.id === id);
    if (note) return { id, kind: 'note', name: `Note: ${oneLine(note.text, 40)}` };
    return { id, kind: 'missing', name: id };
  });
}

/** The first line of a text, shortened with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The ids of the current selection that can be a focus: elements that exist, in document
 * order; a selected field row stands for its entity.
 */
export function focusFromSelection(
  doc: CrosswalkDocument,
  selection: { ids: readonly string[]; field?: { entity: string } },
): string[] {
  const wanted = new Set(selection.ids);
  if (selection.field) wanted.add(selection.field.entity);
  const ordered = [
    ...doc.systems.map((s) => s.id),
    ...doc.entities.map((e) => e.id),
    ...doc.links.map((l) => l.id),
    ...(doc.notes ?? []).map((n) => n.id),
  ];
  return ordered.filter((id) => wanted.has(id));
}

/** A focus with `ids` added after what it already holds (none twice). */
export function addToFocus(focus: readonly string[] | undefined, ids: readonly string[]): string[] {
  const out = [...(focus ?? [])];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

/**
 * The pair of systems a link joins, when its ends lie in two different systems (a flow, or
 * a mapping across systems): a step can focus on the pair, both systems and every link
 * between them. Undefined otherwise.
 */
export function pairOfLink(doc: CrosswalkDocument, linkId: string): [string, string] | undefined {
  const link = findLink(doc, linkId);
  if (!link) return undefined;
  const systemOf = (ep: Endpoint) => (isSystemEndpoint(ep) ? ep.system : findEntity(doc, ep.entity)?.system);
  const a = systemOf(link.from);
  const b = systemOf(link.to);
  if (a === undefined || b === undefined || a === b || !findSystem(doc, a) || !findSystem(doc, b)) return undefined;
  return [a, b];
}

/** Talking points from the textarea: one per line, blank lines dropped, ends trimmed. */
export function parseBullets(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * Where a dragged step lands: dropping step `from` into the gap `slot` (0 = before the
 * first, n = after the last) gives the index to pass to `moveStep`.
 */
export function dropIndex(from: number, slot: number): number {
  return slot > from ? slot - 1 : slot;
}

/**
 * The step index a key moves to in present mode, or `'exit'`, or `undefined` when the
 * key is not a presenter key. Next: →, ↓, Space, Page Down; previous: ←, ↑, Page Up,
 * Backspace; Home and End jump; Escape leaves.
 */
export function presentKeyTarget(key: string, index: number, count: number): number | 'exit' | undefined {
  const last = Math.max(0, count - 1);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
    case 'Spacebar':
    case 'PageDown':
      return Math.min(index + 1, last);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'Escape':
      return 'exit';
    default:
      return undefined;
  }
}

/** A width and height in screen pixels (or, for a focus, in canvas units). */
export interface Extent {
  width: number;
  height: number;
}

/** Space to keep clear on each side of the canvas when fitting, in screen pixels. */
export interface Clearance {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Where a present-mode step fits its focus without hiding under the step card (bottom-left)
 * or the speaker notes (right, `sideWidth` 0 when closed). The card is kept clear either by
 * fitting beside it or above it — whichever shows the focus (`focus`, in canvas units)
 * larger: a wide diagram fits above a short card, a tall one beside it. Comparing only the
 * card's share of the screen squeezed wide diagrams into a narrow strip next to a tall card.
 */
export function presentClearance(pane: Extent, card: Extent, sideWidth: number, focus: Extent, margin = 24): Clearance {
  const edgeX = Math.round(pane.width * 0.05);
  const edgeY = Math.round(pane.height * 0.05);
  const right = sideWidth > 0 ? Math.round(sideWidth + margin * 2) : edgeX;
  const beside: Clearance = { top: edgeY, right, bottom: edgeY, left: Math.round(card.width + margin * 2) };
  const above: Clearance = { top: edgeY, right, bottom: Math.round(card.height + margin * 2), left: edgeX };
  const scale = (c: Clearance) => {
    const w = pane.width - c.left - c.right;
    const h = pane.height - c.top - c.bottom;
    if (w <= 0 || h <= 0) return 0;
    return Math.min(w / Math.max(focus.width, 1), h / Math.max(focus.height, 1));
  };
  return scale(beside) > scale(above) ? beside : above;
}

/** Time since present mode started, for the speaker view: `4:05`, `1:02:09`. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** How the talk is going against its target, for the speaker view. */
export interface Pace {
  /** The target for the whole talk and for one step (the target shared evenly), in ms. */
  talk: number;
  perStep: number;
  /** Where the talk should be by now: `ahead`, `on time` or `behind`, and by how much (ms). */
  status: 'ahead' | 'on time' | 'behind';
  by: number;
}

/**
 * The pace of a talk of `talkMinutes` over `steps` steps, `elapsed` ms in, on step `index`:
 * on time while the time spent lies between the planned start and end of this step; ahead
 * before its start, behind past its end. Undefined without a target or steps.
 */
export function paceOf(elapsed: number, index: number, steps: number, talkMinutes: number | undefined): Pace | undefined {
  if (!talkMinutes || talkMinutes <= 0 || steps <= 0) return undefined;
  const talk = talkMinutes * 60_000;
  const perStep = talk / steps;
  const start = index * perStep;
  const end = start + perStep;
  if (elapsed < start) return { talk, perStep, status: 'ahead', by: start - elapsed };
  if (elapsed > end) return { talk, perStep, status: 'behind', by: elapsed - end };
  return { talk, perStep, status: 'on time', by: 0 };
}
