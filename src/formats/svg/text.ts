import { stripForbidden } from './xml';

// An SVG file cannot measure text, and the core has no DOM, so text is measured with
// Arial's advance widths (identical to Helvetica's, the standard PDF metrics) for ASCII and
// a width per class of character for the rest. Good enough to know when to cut a name with
// an ellipsis; the full text always stays in the file (see `fitText`).

/** Advance widths of ASCII 32..126 in Arial, in thousandths of an em. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Advance widths of ASCII 32..126 in Arial Bold, in thousandths of an em. */
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];

/** The character that marks cut text. */
export const ELLIPSIS = '\u2026';

/** How text is set: size in px, and whether bold. */
export interface TextStyle {
  size: number;
  bold?: boolean;
}

// Characters that take no room of their own: joiners, variation selectors, emoji
// modifiers and tags, bidi controls, the soft hyphen (combining marks are tested apart).
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfe00, 0xfe0f],
  [0x1f3fb, 0x1f3ff],
  [0xe0000, 0xe007f],
  [0xe0100, 0xe01ef],
];
const MARK = /^\p{M}$/u;
// East Asian wide and full-width characters.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const ASCII_PRINTABLE = /^[\x20-\x7E]*$/;

/** Width of one code point (thousandths of an em); `afterJoiner` drops emoji joined to the previous one. */
function codePointWidth(ch: string, bold: boolean, afterJoiner: boolean): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x20 && c <= 0x7e) return (bold ? BOLD : REGULAR)[c - 0x20];
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  if (ZERO_WIDTH_RANGES.some(([a, b]) => c >= a && c <= b) || MARK.test(ch)) return 0;
  if (c === 0x2026) return 1000;
  if (WIDE.test(ch)) return 1000;
  if (c >= 0x1f1e6 && c <= 0x1f1ff) return 600; // a regional indicator; two make a flag
  if (PICTOGRAPHIC.test(ch)) return afterJoiner ? 0 : 1150;
  return bold ? 640 : 600;
}

/** Width in thousandths of an em. */
function emWidth(text: string, bold: boolean): number {
  let w = 0;
  if (ASCII_PRINTABLE.test(text)) {
    const table = bold ? BOLD : REGULAR;
    for (let i = 0; i < text.length; i++) w += table[text.charCodeAt(i) - 0x20];
    return w;
  }
  let prev = '';
  for (const ch of text) {
    w += codePointWidth(ch, bold, prev === '\u200D');
    prev = ch;
  }
  return w;
}

/**
 * The approximate width in px of one line of text (Arial metrics; other fonts of similar
 * width come out close). Pure and deterministic.
 */
export function measureText(text: string, style: TextStyle): number {
  return (emWidth(text, style.bold === true) * style.size) / 1000;
}

/** Splits text into user-perceived characters, so a cut never splits an emoji or a mark from its letter. */
export function graphemes(text: string): string[] {
  if (ASCII_PRINTABLE.test(text)) return text.split('');
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
    const out: string[] = [];
    for (const s of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) out.push(s.segment);
    return out;
  }
  return Array.from(text);
}

/**
 * One line for display: forbidden characters removed, newlines, tabs and runs of white
 * space turned into one space, trimmed.
 */
export function singleLine(text: string): string {
  return stripForbidden(text)
    .replace(/[\s\u0085\u2028\u2029]+/gu, ' ')
    .trim();
}

/** The result of fitting text into a width. */
export interface FittedText {
  /** What to draw. */
  text: string;
  /** Whether `text` lost anything (cut or white space folded) compared with the input. */
  changed: boolean;
}

/**
 * Fits text on one line within `maxWidth` px: folds white space (see {@link singleLine})
 * and, when still too wide, cuts at a character boundary and ends with an ellipsis.
 * `changed` tells the caller to keep the full text elsewhere (an SVG `<title>`).
 */
export function fitText(text: string, maxWidth: number, style: TextStyle): FittedText {
  const line = singleLine(text);
  const changed = line !== stripForbidden(text);
  if (measureText(line, style) <= maxWidth) return { text: line, changed };
  return { text: cutToWidth(line, maxWidth, style), changed: true };
}

/** The longest prefix of `line` that fits in `maxWidth` with an ellipsis after it. */
function cutToWidth(line: string, maxWidth: number, style: TextStyle): string {
  const budget = maxWidth - measureText(ELLIPSIS, style);
  if (budget < 0) return '';
  let used = 0;
  let out = '';
  for (const g of graphemes(line)) {
    const w = measureText(g, style);
    if (used + w > budget) break;
    used += w;
    out += g;
  }
  return out.trimEnd() + ELLIPSIS;
}

/**
 * Wraps text into at most `maxLines` lines of `maxWidth` px: paragraphs at newlines, words
 * at spaces, a word longer than a line at character boundaries. Text past the last line is
 * cut with an ellipsis. `changed` is true when anything was cut.
 */
export function wrapText(
  text: string,
  width: number,
  maxLines: number,
  style: TextStyle,
): { lines: string[]; changed: boolean } {
  const maxWidth = Math.max(1, width);
  const paragraphs = stripForbidden(text).split(/\r\n|[\n\r\u0085\u2028\u2029]/u);
  const lines: string[] = [];
  for (const p of paragraphs) {
    const words = singleLine(p).split(' ');
    let current = '';
    for (const word of words) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (measureText(candidate, style) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current !== '') lines.push(current);
      current = word;
      // A word wider than a line is broken wherever it must be.
      while (measureText(current, style) > maxWidth) {
        const [head, rest] = splitAtWidth(current, maxWidth, style);
        lines.push(head);
        current = rest;
      }
    }
    lines.push(current);
  }
  if (lines.length <= maxLines) return { lines, changed: false };
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length > 0) {
    const last = kept.length - 1;
    const withMark = kept[last] + ELLIPSIS;
    kept[last] = measureText(withMark, style) <= maxWidth ? withMark : cutToWidth(kept[last], maxWidth, style);
  }
  return { lines: kept, changed: true };
}

/** Splits off the longest head (at least one character) that fits in `maxWidth`. */
function splitAtWidth(word: string, maxWidth: number, style: TextStyle): [string, string] {
  const parts = graphemes(word);
  let used = 0;
  let i = 0;
  for (; i < parts.length; i++) {
    const w = measureText(parts[i], style);
    if (i > 0 && used + w > maxWidth) break;
    used += w;
  }
  return [parts.slice(0, i).join(''), parts.slice(i).join('')];
}
