import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportMarkdown } from '../../src/formats/markdown/markdown';
import { computeCoverage } from '../../src/model/coverage';
import type { CrosswalkDocument } from '../../src/model/types';
import { readDoc, startHarness, waitReady, type Harness } from './harness';

// The mapping workbench as a person uses it: keyboard, a spreadsheet paste, undo, auto-map
// and a gap fixed from the gaps panel. The canvas and the Markdown note must agree.

let h: Harness;
let page: Page;
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const field = (name: string, type = 'string', required = false) => ({ id: name.toLowerCase(), name, type, ...(required ? { required } : {}) });
const DOC = {
  format: 'crosswalk',
  version: 1,
  title: 'Joiner mapping',
  systems: [
    { id: 'wd', name: 'Workday', position: { x: 0, y: 0 }, size: { width: 300, height: 420 } },
    { id: 'okta', name: 'Okta', position: { x: 600, y: 0 }, size: { width: 300, height: 460 } },
  ],
  entities: [
    { id: 'worker', name: 'Worker', system: 'wd', position: { x: 20, y: 60 }, fields: ['Work_Email', 'First_Name', 'Last_Name', 'Employee_ID', 'Title', 'Department', 'Hire_Date'].map((n) => field(n, n === 'Hire_Date' ? 'date' : 'string')) },
    {
      id: 'user',
      name: 'User',
      system: 'okta',
      position: { x: 20, y: 60 },
      fields: [field('login', 'string', true), field('email'), field('firstName'), field('lastName'), field('employeeNumber'), field('title'), field('department'), field('startDate', 'datetime'), field('displayName', 'string', true)],
    },
  ],
  links: [],
};

async function mappings(): Promise<[string, string, string][]> {
  const doc = await readDoc(page);
  const name = (ep: { entity?: string; field?: string }) => doc.entities.find((e) => e.id === ep.entity)?.fields.find((f) => f.id === ep.field)?.name ?? '?';
  return doc.links.filter((l) => l.kind === 'mapping').map((l) => [name(l.from as never), name(l.to as never), l.transform ?? '']);
}

async function pasteInto(selector: string, text: string) {
  await page.locator(selector).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(h.url);
  await waitReady(page);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-action="open"]').click();
  await (await chooser).setFiles({ name: 'joiner.crosswalk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DOC)) });
  await page.waitForFunction(() => (window as unknown as { crosswalk: { doc(): { title: string } } }).crosswalk.doc().title === 'Joiner mapping');
});
afterAll(async () => h?.close());

describe('the mapping table', () => {
  it('maps three fields with the keyboard only', async () => {
    await page.keyboard.press('t');
    const grid = page.getByRole('grid', { name: /Mappings/ });
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Work_Email');
    await page.keyboard.press('Enter'); // commits login ← Work_Email, moves to email
    await page.keyboard.type('work_email');
    await page.keyboard.press('Tab'); // commits, moves to the transform column
    await page.keyboard.type('lowercase');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowLeft'); // row firstName, source column
    await page.keyboard.type('First_Name');
    await page.keyboard.press('Enter');
    await expect.poll(mappings).toEqual([
      ['Work_Email', 'login', ''],
      ['Work_Email', 'email', 'lowercase'],
      ['First_Name', 'firstName', ''],
    ]);
  });

  it('pastes five rows from a spreadsheet by target name, and undoes the paste in one step', async () => {
    await page.keyboard.press('Home');
    const tsv = ['lastName\tLast_Name', 'employeeNumber\tEmployee_ID', 'title\tTitle', 'department\tDepartment', 'startDate\tHire_Date\ttoISO8601(Hire_Date)'].join('\r\n');
    await pasteInto('[role="grid"]', tsv);
    await expect.poll(async () => (await mappings()).length).toBe(8);
    expect((await mappings())[7]).toEqual(['Hire_Date', 'startDate', 'toISO8601(Hire_Date)']);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(async () => (await mappings()).length).toBe(3);
  });

  it('accepts two auto-map suggestions', async () => {
    await page.getByRole('button', { name: 'Suggest mappings' }).click();
    const accept = page.getByRole('button', { name: 'Accept', exact: true });
    await expect.poll(() => accept.count()).toBeGreaterThanOrEqual(2);
    await accept.first().click();
    await accept.first().click();
    await expect.poll(mappings).toEqual([
      ['Work_Email', 'login', ''],
      ['Work_Email', 'email', 'lowercase'],
      ['First_Name', 'firstName', ''],
      ['Last_Name', 'lastName', ''],
      ['Employee_ID', 'employeeNumber', ''],
    ]);
    // Undo right after a click on Accept (whose button is gone) undoes it; so does undo
    // while a toolbar button of the table has the focus; redo brings it back.
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(async () => (await mappings()).length).toBe(4);
    await page.getByRole('button', { name: 'Accept all' }).focus();
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(async () => (await mappings()).length).toBe(5);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    // The command palette finds the table by "mappings", and offers it per pair of systems.
    await expect.poll(() => page.getByRole('grid', { name: /Mappings/ }).count()).toBe(0);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+K`);
    await page.getByLabel('Search commands').fill('mapping');
    const entries = page.locator('.cw-palette li, .cw-palette [role="option"]');
    await expect.poll(() => entries.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Mapping table: Workday → Okta')]));
    await page.getByLabel('Search commands').fill('mappings');
    await expect.poll(() => entries.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Open the mapping table')]));
    await page.getByLabel('Search commands').fill('mapping table: workday');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('grid', { name: /Mappings/ }).count()).toBe(1);
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('system:wd');
    await page.getByRole('button', { name: 'Close' }).click();
    // The integration view of the pair opens its table too.
    await page.keyboard.press(`${mod}+K`);
    await page.getByLabel('Search commands').fill('integration view: workday');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Mapping table', exact: true }).click();
    await expect.poll(() => page.getByRole('grid', { name: /Mappings/ }).count()).toBe(1);
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('system:okta');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('fixes a gap from the gaps panel, and the canvas and the Markdown agree', async () => {
    await page.getByRole('tab', { name: 'Gaps' }).click();
    const gap = page.locator('.cw-gap', { hasText: 'displayName' });
    await expect.poll(() => gap.textContent()).toContain('required, no mapping');
    await gap.locator('.cw-gap-open').click();
    const grid = page.getByRole('grid', { name: /Mappings/ });
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.locator('.cw-mapping-cell.is-active').getAttribute('data-cell')).toBe('8-1');
    await page.keyboard.type('Work_Email');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('.cw-gap', { hasText: 'displayName' }).count()).toBe(0);

    const doc = (await readDoc(page)) as CrosswalkDocument;
    const report = computeCoverage(doc);
    expect(report.entities[0]).toMatchObject({ entity: 'User', mapped: 6, required: 2, requiredMapped: 2 });
    // The canvas draws every mapping; the panel shows the same coverage the note prints.
    for (const l of doc.links) await expect.poll(() => page.getByTestId(`rf__edge-${l.id}`).count()).toBe(1);
    await expect.poll(() => page.locator('.cw-coverage-list').textContent()).toContain('6/9 fed · required 2/2');
    const markdown = exportMarkdown(doc);
    expect(markdown).toContain('| Okta User | 6 / 9 | 2 / 2 |');
    expect(markdown).toContain('| Worker.Work_Email | User.displayName |');
  });
});
