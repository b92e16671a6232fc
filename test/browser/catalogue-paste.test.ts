import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDoc, startHarness, waitReady, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url.replace(/\/$/, '') });
  page = await h.newPage();
  await page.goto(h.url);
  await waitReady(page);
});
afterAll(async () => h?.close());

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('the catalogue and paste to fill, as a person uses them', () => {
  it('adds a SCIM User from the command palette into a new system, and undo takes it away', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const before = await readDoc(page);
    await page.keyboard.press(`${mod}+K`);
    await page.getByLabel('Search commands').fill('scim user');
    await expect.poll(() => page.locator('.cw-palette li, .cw-palette [role="option"]').first().textContent()).toContain('Add SCIM 2.0 User');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).entities.length).toBe(before.entities.length + 1);
    const doc = await readDoc(page);
    const system = doc.systems.find((s) => s.name === 'SCIM 2.0')!;
    const user = doc.entities.find((e) => e.system === system.id)!;
    expect(user.name).toBe('User');
    expect(user.fields.map((f) => f.name)).toContain('name.givenName');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${user.id}"]`).count()).toBe(1);
    await page.screenshot({ path: '.tmp/browser-catalogue-scim.png' });
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(async () => (await readDoc(page)).entities.length).toBe(before.entities.length);
    expect((await readDoc(page)).systems.some((s) => s.name === 'SCIM 2.0')).toBe(false);
  });

  it('pastes field lines onto a selected entity with Ctrl+V, after the selected field', async () => {
    const doc = await readDoc(page);
    const entity = doc.entities[0];
    const node = page.locator(`.react-flow__node[data-id="${entity.id}"]`);
    await page.keyboard.press('Shift+1'); // fit the view: adding from the catalogue zoomed to the new entity
    await node.locator('.cw-field-name').first().click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'work_phone varchar(40) not null\ncost_center\tstring\tyes\nHire Date');
    await page.keyboard.press(`${mod}+V`);
    await expect.poll(async () => (await readDoc(page)).entities[0].fields.length).toBe(entity.fields.length + 3);
    const fields = (await readDoc(page)).entities[0].fields;
    expect(fields.slice(1, 4).map((f) => [f.name, f.type ?? null, f.required ?? false])).toEqual([
      ['work_phone', 'varchar(40)', true],
      ['cost_center', 'string', true],
      ['Hire Date', null, false],
    ]);
    await expect.poll(() => node.locator('.cw-field-name').nth(1).textContent()).toBe('work_phone');
    await page.screenshot({ path: '.tmp/browser-paste-fields.png' });
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(async () => (await readDoc(page)).entities[0].fields.length).toBe(entity.fields.length);
  });
});
