import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportIntegrationSvg, screenIntegrationView, SCREEN_LANE_STYLE } from '../../src/formats/svg/integration';
import { integrationPairs, pairLinks, pairOfFocus, resolvePair, type IntegrationView, type SystemPair } from '../../src/layout/integration';
import type { Rect } from '../../src/layout/lanes';
import type { CrosswalkDocument } from '../../src/model/types';
import { runCli } from '../../src/cli/run';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';
import { loadExample } from '../fixtures/examples';
import { fakeIo } from '../cli/fake-io';

// The integration view (a system pair as a mapping spec) is one core layout: no two texts
// overlap, every link of the pair is drawn with its transform in a middle box between its
// two ends, target entities show their unmapped and required fields, nothing is cut.

const EXAMPLES = ['identity-lifecycle', 'crm-erp-quote-to-cash', 'device-fleet-mdm'];

function overlaps(rects: readonly { key: string; rect: Rect }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i].rect;
      const b = rects[j].rect;
      if (a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6) out.push(`${rects[i].key} / ${rects[j].key}`);
    }
  }
  return out;
}

/** Both directions of every pair with links. */
function directions(doc: CrosswalkDocument): SystemPair[] {
  return integrationPairs(doc)
    .flatMap((p) => [p.pair, { source: p.pair.target, target: p.pair.source }])
    .filter((p) => pairLinks(doc, p).length > 0);
}

function checkView(doc: CrosswalkDocument, view: IntegrationView): void {
  const { texts, connectors } = view.layout;
  expect(overlaps(texts)).toEqual([]);
  // Every link of the pair: a middle box with its text and a line into and out of it.
  for (const l of pairLinks(doc, view.pair)) {
    const label = texts.find((t) => t.key === `label:${l.id}`);
    expect(label, l.id).toBeDefined();
    if (l.kind === 'mapping' && l.transform?.trim()) expect(label!.paragraphs[0].text.replace(/\s+/g, ' ')).toContain(l.transform.trim().split(/\s+/)[0]);
    expect(connectors.filter((c) => c.to === `label:${l.id}` || c.from === `label:${l.id}`)).toHaveLength(2);
    const left = texts.filter((t) => t.rect.x + t.rect.w <= label!.rect.x + 1e-6);
    const right = texts.filter((t) => t.rect.x >= label!.rect.x + label!.rect.w - 1e-6);
    expect(left.length + right.length).toBe(texts.filter((t) => t.role !== 'label').length);
  }
  // Nothing under 13 px; every target field of a fed entity is shown.
  for (const t of texts) for (const p of t.paragraphs) expect(p.size).toBeGreaterThanOrEqual(SCREEN_LANE_STYLE.rowPt);
  const targets = new Set([...view.rows.values()].filter((r) => r.side === 'target').map((r) => r.entityId));
  for (const id of targets) {
    const e = doc.entities.find((x) => x.id === id)!;
    expect([...view.rows.values()].filter((r) => r.side === 'target' && r.entityId === id)).toHaveLength(e.fields.length);
  }
}

describe('the integration view', () => {
  it.each(EXAMPLES)('lays out every pair of %s, both ways, without overlaps and with every link', (name) => {
    const doc = loadExample(name);
    const dirs = directions(doc);
    expect(dirs.length).toBeGreaterThan(0);
    for (const pair of dirs) checkView(doc, screenIntegrationView(doc, pair));
  });

  it('marks required and unmapped target fields, and lines a target row up with its source', () => {
    const doc = loadExample('identity-lifecycle');
    const view = screenIntegrationView(doc, { source: 'workday', target: 'okta' });
    const text = (key: string) => view.layout.texts.find((t) => t.key === key)!.paragraphs[0].text;
    const rowKey = [...view.rows.entries()].find(([, r]) => r.side === 'target' && r.fieldId === 'id')![0];
    expect(text(rowKey)).toBe('id (PK): string — not mapped');
    const login = [...view.rows.entries()].find(([, r]) => r.side === 'target' && r.fieldId === 'login')!;
    expect(login[1]).toMatchObject({ required: true, mapped: true });
    expect(text(login[0])).toContain('required');
    // Rows aligned to cut crossings: each transform box is level with its target row (the
    // line into the target is flat), and the first source row is level with its box too.
    const rect = (key: string) => view.layout.texts.find((t) => t.key === key)!.rect;
    const mid = (r: Rect) => r.y + r.h / 2;
    for (const l of view.links.filter((x) => x.style === 'mapping')) {
      if (view.links.filter((x) => x.to === l.to).length === 1) expect(Math.abs(mid(rect(`label:${l.key}`)) - mid(rect(l.to)))).toBeLessThan(1);
    }
    const first = view.links.find((x) => x.style === 'mapping')!;
    expect(Math.abs(mid(rect(first.from)) - mid(rect(`label:${first.key}`)))).toBeLessThan(rect(first.from).h);
  });

  it('lays out random documents (hostile names) without overlaps, every link drawn', () => {
    fc.assert(
      fc.property(arbitraryDocument({ maxSystems: 4, maxEntities: 6, maxFields: 6, maxLinks: 14 }), (doc) => {
        for (const pair of directions(doc)) checkView(doc, screenIntegrationView(doc, pair));
      }),
      { numRuns: 60 },
    );
  });

  it('writes well-formed SVG whatever the names hold', () => {
    const docs = fc.sample(arbitraryDocument({ maxSystems: 3, maxLinks: 10 }), { numRuns: 25, seed: 11 });
    const dir = mkdtempSync(join(tmpdir(), 'integration-svg-'));
    try {
      let drawn = 0;
      for (const [i, doc] of [loadExample(), ...docs].entries()) {
        for (const pair of directions(doc).slice(0, 2)) {
          const file = join(dir, `${i}-${drawn++}.svg`);
          writeFileSync(file, exportIntegrationSvg(doc, pair));
          expect(() => execFileSync('xmllint', ['--noout', file], { stdio: ['ignore', 'pipe', 'pipe'] })).not.toThrow();
        }
      }
      expect(drawn).toBeGreaterThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a pair from names, ids or a focus, and says what is wrong otherwise', () => {
    const doc = loadExample('identity-lifecycle');
    expect(resolvePair(doc, 'workday, OKTA')).toEqual({ pair: { source: 'workday', target: 'okta' } });
    expect(resolvePair(doc, 'okta,google')).toEqual({ pair: { source: 'okta', target: 'google' } });
    expect(resolvePair(doc, 'Workday,Nope')).toEqual({ error: expect.stringContaining('no system named "Nope"') });
    expect(resolvePair(doc, 'Workday')).toEqual({ error: expect.stringContaining('two systems') });
    expect(resolvePair(doc, 'Okta,okta')).toEqual({ error: expect.stringContaining('twice') });
    expect(pairOfFocus(doc, ['f-wd-okta'])).toEqual({ source: 'workday', target: 'okta' });
    expect(pairOfFocus(doc, ['okta', 'workday'])).toEqual({ source: 'workday', target: 'okta' });
    expect(pairOfFocus(doc, ['okta-user', 'm-email-login'])).toEqual({ source: 'workday', target: 'okta' });
    expect(pairOfFocus(doc, ['okta'])).toBeUndefined();
  });

  it('cw export --to svg --pair writes the view; unknown names exit 1 with a message', async () => {
    const io = fakeIo({ 'doc.json': JSON.stringify(loadExample('identity-lifecycle')) });
    expect(await runCli(['export', 'doc.json', '--to', 'svg', '--pair', 'Workday,Okta', '-o', 'pair.svg'], io)).toBe(0);
    const svg = io.written.get('pair.svg') as string;
    expect(svg).toContain('<title>Workday → Okta</title>');
    expect(svg).toContain('coalesce(Preferred_First_Name,');
    const bad = fakeIo({ 'doc.json': JSON.stringify(loadExample('identity-lifecycle')) });
    expect(await runCli(['export', 'doc.json', '--to', 'svg', '--pair', 'Workday,Oktaa'], bad)).toBe(1);
    expect(bad.err).toContain('no system named "Oktaa"');
    expect(bad.out).toBe('');
    expect(await runCli(['export', 'doc.json', '--to', 'markdown', '--pair', 'Workday,Okta'], fakeIo({ 'doc.json': '{}' }))).toBe(2);
  });
});
