import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { serialiseDocument } from '../src/io/serialise';
import type { CrosswalkDocument, Entity } from '../src/model/types';

// The mapping table's first render at 500 rows (issue 11): a document whose target entity has
// 500 fields (half of them fed), opened in the built app; the time from pressing T to the
// 500th row being in the page, and the time of one edit typed into the table.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function tableDocument(rows: number): CrosswalkDocument {
  const entity = (id: string, system: string, prefix: string): Entity => ({
    id,
    name: id,
    system,
    position: { x: 20, y: 60 },
    fields: Array.from({ length: rows }, (_, i) => ({ id: `f${i}`, name: `${prefix}_${i}`, type: 'string', ...(i % 7 === 0 ? { required: true } : {}) })),
  });
  return {
    format: 'crosswalk',
    version: 1,
    title: `Mapping table, ${rows} rows`,
    systems: [
      { id: 'src', name: 'Source', position: { x: 0, y: 0 }, size: { width: 300, height: 200 + rows * 30 } },
      { id: 'dst', name: 'Target', position: { x: 600, y: 0 }, size: { width: 300, height: 200 + rows * 30 } },
    ],
    entities: [entity('Worker', 'src', 'source'), entity('User', 'dst', 'target')],
    links: Array.from({ length: rows / 2 }, (_, i) => ({ id: `m${i}`, kind: 'mapping' as const, from: { entity: 'Worker', field: `f${i * 2}` }, to: { entity: 'User', field: `f${i * 2}` }, ...(i % 3 ? { transform: 'trim' } : {}) })),
  };
}

/** Runs the measurement; returns printable lines. */
export async function runMappingTableBench(options: { dist: string; rows?: number; runs?: number }): Promise<string> {
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, 'index.html'))) return `(skipped: ${options.dist}/index.html is missing: run \`npm run build\` first)`;
  if (!existsSync(CHROMIUM)) return `(skipped: no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`;
  const rows = options.rows ?? 500;
  const runs = options.runs ?? 3;
  const dir = join(dist, 'bench-table');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'table.crosswalk.json'), serialiseDocument(tableDocument(rows)));
  const server = await preview({ root: process.cwd(), build: { outDir: dist }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const opens: number[] = [];
  const edits: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`http://127.0.0.1:${address.port}/?doc=/bench-table/table.crosswalk.json`);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
      await page.waitForSelector('.react-flow__node');
      // Nothing selected: the table opens on the first pair with mappings, Source → Target.
      await page.evaluate(() => (window as unknown as { crosswalk: { flow(): { fitView(): void } } }).crosswalk.flow().fitView());
      // A string, not a function: tsx's name-keeping helper does not exist in the page.
      const opened = (await page.evaluate(`new Promise((done) => {
        const start = performance.now();
        const check = () => (document.querySelectorAll('.cw-mapping-grid [role="row"]').length > ${rows} ? done(performance.now() - start) : requestAnimationFrame(check));
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true }));
        requestAnimationFrame(check);
      })`)) as number;
      opens.push(opened);
      // One edit: a transform typed into row 2 (a mapped one) and committed, until its cell shows it.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.type('x');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-cell="2-2"]')?.textContent === 'x');
      edits.push((await page.evaluate(() => performance.now())) - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
  return [
    `  mapping table, ${rows} rows: first render ${Math.round(median(opens))} ms (median of ${runs}; ${range(opens)}),`,
    `  one transform typed and committed ${Math.round(median(edits))} ms (${range(edits)}, includes the key presses)`,
  ].join('\n');
}
