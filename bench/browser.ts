import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';
import { serialiseDocument } from '../src/io/serialise';
import { generateDocument } from '../test/fixtures/generate';
import { table } from './measure';

// The browser section of `npm run bench`: the built app in headless Chromium, opening
// generated documents of 100 … 5,000 entities (10 fields each, with relations and mappings)
// and measuring open → drawn (with the longest main-thread task meanwhile, and whether the
// open indicator showed), frames per second while the viewport pans and zooms (at fit
// view and at 100%), long tasks, JS heap, DOM size and the time of one edit.
//
// The viewport is driven from inside the page, one step per animation frame (the way a drag
// or a wheel moves it), so the frame rate counts what the browser could draw; a step that
// takes 100 ms shows as 10 fps.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

/** One document size to measure. */
export interface BrowserCase {
  entities: number;
  /** How long to wait for the document to open before giving up, in ms. */
  openTimeout: number;
}

export const DEFAULT_CASES: BrowserCase[] = [
  { entities: 100, openTimeout: 60_000 },
  { entities: 500, openTimeout: 60_000 },
  { entities: 1000, openTimeout: 90_000 },
  { entities: 2000, openTimeout: 90_000 },
  { entities: 5000, openTimeout: 90_000 },
];

/** What one case measured; undefined where it could not be measured (the open timed out). */
interface Figures {
  entities: number;
  elements?: string;
  openMs?: number;
  openTimedOut?: boolean;
  openLongestTask?: number;
  openProgress?: boolean;
  panFit?: number;
  zoomFit?: number;
  pan100?: number;
  zoom100?: number;
  longTasks?: string;
  heapMb?: number;
  domElements?: number;
  editMs?: number;
  editFirstMs?: number;
}

/** Systems × entities-per-system for a total (50 per system, as the core benchmarks). */
function fixtureFor(entities: number) {
  const perSystem = entities <= 100 ? 10 : 50;
  const systems = Math.max(2, Math.round(entities / perSystem));
  return generateDocument({ systems, entitiesPerSystem: perSystem, fieldsPerEntity: 10, mappings: Math.round(entities * 1.5) });
}

// Installed before any page script: long tasks and a drawn-check that records when the
// document first shows (ready, and either React Flow nodes or the overview canvas drawn),
// and whether the open indicator showed meanwhile.
// (\`__name\`: tsx compiles the functions passed to page.evaluate with esbuild's keep-names helper.)
const INIT_SCRIPT = `
window.__name = (f) => f;
window.__bench = { longTasks: [], drawnAt: undefined, progress: false, events: [] };
try {
  // Event Timing: from a key's timestamp to the paint after its handlers (what INP measures).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') window.__bench.events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
} catch {}
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {}
(function check() {
  // The open indicator (a large document is read in the open worker with progress shown).
  if (document.querySelector('.cw-open-progress')) window.__bench.progress = true;
  const ready = document.documentElement && document.documentElement.dataset.ready === 'true';
  // The overview canvas draws the pane first ("pane") and its overscan margin when the page is
  // idle ("true"): the document shows at the first.
  const drawn = document.querySelector('.react-flow__node, canvas.cw-overview[data-drawn]');
  if (ready && drawn) {
    requestAnimationFrame(() => { window.__bench.drawnAt = performance.now(); });
    return;
  }
  requestAnimationFrame(check);
})();
`;

type Flow = { getViewport(): { x: number; y: number; zoom: number }; setViewport(v: { x: number; y: number; zoom: number }): void; };

/** Moves the viewport one step per frame for `ms` and returns the frames per second. */
async function driveViewport(page: Page, mode: 'pan' | 'zoom', ms: number): Promise<number> {
  return page.evaluate(
    ({ mode, ms }) =>
      new Promise<number>((done) => {
        const flow = (window as unknown as { crosswalk: { flow(): Flow } }).crosswalk.flow();
        const start = flow.getViewport();
        const el = document.querySelector('.react-flow')!.getBoundingClientRect();
        const cx = el.width / 2;
        const cy = el.height / 2;
        let frames = 0;
        const t0 = performance.now();
        const step = (now: number) => {
          const t = now - t0;
          if (t >= ms) {
            flow.setViewport(start);
            done((frames * 1000) / t);
            return;
          }
          frames++;
          // A slow back-and-forth: one second each way.
          const phase = Math.sin((t / 1000) * Math.PI);
          if (mode === 'pan') {
            flow.setViewport({ x: start.x + phase * 400, y: start.y + phase * 150, zoom: start.zoom });
          } else {
            const zoom = start.zoom * Math.pow(1.6, phase);
            // Zoom about the centre of the pane.
            const k = zoom / start.zoom;
            flow.setViewport({ x: cx - (cx - start.x) * k, y: cy - (cy - start.y) * k, zoom });
          }
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { mode, ms },
  );
}

/** Sets the view to fit the whole diagram (`zoom` undefined) or to a zoom, centred on it. */
async function setView(page: Page, zoom?: number): Promise<void> {
  await page.evaluate((zoom) => {
    const w = window as unknown as {
      crosswalk: { flow(): Flow; doc(): { systems: { position?: { x: number; y: number }; size?: { width: number; height: number } }[] } };
    };
    const flow = w.crosswalk.flow();
    const el = document.querySelector('.react-flow')!.getBoundingClientRect();
    // The generated documents keep everything inside sized, placed systems.
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (const s of w.crosswalk.doc().systems) {
      const p = s.position ?? { x: 0, y: 0 };
      const size = s.size ?? { width: 0, height: 0 };
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x + size.width);
      y2 = Math.max(y2, p.y + size.height);
    }
    const z = zoom ?? Math.min(el.width / (x2 - x1), el.height / (y2 - y1)) / 1.24;
    flow.setViewport({ x: el.width / 2 - ((x1 + x2) / 2) * z, y: el.height / 2 - ((y1 + y2) / 2) * z, zoom: z });
  }, zoom);
  await settle(page);
}

/** Waits until the overview canvas (if any) has drawn its overscan, then two frames. */
async function atRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.cw-overview');
    return !canvas || canvas.dataset.drawn === 'true';
  });
  await settle(page);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Adds a note with the `N` key and returns ms from the key to the paint that shows it: the
 * key's Event Timing duration when the note was drawn within the key's handling (it is, when
 * the app renders the edit synchronously), else the time to the frame after the note first
 * exists (which also counts whatever runs after that paint, such as the save).
 */
async function timeEdit(page: Page, timeout: number): Promise<number> {
  await page.evaluate(() => {
    type W = { __edit: { t0?: number; notes: number; inEvent?: boolean }; crosswalk: { doc(): { notes?: { id: string }[] } } };
    const w = window as unknown as W;
    w.__edit = { notes: w.crosswalk.doc().notes?.length ?? 0 };
    window.addEventListener('keydown', () => (w.__edit.t0 = performance.now()), { capture: true, once: true });
    // After the app's own handler (and React's flush, a microtask of it): is the note drawn?
    window.addEventListener(
      'keydown',
      () => {
        const notes = w.crosswalk.doc().notes ?? [];
        const added = notes.length > w.__edit.notes ? notes[notes.length - 1] : undefined;
        w.__edit.inEvent = !!added && !!document.querySelector(`[data-testid="note-${CSS.escape(added.id)}"]`);
      },
      { once: true },
    );
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await page.keyboard.press('n');
  const frameAfter = await page.evaluate(
    (timeout) =>
      new Promise<number>((done, fail) => {
        const w = window as unknown as { __edit: { t0: number; notes: number }; crosswalk: { doc(): { notes?: { id: string }[] } } };
        const check = () => {
          const notes = w.crosswalk.doc().notes ?? [];
          const added = notes.length > w.__edit.notes ? notes[notes.length - 1] : undefined;
          if (added && document.querySelector(`[data-testid="note-${CSS.escape(added.id)}"]`)) {
            // The frame after the one in which it first exists: it has been painted.
            requestAnimationFrame(() => done(performance.now() - w.__edit.t0));
            return;
          }
          if (performance.now() - w.__edit.t0 > timeout) fail(new Error('the note never showed'));
          else requestAnimationFrame(check);
        };
        check();
      }),
    timeout,
  );
  // Event Timing entries arrive after the paint; none within a second means under 16 ms.
  return page.evaluate(
    (frameAfter) =>
      new Promise<number>((done) => {
        const w = window as unknown as { __edit: { t0: number; inEvent?: boolean }; __bench: { events: { start: number; duration: number }[] } };
        if (!w.__edit.inEvent) return done(frameAfter);
        const t1 = performance.now();
        const look = () => {
          const entry = w.__bench.events.find((e) => e.start <= w.__edit.t0 + 1 && e.start >= w.__edit.t0 - 100);
          if (entry) done(entry.duration);
          else if (performance.now() - t1 > 1000) done(0); // under Event Timing's 16 ms floor
          else setTimeout(look, 50);
        };
        look();
      }),
    frameAfter,
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

function summariseLongTasks(tasks: { duration: number }[]): string {
  if (!tasks.length) return '0';
  const total = tasks.reduce((n, t) => n + t.duration, 0);
  const longest = Math.max(...tasks.map((t) => t.duration));
  return `${tasks.length} (${(total / 1000).toFixed(1)} s, max ${(longest / 1000).toFixed(2)} s)`;
}

async function measureCase(browser: Browser, url: string, file: string, c: BrowserCase, figures: Figures, driveMs: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`  pageerror: ${e.message}\n`));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${url}?doc=/bench/${file}`);
    try {
      await page.waitForFunction(() => (window as unknown as { __bench: { drawnAt?: number } }).__bench.drawnAt !== undefined, undefined, {
        timeout: c.openTimeout,
        polling: 250,
      });
    } catch {
      figures.openTimedOut = true;
      return;
    }
    const open = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { drawnAt: number; progress: boolean; longTasks: { start: number; duration: number }[] } }).__bench;
      const during = b.longTasks.filter((t) => t.start < b.drawnAt);
      return { drawnAt: b.drawnAt, progress: b.progress, longest: Math.max(0, ...during.map((t) => t.duration)) };
    });
    figures.openMs = open.drawnAt;
    const step = (what: string) => process.stderr.write(`  ${what}\n`);
    step(`drawn at ${open.drawnAt.toFixed(0)} ms`);
    figures.openLongestTask = open.longest;
    figures.openProgress = open.progress;
    await page.evaluate(() => ((window as unknown as { __bench: { longTasks: unknown[] } }).__bench.longTasks = []));
    await setView(page);
    step('fitted');
    figures.panFit = await driveViewport(page, 'pan', driveMs);
    figures.zoomFit = await driveViewport(page, 'zoom', driveMs);
    await setView(page, 1);
    figures.pan100 = await driveViewport(page, 'pan', driveMs);
    figures.zoom100 = await driveViewport(page, 'zoom', driveMs);
    figures.longTasks = summariseLongTasks(await page.evaluate(() => (window as unknown as { __bench: { longTasks: { duration: number }[] } }).__bench.longTasks));
    figures.domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    step('viewport driven');
    // Edits are timed with the view at rest (a person presses a key on a still picture, not
    // within the idle redraw after a zoom): three notes, the median reported with the first.
    const edits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await atRest(page);
      edits.push(await timeEdit(page, c.openTimeout));
      await page.keyboard.press('Escape');
    }
    figures.editFirstMs = edits[0];
    figures.editMs = [...edits].sort((a, b) => a - b)[1];
    figures.heapMb = await heapMb(page);
  } finally {
    await context.close();
  }
}

const fps = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 10 ? 1 : 0));
const secs = (ms: number | undefined) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

const editSecs = (ms: number | undefined) => (ms === 0 ? '< 16 ms' : secs(ms));

/** Renders the figures as the benchmark table. */
export function browserTable(rows: readonly Figures[], cases: readonly BrowserCase[]): string {
  return table(
    ['entities', 'document', 'open → drawn', 'pan fit', 'zoom fit', 'pan 100%', 'zoom 100%', 'long tasks (view)', 'heap', 'DOM', 'edit: key → painted (median of 3)'],
    rows.map((f, i) => [
      String(f.entities),
      f.elements ?? '',
      f.openTimedOut ? `> ${(cases[i].openTimeout / 1000).toFixed(0)} s` : `${secs(f.openMs)}${f.openLongestTask ? ` (max task ${secs(f.openLongestTask)}${f.openProgress ? ', progress shown' : ''})` : ''}`,
      fps(f.panFit),
      fps(f.zoomFit),
      fps(f.pan100),
      fps(f.zoom100),
      f.longTasks ?? '',
      f.heapMb === undefined ? '' : `${f.heapMb.toFixed(0)} MB`,
      f.domElements === undefined ? '' : String(f.domElements),
      f.editMs === undefined ? '' : `${editSecs(f.editMs)} (first ${editSecs(f.editFirstMs)})`,
    ]),
    'lllrrrrlrrr',
  );
}

/** Runs the browser benchmark against a built app in `dist` and returns the table. */
export async function runBrowserBench(options: { dist: string; cases?: BrowserCase[]; driveMs?: number }): Promise<string> {
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, 'index.html'))) return `(skipped: ${options.dist}/index.html is missing: run \`npm run build\` first)`;
  if (!existsSync(CHROMIUM)) return `(skipped: no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`;
  const cases = options.cases ?? DEFAULT_CASES;
  const benchDir = join(dist, 'bench');
  mkdirSync(benchDir, { recursive: true });
  const server = await preview({ root: process.cwd(), build: { outDir: dist }, preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const rows: Figures[] = [];
  try {
    for (const c of cases) {
      const doc = fixtureFor(c.entities);
      const file = `generated-${c.entities}.crosswalk.json`;
      writeFileSync(join(benchDir, file), serialiseDocument(doc));
      const fields = doc.entities.reduce((n, e) => n + e.fields.length, 0);
      const figures: Figures = { entities: c.entities, elements: `${doc.systems.length} sys, ${fields} fields, ${doc.links.length} links` };
      process.stderr.write(`… browser: ${c.entities} entities\n`);
      try {
        await measureCase(browser, url, file, c, figures, options.driveMs ?? 2000);
      } catch (e) {
        process.stderr.write(`  failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      rows.push(figures);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(benchDir, { recursive: true, force: true });
  }
  return browserTable(rows, cases);
}
