import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importMermaidEr } from '../src/formats/mermaid/import-er';
import { findExportFormat, findImportFormat } from '../src/formats/registry';
import type { FormatImportOptions } from '../src/formats/types';
import { parseDocumentText } from '../src/io/file';
import { serialiseDocument } from '../src/io/serialise';
import { createBundledElk, layoutDocument } from '../src/layout/elk';
import { placeCanvasLabels } from '../src/layout/labels';
import { computeGeometry } from '../src/model/geometry';
import { computeCoverage } from '../src/model/coverage';
import type { CrosswalkDocument } from '../src/model/types';
import { generateDocument } from '../test/fixtures/generate';
import { DEFAULT_CASES, runBrowserBench } from './browser';
import { runMappingTableBench } from './mapping-table';
import { runScaleBench } from './scale';
import { reportChunks } from './chunks';
import { generateDdl, generateSheet } from './ddl';
import { formatMs, measure, table, type Outcome } from './measure';

// `npm run bench`: how long the core takes on big documents, and how big the build is.
// Options: --runs N (timed runs per case, default 7; slow cases use fewer), --dist DIR,
// --only core|browser (one section), --sizes 100,1000 (the browser section's entity counts),
// --cli-sizes 500,5000 (the command line at scale: SVG and imports at each size, PPTX at
// 500 only unless --pptx-large adds 5,000, which takes a minute or more).

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    only: { type: 'string' },
    sizes: { type: 'string' },
    'cli-sizes': { type: 'string', default: '500,5000' },
    'pptx-large': { type: 'boolean', default: false },
  },
});
const runs = options.runs ? Math.max(1, Number(options.runs)) : 7;
const slowRuns = options.runs ? runs : 3;

const docs = {
  big: generateDocument({ systems: 20, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 1500 }),
  medium: generateDocument({ systems: 10, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 750 }),
  layout100: generateDocument({ systems: 10, entitiesPerSystem: 10, fieldsPerEntity: 8, mappings: 150, positions: false }),
  layout200: generateDocument({ systems: 20, entitiesPerSystem: 10, fieldsPerEntity: 16, mappings: 270, positions: false }),
  layout300: generateDocument({ systems: 20, entitiesPerSystem: 15, fieldsPerEntity: 16, mappings: 400, positions: false }),
};

function describeDoc(doc: CrosswalkDocument): string {
  const fields = doc.entities.reduce((n, e) => n + e.fields.length, 0);
  const kb = (serialiseDocument(doc).length / 1000).toFixed(0);
  return `${doc.systems.length} systems, ${doc.entities.length} entities, ${fields} fields, ${doc.links.length} links, ${kb} kB JSON`;
}

async function exportWith(id: string, doc: CrosswalkDocument): Promise<unknown> {
  const format = findExportFormat(id);
  if (!format) throw new Error(`no export format ${id}`);
  return format.run(doc);
}

interface Case {
  name: string;
  doc: string;
  /** A budget in ms, shown next to the figure. */
  target?: number;
  runs: number;
  run: () => unknown;
}

const bigText = serialiseDocument(docs.big);
/** The canvas computes the geometry anyway: label placement is timed on its own. */
const bigGeometry = computeGeometry(docs.big);
const ddl500 = generateDdl(500);
const sheet2000 = generateSheet(2000);

/** Imports through the registry, as `cw import` and the app do; fails loudly on an import that fails. */
async function importWith(id: string, text: string, options: FormatImportOptions): Promise<void> {
  const format = findImportFormat(id);
  if (!format) throw new Error(`no import format ${id}`);
  const result = await format.import(text, options);
  if (!result.ok) throw new Error(result.errors[0]?.message ?? 'import failed');
}

// The first import loads the dialect's parser build: timed once, before the warm runs.
const coldStart = performance.now();
await importWith('sql', 'CREATE TABLE a (id int);', { dialect: 'postgresql' });
const sqlParserLoad = performance.now() - coldStart;

/** erDiagram texts of 4,000 lines: one entity whose 3,998 attributes share a name (what was cubic), and a model. */
const erTexts = {
  repeated: ['erDiagram', '  T {', ...Array.from({ length: 3_997 }, () => '    string x'), '  }'].join('\n'),
  model: [
    'erDiagram',
    ...Array.from({ length: 300 }, (_, i) => [`  E${i} {`, '    uuid id PK', ...Array.from({ length: 9 }, (_, j) => `    string ${j % 3 ? `f${j}` : 'x'} "note ${j}"`), '  }']).flat(),
    ...Array.from({ length: 399 }, (_, i) => `  E${i % 300} ||--o{ E${(i * 7 + 1) % 300} : "r${i}"`),
  ].join('\n'),
};
/** A chain of 20,000 related entities: ELK recursed along it until the stack overflowed. */
const chain20k: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: 'Chain',
  systems: [],
  entities: Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, name: `E${i}`, fields: [{ id: 'id', name: 'id' }] })),
  links: Array.from({ length: 19_999 }, (_, i) => ({ id: `r${i}`, kind: 'relation' as const, from: { entity: `e${i}` }, to: { entity: `e${i + 1}` } })),
};
const importEr = (text: string) => () => {
  if (!importMermaidEr(text).ok) throw new Error('the generated erDiagram does not import');
};
const elk = options.only === 'browser' ? undefined : await createBundledElk();
const cases: Case[] = [
  {
    name: 'parse + validate',
    doc: '1000 entities',
    runs,
    run: () => {
      if (!parseDocumentText(bigText).ok) throw new Error('the generated document does not parse');
    },
  },
  { name: 'import mermaid-er', doc: '4,000 lines, 1 name ×3,997', runs, run: importEr(erTexts.repeated) },
  { name: 'import mermaid-er', doc: '4,000 lines, 300 entities', runs, run: importEr(erTexts.model) },
  { name: 'serialise', doc: '1000 entities', runs, run: () => serialiseDocument(docs.big) },
  { name: 'export mermaid-er', doc: '1000 entities', target: 50, runs, run: () => exportWith('mermaid-er', docs.big) },
  { name: 'export mermaid-flow', doc: '1000 entities', target: 50, runs, run: () => exportWith('mermaid-flow', docs.big) },
  { name: 'export markdown', doc: '1000 entities', target: 50, runs, run: () => exportWith('markdown', docs.big) },
  { name: 'coverage report', doc: '1000 entities', target: 20, runs, run: () => computeCoverage(docs.big) },
  { name: 'export svg', doc: '1000 entities', runs, run: () => exportWith('svg', docs.big) },
  { name: 'canvas label placement', doc: '1000 entities', target: 30, runs, run: () => placeCanvasLabels(docs.big, bigGeometry) },
  { name: 'export pptx', doc: '500 entities', runs: slowRuns, run: () => exportWith('pptx', docs.medium) },
  { name: 'import SQL DDL (postgresql)', doc: '500 tables', target: 1000, runs: slowRuns, run: () => importWith('sql', ddl500, { dialect: 'postgresql' }) },
  { name: 'import mapping sheet (CSV)', doc: '2000 rows', runs, run: () => importWith('csv', sheet2000, {}) },
  { name: 'ELK layout (in-thread)', doc: '100 entities', runs: slowRuns, run: () => layoutDocument(docs.layout100, { elk: elk! }) },
  { name: 'ELK layout (in-thread)', doc: '200 entities', runs: slowRuns, run: () => layoutDocument(docs.layout200, { elk: elk! }) },
  // Over ELK_ENTITY_LIMIT: what `cw import` and the app do with 300 entities.
  { name: 'layout over ELK\'s limit (columns)', doc: '300 entities', runs, run: () => layoutDocument(docs.layout300, { elk: elk! }) },
  { name: 'layout, too big for ELK', doc: '20,000-entity chain', runs: slowRuns, run: () => layoutDocument(chain20k, { elk: elk! }) },
];

function describeOutcome(o: Outcome, target: number | undefined): string[] {
  switch (o.kind) {
    case 'ok':
      return [
        formatMs(o.median),
        `${formatMs(o.min)}–${formatMs(o.max)}`,
        String(o.runs),
        target === undefined ? '' : o.median <= target ? `< ${target} ok` : `> ${target} SLOW`,
      ];
    case 'not-implemented':
      return ['n/a (not implemented)', '', '', ''];
    case 'error':
      return [`error: ${o.message.slice(0, 60)}`, '', '', ''];
  }
}

if (options.only !== 'browser') {
  console.log(`Crosswalk benchmarks, Node ${process.version}; median of N timed runs after one warm-up.\n`);
  for (const [name, doc] of Object.entries({ '1000 entities': docs.big, '500 entities': docs.medium, '100 entities': docs.layout100, '200 entities': docs.layout200, '300 entities': docs.layout300 })) {
    console.log(`  ${name.padEnd(13)} ${describeDoc(doc)}`);
  }
  console.log(`  ${'500 tables'.padEnd(13)} a PostgreSQL script, ${(ddl500.length / 1000).toFixed(0)} kB, ${ddl500.split('\n').length} lines`);
  console.log(`  ${'2000 rows'.padEnd(13)} a mapping sheet, ${(sheet2000.length / 1000).toFixed(0)} kB`);
  console.log(`  (loading the postgresql parser build on first use took ${formatMs(sqlParserLoad)} ms)`);
  console.log('');

  const rows: string[][] = [];
  for (const c of cases) {
    process.stderr.write(`… ${c.name} (${c.doc})\n`);
    rows.push([c.name, c.doc, ...describeOutcome(await measure(c.run, c.runs), c.target)]);
  }
  console.log(table(['case', 'document', 'median ms', 'range ms', 'N', 'target'], rows, 'lrrrrl'));
  const cliSizes = options['cli-sizes'].split(',').map(Number).filter((n) => n > 0);
  console.log('\nThe command line at scale (one process per run; CPU ratio against the first size):\n');
  console.log(await runScaleBench({ sizes: cliSizes, pptxSizes: options['pptx-large'] ? cliSizes : cliSizes.slice(0, 1) }));
  console.log('\nBuilt JavaScript:\n');
  console.log(reportChunks(resolve(options.dist)));
}

if (options.only !== 'core') {
  const sizes = options.sizes ? options.sizes.split(',').map(Number).filter((n) => n > 0) : undefined;
  const browserCases = sizes ? sizes.map((entities) => DEFAULT_CASES.find((c) => c.entities === entities) ?? { entities, openTimeout: 90_000 }) : DEFAULT_CASES;
  console.log('\nIn the browser (built app, headless Chromium, 1440×900; fps while the viewport moves one step per frame):\n');
  console.log(await runBrowserBench({ dist: options.dist, cases: browserCases }));
  console.log('\nThe mapping table (built app, headless Chromium):\n');
  console.log(await runMappingTableBench({ dist: options.dist }));
}
