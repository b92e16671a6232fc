import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDoc, startHarness, waitForStillView, waitReady, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.url);
  await waitReady(page);
});
afterAll(async () => h?.close());

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

describe('the editor, as a person uses it', () => {
  it('opens the example on a first visit, with every node and edge drawn', async () => {
    const doc = await readDoc(page);
    expect(doc.title).toMatch(/Workday/);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(doc.systems.length + doc.entities.length + (doc.notes?.length ?? 0));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(doc.links.length);
    // Laid out automatically: the hand-written example had no positions.
    expect(doc.entities.every((e) => e.position)).toBe(true);
    await page.screenshot({ path: '.tmp/browser-editor-open.png' });
  });

  it('adds a system and an entity, and edits fields with the keyboard', async () => {
    await page.getByRole('button', { name: 'Add system' }).click();
    let doc = await readDoc(page);
    const system = doc.systems[doc.systems.length - 1];
    expect(system.name).toBe('New system');
    await page.getByRole('button', { name: /Add entity/ }).click();
    doc = await readDoc(page);
    const entity = doc.entities[doc.entities.length - 1];
    expect(entity.system).toBe(system.id);

    const node = page.locator(`.react-flow__node[data-id="${entity.id}"]`);
    const canvas = page.locator('.react-flow');
    await node.locator('.cw-field-name').first().dblclick();
    await canvas.getByLabel('Field name').fill('worker_id');
    await page.keyboard.press('Tab');
    await canvas.getByLabel('Field type').fill('uuid');
    await page.keyboard.press('Enter'); // saves and adds the next field
    await canvas.getByLabel('Field name').fill('email');
    await page.keyboard.press('Tab');
    await canvas.getByLabel('Field type').fill('string');
    await page.keyboard.press('Enter');
    await canvas.getByLabel('Field name').fill('discard me');
    await page.keyboard.press('Escape'); // cancels the row Enter just added
    doc = await readDoc(page);
    const fields = doc.entities.find((e) => e.id === entity.id)!.fields;
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['worker_id', 'uuid'],
      ['email', 'string'],
    ]);
    // Rename the entity in place.
    await node.locator('.cw-entity-name').dblclick();
    await canvas.getByLabel('Entity name').fill('Contractor «Ω» <b>');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === entity.id)!.name).toBe('Contractor «Ω» <b>');
    await expect.poll(() => node.locator('.cw-entity-name').textContent()).toBe('Contractor «Ω» <b>');
  });

  it('deleting an entity removes its links, and undo brings both back', async () => {
    const before = await readDoc(page);
    const edgesBefore = await page.locator('.react-flow__edge').count();
    await page.locator('.react-flow__node[data-id="okta-user"] .cw-entity-header').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node[data-id="okta-user"]').count()).toBe(0);
    const after = await readDoc(page);
    const touching = before.links.filter((l) => [l.from, l.to].some((ep) => 'entity' in ep && ep.entity === 'okta-user'));
    expect(after.links.length).toBe(before.links.length - touching.length);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edgesBefore - touching.length);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edgesBefore);
    expect(await readDoc(page)).toEqual(before);
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => page.locator('.react-flow__node[data-id="okta-user"]').count()).toBe(0);
    await page.keyboard.press(`${mod}+z`);
  });

  it('connects a field to a field in another system as a mapping', async () => {
    await page.locator('[data-action="fit"]').click();
    await waitForStillView(page); // the fit animates: read positions once it has stopped
    const before = await readDoc(page);
    const from = page.locator('.react-flow__node[data-id="wd-position"] .react-flow__handle[data-handleid="f|R|location"]');
    const to = page.locator('.react-flow__node[data-id="okta-user"] .react-flow__handle[data-handleid="f|L|department"]');
    await page.locator('.react-flow__node[data-id="wd-position"]').hover();
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await readDoc(page)).links.length).toBe(before.links.length + 1);
    const doc = await readDoc(page);
    const link = doc.links[doc.links.length - 1];
    expect(link.kind).toBe('mapping');
    expect(link.from).toEqual({ entity: 'wd-position', field: 'location' });
    expect(link.to).toEqual({ entity: 'okta-user', field: 'department' });
    // The inspector edits the new mapping (it is selected).
    await page.getByLabel('Transform').fill('lookup: site code → name');
    await page.getByLabel('Transform').press('Enter');
    await expect.poll(async () => (await readDoc(page)).links.find((l) => l.id === link.id)!.transform).toBe('lookup: site code → name');
    await expect.poll(() => page.locator(`.cw-link-label`, { hasText: 'lookup: site code' }).count()).toBe(1);
  });

  it('renames a selected field with Enter', async () => {
    await page.locator('.react-flow__node[data-id="wd-position"] .cw-field[data-field="location"]').click();
    await page.keyboard.press('Enter');
    const input = page.locator('.react-flow').getByLabel('Field name');
    await input.fill('Work_Location');
    await input.press('Escape');
    expect((await readDoc(page)).entities.find((e) => e.id === 'wd-position')!.fields.find((f) => f.id === 'location')!.name).toBe('Location');
    await page.keyboard.press('F2');
    await page.locator('.react-flow').getByLabel('Field name').fill('Work_Location');
    await page.keyboard.press('Tab'); // commits and moves to the type
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === 'wd-position')!.fields.find((f) => f.id === 'location')!.name).toBe('Work_Location');
  });

  it('lists every shortcut in the help and runs commands from the palette', async () => {
    // Shortcuts stay out of the way while typing: leave the inspector's input first.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(await help.textContent()).toContain('Undo');
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+k`);
    await page.getByLabel('Search commands').fill('add note');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).notes?.length).toBe(2);
  });

  it('brings the document back exactly after a reload', async () => {
    const before = await readDoc(page);
    await page.reload();
    await waitReady(page);
    expect(await readDoc(page)).toEqual(before);
  });
});
