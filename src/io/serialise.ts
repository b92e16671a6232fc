import { documentSchema, entitySchema, linkSchema } from '../model/schema';
import { canonicalWriter } from '../model/schema-walk';
import type { CrosswalkDocument } from '../model/types';

// Keys are written in the order the schema declares them (src/model/schema.ts), then any
// keys this version does not know, in the order they came; absent optional keys are left
// out. The same document always gives the same bytes, saved files diff cleanly, and a key
// added to the schema is saved without touching this file.

const writeDocument = canonicalWriter(documentSchema);

/** Returns a copy of the document with keys in canonical order and no undefined values; unknown keys are kept. */
export function normaliseDocument(doc: CrosswalkDocument): CrosswalkDocument {
  return writeDocument(doc) as CrosswalkDocument;
}

/** Serialises a document as the text of a `.crosswalk.json` file (stable key order, trailing newline). */
export function serialiseDocument(doc: CrosswalkDocument): string {
  return `${JSON.stringify(normaliseDocument(doc), null, 2)}\n`;
}

const writeEntity = canonicalWriter(entitySchema);
const writeLink = canonicalWriter(linkSchema);
/** The text of each entity and link as it sits in a serialised document, kept while the object is unchanged. */
const elementTexts = new WeakMap<object, string>();

function elementText(element: object, write: (value: unknown) => unknown): string {
  let text = elementTexts.get(element);
  if (text === undefined) {
    text = `    ${JSON.stringify(write(element), null, 2).replace(/\n/g, '\n    ')}`;
    elementTexts.set(element, text);
  }
  return text;
}

/** The text of a whole array, kept while the array is the same one (an edit elsewhere leaves it as it was). */
const arrayTexts = new WeakMap<readonly object[], string>();

function arrayText(key: string, items: readonly object[], write: (value: unknown) => unknown): string {
  let text = arrayTexts.get(items);
  if (text === undefined) {
    text = items.length ? `\n  "${key}": [\n${items.map((x) => elementText(x, write)).join(',\n')}\n  ]` : `\n  "${key}": []`;
    arrayTexts.set(items, text);
  }
  return text;
}

/**
 * `text` with each marker (present once) replaced by its insert. The result is joined from
 * slices of `text` and the inserts, never from a slice of a joined part, so the large inserts
 * are not copied here (the string is made flat once, where it is written).
 */
function splice(text: string, inserts: readonly (readonly [marker: string, insert: string])[]): string {
  const found = inserts.map(([marker, insert]) => ({ at: text.indexOf(marker), end: text.indexOf(marker) + marker.length, insert })).filter((f) => f.at >= 0);
  found.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.at) + f.insert;
    from = f.end;
  }
  return out + text.slice(from);
}

/**
 * The same bytes as {@link serialiseDocument}, reusing the text of every entity and link
 * unchanged since an earlier call (edits share unchanged objects), and of the whole entity or
 * link list when it is unchanged: saving after an edit of a large document costs the edit,
 * not the document.
 */
export function serialiseDocumentIncrementally(doc: CrosswalkDocument): string {
  const text = serialiseDocument({ ...doc, entities: [], links: [] });
  // Top-level keys sit at two spaces; a string cannot hold a raw quote, so these match once.
  return splice(text, [
    ['\n  "entities": []', arrayText('entities', doc.entities, writeEntity)],
    ['\n  "links": []', arrayText('links', doc.links, writeLink)],
  ]);
}

/**
 * A serialised document in parts, the form in which a document crosses from a Web Worker
 * to the page: the text of the document without its entities and links (`"entities": []`,
 * `"links": []`), and the text of each entity and link as {@link serialiseDocumentIncrementally}
 * writes it. Reading the parts back costs one small `JSON.parse` each, so the page can read
 * a large document a slice at a time and stay responsive.
 */
export interface SerialisedParts {
  head: string;
  entities: string[];
  links: string[];
}

/**
 * Writes the text of a document's entities and links ahead of a save, a few at a time while
 * `more()` allows (each text is kept for the next save, see serialiseDocumentIncrementally);
 * returns whether every one is written.
 */
export function serialiseAhead(doc: CrosswalkDocument, more: () => boolean): boolean {
  let written = 0;
  for (const [items, write] of [[doc.entities, writeEntity], [doc.links, writeLink]] as const) {
    for (const item of items) {
      if (elementTexts.has(item)) continue;
      // (Asked every 16 texts: asking costs more than a small element.)
      if (written > 0 && (written & 15) === 0 && !more()) return false;
      elementText(item, write);
      written++;
    }
  }
  return true;
}

/** Splits a document into {@link SerialisedParts} (each element's text is kept for the next save). */
export function serialiseParts(doc: CrosswalkDocument): SerialisedParts {
  return {
    head: serialiseDocument({ ...doc, entities: [], links: [] }),
    entities: doc.entities.map((e) => elementText(e, writeEntity)),
    links: doc.links.map((l) => elementText(l, writeLink)),
  };
}

/**
 * Reads one entity's or link's text from {@link SerialisedParts} and remembers the text for
 * the object read, so saving the document later reuses it instead of writing it again.
 */
export function readSerialisedElement<T extends object>(text: string): T {
  const element = JSON.parse(text) as T;
  elementTexts.set(element, text);
  return element;
}
