import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanFontName,
  cleanText,
  dropPhantomOverrides,
  hasForbiddenXmlChars,
  renumberShapeIds,
  splitNoteParagraphs,
  stripForbiddenXmlChars,
} from '../../../src/formats/pptx/xml-safety';

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('cleanText', () => {
  it('never leaves a character XML 1.0 forbids, and keeps every other character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, multiline) => {
        const out = cleanText(s, { multiline });
        expect(FORBIDDEN.test(out)).toBe(false);
        expect(out).not.toMatch(/[\t\r]/);
        if (!multiline) expect(out).not.toContain('\n');
        // Letters and digits all survive, in order.
        const keep = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
        expect(keep(out)).toBe(keep(s.replace(FORBIDDEN_G, '')));
      }),
      { numRuns: 500 },
    );
  });

  it('turns line endings into \\n, tabs into spaces, and newlines into spaces in one-line text', () => {
    expect(cleanText('a\r\nb\rc\u2028d\te', { multiline: true })).toBe('a\nb\nc\nd e');
    expect(cleanText(' a \n b\u0001 ')).toBe('a b');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText('emoji 🚀 and שלום stay')).toBe('emoji 🚀 and שלום stay');
  });
});

const FORBIDDEN_G = new RegExp(FORBIDDEN.source, 'g');

describe('the checks on written XML', () => {
  it('finds and strips forbidden characters', () => {
    expect(hasForbiddenXmlChars('<a>ok\t\n</a>')).toBe(false);
    expect(hasForbiddenXmlChars('<a>\u0001</a>')).toBe(true);
    expect(hasForbiddenXmlChars('<a>\ud800</a>')).toBe(true);
    expect(hasForbiddenXmlChars('<a>😀</a>')).toBe(false);
    expect(stripForbiddenXmlChars('<a>x\u0000y\uffff</a>')).toBe('<a>xy</a>');
  });

  it('drops content-type overrides of parts that do not exist', () => {
    const xml =
      '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/> <Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/><Default Extension="xml" ContentType="x"/></Types>';
    const out = dropPhantomOverrides(xml, new Set(['ppt/slideMasters/slideMaster1.xml']));
    expect(out).toContain('slideMaster1.xml');
    expect(out).not.toContain('slideMaster2.xml');
    expect(out).toContain('<Default Extension="xml"');
  });

  it('renumbers shape ids in order', () => {
    expect(renumberShapeIds('<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"><p:cNvPr id="2" name="t"/>')).toBe(
      '<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"><p:cNvPr id="3" name="t"/>',
    );
  });

  it('makes each line of the speaker notes a paragraph', () => {
    const xml = '<p:txBody><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one\r\n\r\ntwo &amp; three</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody>';
    expect(splitNoteParagraphs(xml)).toBe(
      '<p:txBody><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one</a:t></a:r></a:p><a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>two &amp; three</a:t></a:r></a:p></p:txBody>',
    );
    const single = '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one line</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>';
    expect(splitNoteParagraphs(single)).toBe(single);
  });

  it('keeps font names to characters safe in an attribute', () => {
    expect(cleanFontName('Arial')).toBe('Arial');
    expect(cleanFontName('Liberation Sans')).toBe('Liberation Sans');
    expect(cleanFontName('a"b<c>&\u0001')).toBe('abc');
    expect(cleanFontName('"<>')).toBe('Arial');
    expect(cleanFontName(undefined)).toBe('Arial');
  });
});
