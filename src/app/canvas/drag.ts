import { computeGeometry, SYSTEM_PADDING } from '../../model/geometry';
import * as ops from '../../model/ops';
import { applyEdit, commitTransient, getState } from '../store/store';

/**
 * Ends a drag as one undo step: entities dropped into a system join it, entities dropped
 * outside every system leave theirs (their position made relative to the new parent).
 */
export function finishDrag(ids: readonly string[]): void {
  const doc = getState().doc;
  const geo = computeGeometry(doc);
  let next = doc;
  for (const id of ids) {
    const box = geo.entities.get(id);
    const entity = doc.entities.find((e) => e.id === id);
    if (!box || !entity) continue;
    const cx = box.x + box.width / 2;
    const cy = box.y + Math.min(box.height / 2, 40);
    const target = doc.systems
      .slice()
      .reverse()
      .find((s) => {
        const b = geo.systems.get(s.id)!;
        return cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
      });
    if (target?.id === entity.system) continue;
    const origin = target ? geo.systems.get(target.id)! : { x: 0, y: 0 };
    const position = { x: Math.round(box.x - origin.x), y: Math.round(box.y - origin.y) };
    next = ops.updateEntity(next, entity.id, { system: target?.id, position });
    // Grow the new system so the entity sits inside it.
    const size = target && geo.systems.get(target.id)!;
    if (target && size) {
      const width = Math.max(size.width, position.x + box.width + SYSTEM_PADDING);
      const height = Math.max(size.height, position.y + box.height + SYSTEM_PADDING);
      if (width !== size.width || height !== size.height) next = ops.updateSystem(next, target.id, { size: { width, height } });
    }
  }
  if (next !== doc) applyEdit(() => next);
  else commitTransient();
}
