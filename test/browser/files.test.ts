import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDoc, startHarness, waitReady, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function openThroughPicker(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-action="open"]').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('opening and keeping documents', () => {
  it('refuses bad files with a message naming what is wrong, and keeps the open document', async () => {
    const page = await h.newPage();
    await page.goto(h.url);
    await waitReady(page);
    const before = await readDoc(page);
    const cases: [string, string, RegExp][] = [
      ['broken.json', '{"format": "crosswalk", "version": 1,,}', /not valid JSON \(line 1, column/],
      ['other.json', '{"hello": "world"}', /not a Crosswalk document/],
      ['future.crosswalk.json', '{"format":"crosswalk","version":7,"title":"x","systems":[],"entities":[],"links":[]}', /version 7.*newer Crosswalk/],
      [
        'dangling.crosswalk.json',
        JSON.stringify({ format: 'crosswalk', version: 1, title: '<script>alert(1)</script>', systems: [], entities: [{ id: 'a', name: 'A', system: 'nope', fields: [] }], links: [] }),
        /entities\[0\]\.system: unknown system "nope"/,
      ],
    ];
    for (const [name, text, message] of cases) {
      await openThroughPicker(page, name, text);
      const alert = page.getByRole('alert').last();
      await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(message);
      expect(await readDoc(page)).toEqual(before);
      await alert.getByRole('button', { name: 'Dismiss message' }).click();
    }
    await page.close();
  });

  it('opens a good file from the picker and a same-origin ?doc= link, and lays them out', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}?doc=/examples/crm-erp-quote-to-cash.crosswalk.json`);
    await waitReady(page);
    const doc = await readDoc(page);
    expect(doc.title).toMatch(/quote|cash/i);
    expect(doc.entities.every((e) => e.position)).toBe(true);
    await openThroughPicker(
      page,
      'tiny.crosswalk.json',
      JSON.stringify({ format: 'crosswalk', version: 1, title: 'Tiny', systems: [{ id: 's', name: 'S' }], entities: [{ id: 'e', name: 'E', system: 's', fields: [{ id: 'f', name: 'f' }] }], links: [] }),
    );
    // Opening lays the file out in a worker first: over a second on a busy machine.
    await expect.poll(async () => (await readDoc(page)).title, { timeout: 15_000 }).toBe('Tiny');
    // Opening adds a document to the library: the one open before is still there.
    const titles = await page.evaluate(async () =>
      ((await (window as unknown as { crosswalk: { library(): Promise<{ documents: { title: string }[] }> } }).crosswalk.library()).documents).map((d) => d.title),
    );
    expect(titles).toEqual(expect.arrayContaining(['Tiny', doc.title]));
    await page.goto(`${h.url}?doc=https://example.com/x.json`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.getByRole('alert').first().textContent()).toMatch(/only documents on this site/);
    await page.close();
  });

  it('opens a file dropped on the window', async () => {
    const page = await h.newPage();
    await page.goto(h.url);
    await waitReady(page);
    const text = JSON.stringify({ format: 'crosswalk', version: 1, title: 'Dropped', systems: [], entities: [{ id: 'e', name: 'E', fields: [] }], links: [] });
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.crosswalk.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('.cw-app', 'dragover', { dataTransfer });
    await page.dispatchEvent('.cw-app', 'drop', { dataTransfer });
    await expect.poll(async () => (await readDoc(page)).title, { timeout: 15_000 }).toBe('Dropped');
    await page.close();
  });

  it('reports a full storage quota instead of swallowing it', async () => {
    const page = await h.newPage();
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if ((window as unknown as { failWrites?: boolean }).failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.goto(h.url);
    await waitReady(page);
    const notesBefore = (await readDoc(page)).notes?.length ?? 0;
    await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
    await page.keyboard.press('n'); // add a note: an edit to autosave
    const alert = page.getByRole('alert').last();
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(/Autosave failed: the browser storage is full/);
    const doc = await readDoc(page);
    expect(doc.notes!.length).toBe(notesBefore + 1);
    await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
    await page.keyboard.press('Escape'); // leave the new note's text editor (it opens for typing)
    await page.keyboard.press('n');
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' ')).toMatch(/Autosave works again/);
    await page.close();
  });
});
