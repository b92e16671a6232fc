import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

// Real-browser journeys: the production build (dist/) served by Vite's preview server on a
// free port, driven with the system's Chromium (Playwright cannot download browsers here).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A served build and a browser. */
export interface Harness {
  url: string;
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Serves dist/ and starts Chromium with a fresh profile. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium).`);
  const server: PreviewServer = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  // Make sure the server answering is ours.
  const res = await fetch(url);
  const html = await res.text();
  if (!html.includes('<title>Crosswalk</title>')) throw new Error(`The server at ${url} is not this build.`);
  const profile = mkdtempSync(join(tmpdir(), 'crosswalk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  return {
    url,
    context,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('pageerror:', e.message));
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the app has opened its first document. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
}

/** The open document, read through the app's debug hook. */
export async function readDoc(page: Page): Promise<import('../../src/model/types').CrosswalkDocument> {
  return page.evaluate(() => (window as unknown as { crosswalk: { doc(): never } }).crosswalk.doc());
}

/** Opens the app (optionally on an example) in a new page and waits until it is ready. */
export async function openApp(h: Harness, example?: string): Promise<Page> {
  const page = await h.newPage();
  await page.goto(example ? `${h.url}?doc=/examples/${example}.crosswalk.json` : h.url);
  await waitReady(page);
  // The document shows as soon as it is read; on the canvas's first mount its fit lands a
  // couple of frames later. Start from the view at rest, as a person would.
  await waitForStillView(page);
  return page;
}

/**
 * Waits until the canvas view has stopped moving (a fit or a step change animates it): the
 * viewport's transform the same on `frames` animation frames in a row, and, when `from` is
 * given, different from it (so a move that has not started yet is not taken for its end).
 * Returns the transform. A condition, not a delay: a slow machine only takes longer.
 */
export async function waitForStillView(page: Page, from?: string | null, frames = 10): Promise<string | null> {
  return page.evaluate(
    ({ from, frames }) =>
      new Promise<string | null>((resolve) => {
        const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? null;
        let last = read();
        let same = 0;
        const tick = () => {
          const now = read();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= frames && now !== from) resolve(now);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { from: from === undefined ? '\u0000never' : from, frames },
  );
}

