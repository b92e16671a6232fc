import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../src/cli/run';
import { parseDocumentText } from '../../src/io/file';
import { decodeShareFragment, readShareFragment } from '../../src/io/share';
import { fakeIo } from './fake-io';

const example = readFileSync(new URL('../../examples/identity-lifecycle.crosswalk.json', import.meta.url), 'utf8');

async function docOfLink(link: string) {
  const url = new URL(link.trim());
  const share = readShareFragment(url.hash);
  if (!share) throw new Error(`no share fragment in ${link}`);
  return { url, share, result: await decodeShareFragment(share.data) };
}

describe('cw share DOC [--base URL]', () => {
  it('prints a link on the default base that opens the same document', async () => {
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(['share', 'doc.json'], io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/^http:\/\/localhost:5173\/#share=[A-Za-z0-9_-]+\n$/);
    const { share, result } = await docOfLink(io.out);
    expect(share.embed).toBe(false);
    const expected = parseDocumentText(example);
    expect(result).toEqual(expected);
  });

  it('uses --base (keeping its path and query) and --embed', async () => {
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(['share', 'doc.json', '--base', 'https://maps.example.org/crosswalk/?team=a#old', '--embed'], io)).toBe(0);
    const { url, share, result } = await docOfLink(io.out);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe('https://maps.example.org/crosswalk/?team=a');
    expect(share.embed).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('refuses a link too long for a URL, with its size and the alternative, and warns over 8,000 characters', async () => {
    // Random bytes as speaker notes: they do not compress.
    const noisy = (bytes: number) => JSON.stringify({ format: 'crosswalk', version: 1, title: 'Notes', systems: [{ id: 's', name: 'S' }], entities: [], links: [], walkthrough: [{ id: 'w', title: 'All', speakerNotes: randomBytes(bytes).toString('base64') }] });
    const huge = fakeIo({ 'huge.json': noisy(1_600_000) });
    expect(await runCli(['share', 'huge.json'], huge)).toBe(1);
    expect(huge.out).toBe('');
    expect(huge.err).toMatch(/^huge\.json: makes a link of [\d,]+ characters: too long for a URL \(the limit used here is 2,000,000, .*\)\. Share the file itself instead\.\n$/);
    const long = fakeIo({ 'long.json': noisy(10_000) });
    expect(await runCli(['share', 'long.json'], long)).toBe(0);
    expect(long.out).toMatch(/^http:\/\/localhost:5173\/#share=[A-Za-z0-9_-]+\n$/);
    expect(long.err).toBe(`warning: the link is ${(long.out.length - 1).toLocaleString('en')} characters: some chat tools and e-mail cut links over 8,000; if it arrives cut, share the file instead.\n`);
  });

  it.each([
    [['share'], 'missing DOC'],
    [['share', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['share', 'doc.json', '--base', 'not a url'], 'is not an absolute URL'],
    [['share', 'doc.json', '--base', 'javascript:alert(1)'], 'must be an http or https URL'],
    [['share', 'doc.json', '--to', 'x'], 'unknown option "--to"'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err).toContain(USAGE);
    expect(io.out).toBe('');
  });

  it('exits 1 with path: message lines for a bad or missing document', async () => {
    const bad = JSON.stringify({ format: 'crosswalk', version: 1, title: 'x', systems: [], entities: [{ id: 'e', name: 'E', system: 'nope', fields: [] }], links: [] });
    const io = fakeIo({ 'bad.json': bad });
    expect(await runCli(['share', 'bad.json'], io)).toBe(1);
    expect(io.err).toMatch(/bad\.json: not a valid Crosswalk document\nentities\[0\]\.system: unknown system "nope"/);
    expect(io.out).toBe('');
    const missing = fakeIo();
    expect(await runCli(['share', 'nope.json'], missing)).toBe(1);
    expect(missing.err).toMatch(/cannot read nope\.json: ENOENT/);
  });
});
