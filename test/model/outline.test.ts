import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import { collectIds } from '../../src/model/ids';
import { addStep } from '../../src/model/ops';
import { starterOutline } from '../../src/model/outline';
import { checkDocument } from '../../src/model/validate';

describe('starterOutline', () => {
  it('gives seven titled steps with two or three prompt bullets each, in story order', () => {
    const steps = starterOutline(new Set());
    expect(steps).toHaveLength(7);
    expect(steps[0].title).toMatch(/context/i);
    expect(steps[1].title).toMatch(/success/i);
    expect(steps[2].title).toMatch(/architecture/i);
    expect(steps[3].title).toMatch(/data model/i);
    expect(steps[4].title).toMatch(/decision/i);
    expect(steps[5].title).toMatch(/milestone/i);
    expect(steps[6].title).toMatch(/lesson/i);
    for (const s of steps) {
      expect(s.title.trim()).not.toBe('');
      expect(s.bullets?.length).toBeGreaterThanOrEqual(2);
      expect(s.bullets?.length).toBeLessThanOrEqual(3);
      expect(s.focus).toBeUndefined();
    }
  });

  it('avoids taken ids and repeats none of its own', () => {
    const first = starterOutline(new Set());
    const taken = new Set(first.map((s) => s.id));
    const second = starterOutline(taken);
    for (const s of second) expect(taken.has(s.id)).toBe(false);
    expect(new Set(second.map((s) => s.id)).size).toBe(7);
  });

  it('appended twice to an example, the document stays valid', () => {
    const parsed = parseDocumentText(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
    if (!parsed.ok) throw new Error('example does not parse');
    let doc = parsed.doc;
    for (let round = 0; round < 2; round++) {
      for (const s of starterOutline(collectIds(doc))) doc = addStep(doc, s);
    }
    expect(doc.walkthrough).toHaveLength((parsed.doc.walkthrough?.length ?? 0) + 14);
    expect(checkDocument(doc)).toEqual([]);
  });

  it('returns fresh arrays, so editing one outline leaves the next untouched', () => {
    const a = starterOutline(new Set());
    a[0].bullets!.push('changed');
    expect(starterOutline(new Set())[0].bullets).not.toContain('changed');
  });
});
