import { dropEntities, holdEntities } from '../../model/placement';
import { applyEdit, applyTransient, commitTransient, getState } from '../store/store';

/**
 * Ends a drag as one undo step: entities dropped into a system join it, entities dropped
 * outside every system leave theirs (the rule is the core's: `dropEntities`), and every
 * system that holds a dragged entity grows to hold it (`holdEntities`), even when the
 * entity was only moved to, or past, its edge.
 */
export function finishDrag(ids: readonly string[]): void {
  const doc = getState().doc;
  const next = holdEntities(dropEntities(doc, ids), ids);
  if (next !== doc) applyEdit(() => next);
  else commitTransient();
}

/** Ends a resize as one undo step; a system made smaller than its entities keeps holding them. */
export function finishResize(ids: readonly string[]): void {
  const systems = new Set(ids);
  const held = getState().doc.entities.filter((e) => e.system !== undefined && systems.has(e.system)).map((e) => e.id);
  applyTransient((d) => holdEntities(d, held));
  commitTransient();
}
