import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, USAGE } from '../../src/cli/run';
import { EXPORT_FORMATS, findExportFormat } from '../../src/formats/registry';
import { parseDocumentText } from '../../src/io/file';
import { serialiseDocument } from '../../src/io/serialise';
import { createBundledElk, needsLayout, type ElkLike } from '../../src/layout/elk';
import { fakeIo } from './fake-io';

const example = readFileSync(new URL('../../examples/identity-lifecycle.crosswalk.json', import.meta.url), 'utf8');
const parsed = parseDocumentText(example);
if (!parsed.ok) throw new Error('example does not parse');
const exampleDoc = parsed.doc;

const withDoc = (extra: Record<string, string> = {}) => fakeIo({ 'doc.json': example, ...extra });
// The examples ship laid out; a hand-written document has no positions.
const unplaced = serialiseDocument({
  ...exampleDoc,
  systems: exampleDoc.systems.map(({ position: _p, size: _s, ...s }) => s),
  entities: exampleDoc.entities.map(({ position: _p, ...e }) => e),
  notes: exampleDoc.notes?.map(({ position: _p, ...n }) => n),
});
const withUnplacedDoc = () => fakeIo({ 'doc.json': unplaced });

afterEach(() => vi.restoreAllMocks());

describe('usage errors exit 2 with the usage on stderr and nothing on stdout', () => {
  it.each([
    [[], ''],
    [['--help'], ''],
    [['export', '--help'], ''],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['validate'], 'missing DOC'],
    [['validate', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['validate', 'doc.json', '--verbose'], 'unknown option "--verbose"'],
    [['export', 'doc.json'], 'missing --to'],
    [['export', 'doc.json', '--to', 'pdf'], 'unknown format "pdf"'],
    [['export', 'doc.json', '--to', 'pptx'], 'pptx is binary'],
    [['export', 'doc.json', '--to', 'pptx', '-o', '-'], 'pptx is binary'],
    [['export', '--to', 'svg'], 'missing DOC'],
    [['import'], 'missing FILE'],
    [['import', 'a.mmd', '--title='], '--title must not be empty'],
  ])('%j', async (argv, message) => {
    const io = withDoc();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err).toContain(USAGE);
    expect(io.err).toContain(message);
    expect(io.out).toBe('');
    expect(io.written.size).toBe(0);
  });
});

describe('validate', () => {
  it('prints a one-line summary and exits 0 for a good document', async () => {
    const io = withDoc();
    expect(await runCli(['validate', 'doc.json'], io)).toBe(0);
    expect(io.out).toBe(`ok: ${exampleDoc.title} (4 systems, 7 entities, 25 links)\n`);
    expect(io.err).toBe('');
  });

  const bad = (doc: object) => JSON.stringify({ format: 'crosswalk', version: 1, title: 'T', systems: [], entities: [], links: [], ...doc });

  it.each([
    ['bad JSON', '{"format": "crosswalk",\n  "version": 1,,}', /not valid JSON \(line 2/],
    ['not crosswalk', '{"hello": 1}', /"format" must be "crosswalk"/],
    ['too new', bad({ version: 7 }), /version: this document is version 7/],
    [
      'invalid references',
      bad({
        entities: [{ id: 'e', name: 'E', system: 'nope', fields: [] }],
        links: [{ id: 'l', kind: 'mapping', from: { entity: 'e' }, to: { entity: 'gone' } }],
      }),
      /entities\[0\]\.system: unknown system "nope"\nlinks\[0\]\.to\.entity: unknown entity "gone"/,
    ],
    ['duplicate ids', bad({ systems: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }), /systems\[1\]\.id: duplicate id "a"/],
  ])('exits 1 with path: message lines for %s', async (_, text, message) => {
    const io = fakeIo({ 'bad.json': text });
    expect(await runCli(['validate', 'bad.json'], io)).toBe(1);
    expect(io.err).toMatch(/^bad\.json: not a valid Crosswalk document\n/);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });

  it('exits 1 with a clear message for a file that cannot be read', async () => {
    const io = fakeIo();
    expect(await runCli(['validate', 'missing.json'], io)).toBe(1);
    expect(io.err).toBe("cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'\n");
  });

  it('keeps control characters in a title from reaching the terminal', async () => {
    const io = fakeIo({ 'd.json': JSON.stringify({ ...exampleDoc, title: 'Evil\u001b[2J\ntitle' }) });
    expect(await runCli(['validate', 'd.json'], io)).toBe(0);
    expect(io.out).toBe('ok: Evil\\u001b[2J\\u000atitle (4 systems, 7 entities, 25 links)\n');
  });
});

describe('export', () => {
  it('writes the normalised document for --to json, unchanged without --layout', async () => {
    const io = withDoc();
    expect(await runCli(['export', 'doc.json', '--to', 'json'], io)).toBe(0);
    expect(io.out).toBe(serialiseDocument(exampleDoc));
  });

  it('lays the document out for --to json --layout', async () => {
    const io = withDoc();
    expect(await runCli(['export', 'doc.json', '--to=json', '--layout', '-o', 'out.json'], io)).toBe(0);
    const result = parseDocumentText(io.written.get('out.json') as string);
    expect(result.ok && !needsLayout(result.doc)).toBe(true);
    expect(io.out).toMatch(/^wrote out\.json \(Crosswalk document, \d+ bytes\)\n$/);
  });

  it('lays out a document without positions before drawing SVG, with the given ELK', async () => {
    const real = await createBundledElk();
    let calls = 0;
    const io = withUnplacedDoc();
    io.elk = { layout: (g) => (calls++, real.layout(g)) };
    expect(await runCli(['export', 'doc.json', '--to', 'svg', '--out', 'd.svg'], io)).toBe(0);
    expect(calls).toBeGreaterThan(0);
    expect(String(io.written.get('d.svg'))).toMatch(/^<\?xml[^]*<svg[^]*<\/svg>\s*$/);
  });

  it('writes PPTX bytes to a file', async () => {
    const io = withDoc();
    expect(await runCli(['export', 'doc.json', '--to', 'pptx', '-o', 'deck.pptx'], io)).toBe(0);
    const bytes = io.written.get('deck.pptx');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode((bytes as Uint8Array).slice(0, 2))).toBe('PK');
  });

  it.each(EXPORT_FORMATS.filter((f) => f.id.startsWith('mermaid') || f.id === 'markdown').map((f) => f.id))(
    '%s prints what the exporter gives, or exits 1 with its error',
    async (id) => {
      const io = withDoc();
      const code = await runCli(['export', 'doc.json', '--to', id], io);
      let expected: string | undefined;
      let failure: string | undefined;
      try {
        expected = (await findExportFormat(id)!.run(exampleDoc)) as string;
      } catch (e) {
        failure = (e as Error).message;
      }
      if (failure === undefined) {
        expect(code).toBe(0);
        expect(io.out).toBe(expected);
      } else {
        expect(code).toBe(1);
        expect(io.err).toBe(`export to ${id} failed: ${failure}\n`);
      }
    },
  );

  it('exits 1 when the exporter fails, and writes nothing', async () => {
    vi.spyOn(findExportFormat('markdown')!, 'run').mockRejectedValue(new Error('boom'));
    const io = withDoc();
    expect(await runCli(['export', 'doc.json', '--to', 'markdown', '-o', 'x.md'], io)).toBe(1);
    expect(io.err).toBe('export to markdown failed: boom\n');
    expect(io.written.size).toBe(0);
  });

  it('exits 1 when layout fails', async () => {
    const io = withUnplacedDoc();
    const elk: ElkLike = { layout: () => Promise.reject(new Error('no worker')) };
    io.elk = elk;
    expect(await runCli(['export', 'doc.json', '--to', 'svg'], io)).toBe(1);
    expect(io.err).toBe('layout failed: no worker\n');
  });

  it('exits 1 when the output cannot be written', async () => {
    const io = withDoc();
    expect(await runCli(['export', 'doc.json', '--to', 'json', '-o', '/readonly/x.json'], io)).toBe(1);
    expect(io.err).toBe("cannot write /readonly/x.json: EACCES: permission denied, open '/readonly/x.json'\n");
  });

  it('exits 1 for a bad document before exporting', async () => {
    const io = fakeIo({ 'bad.json': '[]' });
    expect(await runCli(['export', 'bad.json', '--to', 'json'], io)).toBe(1);
    expect(io.err).toContain('not a Crosswalk document');
    expect(io.out).toBe('');
  });
});
