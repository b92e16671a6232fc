// Approximate text measuring. Slides name their font but do not embed it, and the renderer
// wraps text itself, so exact metrics are out of reach; these are Arial's advance widths
// (Liberation Sans has the same), rounded up a little, so that text judged to fit does fit.

/** Arial advance widths for U+0020–U+007E, in thousandths of an em. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
];

/** Points per inch. */
export const PT_PER_IN = 72;
/** Line height as a multiple of the font size (Arial's ascent + descent, plus a little). */
export const LINE_HEIGHT = 1.2;
/** Safety factor on every measured width. */
const SLACK = 1.08;

/** Relative widths of a few common fonts against Arial; an unknown font counts as wider. */
const FONT_FACTORS: Record<string, number> = {
  arial: 1,
  helvetica: 1,
  'liberation sans': 1,
  calibri: 0.9,
  carlito: 0.9,
  verdana: 1.18,
  tahoma: 1.05,
  'segoe ui': 1.02,
  'times new roman': 0.92,
  georgia: 1.05,
};

/** How much wider than Arial a font sets text. */
export function fontFactor(font: string): number {
  return FONT_FACTORS[font.toLowerCase()] ?? 1.1;
}

function charWidth(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[code - 0x20];
  if (code < 0x20) return 0;
  if (code >= 0x300 && code <= 0x36f) return 0; // combining marks
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfe0f) return 0; // joiners, selectors
  if (code >= 0x1100 && code <= 0x115f) return 1000; // Hangul jamo
  if (code >= 0x2e80 && code <= 0xa4cf) return 1000; // CJK
  if (code >= 0xac00 && code <= 0xd7a3) return 1000; // Hangul
  if (code >= 0xf900 && code <= 0xfaff) return 1000;
  if (code >= 0xff00 && code <= 0xff60) return 1000; // full-width forms
  if (code >= 0x1f000) return 1150; // emoji and pictographs (drawn by a fallback font)
  if (code >= 0x2600 && code <= 0x27bf) return 1000; // symbols, dingbats
  return 640;
}

/** Width of a text in inches at a font size in points (bold sets about 8% wider). */
export function measureText(text: string, sizePt: number, options: { bold?: boolean; font?: string } = {}): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0) ?? 0);
  const factor = (options.bold ? 1.08 : 1) * fontFactor(options.font ?? 'Arial') * SLACK;
  return (units / 1000) * (sizePt / PT_PER_IN) * factor;
}

/**
 * Width in inches of the widest word of a text (split at white space), a little over, so
 * that a box this wide keeps it on one line once its size is rounded to EMU.
 */
export function widestWord(text: string, sizePt: number, options: { bold?: boolean; font?: string } = {}): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, measureText(word, sizePt, options));
  return widest * 1.02;
}

/** Height in inches of `lines` lines at a font size in points. */
export function linesHeight(lines: number, sizePt: number): number {
  return (lines * sizePt * LINE_HEIGHT) / PT_PER_IN;
}

/** Options for wrapping and fitting. */
export interface FitOptions {
  bold?: boolean;
  font?: string;
}

/**
 * Breaks text into lines no wider than `widthIn`, at spaces where it can and inside a word
 * where it must (as renderers do). Each `\n` starts a new line.
 */
export function wrapText(text: string, widthIn: number, sizePt: number, options: FitOptions = {}): string[] {
  return wrapTextInfo(text, widthIn, sizePt, options).lines;
}

/** Like {@link wrapText}, also saying whether a word had to be broken. */
export function wrapTextInfo(text: string, widthIn: number, sizePt: number, options: FitOptions = {}): { lines: string[]; brokeWord: boolean } {
  let brokeWord = false;
  const lines: string[] = [];
  const fits = (s: string) => measureText(s, sizePt, options) <= widthIn;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(?<=[\s\u200b])/)) {
      const candidate = line + word;
      if (fits(candidate.trimEnd())) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      // A word wider than the line is broken by characters.
      for (const ch of word) {
        if (!fits((line + ch).trimEnd()) && line.trim()) {
          lines.push(line.trimEnd());
          line = '';
          brokeWord = true;
        }
        line += ch;
      }
    }
    lines.push(line.trimEnd());
  }
  return { lines, brokeWord };
}

/** The result of fitting text into a box. */
export interface FittedText {
  /** The text to write: always the whole text (names are never shortened). */
  text: string;
  /** The font size in points. */
  size: number;
  /** How many lines it takes. */
  lines: number;
  /** Whether even at the smallest size it needs more room than the box has. */
  overflows: boolean;
}

/**
 * Fits text into a box: the largest size from `maxPt` down to `minPt` at which the wrapped
 * text fits `heightIn` in at most `maxLines` lines, preferring a size that keeps words whole.
 * Never shortens the text and never goes below `minPt`: text that does not fit even there
 * comes back at `minPt`, marked `overflows`, for the caller to give it more room.
 */
export function fitText(
  text: string,
  widthIn: number,
  heightIn: number,
  opts: FitOptions & { maxPt: number; minPt: number; maxLines?: number },
): FittedText {
  const maxLinesCap = opts.maxLines ?? Infinity;
  let whole: FittedText | undefined;
  for (let size = opts.maxPt; size >= opts.minPt; size -= size > 14 ? 2 : 1) {
    const room = Math.min(maxLinesCap, Math.floor(heightIn / linesHeight(1, size) + 1e-9));
    const { lines, brokeWord } = wrapTextInfo(text, widthIn, size, opts);
    if (lines.length > room) continue;
    // A smaller size that keeps words whole reads better than a word broken in two.
    if (!brokeWord) return { text, size, lines: lines.length, overflows: false };
    whole ??= { text, size, lines: lines.length, overflows: false };
  }
  if (whole) return whole;
  const lines = wrapText(text, widthIn, opts.minPt, opts).length;
  return { text, size: opts.minPt, lines, overflows: true };
}
