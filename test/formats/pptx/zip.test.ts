import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, readStoredZip, ZipWriter } from '../../../src/formats/pptx/zip';

describe('the deck zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes parts JSZip reads back byte for byte, in the order asked, compressed where it pays', async () => {
    const zip = new ZipWriter();
    const xml = `<a>${'é repeated text '.repeat(500)}</a>`;
    const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 256);
    await zip.add('ppt/slides/slide1.xml', xml);
    await zip.add('media/x.bin', binary);
    await zip.add('[Content_Types].xml', '<Types/>');
    const bytes = zip.finish(['[Content_Types].xml']);
    const read = await JSZip.loadAsync(bytes);
    expect(Object.keys(read.files)).toEqual(['[Content_Types].xml', 'ppt/slides/slide1.xml', 'media/x.bin']);
    expect(await read.file('ppt/slides/slide1.xml')!.async('string')).toBe(xml);
    expect(await read.file('media/x.bin')!.async('uint8array')).toEqual(binary);
    expect(bytes.length).toBeLessThan(xml.length / 4);
  });

  it('reads the stored (uncompressed) zip pptxgenjs writes, and refuses a compressed one', async () => {
    const source = new JSZip();
    source.file('a.xml', '<a>é</a>');
    source.folder('dir');
    const stored = await source.generateAsync({ type: 'uint8array' });
    const files = readStoredZip(stored);
    expect([...files.keys()]).toEqual(['a.xml']);
    expect(new TextDecoder().decode(files.get('a.xml'))).toBe('<a>é</a>');
    const deflated = await source.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => readStoredZip(deflated)).toThrow(/compressed/);
  });
});
