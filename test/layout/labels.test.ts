import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeParseError, parseDocumentText } from '../../src/io/file';
import { createBundledElk, layoutDocument } from '../../src/layout/elk';
import {
  boxesOverlap,
  canvasCurve,
  curvePoint,
  labelObstacles,
  labelText,
  LABEL_MAX_LINES,
  placeCanvasLabels,
  placeLabels,
  type CanvasLabel,
  type LabelRequest,
} from '../../src/layout/labels';
import { computeGeometry, type Box } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';

// The bar of issue 10 for the canvas: no placed label overlaps another label, an entity,
// a note or a system's title; a label that has no room is a numbered marker, not cut text.

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function open(file: string): CrosswalkDocument {
  const result = parseDocumentText(readFileSync(new URL(file, dir), 'utf8'));
  if (!result.ok) throw new Error(describeParseError(result.error).join('\n'));
  return result.doc;
}

/** Every overlap between auto-placed labels, or between one and an obstacle, described. */
function labelProblems(doc: CrosswalkDocument, labels: readonly CanvasLabel[]): string[] {
  const obstacles = labelObstacles(computeGeometry(doc));
  const problems: string[] = [];
  const placed = labels.filter((l) => !l.crowded);
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i];
    for (let j = i + 1; j < placed.length; j++) {
      const b = placed[j];
      if (a.pinned && b.pinned) continue;
      if (boxesOverlap(a.box, b.box)) problems.push(`label ${a.id} overlaps label ${b.id}`);
    }
    if (a.pinned) continue;
    for (const o of obstacles) if (boxesOverlap(a.box, o)) problems.push(`label ${a.id} overlaps a box at ${o.x},${o.y}`);
  }
  return problems;
}

describe('canvas label placement', () => {
  it.each(files)('%s: no label overlaps a label, a node or a title, as written and after auto layout', async (file) => {
    const doc = open(file);
    const elk = await createBundledElk();
    for (const d of [doc, await layoutDocument(doc, { elk })]) {
      const labels = placeCanvasLabels(d);
      expect(labels.length).toBeGreaterThan(5);
      expect(labelProblems(d, labels)).toEqual([]);
      expect(labels.filter((l) => l.crowded)).toEqual([]);
      // Most labels keep their text; markers are the exception.
      expect(labels.filter((l) => l.kind === 'label').length).toBeGreaterThan(labels.length / 2);
    }
  });

  it('random documents: no label overlaps a label, a node or a title', () => {
    fc.assert(
      fc.property(arbitraryDocument({ maxEntities: 8, maxLinks: 14, unknownKeys: false }), (doc) => {
        const labels = placeCanvasLabels(doc);
        expect(labelProblems(doc, labels)).toEqual([]);
        for (const l of labels) if (l.kind === 'marker') expect(l.lines).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('puts a label on the middle of its line when there is room', () => {
    const curve = canvasCurve({ from: { x: 0, y: 0 }, to: { x: 400, y: 100 }, fromSide: 'right', toSide: 'left' });
    const [placed] = placeLabels([], [{ id: 'a', width: 60, height: 20, curve }]);
    const mid = curvePoint(curve, 0.5);
    expect(placed.kind).toBe('label');
    expect(placed.box.x + placed.box.width / 2).toBeCloseTo(mid.x);
    expect(placed.box.y + placed.box.height / 2).toBeCloseTo(mid.y);
  });

  it('moves a second label along the line rather than on top of the first', () => {
    const curve = canvasCurve({ from: { x: 0, y: 0 }, to: { x: 600, y: 0 }, fromSide: 'right', toSide: 'left' });
    const [a, b] = placeLabels([], [
      { id: 'a', width: 80, height: 20, curve },
      { id: 'b', width: 80, height: 20, curve },
    ]);
    expect(a.kind).toBe('label');
    expect(b.kind).toBe('label');
    expect(boxesOverlap(a.box, b.box)).toBe(false);
  });

  it('collapses a label with no room to a numbered marker, numbered in order', () => {
    // Two short lines side by side, with a node over all but a sliver of each.
    const curve = (y: number) => canvasCurve({ from: { x: 0, y }, to: { x: 100, y }, fromSide: 'right', toSide: 'left' });
    const node: Box = { x: 20, y: -100, width: 70, height: 300 };
    const requests: LabelRequest[] = [
      { id: 'a', width: 90, height: 20, curve: curve(0) },
      { id: 'b', width: 90, height: 20, curve: curve(60) },
    ];
    const placed = placeLabels([node], requests);
    expect(placed.map((p) => [p.kind, p.number])).toEqual([
      ['marker', 1],
      ['marker', 2],
    ]);
    for (const p of placed) expect(boxesOverlap(p.box, node)).toBe(false);
    expect(boxesOverlap(placed[0].box, placed[1].box)).toBe(false);
  });

  it('keeps a dragged label where the user put it, and others keep off it', () => {
    const curve = canvasCurve({ from: { x: 0, y: 0 }, to: { x: 600, y: 0 }, fromSide: 'right', toSide: 'left' });
    const mid = curvePoint(curve, 0.5);
    const [pinned, other] = placeLabels([], [
      { id: 'p', width: 80, height: 20, curve, offset: { x: 15, y: 40 } },
      { id: 'o', width: 80, height: 200, curve },
    ]);
    expect(pinned.pinned).toBe(true);
    expect(pinned.box.x + 40).toBeCloseTo(mid.x + 15);
    expect(pinned.box.y + 10).toBeCloseTo(mid.y + 40);
    expect(boxesOverlap(pinned.box, other.box)).toBe(false);
  });

  it('wraps long text into a few lines and never cuts it: too long is a marker', () => {
    const short = labelText('lowercase');
    expect(short.lines).toEqual(['lowercase']);
    expect(short.tooLong).toBe(false);
    const wrapped = labelText('lookup: Currency record by ISO code, then the NetSuite internal id');
    expect(wrapped.lines.length).toBeGreaterThan(1);
    expect(wrapped.lines.join(' ')).toBe('lookup: Currency record by ISO code, then the NetSuite internal id');
    const long = labelText('x '.repeat(400));
    expect(long.tooLong).toBe(true);
    expect(long.lines.length).toBeLessThanOrEqual(LABEL_MAX_LINES);
  });

  it('draws any text: newlines become lines, control characters go, markup stays text', () => {
    const t = labelText('<script>alert(1)</script>\n%% x\u0001y');
    expect(t.lines).toEqual(['<script>alert(1)</script>', '%% xy']);
    expect(t.tooLong).toBe(false);
    expect(t.width).toBeGreaterThan(0);
  });

  it('a long label in a document becomes a marker and keeps its whole text', () => {
    const doc = open(files[0]);
    const long = 'a very long transform '.repeat(20).trim();
    const link = doc.links.find((l) => l.kind === 'mapping')!;
    const changed = { ...doc, links: doc.links.map((l) => (l === link ? { ...l, transform: long, label: undefined } : l)) };
    const label = placeCanvasLabels(changed).find((l) => l.id === link.id)!;
    expect(label.kind).toBe('marker');
    expect(label.text).toBe(long);
    const numbers = placeCanvasLabels(changed).flatMap((l) => (l.kind === 'marker' ? [l.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers).toContain(label.number);
  });

  it('places every label of 1,000 entities, none over another (the bench times it)', () => {
    const systems = Array.from({ length: 50 }, (_, s) => ({ id: `s${s}`, name: `S${s}`, position: { x: (s % 10) * 700, y: Math.floor(s / 10) * 1400 } }));
    const entities = Array.from({ length: 1000 }, (_, i) => ({
      id: `e${i}`,
      name: `E${i}`,
      system: `s${i % 50}`,
      position: { x: 24 + (Math.floor(i / 50) % 2) * 300, y: 40 + Math.floor(i / 100) * 130 },
      fields: [{ id: 'f', name: 'f' }, { id: 'g', name: 'g' }],
    }));
    const links = Array.from({ length: 1500 }, (_, i) => ({
      id: `l${i}`,
      kind: 'mapping' as const,
      from: { entity: `e${i % 1000}`, field: 'f' },
      to: { entity: `e${(i * 7 + 50) % 1000}`, field: 'g' },
      transform: `t${i}`,
    }));
    const doc = { format: 'crosswalk', version: 1, title: 'big', systems, entities, links } as CrosswalkDocument;
    const labels = placeCanvasLabels(doc);
    expect(labels.length).toBe(1500);
    expect(labelProblems(doc, labels)).toEqual([]);
  });
});
