import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, startHarness, type Harness } from './harness';

// Exported Mermaid carries its own black-on-white theme. The preview sets no theme of its
// own, so what it draws is what any renderer draws from the text: here the real mermaid
// renders every example both ways, and no fill, stroke or text of the picture has a colour.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** Every colour the rendered SVG uses that is not black, white, grey or none, with where. */
async function colourfulPaint(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="mermaid-preview"] svg');
    if (!svg) return ['no svg'];
    const found: string[] = [];
    const rgb = (v: string) => /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(v);
    const check = (el: Element, prop: string, value: string, shapeFill: boolean) => {
      if (!value || value === 'none' || value === 'transparent') return;
      const m = rgb(value);
      if (!m) return;
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const alpha = m[4] === undefined ? 1 : Number(m[4]);
      if (alpha === 0) return;
      const grey = Math.max(r, g, b) - Math.min(r, g, b) <= 8;
      // A box is white or empty; black and grey are for lines, arrowheads and text.
      const ok = shapeFill ? r === 255 && g === 255 && b === 255 : grey;
      if (!ok) {
        const parent = el.parentElement;
        const style = getComputedStyle(el);
        found.push(`${el.tagName}.${el.getAttribute('class') ?? ''} in ${parent?.tagName}.${parent?.getAttribute('class') ?? ''} ${prop}=${value} opacity=${style.opacity}/${style.fillOpacity} size=${el.getAttribute('width')}x${el.getAttribute('height')}`);
      }
    };
    for (const el of Array.from(svg.querySelectorAll('*'))) {
      // Mermaid leaves 0.1 px specks behind empty labels: nothing anyone sees.
      const size = el.getBoundingClientRect();
      if (el.tagName.toLowerCase() === 'rect' && size.width * size.height < 1) continue;
      const style = getComputedStyle(el);
      const box = ['rect', 'polygon'].includes(el.tagName.toLowerCase()) && !el.closest('marker');
      check(el, 'fill', style.fill, box);
      check(el, 'stroke', style.stroke, false);
      check(el, 'color', style.color, false);
      if (el.tagName.toLowerCase() !== 'svg') check(el, 'background-color', style.backgroundColor, true);
    }
    return [...new Set(found)].slice(0, 20);
  });
}

describe('exported Mermaid shows no colour', () => {
  for (const example of ['identity-lifecycle', 'crm-erp-quote-to-cash', 'device-fleet-mdm']) {
    it(`draws ${example} black on white as a flowchart and as an erDiagram with mappings`, async () => {
      const page = await openApp(h, example);
      await page.getByRole('tab', { name: 'Mermaid' }).click();
      const preview = page.getByTestId('mermaid-preview');
      await page.waitForSelector('[data-testid="mermaid-preview"] svg', { timeout: 60_000 });
      expect(await page.getByLabel('Mermaid text').textContent()).toMatch(/^%%\{init: \{"theme": "base"/);
      expect(await colourfulPaint(page)).toEqual([]);
      await page.getByLabel('Data models (erDiagram)').check();
      await page.getByLabel('mappings as dotted links').check();
      // A large diagram is drawn on request.
      const render = page.getByRole('button', { name: /Render preview|Update preview/ });
      await expect
        .poll(
          async () => {
            if (await render.isVisible()) await render.click();
            return (await page.getByRole('alert').allTextContents()).join() + (await preview.locator('svg').getAttribute('aria-roledescription'));
          },
          { timeout: 60_000 },
        )
        .toBe('er');
      expect(await colourfulPaint(page)).toEqual([]);
      if (example === 'identity-lifecycle') {
        // Opened large, the erDiagram fills the window and zooms by buttons, the wheel, Fit and 100%.
        await page.getByRole('button', { name: 'Open large' }).click();
        const dialog = page.getByRole('dialog', { name: /Mermaid preview/ });
        const stage = dialog.getByTestId('mermaid-large');
        await expect.poll(() => stage.locator('svg').count()).toBe(1);
        const level = async () => Number((await dialog.getByLabel('Zoom level').textContent())!.replace('%', ''));
        const width = async () => (await stage.locator('svg').boundingBox())!.width;
        const fitted = await width();
        expect(fitted).toBeGreaterThan((await preview.boundingBox())!.width * 2);
        const fitLevel = await level();
        await dialog.getByRole('button', { name: 'Zoom in' }).click();
        await expect.poll(level).toBeGreaterThan(fitLevel);
        expect(await width()).toBeGreaterThan(fitted);
        await dialog.getByRole('button', { name: '100%' }).click();
        await expect.poll(level).toBe(100);
        const s = (await stage.boundingBox())!;
        await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
        await page.mouse.wheel(0, 100);
        await expect.poll(level).toBeLessThan(100);
        expect(await level()).toBeGreaterThan(85); // one notch, one small step
        await dialog.getByRole('button', { name: 'Fit' }).click();
        await expect.poll(level).toBe(fitLevel);
        await page.screenshot({ path: '.tmp/browser-mermaid-large.png' });
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
      }
      await page.close();
    });
  }
});
