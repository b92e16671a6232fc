import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Point } from '../model/types';

// ELK packs unconnected parts of a graph side by side only when it lays each graph out on
// its own; with `hierarchyHandling: INCLUDE_CHILDREN` (needed for edges between entities of
// different systems) it stacks them all in one tall column. So the document is split into
// its connected parts here, each part is laid out alone, and the parts are packed in rows.

/** One connected part of the document, as indices into its arrays. */
export interface LayoutPart {
  systems: number[];
  /** Entities in no system. */
  freeEntities: number[];
  notes: number[];
}

/** Splits a document into connected parts: systems and free entities joined by links, and each note alone. */
export function splitIntoParts(doc: CrosswalkDocument): LayoutPart[] {
  // Union-find over the top-level boxes: `s<i>` systems, `e<i>` free entities.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = k;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    // The smaller key wins, so the result does not depend on link order.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };

  const systemIndex = new Map<string, number>();
  doc.systems.forEach((s, i) => {
    systemIndex.set(s.id, i);
    parent.set(`s${i}`, `s${i}`);
  });
  const topOfEntity = new Map<string, string>();
  doc.entities.forEach((e, i) => {
    const s = e.system !== undefined ? systemIndex.get(e.system) : undefined;
    if (s !== undefined) topOfEntity.set(e.id, `s${s}`);
    else {
      topOfEntity.set(e.id, `e${i}`);
      parent.set(`e${i}`, `e${i}`);
    }
  });
  const top = (ep: Endpoint): string | undefined => {
    if (isSystemEndpoint(ep)) {
      const s = systemIndex.get(ep.system);
      return s === undefined ? undefined : `s${s}`;
    }
    return isEntityEndpoint(ep) ? topOfEntity.get(ep.entity) : undefined;
  };
  for (const l of doc.links) {
    const a = top(l.from);
    const b = top(l.to);
    if (a !== undefined && b !== undefined) union(a, b);
  }

  // Parts in the order of their first member in the document.
  const parts = new Map<string, LayoutPart>();
  const partOf = (key: string): LayoutPart => {
    const root = find(key);
    let part = parts.get(root);
    if (!part) {
      part = { systems: [], freeEntities: [], notes: [] };
      parts.set(root, part);
    }
    return part;
  };
  doc.systems.forEach((_, i) => partOf(`s${i}`).systems.push(i));
  doc.entities.forEach((e, i) => {
    if (topOfEntity.get(e.id) === `e${i}`) partOf(`e${i}`).freeEntities.push(i);
  });
  const out = [...parts.values()];
  (doc.notes ?? []).forEach((_, i) => out.push({ systems: [], freeEntities: [], notes: [i] }));
  return out;
}

/**
 * Packs boxes into rows (largest first, a stable order for equal areas), aiming at a
 * whole that is `aspectRatio` times wider than tall. Returns each box's top-left corner,
 * in the order the sizes were given.
 */
export function packInRows(
  sizes: readonly { width: number; height: number }[],
  gap: number,
  aspectRatio: number,
): Point[] {
  const out: Point[] = sizes.map(() => ({ x: 0, y: 0 }));
  if (sizes.length === 0) return out;
  const area = sizes.reduce((sum, s) => sum + (s.width + gap) * (s.height + gap), 0);
  // A loop, not Math.max(...): a spread of thousands of parts can overflow the stack.
  const widest = sizes.reduce((w, s) => Math.max(w, s.width), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * aspectRatio));
  const order = sizes
    .map((s, i) => ({ i, area: s.width * s.height }))
    .sort((a, b) => b.area - a.area || a.i - b.i)
    .map((o) => o.i);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const i of order) {
    const s = sizes[i];
    if (x > 0 && x + s.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    out[i] = { x, y };
    x += s.width + gap;
    rowHeight = Math.max(rowHeight, s.height);
  }
  return out;
}
