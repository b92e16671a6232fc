import { documentSchema } from '../model/schema';
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
