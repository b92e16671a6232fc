import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as dbmlParse from '@dbml/parse';
import { compileInBatches, WHOLE } from '../../../src/formats/dbml/batches';
import { exportDbml } from '../../../src/formats/dbml/dbml-export';
import { readDbml } from '../../../src/formats/dbml/dbml-import';
import type { RawDbml } from '../../../src/formats/dbml/raw';
import type { CrosswalkDocument } from '../../../src/model/types';
import { arbitraryDocument, HOSTILE_STRINGS } from '../../fixtures/arbitrary-doc';

// A large DBML file is compiled in batches (batches.ts). Here every file is batched as finely
// as it can be (a batch per top-level element: batch size 1, no minimum file size), and what
// comes out must be what compiling the whole file gives: the same document, the same
// messages with the same lines.

const casesDir = new URL('./cases/', import.meta.url);
const cases = readdirSync(casesDir).filter((f) => f.endsWith('.dbml'));
const whole = (text: string) => readDbml(text, {}, Infinity, Infinity);
const batched = (text: string) => readDbml(text, {}, 1, 0);

function wholeRaw(text: string): RawDbml {
  const layout = new dbmlParse.MemoryProjectLayout();
  layout.setSource(dbmlParse.DEFAULT_ENTRY, text);
  return new dbmlParse.Compiler(layout).parse.rawDb(dbmlParse.DEFAULT_ENTRY) as unknown as RawDbml;
}

/** Ten tables, each with a ref to the one before (inline, then as a `Ref:` at the end). */
function chain(extra = ''): string {
  const tables = Array.from({ length: 10 }, (_, i) =>
    `Table t${i} {\n  id int [pk]\n  prev_id int${i ? ` [ref: > t${i - 1}.id]` : ''}\n  name varchar\n}\n`,
  );
  const refs = Array.from({ length: 9 }, (_, i) => `Ref: t${i + 1}.name - t${i}.name`);
  return `${tables.join('\n')}\n${refs.join('\n')}\n${extra}`;
}

describe('DBML compiled in batches', () => {
  it.each(cases)('%s reads as the whole file does', async (file) => {
    const text = readFileSync(new URL(file, casesDir), 'utf8');
    expect(await batched(text)).toEqual(await whole(text));
  });

  it('batches the cases without partials, each ref at its line in the file', () => {
    for (const file of ['ecommerce.dbml', 'minimal.dbml']) {
      const text = readFileSync(new URL(file, casesDir), 'utf8');
      const raw = compileInBatches(dbmlParse, text, 1);
      expect(raw).not.toBe(WHOLE);
      if (raw === WHOLE) return;
      const lines = (r: RawDbml) => r.refs.map((ref) => [ref.token.start.line, ref.endpoints.map((e) => e.token.start.line)]);
      expect(lines(raw)).toEqual(lines(wholeRaw(text)));
      expect(raw.tables.map((t) => t.name)).toEqual(wholeRaw(text).tables.map((t) => t.name));
    }
  });

  it('resolves refs and aliases across batches, with hostile names in stubs', async () => {
    const text = chain('Table "q\\"uo\\\\te\\nd" as Q {\n  "a\\"b" int\n  c int\n}\nRef: Q."a\\"b" > t3.id\nTableGroup g {\n  t1\n  Q\n}\n');
    expect(compileInBatches(dbmlParse, text, 1)).not.toBe(WHOLE);
    const r = await batched(text);
    expect(r.ok && r.doc.links.length).toBe(19);
    expect(r).toEqual(await whole(text));
  });

  it('gives the whole file’s messages and lines for an error in a late batch, or a clash between batches', async () => {
    for (const bad of [
      chain('Ref: t9.id > t2.missing\n'),
      chain('Table t3 {\n  id int\n}\n'),
      chain('Ref: t1.name - t0.name\n'),
      chain('TableGroup a {\n  t1\n}\nTableGroup b {\n  t1\n}\n'),
      chain('Table x {\n  id int [ref: > t2.id\n}\n'),
    ]) {
      const r = await batched(bad);
      expect(r.ok).toBe(false);
      expect(r).toEqual(await whole(bad));
      if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThan(50);
    }
  });

  it('reads random documents with hostile names as the whole file does', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument({ maxEntities: 5, maxLinks: 6 }), async (doc) => {
        const text = exportDbml(withNames(doc));
        expect(await batched(text)).toEqual(await whole(text));
      }),
      { numRuns: Number(process.env.DBML_PROPERTY_RUNS ?? 40) },
    );
  });
});

/** Puts a hostile string into a third of the names, so stubs quote them. */
function withNames(doc: CrosswalkDocument): CrosswalkDocument {
  return {
    ...doc,
    entities: doc.entities.map((e, i) => (i % 3 ? e : { ...e, name: `${HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]} ${i}` })),
  };
}
