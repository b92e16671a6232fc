import type { ElkNode } from 'elkjs/lib/elk-api';

// The messages between the app and the layout worker. Kept apart so both sides type-check
// against one definition, and so the worker entry imports nothing of the client.

/** Asks the worker to lay out a graph. */
export interface LayoutRequest {
  id: number;
  graph: ElkNode;
}

/** The worker's answer: the laid-out graph, or a readable error. */
export type LayoutResponse = { id: number; graph: ElkNode } | { id: number; error: string };
