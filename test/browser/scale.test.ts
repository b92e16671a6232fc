import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialiseDocument } from '../../src/io/serialise';
import { generateDocument } from '../fixtures/generate';
import { readDoc, startHarness, type Harness } from './harness';

// A big document at every level of detail: the overview canvas when zoomed out (title
// boxes, systems), field rows on the canvas just below the DOM threshold, DOM nodes (only
// those on screen) when zoomed in. Selecting, dragging, editing and presenting work at each.

const FOLDER = join('dist', 'test-scale');
const FILE = 'generated-2000.crosswalk.json';

type Crosswalk = {
  crosswalk: {
    flow(): { getViewport(): { x: number; y: number; zoom: number }; setViewport(v: { x: number; y: number; zoom: number }): void };
    state(): { selection: { ids: string[] }; ui: { presenting: boolean } };
  };
};

/** Where on the screen the middle of an entity's title row is now. */
async function entityPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const doc = await readDoc(page);
  const entity = doc.entities.find((e) => e.id === id)!;
  const system = doc.systems.find((s) => s.id === entity.system)!;
  const x = system.position!.x + entity.position!.x + 120;
  const y = system.position!.y + entity.position!.y + 17;
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
  const doc = await readDoc(page);
  const entity = doc.entities.find((e) => e.id === id)!;
  const system = doc.systems.find((s) => s.id === entity.system)!;
  const cx = system.position!.x + entity.position!.x + 120;
  const cy = system.position!.y + entity.position!.y + 100;
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
  return (await readDoc(page)).entities.find((e) => e.id === id)!.position!;
}

/** Drags from an entity's title by (dx, dy) screen pixels. */
async function dragEntity(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const p = await entityPoint(page, id);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + dx / 2, p.y + dy / 2, { steps: 5 });
  await page.mouse.move(p.x + dx, p.y + dy, { steps: 5 });
  await page.mouse.up();
}

describe('a 2,000-entity document', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    const doc = generateDocument({ systems: 40, entitiesPerSystem: 50, fieldsPerEntity: 10, mappings: 3000 });
    mkdirSync(FOLDER, { recursive: true });
    writeFileSync(join(FOLDER, FILE), serialiseDocument(doc));
    h = await startHarness();
    page = await h.newPage();
    await page.goto(`${h.url}?doc=/test-scale/${FILE}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(FOLDER, { recursive: true, force: true });
  });

  it('opens fitted, drawn on the overview canvas, with few elements in the page', async () => {
    expect((await readDoc(page)).entities).toHaveLength(2000);
    await page.waitForSelector('canvas.cw-overview[data-drawn="true"]', { timeout: 60_000 });
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(1500);
  });

  for (const [level, zoom] of [
    ['title boxes', 0.12],
    ['field rows on the canvas', 0.38],
  ] as const) {
    it(`selects and drags an entity drawn as ${level}, as one undo step`, async () => {
      const id = 'sys-5-e7';
      await showAt(page, id, zoom);
      expect(await page.locator('.react-flow__node').count()).toBe(0);
      const p = await entityPoint(page, id);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => selection(page)).toEqual([id]);
      const before = await positionOf(page, id);
      await dragEntity(page, id, 60, 40);
      await expect.poll(async () => (await positionOf(page, id)).x).not.toBe(before.x);
      const after = await positionOf(page, id);
      // Moved by the drag in canvas units (snapped to the 10 px grid).
      expect(Math.abs(after.x - before.x - 60 / zoom)).toBeLessThanOrEqual(10);
      expect(Math.abs(after.y - before.y - 40 / zoom)).toBeLessThanOrEqual(10);
      expect((await readDoc(page)).entities.find((e) => e.id === id)!.system).toBe('sys-5');
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
      await expect.poll(async () => (await positionOf(page, id)).x).toBe(before.x);
      // A click on empty canvas clears the selection.
      await page.mouse.click(p.x, p.y - 500 * zoom - 40);
      await expect.poll(() => selection(page)).toEqual([]);
    });
  }

  it('at 100% puts only what is on screen in the DOM; selecting, dragging and an edit work', async () => {
    const id = 'sys-5-e8';
    await showAt(page, id, 1);
    await page.waitForSelector(`.react-flow__node[data-id="${id}"]`);
    const nodes = await page.locator('.react-flow__node').count();
    expect(nodes).toBeGreaterThan(0);
    expect(nodes).toBeLessThan(60);
    const before = await positionOf(page, id);
    await dragEntity(page, id, 50, 30);
    await expect.poll(async () => (await positionOf(page, id)).x).toBe(before.x + 50);
    expect(await selection(page)).toEqual([id]);
    const notes = (await readDoc(page)).notes?.length ?? 0;
    await page.keyboard.press('n');
    await expect.poll(async () => (await readDoc(page)).notes?.length).toBe(notes + 1);
    const note = (await readDoc(page)).notes!.at(-1)!;
    await page.waitForSelector(`[data-testid="note-${note.id}"]`);
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
