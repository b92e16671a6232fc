import type { TextPatch } from './backend';

// The write-ahead log of a large document holds the changes since its last save instead of
// its whole text (which outgrows localStorage's quota from a few thousand entities): the
// serialised document keeps its order, so an edit changes one stretch of it. A change is
// the common start and end of the two texts kept, and the middle of the new one.

/** Block of characters compared at once (natively, as one string comparison). */
const BLOCK = 1024;

function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const ea = a.length;
  const eb = b.length;
  while (i + BLOCK <= max && a.slice(ea - i - BLOCK, ea - i) === b.slice(eb - i - BLOCK, eb - i)) i += BLOCK;
  while (i < max && a.charCodeAt(ea - i - 1) === b.charCodeAt(eb - i - 1)) i++;
  return i;
}

/** The change from text `a` to text `b` (one replaced stretch). */
export function diffText(a: string, b: string): Omit<TextPatch, 'after' | 'seq'> {
  const max = Math.min(a.length, b.length);
  const start = commonPrefix(a, b, max);
  const end = commonSuffix(a, b, max - start);
  return { from: start, to: a.length - end, length: a.length, text: b.slice(start, b.length - end) };
}

/** Applies a change to the text it was made on; undefined when `base` is not that text's length. */
export function applyPatch(base: string, p: Omit<TextPatch, 'after' | 'seq'>): string | undefined {
  if (base.length !== p.length || p.from < 0 || p.from > p.to || p.to > base.length) return undefined;
  return base.slice(0, p.from) + p.text + base.slice(p.to);
}
