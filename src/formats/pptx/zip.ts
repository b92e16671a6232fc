// The two ends of the deck's packaging, written for large decks: reading the uncompressed
// (STORE) zip pptxgenjs writes, and writing the final package from parts compressed one at a
// time. JSZip holds every part uncompressed until the whole archive is generated and
// compresses in JavaScript; here each part is deflated natively (CompressionStream, in
// browsers and Node alike) as soon as it is final, so memory holds compressed bytes only.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 a zip entry carries. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The files of a zip whose entries are all stored uncompressed (what pptxgenjs writes when
 * given an output type), by name, in archive order; folder entries left out. Throws on an
 * archive it cannot read that way.
 */
export function readStoredZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('readStoredZip: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('readStoredZip: bad central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (method !== 0) throw new Error(`readStoredZip: ${name} is compressed (method ${method})`);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    files.set(name, bytes.subarray(data, data + size));
  }
  return files;
}

interface Entry {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Where native DEFLATE is missing (old browsers), parts are stored: still a valid package. */
const canDeflate = typeof CompressionStream === 'function' && (() => {
  try {
    new CompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
})();

/**
 * A zip written part by part: `add` compresses a part at once and keeps only its compressed
 * bytes; `finish` lays the parts out in the order asked (the rest after them, in the order
 * added) and writes the central directory. Up to 65,535 parts (no Zip64).
 */
export class ZipWriter {
  private readonly entries = new Map<string, Entry>();
  private readonly encoder = new TextEncoder();

  /** Adds (or replaces) a part. */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? this.encoder.encode(content) : content;
    const compressed = canDeflate && bytes.length > 64 ? await deflateRaw(bytes) : undefined;
    const stored = compressed === undefined || compressed.length >= bytes.length;
    this.entries.set(name, {
      name: this.encoder.encode(name),
      method: stored ? 0 : 8,
      crc: crc32(bytes),
      size: bytes.length,
      data: stored ? bytes.slice() : compressed,
    });
  }

  /** The parts added so far. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The archive: the parts named in `first` (those present) first, then the others in the order added. */
  finish(first: readonly string[] = []): Uint8Array {
    const leading = new Set(first.filter((n) => this.entries.has(n)));
    const names = [...leading, ...[...this.entries.keys()].filter((n) => !leading.has(n))];
    if (names.length > 0xffff) throw new Error(`The deck has ${names.length} parts; a zip without Zip64 holds at most 65,535.`);
    let localSize = 0;
    let centralSize = 0;
    for (const n of names) {
      const e = this.entries.get(n)!;
      localSize += 30 + e.name.length + e.data.length;
      centralSize += 46 + e.name.length;
    }
    if (localSize + centralSize > 0xffffffff) throw new Error('The deck is over 4 GB; a zip without Zip64 cannot hold it.');
    const out = new Uint8Array(localSize + centralSize + 22);
    const view = new DataView(out.buffer);
    let at = 0;
    let central = localSize;
    // A fixed DOS date (1980-01-01): the same document gives the same bytes.
    for (const n of names) {
      const e = this.entries.get(n)!;
      const offset = at;
      view.setUint32(at, 0x04034b50, true);
      view.setUint16(at + 4, 20, true);
      writeCommonHeader(view, at + 6, e);
      view.setUint16(at + 28, 0, true);
      out.set(e.name, at + 30);
      out.set(e.data, at + 30 + e.name.length);
      at += 30 + e.name.length + e.data.length;

      view.setUint32(central, 0x02014b50, true);
      view.setUint16(central + 4, 20, true);
      view.setUint16(central + 6, 20, true);
      writeCommonHeader(view, central + 8, e);
      // extra, comment, disk, internal and external attributes: 0
      view.setUint32(central + 42, offset, true);
      out.set(e.name, central + 46);
      central += 46 + e.name.length;
    }
    view.setUint32(central, 0x06054b50, true);
    view.setUint16(central + 8, names.length, true);
    view.setUint16(central + 10, names.length, true);
    view.setUint32(central + 12, centralSize, true);
    view.setUint32(central + 16, localSize, true);
    return out;
  }
}

/** 1980-01-01, 00:00: no date of its own (the deck is the same whatever day it is written). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The fields a local header and its central-directory entry share, in the same order (from
 * the flags to the name's length): the local header has them at 6, the central entry at 8.
 */
function writeCommonHeader(view: DataView, at: number, e: { method: number; crc: number; data: Uint8Array; size: number; name: Uint8Array }): void {
  view.setUint16(at, 0x0800, true); // names are UTF-8
  view.setUint16(at + 2, e.method, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, DOS_DATE, true);
  view.setUint32(at + 8, e.crc, true);
  view.setUint32(at + 12, e.data.length, true);
  view.setUint32(at + 16, e.size, true);
  view.setUint16(at + 20, e.name.length, true);
}
