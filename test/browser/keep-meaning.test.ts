import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDoc, startHarness, waitReady, type Harness } from './harness';

// A team's file, opened, edited and saved in the app as a person would: keys Crosswalk
// does not know are written back unchanged, and a link kind the user chose stays chosen.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const TEAM_FILE = JSON.stringify({
  format: 'crosswalk',
  version: 1,
  title: 'Team map',
  jira: 'CW-7',
  systems: [
    { id: 'wd', name: 'Workday', owner: 'HR IT', position: { x: 0, y: 0 }, size: { width: 600, height: 300 } },
    { id: 'okta', name: 'Okta', owner: 'IAM', position: { x: 800, y: 0 }, size: { width: 600, height: 300 } },
  ],
  entities: [
    { id: 'worker', name: 'Worker', system: 'wd', pii: 'high', position: { x: 24, y: 50 }, fields: [{ id: 'email', name: 'Work_Email', type: 'string', pii: true }] },
    { id: 'position', name: 'Position', system: 'wd', position: { x: 300, y: 50 }, fields: [{ id: 'id', name: 'id' }] },
    { id: 'user', name: 'User', system: 'okta', position: { x: 24, y: 50 }, fields: [{ id: 'login', name: 'login' }] },
  ],
  links: [
    // Across systems, but the user chose "relation": nothing may turn it back into a mapping.
    { id: 'chosen', kind: 'relation', from: { entity: 'worker', field: 'email' }, to: { entity: 'user', field: 'login' }, jira: ['CW-8'] },
  ],
});

describe('what the app does not understand, and what the user chose', () => {
  it('survive opening, editing and saving', async () => {
    const page = await h.newPage();
    await page.goto(h.url);
    await waitReady(page);
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-action="open"]').click();
    await (await chooser).setFiles({ name: 'team.crosswalk.json', mimeType: 'application/json', buffer: Buffer.from(TEAM_FILE) });
    await expect.poll(async () => (await readDoc(page)).title).toBe('Team map');

    // Rename the field that carries `pii`, and an unrelated entity, in place.
    const canvas = page.locator('.react-flow');
    await page.locator('.react-flow__node[data-id="worker"] .cw-field[data-field="email"] .cw-field-name').dblclick();
    await canvas.getByLabel('Field name').fill('Email');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__node[data-id="position"] .cw-entity-name').dblclick();
    await canvas.getByLabel('Entity name').fill('Job');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readDoc(page)).entities.map((e) => e.name)).toEqual(['Worker', 'Job', 'User']);

    const download = page.waitForEvent('download');
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+s' : 'Control+s');
    const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(saved.jira).toBe('CW-7');
    expect(saved.systems.map((s: { owner: string }) => s.owner)).toEqual(['HR IT', 'IAM']);
    expect(saved.entities[0]).toMatchObject({ name: 'Worker', pii: 'high' });
    expect(saved.entities[0].fields[0]).toEqual({ id: 'email', name: 'Email', type: 'string', pii: true });
    expect(saved.links[0]).toMatchObject({ id: 'chosen', kind: 'relation', jira: ['CW-8'] });
    await page.close();
  });
});
