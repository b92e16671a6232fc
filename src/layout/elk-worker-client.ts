import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ElkLike } from './elk';
import type { LayoutRequest, LayoutResponse } from './elk-worker-protocol';

/**
 * Creates an {@link ElkLike} whose layouts run in a module Web Worker (browser only).
 * Requests are answered in any order, matched by id. `terminate` stops the worker and
 * rejects whatever is still waiting, so a caller never hangs on a dead worker.
 */
export function createWorkerElk(): ElkLike {
  // This exact form lets Vite bundle the worker and its imports as their own chunk.
  const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (graph: ElkNode) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const answer = event.data;
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if ('error' in answer) p.reject(new Error(answer.error));
    else p.resolve(answer.graph);
  };
  worker.onerror = (event: ErrorEvent) => {
    // A worker that fails to load (or throws outside a request) would otherwise leave every
    // request waiting for ever.
    failAll(new Error(`The layout worker failed: ${event.message || 'could not be loaded'}`));
  };

  return {
    layout(graph: ElkNode): Promise<ElkNode> {
      const id = nextId++;
      return new Promise<ElkNode>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: LayoutRequest = { id, graph };
        worker.postMessage(request);
      });
    },
    terminate(): void {
      worker.terminate();
      failAll(new Error('The layout worker was stopped.'));
    },
  };
}
