import { linesHeight, measureText, wrapText } from '../../../src/formats/pptx/text-fit';
import { decodeXml } from './deck-reader';

// Whether every text of a written slide fits its box: read back from the slide XML (box,
// insets, each paragraph's size, weight and spacing) and measured with the same Arial
// metrics the drawing code uses. A text box that is too small shows its text cut or spilling
// over its neighbours; a table row too small for its text grows in the viewer, pushing the
// table past the slide or over what lies under it.

const EMU = 914400;
/** Measuring rounds: a text this much (inches) over its box still counts as fitting. */
const TOLERANCE = 0.02;

interface Paragraph {
  text: string;
  size: number;
  bold: boolean;
  spaceAfterPt: number;
  /** Left indent (bullets), inches. */
  indent: number;
}

function paragraphs(body: string): Paragraph[] {
  return [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => {
    const p = m[1];
    // The runs set the line height; the end-of-paragraph mark only for an empty paragraph.
    const runs = [...p.matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"/g)].map((s) => Number(s[1]) / 100);
    const sizes = runs.length ? runs : [...p.matchAll(/<a:endParaRPr\b[^>]*\bsz="(\d+)"/g)].map((s) => Number(s[1]) / 100);
    return {
      text: [...p.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => decodeXml(t[1])).join(''),
      size: sizes.length ? Math.max(...sizes) : 18,
      bold: /<a:rPr\b[^>]*\bb="1"/.test(p),
      spaceAfterPt: Number(/<a:spcAft><a:spcPts val="(\d+)"/.exec(p)?.[1] ?? 0) / 100,
      indent: Number(/<a:pPr\b[^>]*\bmarL="(\d+)"/.exec(p)?.[1] ?? 0) / EMU,
    };
  });
}

/** Height (inches) the paragraphs take wrapped at `width` inches. */
function textHeight(paras: readonly Paragraph[], width: number, font: string): number {
  let h = 0;
  paras.forEach((p, i) => {
    const lines = p.text === '' ? 1 : wrapText(p.text, width - p.indent, p.size, { bold: p.bold, font }).length;
    h += linesHeight(lines, p.size) + (i < paras.length - 1 ? p.spaceAfterPt / 72 : 0);
  });
  return h;
}

const attr = (tag: string, name: string, fallback: number) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(tag)?.[1] ?? fallback) / EMU;

/** A text of a slide: a shape's or a table cell's paragraphs, the width and height inside its insets (inches). */
interface SlideText {
  cell: boolean;
  paras: Paragraph[];
  width: number;
  room: number;
}

/** Every text shape and table cell of a slide that holds text. */
function* textsOf(slideXml: string): Generator<SlideText> {
  for (const m of slideXml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)) {
    const sp = m[1];
    const paras = paragraphs(sp);
    if (!paras.some((p) => p.text.trim())) continue;
    const box = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    if (!box) continue;
    const bodyPr = /<a:bodyPr\b[^>]*>/.exec(sp)?.[0] ?? '';
    const width = Number(box[3]) / EMU - attr(bodyPr, 'lIns', 91440) - attr(bodyPr, 'rIns', 91440);
    const room = Number(box[4]) / EMU - attr(bodyPr, 'tIns', 45720) - attr(bodyPr, 'bIns', 45720);
    yield { cell: false, paras, width, room };
  }
  for (const t of slideXml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)) {
    const cols = [...t[1].matchAll(/<a:gridCol w="(\d+)"/g)].map((c) => Number(c[1]) / EMU);
    for (const row of t[1].matchAll(/<a:tr h="(\d+)">([\s\S]*?)<\/a:tr>/g)) {
      const rowH = Number(row[1]) / EMU;
      let col = 0;
      for (const cell of row[2].matchAll(/<a:tc\b([^>]*)>([\s\S]*?)<\/a:tc>/g)) {
        const span = Number(/gridSpan="(\d+)"/.exec(cell[1])?.[1] ?? 1);
        const width = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        if (/hMerge="1"/.test(cell[1])) continue;
        const tcPr = /<a:tcPr\b[^>]*>/.exec(cell[2])?.[0] ?? '';
        const paras = paragraphs(cell[2]);
        if (!paras.some((p) => p.text.trim())) continue;
        yield {
          cell: true,
          paras,
          width: width - attr(tcPr, 'marL', 91440) - attr(tcPr, 'marR', 91440),
          room: rowH - attr(tcPr, 'marT', 45720) - attr(tcPr, 'marB', 45720),
        };
      }
    }
  }
}

const label = (t: SlideText) => `${t.cell ? 'cell ' : ''}"${t.paras.map((p) => p.text).join(' / ').slice(0, 50)}"`;

/** Every text of a slide that does not fit its box or table cell, described for a failure message; [] when all fit. */
export function textsThatDoNotFit(slideXml: string, font: string): string[] {
  const problems: string[] = [];
  for (const t of textsOf(slideXml)) {
    const need = textHeight(t.paras, t.width, font);
    if (need > t.room + TOLERANCE) problems.push(`${label(t)} needs ${need.toFixed(2)} in, ${t.cell ? 'its row gives' : 'has'} ${t.room.toFixed(2)}`);
  }
  return problems;
}

/**
 * Every word of a slide wider than the line it stands on (the viewer breaks it mid-word),
 * measured with the drawing's Arial metrics; [] when every word fits whole.
 */
export function wordsBroken(slideXml: string, font: string): string[] {
  const problems: string[] = [];
  for (const t of textsOf(slideXml)) {
    for (const p of t.paras) {
      for (const word of p.text.split(/\s+/)) {
        const need = measureText(word, p.size, { bold: p.bold, font });
        if (need > t.width - p.indent + TOLERANCE) problems.push(`${label(t)}: "${word.slice(0, 40)}" needs ${need.toFixed(2)} in, the line is ${(t.width - p.indent).toFixed(2)}`);
      }
    }
  }
  return problems;
}
