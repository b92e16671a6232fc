import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWalEntry, writeWalEntry, type WalEntry } from '../../src/app/persistence/backend';
import { applyPatch, diffText } from '../../src/app/persistence/text-patch';

// The write-ahead log of a large document: each change as one replaced stretch of the text.

describe('diffText and applyPatch', () => {
  it('rebuild the new text from the old one exactly, and refuse another base', () => {
    // Long texts (past the 1,024-character blocks compared at once) that differ in one place or several.
    const long = fc.tuple(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 3000 }));
    fc.assert(
      fc.property(long, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 200 }), ([head, mid, tail], other, noise) => {
        const a = head + mid + tail;
        for (const b of [head + other + tail, a + noise, noise + a, other, '', a]) {
          const p = diffText(a, b);
          expect(applyPatch(a, p)).toBe(b);
          expect(p.text.length).toBeLessThanOrEqual(b.length);
        }
        expect(applyPatch(`${a}!`, diffText(a, head))).toBeUndefined();
      }),
      { numRuns: 200 },
    );
    // An edit in the middle of a large text is a small patch.
    const big = 'x'.repeat(100_000);
    expect(diffText(`${big}a${big}`, `${big}bc${big}`)).toEqual({ from: 100_000, to: 100_001, length: 200_001, text: 'bc' });
  });

  it('survive the log’s entry format', () => {
    const entry: WalEntry = { id: 'd', tab: 't', seq: 3, base: 7, baseSeq: 1, at: 5, patches: [{ after: 1, seq: 2, from: 0, to: 1, length: 2, text: 'a\n"b"' }, { after: 2, seq: 3, from: 1, to: 1, length: 6, text: '' }] };
    expect(readWalEntry(writeWalEntry(entry))).toEqual(entry);
  });
});
