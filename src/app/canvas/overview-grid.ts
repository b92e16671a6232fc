import { unionBoxes } from '../../model/geometry';
// A spatial index of boxes in grid buckets, so a redraw of a zoomed-in view visits the
// entities and lines near it instead of scanning the whole document (7,500 lines at 5,000
// entities). Built once per list of boxes; queries answer indices in list order, so what is
// drawn keeps the document's stacking order.

/** An axis-aligned rectangle (canvas units). */
export interface GridRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes spanning more cells than this are kept in one list checked by every query. */
const MAX_CELLS_PER_ITEM = 64;
/** At most this many cells a side. */
const MAX_SIDE = 256;

const intersects = (a: GridRect, b: GridRect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

export class GridIndex {
  private readonly boxes: readonly GridRect[];
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly buckets: number[][];
  /** Items too large for buckets. */
  private readonly big: number[] = [];
  /** Which query last saw each item (no item is answered twice). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  readonly bounds: GridRect;

  constructor(boxes: readonly GridRect[]) {
    this.boxes = boxes;
    this.seen = new Uint32Array(boxes.length);
    this.bounds = unionBoxes(boxes);
    // About two items per cell, at least 32 units, at most MAX_SIDE cells a side.
    const area = Math.max(1, this.bounds.width * this.bounds.height);
    this.cell = Math.max(32, Math.sqrt((area * 2) / Math.max(1, boxes.length)), this.bounds.width / MAX_SIDE, this.bounds.height / MAX_SIDE);
    this.x0 = this.bounds.x;
    this.y0 = this.bounds.y;
    this.cols = Math.max(1, Math.ceil(this.bounds.width / this.cell) + 1);
    this.rows = Math.max(1, Math.ceil(this.bounds.height / this.cell) + 1);
    this.buckets = Array.from({ length: this.cols * this.rows }, () => []);
    boxes.forEach((b, i) => {
      const [c1, r1, c2, r2] = this.span(b);
      if ((c2 - c1 + 1) * (r2 - r1 + 1) > MAX_CELLS_PER_ITEM) {
        this.big.push(i);
        return;
      }
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.buckets[r * this.cols + c].push(i);
    });
  }

  /** The cells a rectangle touches, clamped to the grid: [col1, row1, col2, row2]. */
  private span(b: GridRect): [number, number, number, number] {
    const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
    return [
      clamp(Math.floor((b.x - this.x0) / this.cell), this.cols - 1),
      clamp(Math.floor((b.y - this.y0) / this.cell), this.rows - 1),
      clamp(Math.floor((b.x + b.width - this.x0) / this.cell), this.cols - 1),
      clamp(Math.floor((b.y + b.height - this.y0) / this.cell), this.rows - 1),
    ];
  }

  /** Indices of the boxes that meet `rect` (edges touching count), in ascending order. */
  query(rect: GridRect): number[] {
    const out: number[] = [];
    if (!this.boxes.length || !intersects(rect, this.bounds)) return out;
    const [c1, r1, c2, r2] = this.span(rect);
    // A view holding most of the grid: a plain scan is cheaper than visiting the buckets.
    if ((c2 - c1 + 1) * (r2 - r1 + 1) * 2 > this.cols * this.rows) {
      this.boxes.forEach((b, i) => {
        if (intersects(rect, b)) out.push(i);
      });
      return out;
    }
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const take = (i: number) => {
      if (this.seen[i] === stamp) return;
      this.seen[i] = stamp;
      if (intersects(rect, this.boxes[i])) out.push(i);
    };
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) for (const i of this.buckets[r * this.cols + c]) take(i);
    for (const i of this.big) take(i);
    return out.sort((a, b) => a - b);
  }
}
