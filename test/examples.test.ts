import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeParseError, parseDocumentText } from '../src/io/file';

// Every example must open as written by hand: no positions needed, no problems at all.

const dir = new URL('../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('examples', () => {
  it('has at least three examples, all named *.crosswalk.json', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(f).toMatch(/\.crosswalk\.json$/);
  });

  it.each(files)('%s opens with no problems and shows every kind of thing', (file) => {
    const result = parseDocumentText(readFileSync(new URL(file, dir), 'utf8'));
    if (!result.ok) throw new Error(describeParseError(result.error).join('\n'));
    const { doc } = result;
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
  });
});
