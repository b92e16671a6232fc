import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutRequest, LayoutResponse } from './elk-worker-protocol';

// The layout worker: runs ELK off the main thread so a 300-entity layout (seconds) never
// freezes the canvas. elkjs's bundled build runs ELK in the thread that loads it, which
// here is this worker.

const elk = new ELK();

/** Turns whatever ELK threw into a message a person can read. */
function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

// elkjs's bundle also installs its own `onmessage` when loaded in a worker; assigning ours
// after the import replaces it, so only this protocol answers.
self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, graph: await elk.layout(graph) };
  } catch (e) {
    response = { id, error: `ELK layout failed: ${describe(e)}` };
  }
  self.postMessage(response);
};
