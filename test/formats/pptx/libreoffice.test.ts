import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPptx } from '../../../src/formats/pptx/pptx';
import { readDeck } from './deck-reader';
import { hostileDocument, loadExamples, presenterStressDocument } from './fixtures';

// A real client opens the decks: LibreOffice converts each to PDF, one page per slide.
// (LibreOffice 7.4 aborts on a deck whose XML holds a control character: no PDF at all.)

function soffice(): string {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next name
    }
  }
  throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-impress poppler-utils');
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

describe('LibreOffice opens every deck', () => {
  const cases = [...loadExamples(), { name: 'hostile', doc: hostileDocument() }, { name: 'presenter-stress', doc: presenterStressDocument() }];
  it('converts each deck to a PDF with one page per slide', async () => {
    const bin = soffice();
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-lo-'));
    try {
      const files: string[] = [];
      const slides = new Map<string, number>();
      for (const { name, doc } of cases) {
        const bytes = await exportPptx(doc);
        const base = name.replace(/\.crosswalk\.json$/, '');
        const file = join(dir, `${base}.pptx`);
        writeFileSync(file, bytes);
        files.push(file);
        slides.set(base, (await readDeck(bytes)).slides.length);
      }
      // One LibreOffice start for all decks, with its own profile so parallel runs don't collide.
      execFileSync(bin, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
        stdio: 'ignore',
        timeout: 240_000,
      });
      for (const [base, count] of slides) {
        const pdf = join(dir, `${base}.pdf`);
        expect(readFileSync(pdf).subarray(0, 4).toString(), `${base}.pdf`).toBe('%PDF');
        expect(pdfPages(pdf), base).toBe(count);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
