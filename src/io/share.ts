import { describeParseError, MAX_FILE_CHARS, parseDocumentText, type ParseError, type ParseResult } from './file';
import type { CrosswalkDocument } from '../model/types';
import { serialiseDocument } from './serialise';

// A share link holds the whole document in the URL fragment, which browsers never send to a
// server: the serialised document (compact JSON) → deflate-raw (CompressionStream, in every
// browser and in Node 18+) → base64url. Opening one runs the same pipeline as opening a
// file, so a bad or hostile link gets a typed error, never an exception.

/** Why share data could not be opened. */
export type ShareError =
  | { kind: 'empty' }
  | { kind: 'not-base64url'; index: number }
  | { kind: 'not-deflate'; message: string }
  | { kind: 'too-large'; limit: number }
  | { kind: 'document'; error: ParseError };

/** The typed result of opening share data. */
export type ShareResult = { ok: true; doc: CrosswalkDocument } | { ok: false; error: ShareError };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Decodes base64url (padding `=` tolerated); the index of the first bad character otherwise. */
export function fromBase64Url(text: string): { ok: true; bytes: Uint8Array } | { ok: false; index: number } {
  const data = text.replace(/=+$/, '');
  if (data.length % 4 === 1) return { ok: false, index: data.length - 1 };
  const bytes = new Uint8Array(Math.floor((data.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < data.length; i++) {
    const v = VALUES.get(data[i]);
    if (v === undefined) return { ok: false, index: i };
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return { ok: true, bytes };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the write promises must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The longest link offered. Chromium refuses URLs over 2 MB (2,097,152 characters) and is the
 * strictest of the major browsers that take long fragments; 2,000,000 leaves room for the
 * address before the fragment. Chat tools and e-mail cut much shorter links, hence the warning.
 */
export const SHARE_URL_LIMIT = 2_000_000;
/** Above this many characters some chat tools and e-mail clients cut or refuse a link. */
export const SHARE_CHAT_LIMIT = 8_000;

/** Encodes a document as share data (the part after `#share=`). */
export async function encodeShareFragment(doc: CrosswalkDocument): Promise<string> {
  // The file's key order, without its indentation: shorter links.
  const compact = JSON.stringify(JSON.parse(serialiseDocument(doc)));
  const deflated = await pipe(new TextEncoder().encode(compact), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return toBase64Url(deflated);
}

/**
 * Opens share data: base64url → inflate (bounded, so a small link cannot fill memory) → parse.
 * `maxChars` is the largest document accepted (default: the limit of a file); `parse` reads
 * the inflated text (default {@link parseDocumentText}; the app reads a large one off the page).
 */
export async function decodeShareFragment(
  data: string,
  options: { maxChars?: number; parse?: (text: string) => ParseResult | Promise<ParseResult> } = {},
): Promise<ShareResult> {
  const limit = options.maxChars ?? MAX_FILE_CHARS;
  const trimmed = data.trim();
  if (!trimmed) return { ok: false, error: { kind: 'empty' } };
  const decoded = fromBase64Url(trimmed);
  if (!decoded.ok) return { ok: false, error: { kind: 'not-base64url', index: decoded.index } };
  let inflated: Uint8Array;
  try {
    // UTF-8 takes at most 3 bytes per UTF-16 character.
    inflated = await pipe(decoded.bytes, new DecompressionStream('deflate-raw'), limit * 3);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: { kind: 'too-large', limit } };
    return { ok: false, error: { kind: 'not-deflate', message: e instanceof Error ? e.message : String(e) } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: { kind: 'not-deflate', message: 'the data is not UTF-8 text' } };
  }
  const parsed = await (options.parse ?? parseDocumentText)(text);
  return parsed.ok ? parsed : { ok: false, error: { kind: 'document', error: parsed.error } };
}

/** Lines a person can act on, for a share link that does not open. */
export function describeShareError(error: ShareError): string[] {
  switch (error.kind) {
    case 'empty':
      return ['The share link holds no document (nothing after "#share=").'];
    case 'not-base64url':
      return [`The share link is damaged: character ${error.index + 1} of its data is not allowed (was it cut or changed?).`];
    case 'not-deflate':
      return [`The share link is damaged: its data does not unpack (${error.message}). Was it cut short?`];
    case 'too-large':
      return [`The share link unpacks to more than ${error.limit} characters; it was refused.`];
    case 'document':
      return ['The share link holds no valid Crosswalk document:', ...describeParseError(error.error)];
  }
}

/** The fragment of a share link (`share=<data>`, with `&embed` for the canvas alone). */
export function shareFragment(data: string, options: { embed?: boolean } = {}): string {
  return `share=${data}${options.embed ? '&embed' : ''}`;
}

/** Reads a URL fragment (`#share=…[&embed]`); undefined when it is not a share link. */
export function readShareFragment(hash: string): { data: string; embed: boolean } | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&');
  const share = parts.find((p) => p.startsWith('share='));
  if (share === undefined) return undefined;
  return { data: share.slice('share='.length), embed: parts.includes('embed') || parts.includes('embed=1') };
}
