import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readDoc, startHarness, waitReady, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function openMermaidPanel(page: Page) {
  await page.getByRole('tab', { name: 'Mermaid' }).click();
  await page.waitForSelector('[data-testid="mermaid-preview"] svg', { timeout: 60_000 });
}

describe('Mermaid preview', () => {
  for (const example of ['identity-lifecycle', 'crm-erp-quote-to-cash', 'device-fleet-mdm']) {
    it(`renders ${example} as a flowchart and as an erDiagram`, async () => {
      const page = await h.newPage();
      await page.goto(`${h.url}?doc=/examples/${example}.crosswalk.json`);
      await waitReady(page);
      await openMermaidPanel(page);
      const doc = await readDoc(page);
      const preview = page.getByTestId('mermaid-preview');
      await expect.poll(() => preview.textContent()).toContain(doc.systems[0].name);
      await page.getByLabel('Data models (erDiagram)').check();
      await expect.poll(() => preview.textContent()).toContain(doc.entities[0].name);
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.close();
    });
  }

  it('shows a hostile name as text, never as markup', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?doc=/examples/identity-lifecycle.crosswalk.json`);
    await waitReady(page);
    const node = page.locator('.react-flow__node[data-id="okta-user"]');
    await node.locator('.cw-entity-name').dblclick();
    await page.locator('.react-flow').getByLabel('Entity name').fill('<img src=x onerror="window.pwned=1"> "User" %% end');
    await page.keyboard.press('Enter');
    await openMermaidPanel(page);
    await page.getByLabel('Data models (erDiagram)').check();
    const preview = page.getByTestId('mermaid-preview');
    await expect.poll(() => preview.textContent()).toContain('<img src=x onerror="window.pwned=1"> "User" %% end');
    expect(await preview.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});

describe('picture and slide exports from the app', () => {
  it('exports a PNG of the example that holds the nodes and the edges', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?doc=/examples/identity-lifecycle.crosswalk.json`);
    await waitReady(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByLabel('PNG picture').check();
    // Capturing the picture took 24 s beside five other sessions (load 26) and missed the
    // default 30 s at load 30: wait for the download, however long a busy machine takes.
    const downloading = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const file = '.tmp/browser-export.png';
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Read the picture back in the page and look where a node and an edge must be drawn.
    const found = await page.evaluate(async (dataUrl) => {
      const cw = (window as unknown as { crosswalk: { flow(): { getNodes(): unknown[]; getNodesBounds(n: unknown[]): { x: number; y: number; width: number; height: number } } } }).crosswalk;
      const flow = cw.flow();
      // What the picture frames: every node, grown to hold lines and labels that stick out
      // (a self-relation's loop and its label reach left of the leftmost box).
      const nodes = flow.getNodesBounds(flow.getNodes());
      const toFlow = (flow as unknown as { screenToFlowPosition(p: { x: number; y: number }, o: { snapToGrid: boolean }): { x: number; y: number } }).screenToFlowPosition;
      let [x1, y1, x2, y2] = [nodes.x, nodes.y, nodes.x + nodes.width, nodes.y + nodes.height];
      for (const el of document.querySelectorAll('.react-flow__edge-path, .cw-link-label')) {
        const r = el.getBoundingClientRect();
        const a = toFlow({ x: r.left, y: r.top }, { snapToGrid: false });
        const b = toFlow({ x: r.right, y: r.bottom }, { snapToGrid: false });
        [x1, y1, x2, y2] = [Math.min(x1, a.x), Math.min(y1, a.y), Math.max(x2, b.x), Math.max(y2, b.y)];
      }
      const bounds = { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const ratio = img.width / (bounds.width + 80);
      const dark = (fx: number, fy: number, r = 3) => {
        const x = Math.round((fx - bounds.x + 40) * ratio);
        const y = Math.round((fy - bounds.y + 40) * ratio);
        const data = ctx.getImageData(x - r, y - r, 2 * r + 1, 2 * r + 1).data;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) return true;
        return false;
      };
      // A point in the middle of a mapping edge, from the live SVG path (flow coordinates).
      const path = document.querySelector<SVGPathElement>('[data-testid="rf__edge-m-email-login"] path.react-flow__edge-path')!;
      // The edge is dashed: sample it along its length and count the dark samples.
      let edgeHits = 0;
      for (let i = 1; i <= 20; i++) {
        const p = path.getPointAtLength((path.getTotalLength() * i) / 21);
        if (dark(p.x, p.y)) edgeHits++;
      }
      // The left border of the Worker entity, a little way down.
      const internal = (flow as unknown as { getInternalNode(id: string): { internals: { positionAbsolute: { x: number; y: number } } } }).getInternalNode('wd-worker');
      const pos = internal.internals.positionAbsolute;
      const white = !dark(bounds.x - 20, bounds.y - 20, 2);
      return { edgeHits, node: dark(pos.x, pos.y + 60, 2), white, width: img.width, height: img.height };
    }, `data:image/png;base64,${png.toString('base64')}`);
    expect(found.white, JSON.stringify(found)).toBe(true);
    expect(found.node, JSON.stringify(found)).toBe(true);
    expect(found.edgeHits, JSON.stringify(found)).toBeGreaterThanOrEqual(8);
    expect(found.width).toBeGreaterThan(1000);
    await page.close();
  });

  it('exports PPTX from the dialog', async () => {
    const page = await h.newPage();
    await page.goto(h.url);
    await waitReady(page);
    const doc = await readDoc(page);
    await page.keyboard.press('Control+e');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${doc.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim()}.pptx`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });
});
