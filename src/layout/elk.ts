import type { ElkNode } from 'elkjs/lib/elk-api';
import type { CrosswalkDocument, Point } from '../model/types';
import { packInRows, splitIntoParts, type LayoutPart } from './components';
import { buildElkGraph, COLUMN_ASPECT_RATIO, loneBoxGraph, type ElkGraphIndex } from './elk-graph';
import { layoutLayered } from './simple-layered';
import { widenGaps } from './gaps';

/**
 * What layout needs from ELK: the `layout(graph)` method. In Node this is elkjs itself; in
 * the browser the app passes an ELK that runs in a Web Worker (see elk-worker-client.ts),
 * and may call `terminate` when done.
 */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
  terminate?(): void;
}

/** Options of {@link layoutDocument}. */
export interface LayoutOptions {
  /** The ELK to use; default: elkjs's bundled build, in this thread. */
  elk?: ElkLike;
  /**
   * Lay out only when some system, entity or note has no position; otherwise return the
   * same document object untouched. When a layout does happen, it places everything.
   */
  onlyMissing?: boolean;
  /** Parts with more entities than this skip ELK (default {@link ELK_ENTITY_LIMIT}). */
  elkEntityLimit?: number;
}

/** Whether any system, entity or note lacks a position (a document written by hand or by a script). */
export function needsLayout(doc: CrosswalkDocument): boolean {
  return (
    doc.systems.some((s) => !s.position) ||
    doc.entities.some((e) => !e.position) ||
    (doc.notes ?? []).some((n) => !n.position)
  );
}

/** elkjs's bundled build: ELK running in the thread that loads it. */
const ELK_BUNDLED = 'elkjs/lib/elk.bundled.js';

/**
 * Loads elkjs's bundled build (Node: the CLI, tests, benchmarks). Loaded on first use: it
 * is 1.4 MB. The specifier is a variable so bundlers leave it out of the browser build,
 * where the app passes an ELK running in a worker (createWorkerElk) instead.
 */
export async function createBundledElk(): Promise<ElkLike> {
  const { default: ELK } = (await import(/* @vite-ignore */ ELK_BUNDLED)) as typeof import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  return { layout: (graph) => elk.layout(graph) };
}

/** Space between the packed parts of a document (unlinked systems, notes). */
const PART_GAP = 80;
/** Packed parts aim at a whole this much wider than tall (a slide is 16:9). */
const PART_ASPECT_RATIO = 1.8;

/**
 * Lays a document out left to right with ELK's layered algorithm: systems become boxes
 * sized to hold their entities, links pull the systems they join into columns, and notes
 * and unlinked parts are packed in rows around them. Returns a new document with the
 * position of every system, entity and note and the size of every system set (entity
 * positions are relative to their system, as the format says); nothing else changes.
 */
export async function layoutDocument(doc: CrosswalkDocument, options: LayoutOptions = {}): Promise<CrosswalkDocument> {
  if (options.onlyMissing && !needsLayout(doc)) return doc;
  // Loaded only when a part needs it: a huge document may have none that ELK lays out.
  let elk = options.elk;
  const getElk = async () => (elk ??= await createBundledElk());
  const parts = splitIntoParts(doc);
  // One part at a time: an ELK in a worker runs one layout at a time anyway.
  const laidOut: { root: ElkNode; index: ElkGraphIndex }[] = [];
  const counts = entityCounts(doc, parts);
  for (const [i, part] of parts.entries()) {
    const lone = loneBoxGraph(doc, part);
    if (lone) {
      laidOut.push({ root: lone.graph, index: lone.index });
      continue;
    }
    const { graph, index } = buildElkGraph(doc, part);
    const root = await layoutPart(getElk, graph, counts[i] > (options.elkEntityLimit ?? ELK_ENTITY_LIMIT));
    // Room for the labels of many lines between two columns (see gaps.ts).
    widenGaps(root);
    laidOut.push({ root, index });
  }
  const offsets = packInRows(
    laidOut.map(({ root }) => ({ width: root.width ?? 0, height: root.height ?? 0 })),
    PART_GAP,
    PART_ASPECT_RATIO,
  );
  const out: CrosswalkDocument = { ...doc, systems: doc.systems.slice(), entities: doc.entities.slice() };
  if (doc.notes) out.notes = doc.notes.slice();
  laidOut.forEach(({ root, index }, i) => applyLayout(out, root, index, offsets[i]));
  return out;
}

/**
 * Parts with more entities than this skip ELK and get the iterative layered layout of
 * simple-layered.ts (≈ 0.1 s for 500 entities). ELK's time grows steeply past a couple of
 * hundred entities with their field ports: laying out an imported PostgreSQL schema (5
 * schemas, 12 columns and ~1.3 foreign keys a table) took 2.9 s of CPU at 100 and 150
 * tables, 3.8 s at 200, 9.8 s at 250, 11 s at 300 (a machine under load, 2026-12-01) and
 * 39 s at 500 (quiet); a mapping sheet's import 3.5–3.8 s up to 200 entities, then 5.8 s
 * at 250 and 8.2 s at 300. Past 200 the user waits for a picture that, with hundreds of
 * crossing lines, reads no better than the columns. ELK also recurses once per node along
 * a path (a chain of about 5,000 overflows the stack).
 */
export const ELK_ENTITY_LIMIT = 200;

/** How many entities each part holds (counted once: a document may have thousands of parts). */
function entityCounts(doc: CrosswalkDocument, parts: readonly LayoutPart[]): number[] {
  const perSystem = new Map<string, number>();
  for (const e of doc.entities) if (e.system !== undefined) perSystem.set(e.system, (perSystem.get(e.system) ?? 0) + 1);
  return parts.map((part) => part.systems.reduce((n, i) => n + (perSystem.get(doc.systems[i].id) ?? 0), part.freeEntities.length));
}

/** Lays out one part with ELK, or without it when it is too big or ELK's recursion overflows. */
async function layoutPart(elk: () => Promise<ElkLike>, graph: ElkNode, tooBig: boolean): Promise<ElkNode> {
  if (tooBig) return layoutLayered(graph, COLUMN_ASPECT_RATIO);
  try {
    return await (await elk()).layout(graph);
  } catch (e) {
    // In a worker the error arrives as a message: "…Maximum call stack size exceeded".
    if (!/call stack|too much recursion/i.test(e instanceof Error ? e.message : String(e))) throw e;
    return layoutLayered(graph, COLUMN_ASPECT_RATIO);
  }
}

/** Writes the positions of one laid-out part into `out` (whose arrays are fresh copies). */
function applyLayout(out: CrosswalkDocument, root: ElkNode, index: ElkGraphIndex, offset: Point): void {
  const at = (node: ElkNode, by: Point): Point => ({
    x: Math.round((node.x ?? 0) + by.x),
    y: Math.round((node.y ?? 0) + by.y),
  });
  const origin = { x: 0, y: 0 };
  const placeEntity = (node: ElkNode, by: Point) => {
    const i = index.entities.get(node.id);
    if (i !== undefined) out.entities[i] = { ...out.entities[i], position: at(node, by) };
  };
  for (const node of root.children ?? []) {
    const s = index.systems.get(node.id);
    if (s !== undefined) {
      // Sizes round up so rounding never lets an entity stick out of its system.
      out.systems[s] = {
        ...out.systems[s],
        position: at(node, offset),
        size: { width: Math.ceil(node.width ?? 0), height: Math.ceil(node.height ?? 0) },
      };
      for (const child of node.children ?? []) placeEntity(child, origin);
      continue;
    }
    const n = index.notes.get(node.id);
    if (n !== undefined && out.notes) out.notes[n] = { ...out.notes[n], position: at(node, offset) };
    else placeEntity(node, offset);
  }
}
