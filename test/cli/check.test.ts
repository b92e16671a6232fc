import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { fakeIo } from './fake-io';

const read = (name: string) => readFileSync(new URL(`../../examples/${name}.crosswalk.json`, import.meta.url), 'utf8');

describe('cw check', () => {
  it('prints the report as JSON in the documented shape, exit 0', async () => {
    const io = fakeIo({ 'doc.json': read('device-fleet-mdm') });
    expect(await runCli(['check', 'doc.json', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out) as { entities: Record<string, unknown>[]; gaps: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(['entities', 'gaps']);
    expect(Object.keys(report.entities[0])).toEqual(['system', 'entity', 'fields', 'mapped', 'required', 'requiredMapped']);
    expect(report.gaps.length).toBeGreaterThan(0);
    for (const g of report.gaps) expect(Object.keys(g)).toEqual(['kind', 'system', 'entity', 'field', 'links']);
  });

  it('with --strict exits 1 when there is a gap and 0 when there is none', async () => {
    const gappy = fakeIo({ 'doc.json': read('device-fleet-mdm') });
    expect(await runCli(['check', 'doc.json', '--strict'], gappy)).toBe(1);
    expect(gappy.out).toMatch(/unmapped-required: Snipe-IT Hardware asset\.id/);
    const clean = fakeIo({ 'doc.json': read('identity-lifecycle') });
    expect(await runCli(['check', 'doc.json', '--strict'], clean)).toBe(0);
    expect(clean.out).toMatch(/No gaps\./);
  });

  it('exits 1 with path: message lines for a bad document, 2 for bad usage', async () => {
    const bad = fakeIo({ 'doc.json': '{"format":"crosswalk","version":1,"title":"","systems":[],"entities":[],"links":[]}' });
    expect(await runCli(['check', 'doc.json'], bad)).toBe(1);
    expect(bad.err).toMatch(/title: /);
    expect(await runCli(['check'], fakeIo())).toBe(2);
  });
});
