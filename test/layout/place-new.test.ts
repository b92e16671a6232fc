import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../../src/formats/merge';
import { importMappingSheet } from '../../src/formats/csv/import';
import { importSql } from '../../src/formats/sql/import';
import { parseDocumentText } from '../../src/io/file';
import { createBundledElk, needsLayout } from '../../src/layout/elk';
import { layoutNewBeside } from '../../src/layout/place-new';
import { computeGeometry } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';
import { findOverlaps } from './overlap';

function example(): CrosswalkDocument {
  const r = parseDocumentText(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
  if (!r.ok) throw new Error('example does not open');
  return r.doc;
}

describe('layoutNewBeside', () => {
  it('lays out what an import added beside the document, moving nothing that was placed', async () => {
    const elk = await createBundledElk();
    const base = await layoutNewBeside(example(), { elk });
    expect(needsLayout(base)).toBe(false);
    const sql = await importSql(readFileSync('test/formats/sql/cases/mysql-shop/input.sql', 'utf8'), { dialect: 'mysql' });
    if (!sql.ok) throw new Error('import failed');
    const { doc: merged, added } = mergeDocuments(base, sql.doc);
    const placed = await layoutNewBeside(merged, { elk });

    expect(needsLayout(placed)).toBe(false);
    expect(findOverlaps(placed)).toEqual([]);
    for (const s of base.systems) expect(placed.systems.find((x) => x.id === s.id)).toEqual(s);
    for (const e of base.entities) expect(placed.entities.find((x) => x.id === e.id)).toEqual(e);
    const before = computeGeometry(base).bounds;
    const after = computeGeometry(placed);
    for (const id of added.systems) expect(after.systems.get(id)!.x).toBeGreaterThanOrEqual(before.x + before.width);
  });

  it('puts new entities of a placed system under its entities and grows the system', async () => {
    const elk = await createBundledElk();
    const base = await layoutNewBeside(example(), { elk });
    const system = base.systems[0];
    const sheet = `source_system,source_entity,source_field,target_system,target_entity,target_field\n${system.name},Brand New,a,${system.name},Another New,b\n`;
    const r = importMappingSheet(sheet);
    if (!r.ok) throw new Error('import failed');
    const placed = await layoutNewBeside(mergeDocuments(base, r.doc).doc, { elk });
    expect(findOverlaps(placed)).toEqual([]);
    // Others keep their place, or move straight down when the grown system reaches them.
    for (const s of base.systems.filter((x) => x.id !== system.id)) {
      const now = placed.systems.find((x) => x.id === s.id)!;
      expect(now.position!.x).toBe(s.position!.x);
      expect(now.position!.y).toBeGreaterThanOrEqual(s.position!.y);
    }
    const grown = placed.systems.find((s) => s.id === system.id)!;
    expect(grown.position).toEqual(system.position);
    expect(grown.size!.height).toBeGreaterThan(system.size!.height);
  });
});
