import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

// Reading a generated deck back: its parts, its slides in order, their shapes and texts.

/** A slide as the tests see it. */
export interface SlideInfo {
  number: number;
  xml: string;
  /** The section named by the slide's title shape (`Title <section>`), if any. */
  section: string | undefined;
  /** The text of its title shape. */
  title: string;
  /** Every paragraph's text. */
  paragraphs: string[];
  /** Each shape's text, its paragraphs joined by newlines. */
  shapeTexts: string[];
  /** Its native tables, each as rows of cell texts. */
  tables: string[][][];
  /** Its notes slide XML, if any. */
  notesXml: string | undefined;
}

/** A deck unzipped. */
export interface Deck {
  parts: Map<string, string>;
  /** The XML parts' bytes exactly as stored in the package. */
  rawParts: Map<string, Uint8Array>;
  binaryParts: string[];
  slides: SlideInfo[];
}

/** Decodes the five XML entities and numeric references. */
export function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The paragraphs of an XML fragment, each the concatenation of its runs' text. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) =>
    [...m[1].matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => decodeXml(t[1])).join(''),
  );
}

/** Opens a deck. */
export async function readDeck(bytes: Uint8Array): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  const rawParts = new Map<string, Uint8Array>();
  const binaryParts: string[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (/\.(xml|rels)$/.test(f.name)) {
      const raw = await f.async('uint8array');
      rawParts.set(f.name, raw);
      parts.set(f.name, new TextDecoder().decode(raw));
    } else binaryParts.push(f.name);
  }
  const numbers = [...parts.keys()]
    .map((n) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const slides = numbers.map((number) => {
    const xml = parts.get(`ppt/slides/slide${number}.xml`)!;
    const rels = parts.get(`ppt/slides/_rels/slide${number}.xml.rels`) ?? '';
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const titleShape = /<p:sp><p:nvSpPr><p:cNvPr id="\d+" name="Title ([a-z]+)">[\s\S]*?<\/p:sp>/.exec(xml);
    return {
      number,
      xml,
      section: titleShape?.[1],
      title: titleShape ? paragraphsOf(titleShape[0]).join('\n') : '',
      paragraphs: paragraphsOf(xml),
      shapeTexts: [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => paragraphsOf(m[1]).join('\n')),
      tables: [...xml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((t) =>
        [...t[1].matchAll(/<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g)].map((tr) =>
          [...tr[1].matchAll(/<a:tc\b([^>]*)>([\s\S]*?)<\/a:tc>/g)].filter((tc) => !/hMerge="1"/.test(tc[1])).map((tc) => paragraphsOf(tc[2]).join('\n')),
        ),
      ),
      notesXml: notesTarget ? parts.get(`ppt/notesSlides/${notesTarget}`) : undefined,
    };
  });
  return { parts, rawParts, binaryParts, slides };
}

/** The text a notes slide holds in its notes placeholder. */
export function notesText(notesXml: string | undefined): string {
  if (!notesXml) return '';
  const body = /<p:cNvPr id="\d+" name="Notes Placeholder[^"]*"\/>[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(notesXml);
  return body ? paragraphsOf(body[1]).join('\n') : '';
}

/** Every placed box of a slide (shapes, tables, pictures), in EMU. */
export function boxesOf(slideXml: string): { x: number; y: number; cx: number; cy: number }[] {
  return [...slideXml.matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(-?\d+)" cy="(-?\d+)"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    cx: Number(m[3]),
    cy: Number(m[4]),
  }));
}

/** Every font size of a slide, in hundredths of a point. */
export function fontSizesOf(slideXml: string): number[] {
  return [...slideXml.matchAll(/<a:(?:rPr|endParaRPr|defRPr)\b[^>]*\bsz="(\d+)"/g)].map((m) => Number(m[1]));
}

/**
 * Runs `xmllint --noout` over every XML part (strict: it refuses control characters that
 * permissive parsers accept). Returns xmllint's complaints, empty when all parts are well-formed.
 */
export function xmllintProblems(parts: ReadonlyMap<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pptx-xmllint-'));
  try {
    const files: string[] = [];
    for (const [name, xml] of parts) {
      const file = join(dir, name.replace(/[[\]]/g, '_'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, xml);
      files.push(file);
    }
    try {
      execFileSync('xmllint', ['--noout', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
      return '';
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT') return 'xmllint is not installed (Debian package libxml2-utils): cannot check the XML';
      return err.stderr?.toString() || String(e);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The connectors of a slide: their glue (shape ids and sites), and whether a loose line is left. */
export function connectorsOf(slideXml: string): { id: number; from?: number; fromSite?: number; to?: number; toSite?: number }[] {
  return [...slideXml.matchAll(/<p:cxnSp>([\s\S]*?)<\/p:cxnSp>/g)].map((m) => {
    const st = /<a:stCxn id="(\d+)" idx="(\d+)"\/>/.exec(m[1]);
    const end = /<a:endCxn id="(\d+)" idx="(\d+)"\/>/.exec(m[1]);
    return {
      id: Number(/<p:cNvPr id="(\d+)"/.exec(m[1])![1]),
      from: st ? Number(st[1]) : undefined,
      fromSite: st ? Number(st[2]) : undefined,
      to: end ? Number(end[1]) : undefined,
      toSite: end ? Number(end[2]) : undefined,
    };
  });
}

/** The ids of a slide's shapes (`p:sp`), the only things a connector may glue to. */
export function shapeIdsOf(slideXml: string): Set<number> {
  return new Set([...slideXml.matchAll(/<p:sp><p:nvSpPr><p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1])));
}

/** The box (inches) of every shape or table on a slide that holds text. */
export function textBoxesOf(slideXml: string): { x: number; y: number; w: number; h: number; text: string }[] {
  const EMU = 914400;
  const out: { x: number; y: number; w: number; h: number; text: string }[] = [];
  for (const m of slideXml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>|<p:graphicFrame>([\s\S]*?)<\/p:graphicFrame>/g)) {
    const body = m[1] ?? m[2];
    const text = paragraphsOf(body).join('\n');
    if (!text.trim()) continue;
    const box = /<(?:a|p):off x="(-?\d+)" y="(-?\d+)"\/>\s*<(?:a|p):ext cx="(\d+)" cy="(\d+)"\/>/.exec(body);
    if (!box) continue;
    const [x, y, cx, cy] = box.slice(1).map(Number);
    out.push({ x: x / EMU, y: y / EMU, w: cx / EMU, h: cy / EMU, text });
  }
  return out;
}
