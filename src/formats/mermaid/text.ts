// Escaping for Mermaid text. One helper per place text can go: identifiers, quoted labels,
// attribute tokens and comments. Every function is deterministic and idempotent on its own
// output, which is what makes export → import → export byte-identical.

/** Words Mermaid reads as syntax somewhere (flowchart, erDiagram), compared case-insensitively. */
const RESERVED = new Set([
  'end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classdef', 'linkstyle', 'click', 'call', 'href',
  'direction', 'erdiagram', 'one', 'many', 'only', 'zero', 'or', 'more', 'to', 'optionally', 'pk', 'fk', 'uk',
  'default', 'interpolate', 'title', 'acctitle', 'accdescr', 'u', 'x', 'o',
]);

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A short, stable hash (FNV-1a, base 36) to keep sanitised identifiers distinct. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Whether an id can be used as a Mermaid identifier as it is. */
export function isSafeIdentifier(id: string): boolean {
  return SAFE_ID.test(id) && !RESERVED.has(id.toLowerCase());
}

/**
 * Maps ids to identifiers Mermaid accepts. Safe ids stay as they are (so ids that came from
 * an import export unchanged); others become their letters and digits (`wd-worker` →
 * `wd_worker`), with a short hash of the id when that is taken, reserved or empty. Distinct
 * ids always give distinct identifiers, whatever characters they differ in.
 */
export function identifierMap(ids: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const pending: string[] = [];
  for (const id of ids) {
    if (out.has(id)) continue;
    if (isSafeIdentifier(id)) {
      out.set(id, id);
      used.add(id);
    } else {
      pending.push(id);
    }
  }
  for (const id of pending) {
    const stem = id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
    let ident = stem;
    if (!isSafeIdentifier(ident) || used.has(ident)) {
      const base = /^[A-Za-z]/.test(stem) ? stem : `x_${stem}`;
      ident = `${base.replace(/_+$/, '')}_${shortHash(id)}`;
      for (let n = 2; used.has(ident); n++) ident = `${base}_${shortHash(id)}_${n}`;
    }
    out.set(id, ident);
    used.add(ident);
  }
  return out;
}

/** Replaces control characters and line breaks with spaces and collapses runs of spaces. */
export function flatten(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** Characters written as Mermaid entity codes inside quoted text. */
const CODED = /["%\\#;<>&|{}[\]`]/g;
/** Printable ASCII that needs no code, no trimming and no collapsing: quoted as it is (most names; a note quotes thousands). */
// eslint-disable-next-line no-control-regex -- control characters are what sends a label the long way
const PLAIN_LABEL = /^(?! )(?!.* $)(?!.* {2})[^"%\\#;<>&|{}[\]`\u0000-\u001f\u007f-\uffff]+$/;
/** A token Mermaid's lexer takes as it is. */
const PLAIN_TOKEN = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

/**
 * Text for inside a quoted Mermaid label: flattened to one line, with the characters Mermaid
 * would read as syntax or markup written as entity codes (`#quot;`, `#35;`), which Mermaid
 * renders back as the characters themselves.
 */
export function quoteText(text: string): string {
  if (PLAIN_LABEL.test(text)) return text;
  const flat = flatten(text);
  // Mermaid refuses an empty quoted label; a space written as a code keeps the name blank.
  if (flat === '') return '#32;';
  return flat.replace(CODED, (c) => (c === '"' ? '#quot;' : `#${c.charCodeAt(0)};`));
}

/** Undoes {@link quoteText}'s entity codes (and the named ones Mermaid documents). */
export function decodeEntityCodes(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
  return text.replace(/#(\d+|[a-zA-Z]+);/g, (m, code: string) => {
    if (/^\d+$/.test(code)) {
      const n = Number(code);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return named[code.toLowerCase()] ?? m;
  });
}

const KEY_WORDS = new Set(['pk', 'fk', 'uk']);

/**
 * An erDiagram attribute token (type or name). Mermaid's lexer takes letters, digits and `_`
 * (and characters from U+00C0 up); the rest become `_`. Never starts with a digit, never is
 * a key word (`pk`, `fk`, `uk`).
 */
export function attributeToken(text: string, fallback: string): string {
  if (PLAIN_TOKEN.test(text) && !KEY_WORDS.has(text.toLowerCase())) return text;
  let t = flatten(text)
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9_\u00c0-\uffff]+/g, '_')
    .replace(/[\ud800-\udfff]+/g, '_')
    // Whitespace and invisible format characters above U+00C0 (U+3000, U+FEFF, bidi marks)
    // would split the token for Mermaid's lexer or hide in it.
    .replace(/[\s\p{Cf}]+/gu, '_')
    .replace(/_{2,}/g, '_');
  if (!t || t === '_') t = fallback;
  if (!/^[A-Za-z_\u00c0-\uffff]/.test(t)) t = `_${t}`;
  if (KEY_WORDS.has(t.toLowerCase())) t = `${t}_`;
  return t;
}

/**
 * Characters written as entity codes in an erDiagram comment: `"` would end it, `#` starts a
 * code (so a literal `#35;` survives), `%` starts `%%` comments and directives, and `<`, `>`,
 * `&` and `` ` `` are markup once Mermaid renders the comment (as HTML).
 */
const COMMENT_CODED = /["#%<>&`]/g;

/**
 * An erDiagram attribute comment: one line, lossless otherwise. Mermaid has no escape for
 * `"` inside a comment, but it reads entity codes there as everywhere (`#quot;` draws `"`),
 * and the importer decodes them, so export → import gives the (flattened) text back.
 */
export function commentText(text: string): string {
  return (
    flatten(text)
      .replace(COMMENT_CODED, (c) => (c === '"' ? '#quot;' : `#${c.charCodeAt(0)};`))
      // Mermaid's pre-processing reads `style…:…#…;` across a line and cuts its last `;`,
      // which would break a code: a colon that could start that pattern is a code too.
      .replace(/:(?=\S*#)/g, '#58;')
  );
}
