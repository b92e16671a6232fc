import type { Box } from '../../model/geometry';
import type { Point } from '../../model/types';

// Edge labels are placed at the middle of their edge, unless another label already sits
// there (several mappings fanning out of one field all meet near the middle): then a little
// earlier or later along the edge. A grid of buckets keeps the check cheap, so placing n
// labels stays linear in n.

/** Where along an edge a label may go, best first. */
export const LABEL_POSITIONS: readonly number[] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

const CELL = 64;

/** Remembers placed label boxes and answers whether a new one would overlap any. */
export class LabelPlacer {
  private readonly cells = new Map<string, Box[]>();

  /** The first position (by `along(t)` for t in {@link LABEL_POSITIONS}) where a box of this size overlaps no placed label; the middle if none is free. Records the chosen box. */
  place(width: number, height: number, along: (t: number) => Point): Box {
    let chosen: Box | undefined;
    for (const t of LABEL_POSITIONS) {
      const p = along(t);
      const box = { x: p.x - width / 2, y: p.y - height / 2, width, height };
      if (!this.overlaps(box)) {
        chosen = box;
        break;
      }
    }
    if (!chosen) {
      const p = along(LABEL_POSITIONS[0]);
      chosen = { x: p.x - width / 2, y: p.y - height / 2, width, height };
    }
    for (const key of this.keys(chosen)) {
      const list = this.cells.get(key);
      if (list) list.push(chosen);
      else this.cells.set(key, [chosen]);
    }
    return chosen;
  }

  private overlaps(b: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) {
        if (b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height) return true;
      }
    }
    return false;
  }

  private *keys(b: Box): Iterable<string> {
    const x1 = Math.floor(b.x / CELL);
    const y1 = Math.floor(b.y / CELL);
    const x2 = Math.floor((b.x + b.width) / CELL);
    const y2 = Math.floor((b.y + b.height) / CELL);
    for (let i = x1; i <= x2; i++) for (let j = y1; j <= y2; j++) yield `${i},${j}`;
  }
}
