import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { parseDocumentText } from '../../src/io/file';
import { needsLayout } from '../../src/layout/elk';
import { fakeIo } from './fake-io';

const er = [
  'erDiagram', //                          1
  '  CUSTOMER ||--o{ ORDER : places', //  2
  '  CUSTOMER {', //                      3
  '    string id PK', //                  4
  '    string email UK "login"', //       5
  '  }', //                               6
  '  ORDER {', //                         7
  '    string id PK', //                  8
  '    string customer_id FK', //         9
  '  }', //                               10
  '  style CUSTOMER fill:#f00', //        11
].join('\n');

function openOutput(text: string) {
  const result = parseDocumentText(text);
  if (!result.ok) throw new Error('the imported document does not open');
  return result.doc;
}

describe('import', () => {
  it('turns a .mmd erDiagram into a laid-out document on stdout', async () => {
    const io = fakeIo({ 'shop.mmd': er });
    expect(await runCli(['import', 'shop.mmd', '--title', 'Shop'], io)).toBe(0);
    const doc = openOutput(io.out);
    expect(doc.title).toBe('Shop');
    expect(doc.entities.map((e) => e.name).sort()).toEqual(['CUSTOMER', 'ORDER']);
    expect(doc.links.some((l) => l.kind === 'relation')).toBe(true);
    expect(needsLayout(doc)).toBe(false);
    expect(io.err).toMatch(/^warning: shop\.mmd:line 11: /m);
  });

  it('writes the document with -o and says so', async () => {
    const io = fakeIo({ 'shop.mmd': er });
    expect(await runCli(['import', 'shop.mmd', '-o', 'shop.crosswalk.json'], io)).toBe(0);
    expect(openOutput(io.written.get('shop.crosswalk.json') as string).entities).toHaveLength(2);
    expect(io.out).toBe('wrote shop.crosswalk.json (0 systems, 2 entities, 1 link)\n');
  });

  it('reads the first erDiagram block of a Markdown note, with errors on file lines', async () => {
    const md = ['# Notes', '', '```mermaid', 'erDiagram', '  A ||--o{ ', '```'].join('\n');
    const io = fakeIo({ 'note.md': md });
    expect(await runCli(['import', 'note.md'], io)).toBe(1);
    expect(io.err).toMatch(/^note\.md:line 5: /);
    expect(io.out).toBe('');

    const good = fakeIo({ 'note.md': `# Shop\n\n\`\`\`mermaid\n${er}\n\`\`\`\n` });
    expect(await runCli(['import', 'note.md'], good)).toBe(0);
    expect(openOutput(good.out).entities).toHaveLength(2);
    expect(good.err).toMatch(/^warning: note\.md:line 14: /m);
  });

  it('exits 1 for Markdown without an erDiagram block, and for an unreadable file', async () => {
    const io = fakeIo({ 'note.md': '# Nothing\n```mermaid\nflowchart LR\n  a --> b\n```\n' });
    expect(await runCli(['import', 'note.md'], io)).toBe(1);
    expect(io.err).toBe('note.md:line 1: no ```mermaid block holding an erDiagram in this Markdown file\n');

    const missing = fakeIo();
    expect(await runCli(['import', 'gone.mmd'], missing)).toBe(1);
    expect(missing.err).toMatch(/^cannot read gone\.mmd: ENOENT/);
  });

  it('reads back what export --to mermaid-er writes', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync(new URL('../../examples/identity-lifecycle.crosswalk.json', import.meta.url), 'utf8');
    const io = fakeIo({ 'doc.json': example });
    expect(await runCli(['export', 'doc.json', '--to', 'mermaid-er', '-o', 'doc.mmd'], io)).toBe(0);
    io.files.set('doc.mmd', io.written.get('doc.mmd')!);
    io.out = '';
    expect(await runCli(['import', 'doc.mmd'], io)).toBe(0);
    const doc = openOutput(io.out);
    expect(doc.entities).toHaveLength(openOutput(example).entities.length);
  });
});
