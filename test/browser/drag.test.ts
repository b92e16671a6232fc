import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, startHarness, waitForStillView, waitReady, type Harness } from './harness';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await openApp(h, 'identity-lifecycle');
});
afterAll(async () => h?.close());

async function dragBy(selector: string, dx: number, dy: number) {
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 });
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}

describe('moving things on the canvas', () => {
  it('opens a document fitted: every node on screen, not at the default view', async () => {
    // (Fitting may take two frames after the app is ready: wait for it, then for the view to rest.)
    await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toContain('translate(0px, 0px) scale(1)');
    await waitForStillView(page);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(pane.x - 1);
      expect(b.y).toBeGreaterThanOrEqual(pane.y - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
    }
  });

  it('drags an entity out of its system and into another, as one undo step each; links follow', async () => {
    const before = await readDoc(page);
    expect(before.entities.find((e) => e.id === 'okta-group')!.system).toBe('okta');
    const okta = (await page.locator('.react-flow__node[data-id="okta"]').boundingBox())!;
    const group = (await page.locator('.react-flow__node[data-id="okta-group"]').boundingBox())!;
    // Out of Okta, below everything.
    await dragBy('.react-flow__node[data-id="okta-group"] .cw-entity-header', 0, okta.y + okta.height + 80 - group.y);
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === 'okta-group')!.system).toBeUndefined();
    let doc = await readDoc(page);
    // The relation into GroupMembership crosses systems now: it became a mapping.
    expect(doc.links.find((l) => l.id === 'r-member-group')!.kind).toBe('mapping');
    // Into Slack.
    const slack = (await page.locator('.react-flow__node[data-id="slack"]').boundingBox())!;
    const moved = (await page.locator('.react-flow__node[data-id="okta-group"]').boundingBox())!;
    await dragBy('.react-flow__node[data-id="okta-group"] .cw-entity-header', slack.x + slack.width / 2 - (moved.x + moved.width / 2), slack.y + 60 - moved.y);
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === 'okta-group')!.system).toBe('slack');
    // Two drags, two undo steps, back to the start.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    doc = await readDoc(page);
    const state = await page.evaluate(() => (window as unknown as { crosswalk: { state(): { history: { past: unknown[] } } } }).crosswalk.state().history.past.length);
    expect(JSON.stringify(doc.entities.find((e) => e.id === 'okta-group')), `history ${state}`).toBe(JSON.stringify(before.entities.find((e) => e.id === 'okta-group')));
    expect(doc.links.find((l) => l.id === 'r-member-group')!.kind).toBe('relation');
  });

  it('grows a system to hold an entity dragged past its edge, in the same undo step; a new field grows it too', async () => {
    const before = await readDoc(page);
    const slack = (await page.locator('.react-flow__node[data-id="slack"]').boundingBox())!;
    const user = (await page.locator('.react-flow__node[data-id="slack-user"]').boundingBox())!;
    // Its right edge a fifth of its width past Slack's: its middle stays inside, so it stays Slack's.
    await dragBy('.react-flow__node[data-id="slack-user"] .cw-entity-header', slack.x + slack.width + user.width / 5 - (user.x + user.width), 0);
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === 'slack-user')!.position).not.toEqual(before.entities.find((e) => e.id === 'slack-user')!.position);
    const holds = (d: typeof before) => {
      const s = d.systems.find((x) => x.id === 'slack')!;
      const e = d.entities.find((x) => x.id === 'slack-user')!;
      const height = 34 + e.fields.length * 26 + 6;
      return e.position!.x >= 24 && e.position!.y >= 40 && e.position!.x + 240 + 24 <= s.size!.width && e.position!.y + height + 24 <= s.size!.height;
    };
    let doc = await readDoc(page);
    expect(doc.entities.find((e) => e.id === 'slack-user')!.system).toBe('slack');
    expect(doc.systems.find((s) => s.id === 'slack')!.size!.width).toBeGreaterThan(before.systems.find((s) => s.id === 'slack')!.size!.width);
    expect(holds(doc)).toBe(true);
    const grown = (await page.locator('.react-flow__node[data-id="slack"]').boundingBox())!;
    const moved = (await page.locator('.react-flow__node[data-id="slack-user"]').boundingBox())!;
    expect(moved.x + moved.width).toBeLessThan(grown.x + grown.width);
    await page.screenshot({ path: '.tmp/browser-drag-grown.png' });
    // One undo step takes back the drag and the growth together.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(page)).systems.find((s) => s.id === 'slack')).toEqual(before.systems.find((s) => s.id === 'slack'));
    expect((await readDoc(page)).entities.find((e) => e.id === 'slack-user')).toEqual(before.entities.find((e) => e.id === 'slack-user'));
    // A field added to the last entity of a system makes it taller: the system grows with it.
    await page.locator('.react-flow__node[data-id="slack-user"] .cw-entity-header').click();
    await page.keyboard.press('f');
    await page.locator('.react-flow').getByLabel('Field name').fill('locale');
    await page.keyboard.press('Enter');
    await page.locator('.react-flow').getByLabel('Field name').fill('timezone');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readDoc(page)).entities.find((e) => e.id === 'slack-user')!.fields.length).toBe(before.entities.find((e) => e.id === 'slack-user')!.fields.length + 2);
    doc = await readDoc(page);
    expect(holds(doc)).toBe(true);
  });

  it('moves a system with its entities', async () => {
    const before = await readDoc(page);
    await dragBy('.react-flow__node[data-id="slack"] .cw-system-header', 120, 60);
    await expect.poll(async () => (await readDoc(page)).systems.find((s) => s.id === 'slack')!.position).not.toEqual(before.systems.find((s) => s.id === 'slack')!.position);
    const doc = await readDoc(page);
    // Entity positions are relative to their system: unchanged.
    expect(doc.entities.find((e) => e.id === 'slack-user')!.position).toEqual(before.entities.find((e) => e.id === 'slack-user')!.position);
  });

  it('re-lays out the document with Auto layout, as one undo step', async () => {
    // The example ships laid out: move a system off its place first.
    const moved = await readDoc(page);
    await dragBy('.react-flow__node[data-id="google"] .cw-system-header', 0, 160);
    await expect.poll(async () => (await readDoc(page)).systems.find((s) => s.id === 'google')!.position).not.toEqual(moved.systems.find((s) => s.id === 'google')!.position);
    // The drag is over (one undo step) before the layout starts, or the layout is refused.
    await expect.poll(() => page.evaluate(() => (window as unknown as { crosswalk: { state(): { transientBase?: unknown } } }).crosswalk.state().transientBase === undefined)).toBe(true);
    const before = await readDoc(page);
    await page.locator('[data-action="layout"]').click();
    await expect.poll(async () => JSON.stringify((await readDoc(page)).systems.map((s) => s.position))).not.toBe(JSON.stringify(before.systems.map((s) => s.position)));
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(page)).systems).toEqual(before.systems);
  });

  it('drags a link label: the offset is kept in the document, as one undo step', async () => {
    const label = page.locator('.cw-link-label:not(.cw-link-marker)', { hasText: 'HR import' });
    await expect.poll(() => label.count()).toBe(1);
    const id = await label.getAttribute('data-link');
    const before = await readDoc(page);
    expect(before.links.find((l) => l.id === id)!.labelOffset).toBeUndefined();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 - 30, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 - 60, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await readDoc(page)).links.find((l) => l.id === id)!.labelOffset).toBeDefined();
    const offset = (await readDoc(page)).links.find((l) => l.id === id)!.labelOffset!;
    // Measured from the label's own place: the label moved by what the mouse did, in canvas units.
    await expect.poll(async () => Math.abs((await label.boundingBox())!.x - box.x - 40)).toBeLessThan(3);
    await expect.poll(async () => Math.abs((await label.boundingBox())!.y - box.y + 60)).toBeLessThan(3);
    expect(Number.isInteger(offset.x) && Number.isInteger(offset.y)).toBe(true);
    // One undo step takes the whole drag back.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(page)).links.find((l) => l.id === id)!.labelOffset).toBeUndefined();
  });

  it('every example: no two visible labels overlap each other or a node, at fit view and at 100%', async () => {
    /** Overlaps among the labels and entity/note boxes on screen, described. */
    const overlaps = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
        const visible = (r: DOMRect) => r.width > 0 && r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
        const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        const labels = [...document.querySelectorAll('.cw-link-label')].map((el) => ({ id: el.getAttribute('data-link'), r: el.getBoundingClientRect() })).filter((l) => visible(l.r));
        const nodes = [...document.querySelectorAll('.react-flow__node-entity, .react-flow__node-note')].map((el) => ({ id: el.getAttribute('data-id'), r: el.getBoundingClientRect() })).filter((n) => visible(n.r));
        const found: string[] = [];
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) if (hit(labels[i].r, labels[j].r)) found.push(`${labels[i].id} × ${labels[j].id}`);
          for (const n of nodes) if (hit(labels[i].r, n.r)) found.push(`${labels[i].id} × node ${n.id}`);
        }
        return { count: labels.length, found };
      });
    const examples = readdirSync('examples').filter((f) => f.endsWith('.crosswalk.json')).map((f) => f.replace(/\.crosswalk\.json$/, ''));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      await page.goto(`${h.url}?doc=/examples/${example}.crosswalk.json`);
      await waitReady(page);
      await waitForStillView(page);
      const fit = await overlaps();
      expect(fit.count, example).toBeGreaterThan(5);
      expect(fit.found, `${example} at fit view`).toEqual([]);
      // 100%, in three places: the left, the middle and the right of the diagram.
      for (const at of [0.2, 0.5, 0.8]) {
        const from = await page.evaluate(() => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? null);
        await page.evaluate((at) => {
          const flow = (window as unknown as { crosswalk: { flow(): { getNodesBounds(n: unknown[]): { x: number; y: number; width: number; height: number }; getNodes(): unknown[]; setCenter(x: number, y: number, o: { zoom: number }): void } } }).crosswalk.flow();
          const b = flow.getNodesBounds(flow.getNodes());
          flow.setCenter(b.x + b.width * at, b.y + b.height / 2, { zoom: 1 });
        }, at);
        await waitForStillView(page, from, 3);
        const full = await overlaps();
        expect(full.count, `${example} at 100%, ${at}`).toBeGreaterThan(0);
        expect(full.found, `${example} at 100%, ${at}`).toEqual([]);
      }
    }
  });
});

describe('a small document zoomed out past readable rows', () => {
  it('draws title boxes and folded lines, and still selects, drags and connects field to field', async () => {
    const p = await openApp(h, 'identity-lifecycle');
    const links = (await readDoc(p)).links.length;
    // The whole diagram at a quarter of its size (field rows would be 6.5 px tall).
    const from = await p.evaluate(() => document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? null);
    await p.evaluate(() => {
      const flow = (window as unknown as { crosswalk: { flow(): { getNodesBounds(n: unknown[]): { x: number; y: number; width: number; height: number }; getNodes(): unknown[]; setCenter(x: number, y: number, o: { zoom: number }): void } } }).crosswalk.flow();
      const b = flow.getNodesBounds(flow.getNodes());
      flow.setCenter(b.x + b.width / 2, b.y + b.height / 2, { zoom: 0.25 });
    });
    await waitForStillView(p, from, 3);
    await p.mouse.move(2, 2);
    await p.waitForSelector('.react-flow.cw-titles');
    const node = (id: string) => `.react-flow__node[data-id="${id}"]`;
    // Title boxes: rows undrawn; one line per pair of entities and kind, counts where several fold.
    await expect.poll(() => p.locator(`${node('okta-user')} .cw-field`).first().isVisible()).toBe(false);
    expect(await p.locator('.react-flow__edge').count()).toBeLessThan(links);
    expect(await p.locator('.cw-fold-count').count()).toBeGreaterThan(0);
    expect(await p.locator('.cw-link-labels').isVisible()).toBe(false);
    await p.screenshot({ path: '.tmp/browser-zoomed-out-titles.png' });

    // The entity under the pointer opens its rows, with their handles.
    const position = (await p.locator(node('wd-position')).boundingBox())!;
    await p.mouse.move(position.x + position.width / 2, position.y + position.height / 2);
    await expect.poll(() => p.locator(`${node('wd-position')} .cw-field`).first().isVisible()).toBe(true);

    // A click selects it; a drag moves it (one undo step).
    await p.mouse.click(position.x + position.width / 2, position.y + 4);
    await expect.poll(() => p.evaluate(() => (window as unknown as { crosswalk: { state(): { selection: { ids: string[] } } } }).crosswalk.state().selection.ids)).toEqual(['wd-position']);
    const before = (await readDoc(p)).entities.find((e) => e.id === 'wd-position')!.position!;
    await p.mouse.move(position.x + position.width / 2, position.y + 4);
    await p.mouse.down();
    await p.mouse.move(position.x + position.width / 2 + 10, position.y + 14, { steps: 4 });
    await p.mouse.move(position.x + position.width / 2 + 20, position.y + 24, { steps: 4 });
    await p.mouse.up();
    await expect.poll(async () => (await readDoc(p)).entities.find((e) => e.id === 'wd-position')!.position!.y).toBeGreaterThan(before.y + 40);
    await p.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(p)).entities.find((e) => e.id === 'wd-position')!.position).toEqual(before);

    // Field to field: from Position.location to Google's orgUnitPath.
    const moved = (await p.locator(node('wd-position')).boundingBox())!;
    await p.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
    const source = (await p.locator(`${node('wd-position')} .react-flow__handle[data-handleid="f|R|location"]`).boundingBox())!;
    await p.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
    await p.mouse.down();
    const gws = (await p.locator(node('gws-user')).boundingBox())!;
    await p.mouse.move(gws.x + gws.width / 2, gws.y + gws.height / 2, { steps: 8 });
    const target = (await p.locator(`${node('gws-user')} .react-flow__handle[data-handleid="f|L|orgUnitPath"]`).boundingBox())!;
    await p.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
    await p.mouse.up();
    await expect
      .poll(async () => (await readDoc(p)).links.some((l) => 'field' in l.from && l.from.field === 'location' && 'field' in l.to && l.to.entity === 'gws-user' && l.to.field === 'orgUnitPath'))
      .toBe(true);
    await p.close();
  });
});
