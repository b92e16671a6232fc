import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, coverageToJson, typeFamily, typesDiffer } from '../../src/model/coverage';
import type { CrosswalkDocument, Field, Link } from '../../src/model/types';
import { validateDocument } from '../../src/model/validate';
import { arbitraryDocument } from '../fixtures/arbitrary-doc';

// Hand-made documents for each rule of DESIGN.md "Coverage and gaps".

const field = (id: string, type?: string, required?: boolean): Field => ({ id, name: id, ...(type ? { type } : {}), ...(required ? { required } : {}) });
const map = (id: string, from: [string, string?], to: [string, string?], transform?: string): Link => ({
  id,
  kind: 'mapping',
  from: { entity: from[0], ...(from[1] ? { field: from[1] } : {}) },
  to: { entity: to[0], ...(to[1] ? { field: to[1] } : {}) },
  ...(transform ? { transform } : {}),
});

function doc(links: Link[], targetFields: Field[] = [field('login', 'string', true), field('email', 'varchar(255)', true), field('hired', 'datetime'), field('active', 'boolean')]): CrosswalkDocument {
  const d: CrosswalkDocument = {
    format: 'crosswalk',
    version: 1,
    title: 'Coverage',
    systems: [{ id: 'wd', name: 'Workday' }, { id: 'okta', name: 'Okta' }],
    entities: [
      { id: 'worker', name: 'Worker', system: 'wd', fields: [field('mail', 'text'), field('start', 'date'), field('status', 'int'), field('first', 'string'), field('last', 'string')] },
      { id: 'user', name: 'User', system: 'okta', fields: targetFields },
    ],
    links,
  };
  const checked = validateDocument(d);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return d;
}

describe('coverage', () => {
  it('counts nothing when no entity receives a mapping', () => {
    expect(computeCoverage(doc([]))).toEqual({ entities: [], gaps: [] });
  });

  it('counts fed fields and required fields of each target entity, and lists unmapped required fields', () => {
    const report = computeCoverage(doc([map('m1', ['worker', 'mail'], ['user', 'email'])]));
    expect(coverageToJson(report)).toEqual({
      entities: [{ system: 'Okta', entity: 'User', fields: 4, mapped: 1, required: 2, requiredMapped: 1 }],
      gaps: [{ kind: 'unmapped-required', system: 'Okta', entity: 'User', field: 'login', links: [] }],
    });
  });

  it('treats obvious type synonyms alike (text → varchar(255) is no mismatch)', () => {
    const report = computeCoverage(doc([map('m1', ['worker', 'mail'], ['user', 'email']), map('m2', ['worker', 'mail'], ['user', 'login'])]));
    expect(report.gaps).toEqual([]);
  });

  it('reports a type mismatch without a transform, and not with one', () => {
    const bare = computeCoverage(doc([map('m1', ['worker', 'start'], ['user', 'hired']), map('m2', ['worker', 'status'], ['user', 'active'])]));
    expect(bare.gaps.map((g) => [g.kind, g.field, g.links])).toEqual([
      ['unmapped-required', 'login', []],
      ['unmapped-required', 'email', []],
      ['type-mismatch', 'hired', ['m1']],
      ['type-mismatch', 'active', ['m2']],
    ]);
    const transformed = computeCoverage(doc([map('m1', ['worker', 'start'], ['user', 'hired'], 'toISO'), map('m2', ['worker', 'status'], ['user', 'active'], 'status == 1')]));
    expect(transformed.gaps.filter((g) => g.kind === 'type-mismatch')).toEqual([]);
  });

  it('reports a field fed by several mappings once, naming every mapping', () => {
    const report = computeCoverage(doc([
      map('m1', ['worker', 'first'], ['user', 'login']),
      map('m2', ['worker', 'last'], ['user', 'login']),
      map('m3', ['worker', 'mail'], ['user', 'login']),
      map('m4', ['worker', 'mail'], ['user', 'email']),
    ]));
    expect(report.gaps).toMatchObject([{ kind: 'multiple-sources', field: 'login', links: ['m1', 'm2', 'm3'] }]);
    expect(report.entities[0]).toMatchObject({ mapped: 2, requiredMapped: 2 });
  });

  it('makes an entity-level mapping a target without feeding any field', () => {
    const report = computeCoverage(doc([map('m1', ['worker'], ['user'])]));
    expect(report.entities[0]).toMatchObject({ mapped: 0, required: 2, requiredMapped: 0 });
    expect(report.gaps.map((g) => g.field)).toEqual(['login', 'email']);
  });

  it('ignores relations and flows', () => {
    const d = doc([]);
    d.links = [{ id: 'r', kind: 'relation', from: { entity: 'worker', field: 'mail' }, to: { entity: 'user', field: 'login' } }];
    expect(computeCoverage(d).entities).toEqual([]);
  });

  it('reads type names through synonyms, sizes and case', () => {
    expect(typeFamily('VARCHAR(255)')).toBe('string');
    expect(typeFamily('Integer')).toBe(typeFamily('number'));
    expect(typeFamily('bool')).toBe(typeFamily('Boolean'));
    expect(typeFamily('timestamp with time zone')).toBe('datetime');
    expect(typesDiffer('date', 'datetime')).toBe(true);
    expect(typesDiffer('string', undefined)).toBe(false);
    expect(typesDiffer('geometry', 'Geometry')).toBe(false);
  });

  it('never counts a field twice, for random documents', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (d) => {
        const report = computeCoverage(d);
        for (const e of report.entities) {
          const entity = d.entities.find((x) => x.id === e.entityId)!;
          expect(e.fields).toBe(entity.fields.length);
          expect(e.mapped).toBeLessThanOrEqual(e.fields);
          expect(e.requiredMapped).toBeLessThanOrEqual(e.required);
          const fed = new Set(d.links.filter((l) => l.kind === 'mapping' && 'entity' in l.to && l.to.entity === entity.id && l.to.field !== undefined).map((l) => ('field' in l.to ? l.to.field : '')));
          expect(e.mapped).toBe(entity.fields.filter((f) => fed.has(f.id)).length);
        }
        expect(new Set(report.entities.map((e) => e.entityId)).size).toBe(report.entities.length);
        const keys = report.gaps.map((g) => `${g.kind}\u0000${g.entityId}\u0000${g.fieldId}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });
});
