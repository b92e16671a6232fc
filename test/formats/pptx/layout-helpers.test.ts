import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containRect, parsePicture } from '../../../src/formats/pptx/picture';
import { isClear, routeAround, type Attach } from '../../../src/formats/pptx/route';
import { paginateRows } from '../../../src/formats/pptx/table-layout';
import { fitText, linesHeight, measureText, truncateToWidth, wrapText } from '../../../src/formats/pptx/text-fit';
import { compactView, MAX_GAP, squeezeView, swimlaneView } from '../../../src/formats/pptx/view-compact';
import { splitBySystems } from '../../../src/formats/pptx/diagram-split';
import { COLLAPSED_SCALE } from '../../../src/formats/pptx/diagram-draw';
import { tileScale } from '../../../src/formats/pptx/slides-diagram';
import type { DiagramView } from '../../../src/formats/pptx/diagram-view';
import type { Entity } from '../../../src/model/types';

describe('text fitting', () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9_.]{1,30}$/), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

  it('wraps into lines no wider than the box (a lone character excepted)', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.3, max: 6, noNaN: true }), fc.integer({ min: 10, max: 24 }), (text, width, size) => {
        for (const line of wrapText(text, width, size)) {
          if (Array.from(line).length > 1) expect(measureText(line, size)).toBeLessThanOrEqual(width + 1e-9);
        }
      }),
    );
  });

  it('never goes below the smallest size, and what it returns fits', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.4, max: 6, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (text, w, h) => {
        const fitted = fitText(text, w, h, { maxPt: 24, minPt: 10, maxLines: 4 });
        expect(fitted.size).toBeGreaterThanOrEqual(10);
        expect(fitted.size).toBeLessThanOrEqual(24);
        expect(fitted.lines).toBeLessThanOrEqual(4);
        if (linesHeight(1, 10) <= h) expect(linesHeight(fitted.lines, fitted.size)).toBeLessThanOrEqual(h + 1e-9);
        if (fitted.truncated) expect(fitted.text.endsWith('…')).toBe(true);
        else expect(fitted.text).toBe(text);
      }),
    );
  });

  it('shortens with an ellipsis, never splitting a surrogate pair', () => {
    const t = truncateToWidth('🚀'.repeat(50), 1, 12);
    expect(t.endsWith('…')).toBe(true);
    expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(measureText(t, 12)).toBeLessThanOrEqual(1);
    expect(truncateToWidth('short', 3, 12)).toBe('short');
  });

  it('prefers a smaller size to breaking a word', () => {
    const fitted = fitText('Google Workspace', 1.13, 1, { maxPt: 16, minPt: 10, bold: true, maxLines: 3 });
    expect(wrapText(fitted.text, 1.13, fitted.size, { bold: true })).toEqual(['Google', 'Workspace']);
  });
});

describe('routes', () => {
  const area = { x: 0, y: 0, w: 10, h: 5 };
  it('goes around a box between the ends, leaving and entering on the given sides', () => {
    const a: Attach = { x: 1, y: 1, side: 'right' };
    const b: Attach = { x: 5, y: 1, side: 'left' };
    const wall = { x: 2, y: 0.5, w: 2, h: 1 };
    const pts = routeAround(a, b, [wall], { stub: 0.1, offset: 0, area });
    expect(isClear(pts, [wall])).toBe(true);
    expect(pts[0]).toEqual({ x: 1, y: 1, side: 'right' });
    expect(pts[1].x).toBeGreaterThan(1);
    expect(pts[pts.length - 1]).toEqual({ x: 5, y: 1, side: 'left' });
    expect(pts[pts.length - 2].x).toBeLessThan(5);
    // Orthogonal: each segment is horizontal or vertical.
    for (let i = 1; i < pts.length; i++) expect(pts[i].x === pts[i - 1].x || pts[i].y === pts[i - 1].y).toBe(true);
  });

  it('is a plain three-segment elbow when nothing is in the way', () => {
    const pts = routeAround({ x: 1, y: 1, side: 'right' }, { x: 3, y: 2, side: 'left' }, [], { stub: 0.1, offset: 0, area });
    expect(pts).toEqual([{ x: 1, y: 1, side: 'right' }, { x: 2, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 2, side: 'left' }]);
  });
});

describe('table pagination', () => {
  it('keeps every row once, in order, each page within the height (a too-tall row alone)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { maxLength: 80 }), (heights) => {
        const pages = paginateRows(0.3, heights, 4);
        expect(pages.flat()).toEqual(heights.map((_, i) => i));
        for (const page of pages) {
          const used = 0.3 + page.reduce((h, i) => h + heights[i], 0);
          if (page.length > 1) expect(used).toBeLessThanOrEqual(4 + 1e-9);
        }
      }),
    );
  });
});

describe('pictures', () => {
  it('reads a PNG size from its header and keeps its shape inside an area', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgYGD4//8/AAYBAv4CsjmuAAAAAElFTkSuQmCC';
    const p = parsePicture('diagram', png);
    expect([p.width, p.height]).toEqual([2, 1]);
    expect(containRect(p, { x: 0, y: 0, w: 4, h: 4 })).toEqual({ x: 0, y: 1, w: 4, h: 2 });
    expect(() => parsePicture('step:x', 'data:image/png;base64,AAAA')).toThrow('pictures["step:x"]');
  });
});

describe('compacting a view', () => {
  const entity = (id: string, system?: string): Entity => ({ id, name: id, system, fields: [] });
  const view: DiagramView = {
    systems: [],
    entities: [
      { entity: entity('a'), box: { x: 0, y: 0, width: 240, height: 60 } },
      { entity: entity('b'), box: { x: 2000, y: 900, width: 240, height: 60 } },
      { entity: entity('c'), box: { x: 2100, y: 0, width: 240, height: 60 } },
    ],
    notes: [],
    links: [],
    bounds: { x: 0, y: 0, width: 2340, height: 960 },
  };

  it('closes wide empty bands but keeps order, alignment and sizes', () => {
    const out = squeezeView(view);
    const [a, b, c] = out.entities.map((e) => e.box);
    expect(b.x - (a.x + a.width)).toBe(MAX_GAP);
    expect(c.x - b.x).toBe(100);
    expect(a.y).toBe(c.y);
    expect(b.y - (a.y + a.height)).toBe(MAX_GAP);
    expect(out.bounds.width).toBeLessThan(view.bounds.width);
    expect(out.entities.map((e) => e.box.width)).toEqual([240, 240, 240]);
  });

  it('sets systems out as columns of their entities, none overlapping', () => {
    const sys = (id: string, x: number) => ({ system: { id, name: id }, box: { x, y: 0, width: 600, height: 400 }, labelled: true });
    const v: DiagramView = {
      ...view,
      systems: [sys('s2', 1000), sys('s1', 0)],
      entities: ['x', 'y', 'z'].map((id, i) => ({ entity: entity(id, i < 2 ? 's1' : 's2'), box: { x: 10 + i, y: 100 * (3 - i), width: 240, height: 80 } })),
    };
    const out = swimlaneView(v, () => 80, 2);
    const boxes = [...out.systems.map((s) => s.box), ...out.entities.map((e) => e.box)];
    const s1 = out.systems.find((s) => s.system.id === 's1')!.box;
    for (const e of out.entities.filter((e) => e.entity.system === 's1')) {
      expect(e.box.x).toBeGreaterThanOrEqual(s1.x);
      expect(e.box.y + e.box.height).toBeLessThanOrEqual(s1.y + s1.height);
    }
    // y above x in the column: canvas order top to bottom.
    const [first, second] = out.entities.filter((e) => e.entity.system === 's1');
    expect([first.entity.id, second.entity.id]).toEqual(['y', 'x']);
    const entities = out.entities.map((e) => e.box);
    for (let i = 0; i < entities.length; i++)
      for (let j = i + 1; j < entities.length; j++) {
        const [p, q] = [entities[i], entities[j]];
        expect(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height).toBe(false);
      }
    expect(boxes.length).toBe(5);
  });
});

describe('splitting a large diagram', () => {
  const sys = (id: string, x: number, y = 0) => ({ system: { id, name: id }, box: { x, y, width: 600, height: 500 }, labelled: true });
  const ent = (id: string, system: string, x: number, y = 60): DiagramView['entities'][number] => ({
    entity: { id, name: id, system, fields: [] },
    box: { x, y, width: 240, height: 100 },
  });

  it('keeps whole systems together, left to right, each part legible, every entity once', () => {
    const systems = Array.from({ length: 6 }, (_, i) => sys(`s${i}`, i * 700, (i % 2) * 900));
    const entities = systems.map((s, i) => ent(`e${i}`, s.system.id, s.box.x + 24, s.box.y + 60));
    const view: DiagramView = {
      systems,
      entities,
      notes: [],
      links: [{ id: 'l', kind: 'mapping', from: { entity: 'e0' }, to: { entity: 'e1' } }],
      bounds: { x: 0, y: 0, width: 4100, height: 1400 },
    };
    const area = { x: 0, y: 0, w: 9.2, h: 4.45 };
    const parts = splitBySystems(view, area);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.entities.map((e) => e.entity.id))).toEqual(entities.map((e) => e.entity.id));
    for (const part of parts) {
      expect(Math.min(area.w / part.bounds.width, area.h / part.bounds.height)).toBeGreaterThanOrEqual(COLLAPSED_SCALE);
      for (const e of part.entities) expect(part.systems.map((s) => s.system.id)).toContain(e.entity.system);
    }
    // The link stays only where both its ends are.
    const withBoth = parts.find((p) => p.entities.some((e) => e.entity.id === 'e0') && p.entities.some((e) => e.entity.id === 'e1'));
    for (const part of parts) expect(part.links.length).toBe(part === withBoth ? 1 : 0);
  });

  it('compacts the room inside systems without moving an entity out of its frame', () => {
    const s = sys('s', 0);
    s.box = { x: 0, y: 0, width: 2000, height: 1500 };
    const view: DiagramView = {
      systems: [s],
      entities: [ent('a', 's', 24, 60), ent('b', 's', 1500, 1200)],
      notes: [],
      links: [],
      bounds: s.box,
    };
    const out = compactView(view);
    const frame = out.systems[0].box;
    expect(frame.width).toBeLessThan(1000);
    for (const e of out.entities) {
      expect(e.box.x).toBeGreaterThanOrEqual(frame.x);
      expect(e.box.y).toBeGreaterThanOrEqual(frame.y);
      expect(e.box.x + e.box.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(e.box.y + e.box.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
    const [a, b] = out.entities.map((e) => e.box);
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.y).toBeGreaterThan(a.y);
  });

  it('chooses the fewest legible tiles, filling them', () => {
    const area = { x: 0, y: 0, w: 9.2, h: 4.45 };
    expect(tileScale(2000, 1000, area)).toBeGreaterThanOrEqual(COLLAPSED_SCALE);
    const s = tileScale(6000, 1000, area);
    expect(s).toBeGreaterThanOrEqual(COLLAPSED_SCALE);
    expect(s).toBeLessThan(COLLAPSED_SCALE * 1.6);
  });
});
