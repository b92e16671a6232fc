import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, startHarness, waitReady, type Harness } from './harness';

// A share link made in one browser and opened in another (a fresh profile, its own server):
// read-only but presentable, "Edit a copy", the embed, and a damaged link.

let maker: Harness;
let viewer: Harness;
let link: URL;
beforeAll(async () => {
  [maker, viewer] = await Promise.all([startHarness(), startHarness()]);
});
afterAll(async () => Promise.all([maker?.close(), viewer?.close()]));

type Hook = { crosswalk: { documentId(): string | undefined; library(): Promise<{ documents: { id: string; title: string }[] }> } };
const documentId = (page: Page) => page.evaluate(() => (window as unknown as Hook).crosswalk.documentId());
const library = (page: Page) => page.evaluate(async () => (await (window as unknown as Hook).crosswalk.library()).documents);

/** The link on the viewer's server (the maker's server has another port). */
const onViewer = (hash: string) => `${viewer.url}${hash}`;

describe('share links', () => {
  it('"Copy share link" makes a link holding the document, and says how long it is', async () => {
    const page = await openApp(maker, 'identity-lifecycle');
    await page.locator('[data-action="share"]').click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    const box = dialog.getByLabel('Share link');
    await expect.poll(async () => (await box.inputValue()).length).toBeGreaterThan(0);
    link = new URL(await box.inputValue());
    expect(link.hash).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    expect(await dialog.textContent()).toContain(`${(link.href.length).toLocaleString('en')} characters`);
    await page.close();
  });

  it('says when a document is too long for a link, with its size, and offers the file instead', async () => {
    const page = await maker.newPage();
    await page.goto(maker.url);
    await waitReady(page);
    // 2.4 million random characters (they do not compress) in speaker notes, off the canvas.
    const noise = randomBytes(1_800_000).toString('base64');
    const big = { format: 'crosswalk', version: 1, title: 'Huge notes', systems: [{ id: 's', name: 'S', position: { x: 0, y: 0 } }], entities: [], links: [], walkthrough: [{ id: 'w', title: 'All', speakerNotes: noise }] };
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-action="open"]').click();
    await (await chooser).setFiles({ name: 'huge.crosswalk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await expect.poll(async () => (await readDoc(page)).title, { timeout: 15_000 }).toBe('Huge notes');
    await page.locator('[data-action="share"]').click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    await expect.poll(async () => (await dialog.getByRole('alert').textContent()) ?? '', { timeout: 15_000 }).toMatch(/makes a link of [\d,]+ characters: too long for a URL \(the limit used here is 2,000,000/);
    expect(await dialog.getByLabel('Share link').count()).toBe(0);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download the file (.crosswalk.json)' }).click();
    expect((await download).suggestedFilename()).toBe('Huge notes.crosswalk.json');
    await page.close();
  });

  it('opens read-only in a fresh profile: no edit reaches the document, the walkthrough and present mode work', async () => {
    const page = await viewer.newPage();
    await page.goto(onViewer(link.hash));
    await waitReady(page);
    const doc = await readDoc(page);
    expect(doc.title).toMatch(/Workday/);
    expect(await page.getByRole('status', { name: 'Read-only document' }).textContent()).toContain('read-only');
    // Nothing is stored until "Edit a copy".
    expect(await library(page)).toEqual([]);
    expect(await documentId(page)).toBeUndefined();

    // The toolbar's editing buttons are disabled, saying why; reading, presenting and exporting are not.
    for (const id of ['undo', 'redo', 'delete', 'add-system', 'add-entity', 'add-field', 'add-note', 'layout']) {
      const button = page.locator(`[data-action="${id}"]`);
      expect(await button.isDisabled(), id).toBe(true);
      expect(await button.getAttribute('title'), id).toMatch(/read-only.*Edit a copy/);
    }
    for (const id of ['library', 'save', 'export', 'share', 'import', 'fit', 'palette', 'help', 'panel-mermaid', 'panel-walkthrough', 'mapping-table', 'present']) {
      expect(await page.locator(`[data-action="${id}"]`).isEnabled(), id).toBe(true);
    }
    // Keys and a delete are refused by the store, with the same message.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await page.locator('.react-flow__node[data-id="okta"] .cw-system-header').click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' ')).toMatch(/read-only/);
    // A drag moves nothing, not even while the button is down (the store refusing the edit
    // is not enough: React Flow moved the node on its own). Where the node sits in the
    // diagram, whether or not the press pans the view:
    const entity = page.locator('.react-flow__node-entity').first();
    const inDiagram = async () => {
      const b = (await entity.boundingBox())!;
      const v = await page.evaluate(() => (window as unknown as { crosswalk: { flow(): { getViewport(): { x: number; y: number } } } }).crosswalk.flow().getViewport());
      return { x: Math.round(b.x - v.x), y: Math.round(b.y - v.y) };
    };
    const still = await inDiagram();
    const header = (await entity.locator('.cw-entity-header').boundingBox())!;
    await page.mouse.move(header.x + 30, header.y + 10);
    await page.mouse.down();
    await page.mouse.move(header.x + 130, header.y + 70, { steps: 5 });
    expect(await inDiagram()).toEqual(still);
    await page.mouse.up();
    expect(await readDoc(page)).toEqual(doc);
    // Dragging a link label is an edit too (it would store the label's offset).
    const label = (await page.locator('.cw-link-label').first().boundingBox())!;
    await page.mouse.move(label.x + label.width / 2, label.y + label.height / 2);
    await page.mouse.down();
    await page.mouse.move(label.x + label.width / 2 + 40, label.y + label.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    expect(await readDoc(page)).toEqual(doc);

    // The mapping table opens to read; a paste into it is refused without a claim that it pasted.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('t');
    const grid = page.getByRole('grid', { name: /Mappings/ });
    await expect.poll(() => grid.count()).toBe(1);
    const toasts = await grid.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'login\tWork_Email');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      // The paste is handled (and any message given) within dispatchEvent.
      return (window as unknown as { crosswalk: { state(): { toasts: { text: string }[] } } }).crosswalk.state().toasts.map((t) => t.text);
    });
    expect(toasts.join(' ')).toMatch(/read-only/);
    expect(toasts.join(' ')).not.toMatch(/Pasted/);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await readDoc(page)).toEqual(doc);

    // The walkthrough panel reads; present mode steps through.
    await page.getByRole('tab', { name: 'Walkthrough' }).click();
    expect(await page.getByRole('button', { name: 'Add step' }).isDisabled()).toBe(true);
    await expect.poll(async () => (await page.locator('.cw-side-body').textContent()) ?? '').toContain(doc.walkthrough![0].title);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('0');
    // (A step too large to read whole is shown in parts, which → steps through first: jump.)
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('1');
    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);
    expect(await readDoc(page)).toEqual(doc);
    await page.screenshot({ path: '.tmp/browser-share-readonly.png' });

    // "Edit a copy": into the library, editable, named in the address.
    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await expect.poll(() => documentId(page)).toBeTruthy();
    const id = await documentId(page);
    expect(page.url()).toBe(`${viewer.url}?d=${id}`);
    expect((await library(page)).map((m) => m.title)).toEqual([doc.title]);
    const systems = doc.systems.length;
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await expect.poll(async () => (await readDoc(page)).systems.length).toBe(systems + 1);
    await page.reload();
    await waitReady(page);
    expect((await readDoc(page)).systems.length).toBe(systems + 1);
    await page.close();
  });

  it('with &embed shows the canvas alone, which pans, zooms and presents', async () => {
    const page = await viewer.newPage();
    await page.goto(onViewer(`${link.hash}&embed`));
    await waitReady(page);
    expect(await page.getByRole('toolbar', { name: 'Main toolbar' }).count()).toBe(0);
    expect(await page.getByRole('complementary', { name: 'Side panel' }).count()).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
    const before = await viewport();
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 400);
    await expect.poll(viewport).not.toBe(before);
    await page.screenshot({ path: '.tmp/browser-share-embed.png' });
    await page.getByRole('toolbar', { name: 'Embedded document' }).getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Presentation' }).getAttribute('data-step-index')).toBe('0');
    await page.close();
  });

  it('says what is wrong with a damaged link and opens the usual document', async () => {
    const page = await viewer.newPage();
    await page.goto(onViewer(`${link.hash.slice(0, 60)}`));
    await page.waitForSelector('html[data-ready="true"]');
    await expect.poll(async () => (await page.getByRole('alert').first().textContent()) ?? '').toMatch(/Could not open the share link: The share link is damaged/);
    expect(await documentId(page)).toBeTruthy();
    await page.close();
  });
});
