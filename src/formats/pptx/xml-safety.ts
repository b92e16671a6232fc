// Everything that keeps the package valid XML whatever the document holds. pptxgenjs escapes
// & < > " ' but passes control characters straight into the XML (STACK-NOTES), and
// LibreOffice then refuses the whole deck. So user text is cleaned before it reaches
// pptxgenjs, and every XML part is checked again after it wrote them.

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/newline/carriage return, lone
 * surrogates, U+FFFE/U+FFFF), plus C1 controls and DEL, which are legal but never meant.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Exactly what XML 1.0 forbids in a document: the check applied to every written part. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes user text safe for a slide: line endings become `\n`, tabs become spaces, and
 * every control character XML 1.0 forbids is removed. With `multiline: false` newlines
 * also become spaces (names and titles are one line of text).
 */
export function cleanText(value: string | undefined, options: { multiline?: boolean } = {}): string {
  if (value === undefined) return '';
  let text = value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ').replace(FORBIDDEN_IN_TEXT, '');
  if (!options.multiline) text = text.replace(/\s*\n\s*/g, ' ');
  return options.multiline ? text.replace(/[ ]+$/gm, '').trim() : text.trim();
}

/**
 * A font name as it will be written into `typeface="…"` attributes, which pptxgenjs does
 * not escape: letters, digits, spaces and `-_.` only; anything else gives Arial.
 */
export function cleanFontName(font: string | undefined): string {
  const cleaned = (font ?? '').replace(/[^\p{L}\p{N} _.-]/gu, '').trim().slice(0, 64);
  return cleaned || 'Arial';
}

/** Whether a string holds a character XML 1.0 forbids. */
export function hasForbiddenXmlChars(xml: string): boolean {
  FORBIDDEN_IN_XML.lastIndex = 0;
  const found = FORBIDDEN_IN_XML.test(xml);
  FORBIDDEN_IN_XML.lastIndex = 0;
  return found;
}

/** Removes every character XML 1.0 forbids from written XML (a last line of defence). */
export function stripForbiddenXmlChars(xml: string): string {
  return xml.replace(FORBIDDEN_IN_XML, '');
}

/**
 * pptxgenjs numbers shapes per slide but restarts for tables, so two shapes of a slide can
 * share an id; PowerPoint then offers to "repair" the file. Renumbers every
 * `<p:cNvPr id="…">` of a slide in document order.
 */
export function renumberShapeIds(slideXml: string): string {
  let next = 1;
  return slideXml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${next++}"`);
}

/**
 * Drops `<Override>` entries of `[Content_Types].xml` that name a part the package does not
 * hold (pptxgenjs lists a slide master per slide though it writes one).
 */
export function dropPhantomOverrides(contentTypesXml: string, parts: ReadonlySet<string>): string {
  return contentTypesXml.replace(/\s*<Override\b[^>]*\bPartName="([^"]+)"[^>]*\/>/g, (whole, name: string) =>
    parts.has(name.replace(/^\//, '')) ? whole : '',
  );
}

/**
 * pptxgenjs writes speaker notes as one run whose text holds raw line breaks, which
 * PowerPoint shows as one line. Makes each line of the notes its own paragraph.
 */
export function splitNoteParagraphs(notesXml: string): string {
  return notesXml.replace(
    /<a:p><a:r><a:rPr lang="([^"]*)" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="[^"]*" dirty="0"\/><\/a:p>/,
    (whole, lang: string, text: string) => {
      const lines = text.split(/\r?\n|\r/);
      if (lines.length < 2) return whole;
      return lines
        .map((line) => (line ? `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>` : `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`))
        .join('');
    },
  );
}
