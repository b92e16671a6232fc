import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, readDoc, startHarness, type Harness } from './harness';

// Importing in the app: the dialog (SQL into the open document, one undo step, new things
// beside the old), pasting DDL onto the canvas, and opening a mapping sheet with Open.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const shop = readFileSync('test/formats/sql/cases/mysql-shop/input.sql', 'utf8');

describe('importing', () => {
  it('imports SQL through the dialog into the open document as one undo step, placed beside what is there', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const before = await readDoc(page);
    await page.locator('[data-action="import"]').click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Text to import').fill(shop);
    await expect.poll(async () => dialog.getByLabel('Format').locator('option').first().textContent()).toBe('Detected: SQL DDL');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => (await readDoc(page)).entities.length, { timeout: 60_000 }).toBe(before.entities.length + 6);
    const after = await readDoc(page);
    // What was there has not moved; the new system sits right of everything.
    for (const s of before.systems) expect(after.systems.find((x) => x.id === s.id)?.position).toEqual(s.position);
    const added = after.systems.find((s) => !before.systems.some((b) => b.id === s.id))!;
    const right = Math.max(...before.systems.map((s) => s.position!.x + (s.size?.width ?? 0)));
    expect(added.position!.x).toBeGreaterThan(right);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(async () => (await readDoc(page)).entities.length).toBe(before.entities.length);
    await page.close();
  });

  it('lists every error of a broken sheet with its line, and changes nothing', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const before = await readDoc(page);
    await page.locator('[data-action="import"]').click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Text to import').fill('source_entity,target_entity\nWorker,\n,User\n');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(async () => (await alert.textContent()) ?? '').toContain('line 2: the row names no target entity');
    expect(await alert.textContent()).toContain('line 3: the row names no source entity');
    expect(await readDoc(page)).toEqual(before);
    await page.close();
  });

  it('imports DDL pasted onto the canvas into the open document', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const before = await readDoc(page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('.react-flow__pane')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 'CREATE TABLE hr.badge (id int PRIMARY KEY, holder text NOT NULL);');
    await expect.poll(async () => (await readDoc(page)).entities.length, { timeout: 60_000 }).toBe(before.entities.length + 1);
    const badge = (await readDoc(page)).entities.find((e) => e.name === 'badge')!;
    expect(badge.fields.map((f) => [f.name, f.key, f.required])).toEqual([
      ['id', 'PK', true],
      ['holder', undefined, true],
    ]);
    await page.close();
  });

  it('still copies and pastes canvas items with the keyboard (the paste event now carries Ctrl+V)', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const before = await readDoc(page);
    const system = before.systems[0];
    await page.locator(`.react-flow__node[data-id="${system.id}"] .cw-system-title, .react-flow__node[data-id="${system.id}"]`).first().click({ position: { x: 20, y: 12 } });
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { crosswalk: { state(): { selection: { ids: string[] } } } }).crosswalk.state().selection.ids))).toEqual([system.id]);
    await page.keyboard.press(`${mod}+C`);
    await page.keyboard.press(`${mod}+V`);
    await expect.poll(async () => (await readDoc(page)).systems.length).toBe(before.systems.length + 1);
    await page.close();
  });

  it('opens a mapping sheet with Open as a new document', async () => {
    const page = await openApp(h);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-action="open"]').click();
    const sheet = '\uFEFFsource_system;source_entity;source_field;target_system;target_entity;target_field;transform;notes\r\nWorkday;Worker;Work_Email;Okta;User;login;lowercase;"sign-in; name"\r\n';
    await (await chooser).setFiles({ name: 'workday-okta.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await expect.poll(async () => (await readDoc(page)).title, { timeout: 60_000 }).toBe('workday-okta');
    const doc = await readDoc(page);
    expect(doc.systems.map((s) => s.name)).toEqual(['Workday', 'Okta']);
    expect(doc.links).toHaveLength(1);
    await page.close();
  });
});
