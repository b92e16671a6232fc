import { useState } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';

// Entity and system nodes carry their handles' places from the geometry (node.handles, see
// handles.ts), and an entity draws handle elements only where a connection can start. React
// Flow's ResizeObserver re-measures every node it starts observing with `force`, replacing
// those places with the handle elements it finds — none on an entity nobody hovers — and its
// edges then disappear (error 008). Dropping `force` for nodes that carry their handles or
// size keeps the geometry's numbers (so React Flow's bounds and the document's agree); a
// real size change still re-measures.

type Measure = ReactFlowState['updateNodeInternals'];
const WRAPPED = Symbol('crosswalk-keeps-handles');

/** Call in the component that renders <ReactFlow>, before it (the observer keeps the first function it sees). */
export function useGeometryHandles(): void {
  const store = useStoreApi();
  useState(() => {
    const state = store.getState();
    const measure = state.updateNodeInternals as Measure & { [WRAPPED]?: true };
    if (measure[WRAPPED]) return true;
    const wrapped: Measure & { [WRAPPED]?: true } = (updates, params) => {
      const { nodeLookup } = store.getState();
      for (const [id, update] of updates) {
        const user = nodeLookup.get(id)?.internals.userNode;
        if (update.force && (user?.handles || user?.measured)) updates.set(id, { ...update, force: false });
      }
      measure(updates, params);
    };
    wrapped[WRAPPED] = true;
    // Set in place, without notifying: nothing renders from this function's identity, and
    // React Flow's node renderer has not read it yet (it renders after this component).
    state.updateNodeInternals = wrapped;
    return true;
  });
}
