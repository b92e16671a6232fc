// The one escaping helper of the SVG exporter. Every piece of user text reaches the output
// through `xmlText`, and every number through `num`, so hostile names cannot break the XML
// and the same document always gives the same bytes.

/**
 * Characters XML 1.0 forbids (C0 controls except tab, newline and carriage return; lone
 * surrogates; U+FFFE and U+FFFF). With the `u` flag a paired surrogate is one astral code
 * point, so only lone halves match `[\uD800-\uDFFF]`.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** Removes every character XML 1.0 forbids; everything else (emoji, right-to-left text) is kept. */
export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns a raw CR (and CRLF) into LF, and an attribute's tab/LF into spaces:
  // character references keep them as they were.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/**
 * Makes any string safe as XML character data or as a double-quoted attribute value:
 * strips forbidden characters and escapes `& < > " '` (and CR, LF, tab as references).
 */
export function xmlText(text: string): string {
  return stripForbidden(text).replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c]);
}

/** Formats a coordinate: at most two decimals, no `-0`, never NaN or Infinity. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Attributes in the order given; undefined values are left out. Values are escaped. */
export type Attrs = ReadonlyArray<readonly [string, string | number | undefined]>;

/** Writes ` name="value"` pairs; numbers go through {@link num}, strings through {@link xmlText}. */
export function attrs(list: Attrs): string {
  let out = '';
  for (const [name, value] of list) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : xmlText(value)}"`;
  }
  return out;
}
