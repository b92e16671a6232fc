import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeParseError, parseDocumentText } from '../src/io/file';
import { createBundledElk, layoutDocument, needsLayout } from '../src/layout/elk';
import type { CrosswalkDocument } from '../src/model/types';
import { validateDocument } from '../src/model/validate';
import { findOverlaps } from './layout/overlap';

// Every example must open as written by hand: no positions needed, no problems at all.

const dir = new URL('../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function open(file: string): CrosswalkDocument {
  const result = parseDocumentText(readFileSync(new URL(file, dir), 'utf8'));
  if (!result.ok) throw new Error(describeParseError(result.error).join('\n'));
  return result.doc;
}

describe('examples', () => {
  it('has at least three examples, all named *.crosswalk.json', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(f).toMatch(/\.crosswalk\.json$/);
  });

  it.each(files)('%s opens with no problems and shows every kind of thing', (file) => {
    const doc = open(file);
    expect(doc.systems.length).toBeGreaterThanOrEqual(3);
    for (const kind of ['mapping', 'relation', 'flow'] as const) {
      expect(doc.links.filter((l) => l.kind === kind).length, kind).toBeGreaterThanOrEqual(1);
    }
    const steps = doc.walkthrough ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      expect(step.bullets?.length, step.id).toBeGreaterThan(0);
      expect(step.speakerNotes, step.id).toBeTruthy();
      expect(step.focus?.length, step.id).toBeGreaterThan(0);
    }
    // Validation already refuses unknown focus ids; this says so in the example's own terms.
    const ids = new Set([...doc.systems, ...doc.entities, ...doc.links, ...(doc.notes ?? [])].map((x) => x.id));
    for (const step of steps) for (const id of step.focus ?? []) expect(ids.has(id), `${step.id} focus ${id}`).toBe(true);
  });

  it.each(files)('%s ships laid out with no overlaps, and lays out again with none from no positions', async (file) => {
    const shipped = open(file);
    // Shipped with positions, so a first visit needs no layout worker.
    expect(needsLayout(shipped)).toBe(false);
    expect(findOverlaps(shipped)).toEqual([]);
    const doc = {
      ...shipped,
      systems: shipped.systems.map(({ position: _p, size: _s, ...s }) => s),
      entities: shipped.entities.map(({ position: _p, ...e }) => e),
      notes: shipped.notes?.map(({ position: _p, ...n }) => n),
    };
    expect(needsLayout(doc)).toBe(true);
    const laidOut = await layoutDocument(doc, { elk: await createBundledElk() });
    expect(validateDocument(laidOut)).toMatchObject({ ok: true });
    expect(needsLayout(laidOut)).toBe(false);
    expect(findOverlaps(laidOut)).toEqual([]);
  });
});
