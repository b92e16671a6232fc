import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findExportFormat } from '../src/formats/registry';
import { serialiseDocument } from '../src/io/serialise';
import { generateDocument } from '../test/fixtures/generate';
import { generateDdl } from './ddl';
import { table } from './measure';

// The command line at 500 and 5,000 entities (issue 13: "PPTX, SVG and import of 5,000
// entities in time proportional to 500, in bounded memory"; the DBML, Mermaid and Markdown
// exports beside them). Each case is one `cw` run in
// its own process (bench/cli-child.ts), so peak memory is that command's alone: wall time,
// CPU time (steadier than wall time on a shared machine) and maxRSS. Imports lay out what
// they read, as `cw import` does (ELK up to 200 entities per part, the iterative layout beyond: see ELK_ENTITY_LIMIT).

interface Row {
  name: string;
  entities: number;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

const CHILD = fileURLToPath(new URL('./cli-child.ts', import.meta.url));

function runCw(args: readonly string[]): { ms: number; cpuMs: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  const result = JSON.parse(out.trim().split('\n').pop()!) as { code: number; ms: number; cpuMs: number; maxRssMb: number };
  if (result.code !== 0) throw new Error(`cw ${args.join(' ')} exited ${result.code}`);
  return result;
}

/**
 * Runs the scale cases at each size (entities: 10 fields each, 1.5 mappings per entity).
 * `pptxSizes` are the sizes PPTX is measured at (5,000 takes a minute or more).
 */
export async function runScaleBench(options: { sizes: readonly number[]; pptxSizes: readonly number[] }): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-scale-'));
  const rows: Row[] = [];
  try {
    for (const n of options.sizes) {
      const doc = generateDocument({ systems: Math.max(1, Math.round(n / 50)), entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: Math.round(n * 1.5) });
      const file = (ext: string) => join(dir, `doc${n}.${ext}`);
      writeFileSync(file('crosswalk.json'), serialiseDocument(doc));
      writeFileSync(file('sql'), generateDdl(n));
      writeFileSync(file('dbml'), String(await findExportFormat('dbml')!.run(doc)));
      writeFileSync(file('csv'), String(await findExportFormat('csv-mappings')!.run(doc)));
      const cases: [string, string[]][] = [
        ['export svg', ['export', file('crosswalk.json'), '--to', 'svg', '-o', join(dir, 'out.svg')]],
        ['export dbml', ['export', file('crosswalk.json'), '--to', 'dbml', '-o', join(dir, 'out.dbml')]],
        ['export mermaid-er', ['export', file('crosswalk.json'), '--to', 'mermaid-er', '-o', join(dir, 'out.mmd')]],
        ['export markdown', ['export', file('crosswalk.json'), '--to', 'markdown', '-o', join(dir, 'out.md')]],
        ['import SQL DDL (postgresql)', ['import', file('sql'), '--dialect', 'postgresql', '-o', join(dir, 'out.json')]],
        ['import DBML', ['import', file('dbml'), '-o', join(dir, 'out.json')]],
        ['import mapping sheet (CSV)', ['import', file('csv'), '-o', join(dir, 'out.json')]],
      ];
      if (options.pptxSizes.includes(n)) cases.unshift(['export pptx', ['export', file('crosswalk.json'), '--to', 'pptx', '-o', join(dir, 'out.pptx')]]);
      for (const [name, args] of cases) {
        process.stderr.write(`… cw ${name} (${n} entities)\n`);
        rows.push({ name, entities: n, ...runCw(args) });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = new Map<string, Row>();
  for (const r of rows) if (!first.has(r.name)) first.set(r.name, r);
  return table(
    ['cw command', 'entities', 'wall s', 'CPU s', 'CPU ratio', 'peak RSS MB'],
    rows.map((r) => {
      const base = first.get(r.name)!;
      return [r.name, String(r.entities), (r.ms / 1000).toFixed(1), (r.cpuMs / 1000).toFixed(1), base === r ? '' : `${(r.cpuMs / base.cpuMs).toFixed(1)}×`, r.maxRssMb.toFixed(0)];
    }),
    'lrrrrr',
  );
}
