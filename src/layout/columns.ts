// How many columns a system's entities take, and which entity goes in which.
//
// Left to ELK, the relations inside a system decide its columns: a chain of foreign keys
// (QuoteLineItem → Quote → Opportunity → Account) becomes a staircase five columns wide,
// and the mappings leaving the first entities cross every box to their right. Without
// relations every system is one column, and a system of eight entities is taller than a
// screen. So relations inside a linked system are left out of the layered layout, and a
// tall system is cut into a few columns here, in document order (the order its author
// listed the entities in), balanced by height.

/** The vertical gap between entities of one column (matches ELK's node spacing). */
export const COLUMN_GAP = 40;

/**
 * The height a column should not pass, for a group of entity heights that should come out
 * about `aspectRatio` times wider than tall with `columnWidth` per column (entity plus the
 * gap to the next column). Never below the tallest entity.
 */
export function targetColumnHeight(heights: readonly number[], columnWidth: number, aspectRatio: number): number {
  if (heights.length === 0) return 0;
  const area = heights.reduce((sum, h) => sum + columnWidth * (h + COLUMN_GAP), 0);
  return Math.max(maxOf(heights), Math.sqrt(area / aspectRatio));
}

/** The largest number (0 for none). A loop: `Math.max(...xs)` overflows the stack on big arrays. */
function maxOf(xs: readonly number[]): number {
  let max = 0;
  for (const x of xs) if (x > max) max = x;
  return max;
}

/** Above this many entities the exact partition (quadratic per column) gives way to a search. */
const EXACT_PARTITION_LIMIT = 200;

/** Height of one column holding the given entity heights, gaps included. */
function columnHeight(heights: readonly number[], from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h += heights[i];
  return h + Math.max(0, to - from - 1) * COLUMN_GAP;
}

/**
 * Splits entity heights (in document order) into as few contiguous columns as keep each
 * under `maxHeight`, with the tallest column as short as possible. Returns each entity's
 * column index. A single entity taller than `maxHeight` gets a column of its own.
 */
export function splitIntoColumns(heights: readonly number[], maxHeight: number): number[] {
  const n = heights.length;
  if (n === 0) return [];
  const total = columnHeight(heights, 0, n);
  const k = Math.min(n, Math.max(1, Math.ceil((total + COLUMN_GAP) / (maxHeight + COLUMN_GAP))));
  if (n > EXACT_PARTITION_LIMIT) return searchColumns(heights, k);
  // Linear partition by dynamic programming: best[j][i] = the smallest tallest column when
  // the first i entities fill j columns. n is small (the entities of one system).
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n; i++) {
      for (let from = j - 1; from < i; from++) {
        const tallest = Math.max(best[j - 1][from], columnHeight(heights, from, i));
        if (tallest < best[j][i]) {
          best[j][i] = tallest;
          cut[j][i] = from;
        }
      }
    }
  }
  const column = new Array<number>(n).fill(0);
  let end = n;
  for (let j = k; j >= 1; j--) {
    const from = cut[j][end];
    for (let i = from; i < end; i++) column[i] = j - 1;
    end = from;
  }
  return column;
}

/**
 * The same partition for many entities, in O(n log): the smallest tallest column that fits
 * into `k` columns filled greedily, found by bisection (a limit that fits greedily is one
 * any partition into k columns can meet). May use fewer than k columns.
 */
function searchColumns(heights: readonly number[], k: number): number[] {
  const fill = (limit: number, column?: number[]): number => {
    let col = 0;
    let used = -COLUMN_GAP;
    heights.forEach((h, i) => {
      if (used + COLUMN_GAP + h > limit && used > -COLUMN_GAP) {
        col++;
        used = -COLUMN_GAP;
      }
      used += COLUMN_GAP + h;
      if (column) column[i] = col;
    });
    return col + 1;
  };
  let lo = maxOf(heights);
  let hi = columnHeight(heights, 0, heights.length);
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (fill(mid) <= k) hi = mid;
    else lo = mid;
  }
  const column = new Array<number>(heights.length).fill(0);
  fill(fill(lo) <= k ? lo : hi, column);
  return column;
}

/**
 * Estimates the layer (column of systems, left to right) of each of `count` boxes from
 * the links between them, `[from, to]` pairs of box indices: the longest path from a box
 * nothing points to. Links that close a cycle are ignored (depth-first, in index order),
 * as ELK reverses some edges of a cycle too.
 */
export function estimateLayers(count: number, links: readonly (readonly [number, number])[]): number[] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of links) if (a !== b) out[a].push(b);
  // Depth-first search marks the edges that close a cycle; the rest form a DAG.
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const dag: number[][] = Array.from({ length: count }, () => []);
  const order: number[] = [];
  const visit = (start: number) => {
    const stack: [node: number, next: number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next < out[node].length) {
        top[1]++;
        const to = out[node][next];
        if (state[to] === 1) continue; // closes a cycle
        dag[node].push(to);
        if (state[to] === 0) {
          state[to] = 1;
          stack.push([to, 0]);
        }
      } else {
        state[node] = 2;
        order.push(node);
        stack.pop();
      }
    }
  };
  for (let i = 0; i < count; i++) if (state[i] === 0) visit(i);
  const layer = new Array<number>(count).fill(0);
  // Reverse post-order is a topological order of the DAG.
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    for (const to of dag[node]) layer[to] = Math.max(layer[to], layer[node] + 1);
  }
  return layer;
}

/** One linked system, as the column planner sees it. */
export interface ColumnSystem {
  /** Estimated layer (see {@link estimateLayers}). */
  layer: number;
  /** Its entities' heights, in the order they should fill columns from left to right. */
  heights: readonly number[];
}

/** Height of a system box whose entities are split under `limit`. */
function systemHeight(heights: readonly number[], limit: number, chrome: number): number {
  const column = splitIntoColumns(heights, limit);
  const perColumn: number[] = [];
  heights.forEach((h, i) => (perColumn[column[i]] = (perColumn[column[i]] ?? -COLUMN_GAP) + h + COLUMN_GAP));
  return maxOf(perColumn) + chrome;
}

/**
 * Chooses a column-height limit per layer so that the systems sharing a layer, stacked
 * (each `chrome` taller than its tallest column, `gap` apart), stay under `targetHeight`
 * when they can. Returns the limit for each system, in the order given.
 */
export function planColumnLimits(
  systems: readonly ColumnSystem[],
  targetHeight: number,
  chrome: number,
  gap: number,
): number[] {
  const byLayer = new Map<number, number[]>();
  systems.forEach((s, i) => {
    const members = byLayer.get(s.layer);
    if (members) members.push(i);
    else byLayer.set(s.layer, [i]);
  });
  const limits = new Array<number>(systems.length).fill(targetHeight);
  for (const members of byLayer.values()) {
    const stacked = (limit: number) =>
      members.reduce((sum, i) => sum + systemHeight(systems[i].heights, limit, chrome), 0) + (members.length - 1) * gap;
    const floor = maxOf(members.flatMap((i) => systems[i].heights));
    if (stacked(targetHeight) <= targetHeight) continue;
    // The stack only shrinks as the limit does: search for the largest limit that fits.
    let lo = floor;
    let hi = targetHeight;
    if (stacked(lo) > targetHeight) hi = lo;
    while (hi - lo > 4) {
      const mid = (lo + hi) / 2;
      if (stacked(mid) <= targetHeight) lo = mid;
      else hi = mid;
    }
    for (const i of members) limits[i] = lo;
  }
  return limits;
}
