import { dropEntities } from '../../model/placement';
import { applyEdit, commitTransient, getState } from '../store/store';

/**
 * Ends a drag as one undo step: entities dropped into a system join it, entities dropped
 * outside every system leave theirs (the rule is the core's: `dropEntities`).
 */
export function finishDrag(ids: readonly string[]): void {
  const doc = getState().doc;
  const next = dropEntities(doc, ids);
  if (next !== doc) applyEdit(() => next);
  else commitTransient();
}
