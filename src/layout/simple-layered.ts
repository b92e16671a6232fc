import type { ElkNode } from 'elkjs/lib/elk-api';
import { SYSTEM_HEADER_HEIGHT, SYSTEM_MIN_SIZE, SYSTEM_PADDING } from '../model/geometry';
import { COLUMN_GAP, estimateLayers, splitIntoColumns, targetColumnHeight } from './columns';

// A layered layout of our own, for the graphs ELK cannot take: ELK's Java-born algorithms
// recurse once per node along a path (components, cycle breaking, network simplex), so a
// chain of a few thousand entities overflows the stack, and long before that it takes
// minutes. This one is plain loops over arrays: the longest-path layer of each top-level
// box (estimateLayers, iterative), layers as columns left to right, each system's entities
// in balanced columns inside it, and the columns wrapped into bands so a 20,000-entity
// chain comes out as a block that reads left to right, top to bottom, not a line a
// kilometre long. It fills in the same fields ELK would (x, y, width, height), so the
// caller reads the result back the same way.

/** Space between columns of boxes (matches ELK's spacing between layers). */
const LAYER_GAP = 140;
/** Space between the bands a long run of columns wraps into. */
const BAND_GAP = 80;
/** Entities in a system: aim at a box this much wider than tall (as ELK's `aspectRatio`). */
const SYSTEM_ASPECT_RATIO = 1.6;

/** The id of the node an edge end (a node id, or a port id `e3.p1.E`) belongs to. */
function nodeOfEnd(end: string): string {
  const dot = end.indexOf('.');
  return dot < 0 ? end : end.slice(0, dot);
}

/** Places a system's entities in balanced columns and sizes the system around them. */
function placeSystem(system: ElkNode): void {
  const children = system.children ?? [];
  if (children.length === 0) {
    system.width ??= SYSTEM_MIN_SIZE.width;
    system.height ??= SYSTEM_MIN_SIZE.height;
    return;
  }
  const heights = children.map((c) => c.height ?? 0);
  let widest = 0;
  for (const c of children) widest = Math.max(widest, c.width ?? 0);
  const column = splitIntoColumns(heights, targetColumnHeight(heights, widest + COLUMN_GAP, SYSTEM_ASPECT_RATIO));
  const columnY: number[] = [];
  let right = 0;
  let bottom = 0;
  children.forEach((c, i) => {
    const y = columnY[column[i]] ?? SYSTEM_HEADER_HEIGHT;
    c.x = SYSTEM_PADDING + column[i] * (widest + COLUMN_GAP);
    c.y = y;
    columnY[column[i]] = y + (c.height ?? 0) + COLUMN_GAP;
    right = Math.max(right, c.x + (c.width ?? 0));
    bottom = Math.max(bottom, y + (c.height ?? 0));
  });
  system.width = Math.max(SYSTEM_MIN_SIZE.width, right + SYSTEM_PADDING);
  system.height = Math.max(SYSTEM_MIN_SIZE.height, bottom + SYSTEM_PADDING);
}

/**
 * Lays out an ELK graph as built by buildElkGraph (systems holding entities, free entities
 * and notes at the root, edges between nodes or their ports) without ELK: boxes in columns
 * by their longest-path layer, the columns wrapped into bands about `aspectRatio` times
 * wider than tall. Writes x, y, width and height into the graph's nodes (children of a
 * system relative to it, as ELK does) and returns the graph. Linear in the size of the
 * graph, apart from sorting; no recursion.
 */
export function layoutLayered(root: ElkNode, aspectRatio: number): ElkNode {
  const tops = root.children ?? [];
  const topIndex = new Map<string, number>();
  tops.forEach((top, i) => {
    topIndex.set(top.id, i);
    for (const child of top.children ?? []) topIndex.set(child.id, i);
  });
  const links: [number, number][] = [];
  const addEdges = (node: ElkNode) => {
    for (const e of node.edges ?? []) {
      const a = topIndex.get(nodeOfEnd(e.sources[0]));
      const b = topIndex.get(nodeOfEnd(e.targets[0]));
      if (a !== undefined && b !== undefined && a !== b) links.push([a, b]);
    }
  };
  addEdges(root);
  for (const top of tops) {
    addEdges(top);
    // Systems are the nodes with a children array (buildElkGraph gives every system one).
    if (top.children !== undefined) placeSystem(top);
  }
  const layer = estimateLayers(tops.length, links);

  // Columns: the boxes of each layer, top to bottom in document order.
  const columns: number[][] = [];
  layer.forEach((l, i) => (columns[l] ??= []).push(i));
  const width: number[] = [];
  const height: number[] = [];
  let area = 0;
  let widest = 0;
  // Longest-path layers leave no layer empty; `?? []` only keeps the arrays aligned regardless.
  for (let c = 0; c < columns.length; c++) {
    const members = (columns[c] ??= []);
    let w = 0;
    let h = -COLUMN_GAP;
    for (const i of members) {
      w = Math.max(w, tops[i].width ?? 0);
      h += (tops[i].height ?? 0) + COLUMN_GAP;
    }
    width.push(w);
    height.push(h);
    area += (w + LAYER_GAP) * (h + BAND_GAP);
    widest = Math.max(widest, w);
  }

  // Bands: consecutive columns up to a width that gives the whole its aspect ratio.
  // Wrapping only pays when columns are many and narrow: a band always has room for two of
  // the widest (a huge system and the one it feeds stay side by side).
  const bandWidth = Math.max(2 * widest + LAYER_GAP, Math.sqrt(area * aspectRatio));
  let x = 0;
  let y = 0;
  let bandHeight = 0;
  let right = 0;
  columns.forEach((members, c) => {
    if (x > 0 && x + width[c] > bandWidth) {
      x = 0;
      y += bandHeight + BAND_GAP;
      bandHeight = 0;
    }
    let top = y;
    for (const i of members) {
      tops[i].x = x;
      tops[i].y = top;
      top += (tops[i].height ?? 0) + COLUMN_GAP;
    }
    right = Math.max(right, x + width[c]);
    bandHeight = Math.max(bandHeight, height[c]);
    x += width[c] + LAYER_GAP;
  });
  root.width = right;
  root.height = columns.length > 0 ? y + bandHeight : 0;
  return root;
}
