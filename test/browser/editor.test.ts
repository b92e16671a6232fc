import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readDoc, startHarness, waitForStillView, waitReady, type Harness } from './harness';

let h: Harness;
let page: Page;
/** Every script and worker the page asked for, from the first visit on. */
const scripts: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts.push(new URL(r.url()).pathname);
  });
  page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
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
    // Every entity has a place: the examples ship laid out, so a first visit loads no layout
    // worker (elkjs, 1.46 MB), nor the code of dialogs that open on demand.
    expect(doc.entities.every((e) => e.position)).toBe(true);
    expect(workers).toEqual([]);
    expect(scripts.filter((s) => /elk|worker/i.test(s))).toEqual([]);
    expect(scripts.filter((s) => /HelpDialog|ExportDialog|MappingTableDialog|OverviewLayer|paste-fields/.test(s))).toEqual([]);
    expect(scripts.length).toBeGreaterThan(0);
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
    // Handles show on the entity under the pointer (and on every entity while connecting).
    const from = page.locator('.react-flow__node[data-id="wd-position"] .react-flow__handle[data-handleid="f|R|location"]');
    await page.locator('.react-flow__node[data-id="okta-user"]').hover();
    const b = (await page.locator('.react-flow__node[data-id="okta-user"] .react-flow__handle[data-handleid="f|L|department"]').boundingBox())!;
    await page.locator('.react-flow__node[data-id="wd-position"]').hover();
    const a = (await from.boundingBox())!;
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
    // The help's code loads on the first press of its key, which still opens it.
    expect(scripts.some((s) => s.includes('HelpDialog'))).toBe(false);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.isVisible()).toBe(true);
    expect(scripts.some((s) => s.includes('HelpDialog'))).toBe(true);
    expect(await help.textContent()).toContain('Undo');
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+k`);
    await page.getByLabel('Search commands').fill('add note');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).notes?.length).toBe(2);
  });

  it('puts each new system in free space, in rename mode, one undo step each; the wheel zooms in small steps', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const before = await readDoc(page);
    const past = () => page.evaluate(() => (window as unknown as { crosswalk: { state(): { history: { past: unknown[] } } } }).crosswalk.state().history.past.length);
    const pastBefore = await past();
    const nameInput = page.locator('.react-flow').getByLabel('System name');
    await page.keyboard.press('s');
    await expect.poll(() => nameInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter'); // keeps "New system"
    await page.keyboard.press('s');
    await expect.poll(() => nameInput.count()).toBe(1);
    await page.keyboard.press('Escape'); // keeps the default name too
    await page.keyboard.press('s');
    await expect.poll(() => nameInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Billing «Ω» <b>');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).systems.length).toBe(before.systems.length + 3);
    const doc = await readDoc(page);
    const added = doc.systems.slice(before.systems.length);
    expect(added.map((s) => s.name)).toEqual(['New system', 'New system', 'Billing «Ω» <b>']);
    // Three adds and one rename: four undo steps.
    expect((await past()) - pastBefore).toBe(4);
    // No new box overlaps another system, a free entity or a note.
    const boxes = [
      ...doc.systems.map((s) => ({ id: s.id, x: s.position!.x, y: s.position!.y, w: s.size!.width, h: s.size!.height })),
      ...(doc.notes ?? []).map((n) => ({ id: n.id, x: n.position!.x, y: n.position!.y, w: 220, h: 40 })),
    ];
    for (const a of added) {
      const box = boxes.find((b) => b.id === a.id)!;
      for (const b of boxes) {
        if (b.id === a.id) continue;
        const overlap = box.x < b.x + b.w && box.x + box.w > b.x && box.y < b.y + b.h && box.y + box.h > b.y;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    // The last one is on screen (the view pans to it when it had to go off-screen).
    await waitForStillView(page);
    const canvasBox = (await page.locator('.react-flow').boundingBox())!;
    const last = (await page.locator(`.react-flow__node[data-id="${added[2].id}"]`).boundingBox())!;
    expect(last.x).toBeGreaterThanOrEqual(canvasBox.x);
    expect(last.y).toBeGreaterThanOrEqual(canvasBox.y);
    expect(last.x + last.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width + 1);
    expect(last.y + last.height).toBeLessThanOrEqual(canvasBox.y + canvasBox.height + 1);
    await page.screenshot({ path: '.tmp/browser-editor-three-systems.png' });

    // Six wheel notches zoom in by a bounded factor (React Flow alone went 0.4× → 2.5×).
    const zoom = () => page.evaluate(() => (window as unknown as { crosswalk: { flow(): { getViewport(): { zoom: number } } } }).crosswalk.flow().getViewport().zoom);
    await page.locator('[data-action="fit"]').click();
    await waitForStillView(page);
    const z0 = await zoom();
    await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -100);
    await expect.poll(zoom).toBeGreaterThan(z0 * 1.7);
    const z6 = await zoom();
    expect(z6 / z0).toBeLessThan(2);
  });

  it('brings the document back exactly after a reload', async () => {
    const before = await readDoc(page);
    await page.reload();
    await waitReady(page);
    expect(await readDoc(page)).toEqual(before);
  });
});
