import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, startHarness, type Harness } from './harness';

// What probing with hostile and unlucky input broke (issue 8, "Also fix"): markup in an
// erDiagram comment, Alt+↑ in a field editor, and an erDiagram import big enough to freeze
// the page.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const fieldsOf = async (page: Page, entity: string) => (await readDoc(page)).entities.find((e) => e.id === entity)!.fields;

describe('hostile and unlucky input', () => {
  it('shows markup in a field comment as text in the Mermaid preview: no image, no request', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const probes: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('cw-probe')) probes.push(r.url());
    });
    const comment = '<img src=cw-probe onerror="window.pwned=1"> say "hi"';
    // As a person does it: select the field, write its description in the inspector.
    await page.locator('.react-flow__node[data-id="okta-user"] .cw-field[data-field="login"]').click();
    await page.getByLabel('Field description').fill(comment);
    await page.getByLabel('Field description').press('Control+Enter');
    await expect.poll(async () => (await fieldsOf(page, 'okta-user')).find((f) => f.id === 'login')!.description).toBe(comment);

    await page.getByRole('tab', { name: 'Mermaid' }).click();
    await page.getByLabel('Data models (erDiagram)').check();
    const preview = page.getByTestId('mermaid-preview');
    await expect.poll(() => preview.textContent()).toContain(comment);
    expect(await preview.locator('img, image').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(probes).toEqual([]);
    // The text to copy keeps it as codes: pasted elsewhere it renders as text too.
    expect(await page.getByLabel('Mermaid text').textContent()).toContain('#60;img src=cw-probe onerror=#quot;window.pwned=1#quot;#62; say #quot;hi#quot;');
    await page.close();
  });

  it('keeps editing a field name after Alt+↑ twice: typing and Enter still work', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const before = (await fieldsOf(page, 'okta-user')).map((f) => f.id);
    expect(before.slice(0, 3)).toEqual(['id', 'login', 'email']);
    const canvas = page.locator('.react-flow');
    await page.locator('.react-flow__node[data-id="okta-user"] .cw-field[data-field="email"] .cw-field-name').dblclick();
    const input = canvas.getByLabel('Field name');
    await input.fill('mail');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await fieldsOf(page, 'okta-user')).map((f) => f.id).slice(0, 3)).toEqual(['id', 'email', 'login']);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await fieldsOf(page, 'okta-user')).map((f) => f.id).slice(0, 3)).toEqual(['email', 'id', 'login']);
    // Still the same editor, still focused, still taking keys.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Field name');
    await page.keyboard.type('_primary');
    await page.keyboard.press('Enter'); // saves, and adds the next field
    await expect.poll(async () => (await fieldsOf(page, 'okta-user'))[0].name).toBe('mail_primary');
    await page.keyboard.press('Escape'); // drops the row Enter added
    const after = await fieldsOf(page, 'okta-user');
    expect(after.map((f) => f.id)).toEqual(['email', 'id', 'login', ...before.slice(3)]);
    // Alt+↓ too: back down one, and the editor keeps going.
    await page.locator('.react-flow__node[data-id="okta-user"] .cw-field[data-field="email"] .cw-field-name').dblclick();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await fieldsOf(page, 'okta-user')).map((f) => f.id).slice(0, 2)).toEqual(['id', 'email']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Field name');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await page.keyboard.press('Tab'); // commits the name, moves to the type
    await expect.poll(async () => (await fieldsOf(page, 'okta-user'))[1].name).toBe('mail_primary!');
    await page.keyboard.press('Escape');
    await page.close();
  });

  // The parser's speed is covered in Node (test/formats/mermaid); here, that the page hands
  // the parsing to a worker. (Drawing one entity of thousands of fields is the canvas's cost.)
  it('imports an erDiagram in a Web Worker', async () => {
    const page = await openApp(h, 'identity-lifecycle');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const text = ['erDiagram', '  T {', ...Array.from({ length: 300 }, () => '    string x'), '  }'].join('\n');
    await page.locator('[data-action="import"]').click();
    // Through the dialog's file button (filling a 4,000-line textarea is slow in Playwright);
    // the import goes into the open document.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await (await chooser).setFiles({ name: 'big.mmd', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect.poll(async () => (await readDoc(page)).entities.filter((e) => e.fields.length === 300).length, { timeout: 60_000 }).toBe(1);
    const fields = (await readDoc(page)).entities.find((e) => e.fields.length === 300)!.fields;
    expect(new Set(fields.map((f) => f.id)).size).toBe(300);
    expect(workers.some((url) => /import\.worker/.test(url)), workers.join('\n')).toBe(true);
    await page.close();
  });
});
