import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOverlaps } from '../../../src/formats/pptx/overlap';
import { LANE_STYLE, layoutLanes, rankSystems, sitePoint, type LaneBlock, type LaneLink, type LaneLayout } from '../../../src/formats/pptx/lanes';
import { measureText } from '../../../src/formats/pptx/text-fit';

// The deck's one diagram layout: texts never overlap, nothing under 12 pt, every connector
// meets its boxes at their connection sites.

const AREA = { x: 0.4, y: 1, w: 9.2, h: 4.4 };
const name = fc.oneof(fc.stringMatching(/^[A-Za-z_]{1,20}$/), fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 }).map((w) => w.join(' ')));

const diagram = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    blocks: fc.array(fc.record({ title: name, rows: fc.array(name, { maxLength: 6 }), column: fc.nat(), system: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: name }), { maxLength: 8 }),
  })
  .map(({ columns, blocks, links }) => {
    const laneBlocks: LaneBlock[] = blocks.map((b, i) => ({
      key: `b${i}`,
      kind: b.system ? 'System' : 'Entity',
      title: b.title,
      rows: b.system ? [] : b.rows.map((text, j) => ({ key: `b${i}r${j}`, text })),
      column: b.column % columns,
      unit: `u${i}`,
    }));
    const anchors = laneBlocks.flatMap((b) => [b.key, ...b.rows.map((r) => r.key)]);
    const laneLinks: LaneLink[] = links.map((l, i) => ({ key: `l${i}`, from: anchors[l.a % anchors.length], to: anchors[l.b % anchors.length], text: l.text, style: 'mapping' }));
    return { columns, blocks: laneBlocks, links: laneLinks };
  });

describe('layoutLanes', () => {
  it('places texts that never overlap, at 12 pt or more, with connectors on the sites they name', () => {
    fc.assert(
      fc.property(diagram, ({ columns, blocks, links }) => {
        const layout = layoutLanes(columns, blocks, links, AREA, 'Arial');
        expect(findOverlaps(layout.texts.map((t) => t.rect))).toEqual([]);
        for (const t of layout.texts) for (const p of t.paragraphs) expect(p.size).toBeGreaterThanOrEqual(12);
        const rect = new Map(layout.texts.map((t) => [t.key, t.rect]));
        expect(layout.connectors).toHaveLength(2 * links.length);
        for (const c of layout.connectors) {
          expect(c.start).toEqual(sitePoint(rect.get(c.from)!, c.fromSite));
          expect(c.end).toEqual(sitePoint(rect.get(c.to)!, c.toSite));
        }
        // Every text is there in full.
        for (const b of blocks) {
          expect(layout.texts.find((t) => t.key === b.key)!.paragraphs[0].text).toBe(b.title);
          for (const r of b.rows) expect(layout.texts.find((t) => t.key === r.key)!.paragraphs[0].text).toBe(r.text);
        }
        if (layout.fits) for (const t of layout.texts) expect(t.rect.y + t.rect.h).toBeLessThanOrEqual(AREA.y + AREA.h + 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('makes a laid-out lane at least as wide as its longest word, taking the room from the columns or saying it does not fit', () => {
    // The six-system deck's leavers step: three columns beside the bullets (6.05 in), one
    // transform with a long word. Its lane was 0.5 in wide and "DEPROVISIONED" broke in two.
    const blocks: LaneBlock[] = [
      { key: 'w', kind: 'Entity', title: 'Worker', rows: [{ key: 'w.s', text: 'Worker_Status' }], column: 0, unit: 'w' },
      { key: 'o', kind: 'Entity', title: 'User', rows: [{ key: 'o.s', text: 'status' }], column: 1, unit: 'o' },
      ...['suspended', 'active', 'IsActive', 'active'].map((r, i): LaneBlock => ({ key: `a${i}`, kind: 'Entity', title: 'User', rows: [{ key: `a${i}.r`, text: r }], column: 2, unit: `a${i}` })),
    ];
    const links: LaneLink[] = [
      { key: 'm', from: 'w.s', to: 'o.s', text: 'Active → ACTIVE; Terminated → DEPROVISIONED', style: 'mapping' },
      ...[0, 1, 2, 3].map((i): LaneLink => ({ key: `m${i}`, from: 'o.s', to: `a${i}.r`, text: 'status = ACTIVE', style: 'mapping' })),
    ];
    for (const w of [6.05, 9.2]) {
      const layout = layoutLanes(3, blocks, links, { ...AREA, w }, 'Arial');
      if (w === 9.2) expect(layout.fits).toBe(true);
      if (layout.fits) expect(brokenWords(layout)).toEqual([]);
    }
  });

  it('keeps every word of a laid-out diagram whole when it says it fits', () => {
    fc.assert(
      fc.property(diagram, ({ columns, blocks, links }) => {
        const layout = layoutLanes(columns, blocks, links, AREA, 'Arial');
        if (layout.fits) expect(brokenWords(layout)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('lines a target row up with its source when there is room, and puts the transform between them', () => {
    const blocks: LaneBlock[] = [
      { key: 'src', kind: 'Entity', title: 'Worker', rows: ['a', 'b', 'c', 'd'].map((r) => ({ key: `src.${r}`, text: r })), column: 0, unit: 's' },
      { key: 'dst', kind: 'Entity', title: 'User', rows: [{ key: 'dst.x', text: 'x' }], column: 1, unit: 't' },
    ];
    const layout = layoutLanes(2, blocks, [{ key: 'm', from: 'src.d', to: 'dst.x', text: 'lowercase', style: 'mapping' }], AREA, 'Arial');
    const at = (k: string) => layout.texts.find((t) => t.key === k)!.rect;
    expect(at('dst.x').y + at('dst.x').h / 2).toBeCloseTo(at('src.d').y + at('src.d').h / 2, 1);
    expect(at('label:m').x).toBeGreaterThan(at('src.d').x + at('src.d').w);
    expect(at('label:m').x + at('label:m').w).toBeLessThan(at('dst.x').x);
  });
});

describe('rankSystems', () => {
  it('puts sources left of what they feed, survives cycles, and folds into the columns allowed', () => {
    expect(Object.fromEntries(rankSystems(['hr', 'idp', 'app', 'alone'], [['hr', 'idp'], ['idp', 'app']], 4))).toEqual({ hr: 0, idp: 1, app: 2, alone: 0 });
    const cyclic = rankSystems(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']], 4);
    expect(new Set(cyclic.values()).size).toBe(3);
    const chain = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const folded = rankSystems(chain, chain.slice(1).map((s, i) => [chain[i], s]), 4);
    expect(Math.max(...folded.values())).toBe(3);
    expect(chain.map((s) => folded.get(s)!)).toEqual([...chain.map((s) => folded.get(s)!)].sort((a, b) => a - b));
  });
});

/** Words wider than the line of the box they are in (a word longer than the widest column is allowed to break). */
function brokenWords(layout: LaneLayout): string[] {
  const out: string[] = [];
  for (const t of layout.texts) {
    const line = t.rect.w - 2 * LANE_STYLE.inset.h;
    for (const p of t.paragraphs) {
      for (const word of p.text.split(/\s+/)) {
        const w = measureText(word, p.size, { bold: p.bold, font: 'Arial' });
        if (w > line + 1e-9 && w + 2 * LANE_STYLE.inset.h + 2 * LANE_STYLE.lanePad <= LANE_STYLE.maxColumn) out.push(`${word} in ${t.key} (${w.toFixed(2)} > ${line.toFixed(2)})`);
      }
    }
  }
  return out;
}
