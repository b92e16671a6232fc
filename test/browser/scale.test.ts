import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseDocument } from '../../src/io/serialise';
import { buildOverview, hitTest, pointOnLine } from '../../src/app/canvas/overview-model';
import type { CrosswalkDocument } from '../../src/model/types';
import { generateDocument } from '../fixtures/generate';
import { startHarness, type Harness } from './harness';

// A big document at every level of detail, drawn on the canvas at every zoom (systems, title
// boxes, field rows, and zoomed in field rows with link labels), with only the entity being
// hovered, selected or edited handed to the DOM. Selecting, dragging, editing and presenting
// work at each.

const FOLDER = join('dist', 'test-scale');
const FILE = 'generated-2000.crosswalk.json';

type Crosswalk = {
  crosswalk: {
    doc(): {
      entities: { id: string; system?: string; position?: { x: number; y: number } }[];
      systems: { id: string; position?: { x: number; y: number } }[];
      notes?: { id: string }[];
    };
    flow(): { getViewport(): { x: number; y: number; zoom: number }; setViewport(v: { x: number; y: number; zoom: number }): void };
    state(): { selection: { ids: string[] }; ui: { presenting: boolean } };
  };
};

// The document is large: read the few values a check needs in the page, not the whole of it.

/** An entity's position (relative to its system) and its system. */
async function entityInfo(page: Page, id: string) {
  return page.evaluate((id) => {
    const doc = (window as unknown as Crosswalk).crosswalk.doc();
    const e = doc.entities.find((x) => x.id === id)!;
    const s = doc.systems.find((x) => x.id === e.system)!;
    return { position: e.position!, system: e.system, origin: s.position! };
  }, id);
}

/** Where on the screen the middle of an entity's title row is now. */
async function entityPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const { position, origin } = await entityInfo(page, id);
  const x = origin.x + position.x + 120;
  const y = origin.y + position.y + 17;
  return page.evaluate(
    ({ x, y }) => {
      const r = document.querySelector('.react-flow')!.getBoundingClientRect();
      const v = (window as unknown as Crosswalk).crosswalk.flow().getViewport();
      return { x: r.left + v.x + x * v.zoom, y: r.top + v.y + y * v.zoom };
    },
    { x, y },
  );
}

/** Zooms to `zoom` with the given entity in the middle of the pane, and waits two frames. */
async function showAt(page: Page, id: string, zoom: number): Promise<void> {
  const { position, origin } = await entityInfo(page, id);
  const cx = origin.x + position.x + 120;
  const cy = origin.y + position.y + 100;
  await page.evaluate(
    ({ cx, cy, zoom }) => {
      const r = document.querySelector('.react-flow')!.getBoundingClientRect();
      (window as unknown as Crosswalk).crosswalk.flow().setViewport({ x: r.width / 2 - cx * zoom, y: r.height / 2 - cy * zoom, zoom });
    },
    { cx, cy, zoom },
  );
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

const selection = (page: Page) => page.evaluate(() => (window as unknown as Crosswalk).crosswalk.state().selection.ids);

async function positionOf(page: Page, id: string) {
  return (await entityInfo(page, id)).position;
}

const noteCount = (page: Page) => page.evaluate(() => (window as unknown as Crosswalk).crosswalk.doc().notes?.length ?? 0);

/** Drags from an entity's title by (dx, dy) screen pixels. */
async function dragEntity(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const p = await entityPoint(page, id);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + dx / 2, p.y + dy / 2, { steps: 5 });
  await page.mouse.move(p.x + dx, p.y + dy, { steps: 5 });
  await page.mouse.up();
}

// Installed before the app's scripts: the open indicator's stages as they show, timer ticks
// while the worker checks the text (the page is not blocked meanwhile), and long tasks.
const WATCH_OPEN = `
window.__open = { stages: [], bar: false, ticksWhileChecking: 0, longest: 0 };
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__open.longest = Math.max(window.__open.longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
} catch {}
new MutationObserver(() => {
  const el = document.querySelector('.cw-open-progress');
  if (!el) return;
  const stage = el.getAttribute('data-stage');
  if (window.__open.stages.at(-1) !== stage) window.__open.stages.push(stage);
  if (el.querySelector('progress[value]') && el.getAttribute('role') === 'status') window.__open.bar = true;
}).observe(document, { subtree: true, childList: true, attributes: true });
(function tick() {
  if (document.querySelector('.cw-open-progress[data-stage="checking"]')) window.__open.ticksWhileChecking++;
  if (document.documentElement?.dataset.ready !== 'true') setTimeout(tick, 0);
})();
`;

type OpenWatch = { __open: { stages: string[]; bar: boolean; ticksWhileChecking: number; longest: number } };

describe('a 2,000-entity document', () => {
  let h: Harness;
  let page: Page;
  let doc: CrosswalkDocument;
  beforeAll(async () => {
    doc = generateDocument({ systems: 40, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 3000 });
    mkdirSync(FOLDER, { recursive: true });
    writeFileSync(join(FOLDER, FILE), serialiseDocument(doc));
    h = await startHarness();
    page = await h.newPage();
    await page.addInitScript(WATCH_OPEN);
    await page.goto(`${h.url}?doc=/test-scale/${FILE}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(FOLDER, { recursive: true, force: true });
  });

  it('opens off the main thread with its progress shown, then fitted, drawn on the overview canvas, with few elements in the page', async () => {
    expect(await page.evaluate(() => (window as unknown as Crosswalk).crosswalk.doc().entities.length)).toBe(2000);
    const watch = await page.evaluate(() => (window as unknown as OpenWatch).__open);
    // "Opening … — checking…" while the worker reads it, then "drawing" with a bar.
    expect(watch.stages).toContain('checking');
    expect(watch.stages.at(-1)).toBe('drawing');
    expect(watch.bar).toBe(true);
    // The page kept running timers while the worker checked the text.
    expect(watch.ticksWhileChecking).toBeGreaterThan(0);
    console.log(`2,000 entities: longest main-thread task while opening ${watch.longest.toFixed(0)} ms`);
    await expect.poll(() => page.locator('.cw-open-progress').count()).toBe(0);
    await page.waitForSelector('canvas.cw-overview[data-drawn="true"]', { timeout: 60_000 });
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1500);
  });

  for (const [level, zoom] of [
    ['title boxes', 0.12],
    ['field rows on the canvas', 0.38],
  ] as const) {
    it(`selects and drags an entity drawn as ${level}, as one undo step`, async () => {
      // Second column of its system: a drag of 100 canvas units keeps it inside.
      const id = 'sys-5-e9';
      await showAt(page, id, zoom);
      expect(await page.locator('.react-flow__node').count()).toBe(0);
      const p = await entityPoint(page, id);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => selection(page)).toEqual([id]);
      const before = await positionOf(page, id);
      await dragEntity(page, id, 100 * zoom, 60 * zoom);
      await expect.poll(async () => (await positionOf(page, id)).x).not.toBe(before.x);
      const after = await positionOf(page, id);
      // Moved by the drag in canvas units (snapped to the 10 px grid).
      expect(Math.abs(after.x - before.x - 100)).toBeLessThanOrEqual(10);
      expect(Math.abs(after.y - before.y - 60)).toBeLessThanOrEqual(10);
      expect((await entityInfo(page, id)).system).toBe('sys-5');
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
      await expect.poll(async () => (await positionOf(page, id)).x).toBe(before.x);
      // A click on empty canvas clears the selection.
      await page.mouse.click(p.x, p.y - 500 * zoom - 40);
      await expect.poll(() => selection(page)).toEqual([]);
    });
  }

  it('at 100% draws on the canvas and hands only the hovered or selected entity to the DOM; a line, a drag, a connection and an edit work', async () => {
    const id = 'sys-5-e8';
    await showAt(page, id, 1);
    expect(await page.locator('.react-flow__node').count()).toBe(0);

    // A line is selected by a click on it, hit-tested against the geometry like the boxes.
    const model = buildOverview(doc);
    const line = model.links.find((l) => l.ids.some((lid) => doc.links.find((x) => x.id === lid && 'entity' in x.from && x.from.entity === id)))!;
    const view = await page.evaluate(() => {
      const r = document.querySelector('.react-flow')!.getBoundingClientRect();
      return { ...(window as unknown as Crosswalk).crosswalk.flow().getViewport(), left: r.left, top: r.top, width: r.width, height: r.height };
    });
    const onLine = Array.from({ length: 40 }, (_, i) => pointOnLine(line, (i + 0.5) / 40))
      .map((q) => ({ q, x: view.left + view.x + q.x * view.zoom, y: view.top + view.y + q.y * view.zoom }))
      .find(({ q, x, y }) => x > view.left + 60 && x < view.left + view.width - 60 && y > view.top + 20 && y < view.top + view.height - 20 && hitTest(model, q, 'dom', 2)?.id === line.ids[0])!;
    expect(onLine).toBeDefined();
    await page.mouse.click(onLine.x, onLine.y);
    await expect.poll(() => selection(page)).toEqual([line.ids[0]]);

    // Hovering an entity puts it, and only it, in the DOM (with its handles: a connection can start there).
    const p = await entityPoint(page, id);
    await page.mouse.move(p.x, p.y);
    await page.waitForSelector(`.react-flow__node[data-id="${id}"] .react-flow__handle`);
    expect(await page.locator('.react-flow__node').count()).toBe(1);
    const before = await positionOf(page, id);
    // By the strip under its last field, where no line attaches (a person picks such a spot).
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    const box = (await node.boundingBox())!;
    const at = { x: 120, y: box.height - 3 };
    // force: a busy machine may draw too slowly for Playwright's two-frame stability check;
    // the position is computed, not guessed.
    await node.hover({ position: at, force: true });
    await page.mouse.down();
    await page.mouse.move(box.x + at.x + 25, box.y + at.y + 15, { steps: 5 });
    await page.mouse.move(box.x + at.x + 50, box.y + at.y + 30, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await positionOf(page, id)).x).not.toBe(before.x);
    // Moved by the drag (snapped to the 10 px grid), relative to its system as before.
    expect(Math.abs((await positionOf(page, id)).x - before.x - 50)).toBeLessThanOrEqual(10);
    expect((await entityInfo(page, id)).system).toBe('sys-5');
    expect(await selection(page)).toEqual([id]);
    // Away from it (in the gap beside it), the selected entity stays in the DOM; nothing else comes in.
    await page.mouse.move(p.x - 135, p.y);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    // Connecting: from a field handle of the selected entity to a field of an entity only the
    // canvas draws, which comes into the DOM (with handles) as the pointer reaches it.
    const handle = page.locator(`.react-flow__node[data-id="${id}"] [data-field="${doc.entities.find((e) => e.id === id)!.fields[2].id}"] .react-flow__handle-right`);
    const from = (await handle.boundingBox())!;
    const target = doc.entities.find((e) => e.id === 'sys-5-e9')!;
    const t = await entityPoint(page, target.id);
    const zoom = await page.evaluate(() => (window as unknown as Crosswalk).crosswalk.flow().getViewport().zoom);
    // entityPoint is the title's middle; the third field row's right end (its left end may
    // be under the entity just dragged):
    const to = { x: t.x + 115 * zoom, y: t.y + (17 + 2 * 26 + 13) * zoom };
    const links = await page.evaluate(() => (window as unknown as { crosswalk: { doc(): { links: unknown[] } } }).crosswalk.doc().links.length);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x - 60, to.y, { steps: 8 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.waitForSelector(`.react-flow__node[data-id="${target.id}"] .react-flow__handle`);
    await page.mouse.up();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { crosswalk: { doc(): { links: unknown[] } } }).crosswalk.doc().links.length))
      .toBe(links + 1);
    const made = await page.evaluate(() => (window as unknown as { crosswalk: { doc(): { links: { from: unknown; to: unknown }[] } } }).crosswalk.doc().links.at(-1));
    expect(made).toMatchObject({ from: { entity: id }, to: { entity: target.id, field: target.fields[2].id } });
    const notes = await noteCount(page);
    await page.keyboard.press('n');
    await expect.poll(() => noteCount(page)).toBe(notes + 1);
    const note = await page.evaluate(() => (window as unknown as Crosswalk).crosswalk.doc().notes!.at(-1)!.id);
    await page.waitForSelector(`[data-testid="note-${note}"]`);
  });

  it('moves the picture it drew while the view pans or zooms a little, draws far moves at once, and draws crisp at rest', async () => {
    await showAt(page, 'sys-5-e8', 1);
    // The pointer off the canvas: no hover hands entities to the page meanwhile.
    await page.mouse.move(2, 2);
    // Counts the canvas's draws (each clears it first); reads its CSS transform.
    const probe = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('canvas.cw-overview') as HTMLCanvasElement & { __draws?: number };
        const ctx = canvas.getContext('2d')!;
        if (canvas.__draws === undefined) {
          canvas.__draws = 0;
          const clear = ctx.clearRect.bind(ctx);
          ctx.clearRect = (...a: Parameters<typeof ctx.clearRect>) => {
            canvas.__draws!++;
            clear(...a);
          };
        }
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const m = new DOMMatrixReadOnly(getComputedStyle(canvas).transform);
        return { draws: canvas.__draws, state: canvas.dataset.drawn, x: m.e, y: m.f, k: m.a, margin: (parseFloat(canvas.style.width) - pane.width) / 2 };
      });
    /**
     * Once the canvas is drawn whole (its overscan too), moves the view by (dx, dy) and zooms
     * by k about the pane's corner, counting the draws just before and just after in the same
     * task: what the move itself drew, apart from whatever the page draws in its own time (a
     * redraw at rest, the idle overscan, a hover hand-over).
     */
    const move = (dx: number, dy: number, k: number) =>
      page.evaluate(
        ({ dx, dy, k }) =>
          new Promise<{ before: number; draws: number; x: number; y: number; k: number }>((resolve) => {
            const go = () => {
              const canvas = document.querySelector('canvas.cw-overview') as HTMLCanvasElement & { __draws: number };
              if (canvas.dataset.drawn !== 'true') {
                requestAnimationFrame(go);
                return;
              }
              const flow = (window as unknown as Crosswalk).crosswalk.flow();
              const before = canvas.__draws;
              const v = flow.getViewport();
              flow.setViewport({ x: v.x * k + dx, y: v.y * k + dy, zoom: v.zoom * k });
              const m = new DOMMatrixReadOnly(canvas.style.transform);
              resolve({ before, draws: canvas.__draws, x: m.e, y: m.f, k: m.a });
            };
            go();
          }),
        { dx, dy, k },
      );
    // Drawn whole ("true"; "pane" while only the pane is drawn, the overscan coming when idle).
    await expect.poll(async () => (await probe()).state).toBe('true');
    const rest = await probe();
    expect(rest).toMatchObject({ x: -rest.margin, y: -rest.margin, k: 1 });
    // A small pan: no drawing, the picture shifted by the pan.
    const panned = await move(40, 25, 1);
    expect(panned).toMatchObject({ draws: panned.before, x: -rest.margin + 40, y: -rest.margin + 25, k: 1 });
    // At rest the pane is drawn again at the exact view, unshifted, then the overscan.
    await expect.poll(async () => {
      const p = await probe();
      return { redrawn: p.draws >= panned.draws + 2, state: p.state, x: p.x, y: p.y, k: p.k };
    }).toEqual({ redrawn: true, state: 'true', x: -rest.margin, y: -rest.margin, k: 1 });
    // A small zoom: scaled, not drawn; then crisp at rest.
    const zoomed = await move(0, 0, 1.1);
    expect(zoomed.draws).toBe(zoomed.before);
    expect(zoomed.k).toBeCloseTo(1.1, 6);
    await expect.poll(async () => {
      const p = await probe();
      return { redrawn: p.draws >= zoomed.draws + 2, state: p.state, k: p.k };
    }).toEqual({ redrawn: true, state: 'true', k: 1 });
    // A pan past the overscan is drawn at once (the pane never shows an undrawn edge).
    const far = await move(-2 * rest.margin - 10, 0, 1);
    expect(far.draws).toBe(far.before + 1);
    expect(far).toMatchObject({ x: -rest.margin, k: 1 });
  });

  it('presents from the overview: the view moves to each step and nothing is selectable', async () => {
    await showAt(page, 'sys-30-e0', 0.05);
    const start = await page.evaluate(() => (window as unknown as Crosswalk).crosswalk.flow().getViewport());
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => (window as unknown as Crosswalk).crosswalk.state().ui.presenting)).toBe(true);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as Crosswalk).crosswalk.flow().getViewport()))
      .not.toEqual(start);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (window as unknown as Crosswalk).crosswalk.state().ui.presenting)).toBe(false);
  });
});
