import { describe, expect, it } from 'vitest';
import { normaliseName, suggestMappings } from '../../src/model/automap';
import type { CrosswalkDocument, Entity } from '../../src/model/types';

const entity = (id: string, system: string, names: string[]): Entity => ({ id, name: id, system, fields: names.map((n, i) => ({ id: `${id}-f${i}`, name: n })) });

function doc(source: Entity, target: Entity, mapped: [string, string][] = []): CrosswalkDocument {
  return {
    format: 'crosswalk',
    version: 1,
    title: 't',
    systems: [{ id: 'wd', name: 'Workday' }, { id: 'okta', name: 'Okta' }],
    entities: [source, target],
    links: mapped.map(([f, t], i) => ({ id: `m${i}`, kind: 'mapping', from: { entity: source.id, field: f }, to: { entity: target.id, field: t } })),
  };
}

describe('auto-map suggestions', () => {
  it('matches exact, case- and punctuation-insensitive names and known synonyms, strongest first', () => {
    const worker = entity('worker', 'wd', ['Work_Email', 'First_Name', 'Last_Name', 'Employee_ID', 'login', 'Cost Center']);
    const user = entity('user', 'okta', ['login', 'email', 'firstName', 'familyName', 'employeeNumber', 'costCenter', 'nickName']);
    const d = doc(worker, user);
    const got = suggestMappings(d, [worker], [user]).map((s) => [s.from.field, s.to.field, s.reason]);
    expect(got).toEqual([
      ['worker-f4', 'user-f0', 'exact'],
      ['worker-f0', 'user-f1', 'synonym'],
      ['worker-f1', 'user-f2', 'normalised'],
      ['worker-f2', 'user-f3', 'synonym'],
      ['worker-f3', 'user-f4', 'synonym'],
      ['worker-f5', 'user-f5', 'normalised'],
    ]);
  });

  it('prefers a normalised match over a synonym, and never suggests a field already fed', () => {
    const src = entity('src', 'wd', ['mail', 'e-mail']);
    const dst = entity('dst', 'okta', ['EMail', 'phone']);
    expect(suggestMappings(doc(src, dst), [src], [dst]).map((s) => [s.from.field, s.reason])).toEqual([['src-f1', 'normalised']]);
    expect(suggestMappings(doc(src, dst, [['src-f0', 'dst-f0']]), [src], [dst])).toEqual([]);
  });

  it('uses each source field once per target entity', () => {
    const src = entity('src', 'wd', ['email']);
    const dst = entity('dst', 'okta', ['email', 'mail', 'emailAddress']);
    expect(suggestMappings(doc(src, dst), [src], [dst])).toHaveLength(1);
  });

  it('normalises accents, case and punctuation', () => {
    expect(normaliseName('Prénom_Employé')).toBe('prenomemploye');
    expect(normaliseName('  ')).toBe('');
  });
});
