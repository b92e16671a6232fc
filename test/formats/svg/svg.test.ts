import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { exportSvg } from '../../../src/formats/svg/svg';
import { boxesOverlap, placeCanvasLabels } from '../../../src/layout/labels';
import { computeGeometry } from '../../../src/model/geometry';
import { arbitraryDocument } from '../../fixtures/arbitrary-doc';
import { hostileDocument, loadExamples } from '../pptx/fixtures';

/** xmllint's complaints about an SVG text, empty when it is well-formed. */
function xmllint(svg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'svg-lint-'));
  try {
    const file = join(dir, 'x.svg');
    writeFileSync(file, svg);
    execFileSync('xmllint', ['--noout', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return (e as { stderr?: Buffer }).stderr?.toString() || String(e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const viewBox = (svg: string) => /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg)!.slice(1).map(Number);

describe.each(loadExamples())('SVG of $name', ({ doc }) => {
  const svg = exportSvg(doc);
  it('is a well-formed vector drawing with a white background and no HTML', () => {
    expect(xmllint(svg)).toBe('');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toMatch(/<rect [^>]*fill="#fff"/);
    expect(svg).not.toMatch(/foreignObject|<script|<div/i);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(doc.links.length);
  });

  it('names every system, entity and field', () => {
    for (const s of doc.systems) expect(svg).toContain(escapeXml(s.name));
    for (const e of doc.entities) {
      expect(svg).toContain(escapeXml(e.name));
      for (const f of e.fields) expect(svg).toContain(escapeXml(f.name));
    }
  });

  it('is deterministic', () => {
    expect(exportSvg(structuredClone(doc))).toBe(svg);
  });

  it('draws only the selection when asked, in smaller bounds', () => {
    const system = doc.systems[0];
    const inside = doc.entities.filter((e) => e.system === system.id);
    const outside = doc.entities.find((e) => e.system !== system.id)!;
    const part = exportSvg(doc, { only: [system.id] });
    expect(xmllint(part)).toBe('');
    for (const e of inside) expect(part).toContain(escapeXml(e.name));
    expect(part).not.toContain(`>${escapeXml(outside.name)}<`);
    const [, , w, h] = viewBox(part);
    const [, , W, H] = viewBox(svg);
    expect(w * h).toBeLessThan(W * H);
  });
});

describe('SVG of hostile documents', () => {
  it('stays well-formed with control characters, quotes, markup, RTL, emoji and long names', () => {
    const svg = exportSvg(hostileDocument());
    expect(xmllint(svg)).toBe('');
    expect(svg).not.toMatch(/<script|foreignObject/);
  });

  it('stays well-formed for random documents', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const svg = exportSvg(doc);
        // eslint-disable-next-line no-control-regex -- characters XML 1.0 forbids
        expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(svg)).toBe(false);
        expect(svg).not.toMatch(/<script|foreignObject/);
        return true;
      }),
      { numRuns: 150 },
    );
    // xmllint is slow to spawn: lint a sample of the generated documents.
    for (const doc of fc.sample(arbitraryDocument(), { numRuns: 20, seed: 7 })) expect(xmllint(exportSvg(doc))).toBe('');
  });
});

describe('the labels of the SVG', () => {
  /** The text the picture shows (tags dropped, entities decoded), without white space. */
  const shown = (svg: string) =>
    svg
      .replace(/<title>[\s\S]*?<\/title>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, '');

  it.each(loadExamples().map((e) => [e.name, e.doc] as const))('%s: sit where the canvas puts them, each text in full, apart from each other and the tables', (_, doc) => {
    const svg = exportSvg(doc);
    const placed = placeCanvasLabels(doc);
    const text = shown(svg);
    for (const p of placed) {
      // A label's text is drawn whole (wrapped, never cut); a marker's is in the legend.
      expect(text, p.id).toContain(p.text.replace(/\s+/g, ''));
      if (p.kind === 'marker') expect(text).toContain('Labelsshownasnumbers');
    }
    const geo = computeGeometry(doc);
    const tables = [...geo.entities.values()];
    for (const [i, a] of placed.entries()) {
      if (a.pinned || a.crowded) continue;
      for (const b of placed.slice(i + 1)) if (!b.pinned && !b.crowded) expect(boxesOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      for (const t of tables) expect(boxesOverlap(a.box, t), a.id).toBe(false);
    }
  });
});
