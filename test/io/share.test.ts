import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/io/file';
import { serialiseDocument } from '../../src/io/serialise';
import {
  decodeShareFragment,
  describeShareError,
  encodeShareFragment,
  fromBase64Url,
  readShareFragment,
  shareFragment,
  toBase64Url,
  type ShareResult,
} from '../../src/io/share';
import type { CrosswalkDocument } from '../../src/model/types';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';
import { loadExample } from '../fixtures/examples';

/** What opening the document's own file gives: the round trip must give the same. */
function reopened(doc: CrosswalkDocument): CrosswalkDocument {
  const r = parseDocumentText(serialiseDocument(doc));
  if (!r.ok) throw new Error('does not reopen');
  return r.doc;
}

function expectError(result: ShareResult, kind: string): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result.error.kind).toBe(kind);
  return describeShareError(result.error);
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share links', () => {
  const examples = readdirSync('examples').filter((f) => f.endsWith('.crosswalk.json')).map((f) => f.replace('.crosswalk.json', ''));

  it.each(examples)('round-trips the example %s, in a URL-safe alphabet', async (name) => {
    const doc = loadExample(name);
    const data = await encodeShareFragment(doc);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compressed: much shorter than the file.
    expect(data.length).toBeLessThan(serialiseDocument(doc).length / 2);
    const back = await decodeShareFragment(data);
    expect(back).toEqual({ ok: true, doc: reopened(doc) });
  });

  it('round-trips documents with hostile names (quotes, markup, controls, bidi, lone surrogates)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(), async (doc) => {
        const back = await decodeShareFragment(await encodeShareFragment(doc));
        expect(back).toEqual({ ok: true, doc: reopened(doc) });
      }),
      { numRuns: 60 },
    );
  });

  it('encodes base64url exactly like Node for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const ours = toBase64Url(bytes);
        expect(ours).toBe(Buffer.from(bytes).toString('base64url'));
        const back = fromBase64Url(ours);
        expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(bytes));
      }),
    );
  });

  it('gives a typed error, never an exception, for damaged or hostile data', async () => {
    expect(expectError(await decodeShareFragment(''), 'empty')[0]).toMatch(/holds no document/);
    expect(expectError(await decodeShareFragment('abc$def'), 'not-base64url')[0]).toMatch(/character 4/);
    expect(expectError(await decodeShareFragment('A'), 'not-base64url')).toHaveLength(1);
    // Valid base64url, but not deflate data.
    expectError(await decodeShareFragment('_____________w'), 'not-deflate');
    // A link cut short.
    const data = await encodeShareFragment(loadExample());
    expect(expectError(await decodeShareFragment(data.slice(0, data.length / 2)), 'not-deflate')[0]).toMatch(/cut short/);
    // Deflate of something that is not a document.
    const notDoc = toBase64Url(await deflateRaw(new TextEncoder().encode('{"hello":"world"}')));
    expect(expectError(await decodeShareFragment(notDoc), 'document').join('\n')).toMatch(/not a Crosswalk document/);
    const notJson = toBase64Url(await deflateRaw(new TextEncoder().encode('<html>')));
    expectError(await decodeShareFragment(notJson), 'document');
    const badUtf8 = toBase64Url(await deflateRaw(new Uint8Array([0xff, 0xfe, 0xfd])));
    expect(expectError(await decodeShareFragment(badUtf8), 'not-deflate')[0]).toMatch(/not UTF-8/);
  });

  it('refuses a small link that unpacks to more than a document may hold (a zip bomb)', async () => {
    // 8 MB of spaces packs into about 8 kB; with a 1 M-character limit it is refused early.
    const bomb = toBase64Url(await deflateRaw(new Uint8Array(8 << 20).fill(0x20)));
    expect(bomb.length).toBeLessThan(20_000);
    expect(expectError(await decodeShareFragment(bomb, { maxChars: 1 << 20 }), 'too-large')[0]).toMatch(/more than 1048576 characters/);
  });

  it('reads the fragment of a link, with and without &embed', () => {
    expect(readShareFragment(`#${shareFragment('abc')}`)).toEqual({ data: 'abc', embed: false });
    expect(readShareFragment(`#${shareFragment('abc', { embed: true })}`)).toEqual({ data: 'abc', embed: true });
    expect(readShareFragment('#embed&share=x')).toEqual({ data: 'x', embed: true });
    expect(readShareFragment('#section-2')).toBeUndefined();
    expect(readShareFragment('')).toBeUndefined();
  });
});
