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

const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');

/** Waits for the view to move away from `from` and come to rest (fits animate for 600 ms). */
async function settle(from: string | null) {
  await waitForStillView(page, from);
}

describe('a walkthrough, built and presented through the UI', () => {
  it('builds a three-step walkthrough with focus from the canvas selection', async () => {
    await page.getByRole('tab', { name: 'Walkthrough' }).click();
    // Start from none: delete the example's steps.
    const steps = page.locator('li[data-step-id]');
    await steps.first().waitFor(); // the panel loads on first use
    while ((await steps.count()) > 0) {
      await steps.first().locator('.cw-step-head').click();
      await page.getByRole('button', { name: 'Delete step' }).click();
    }
    expect((await readDoc(page)).walkthrough ?? []).toHaveLength(0);

    const addStep = async (title: string, select?: string) => {
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByLabel('Step title').fill(title);
      await page.getByLabel('Step title').press('Enter');
      if (select) {
        // (A new step may move the view to its focus: click once it rests.)
        await waitForStillView(page);
        await page.locator(`.react-flow__node[data-id="${select}"] .cw-system-header`).click();
        await page.getByRole('button', { name: 'Focus on 1 selected' }).click();
      }
    };
    await addStep('Workday is the source', 'workday');
    await addStep('Okta is the hub', 'okta');
    await addStep('The whole picture');
    await page.getByLabel('Talking points').fill('Four systems\nOne hub');
    await page.getByLabel('Speaker notes').fill('Pause here.');
    await page.getByLabel('Step title').click(); // blur commits

    await expect.poll(async () => (await readDoc(page)).walkthrough?.map((s) => [s.title, s.focus])).toEqual([
      ['Workday is the source', ['workday']],
      ['Okta is the hub', ['okta']],
      ['The whole picture', undefined],
    ]);
    const last = (await readDoc(page)).walkthrough![2];
    expect(last.bullets).toEqual(['Four systems', 'One hub']);
    expect(last.speakerNotes).toBe('Pause here.');
  });

  it('reorders steps with the keyboard', async () => {
    const item = page.locator('li[data-step-id]').nth(2);
    await item.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await readDoc(page)).walkthrough?.map((s) => s.title)).toEqual(['Workday is the source', 'The whole picture', 'Okta is the hub']);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(page)).walkthrough?.map((s) => s.title)).toEqual(['Workday is the source', 'Okta is the hub', 'The whole picture']);
  });

  it('presents: the keyboard steps through, the view fits each focus, Escape returns to editing', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    const editing = await viewport();
    await page.keyboard.press('p');
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('0');
    expect(await show.textContent()).toContain('Workday is the source');
    await settle(editing);
    const first = await viewport();
    // Outside the focus is dimmed.
    expect(await page.locator('.react-flow__node[data-id="slack"] .is-dimmed').count()).toBe(1);
    expect(await page.locator('.react-flow__node[data-id="workday"] .is-dimmed').count()).toBe(0);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('1');
    await settle(first);
    const second = await viewport();
    expect(second).not.toBe(first);

    await page.keyboard.press('Space');
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('2');
    await settle(second);
    expect(await show.textContent()).toContain('One hub');
    const third = await viewport();
    expect(third).not.toBe(second);
    expect(await page.locator('.is-dimmed').count()).toBe(0); // no focus: the whole diagram

    await page.keyboard.press('PageUp');
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('1');
    await settle(third);
    expect(await viewport()).not.toBe(third);

    await page.keyboard.press('n'); // the speaker view
    await expect.poll(() => page.getByLabel('Speaker notes').first().textContent()).toContain('The whole picture');

    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);
    expect(await page.getByRole('toolbar', { name: 'Main toolbar' }).isVisible()).toBe(true);
  });

  it('keeps the walkthrough over a reload', async () => {
    const before = await readDoc(page);
    // The address with no document named opens the newest one: this one.
    await page.goto(h.url);
    await waitReady(page);
    expect((await readDoc(page)).walkthrough).toEqual(before.walkthrough);
  });

  it('deleting a focused element removes it from the step, and undo restores it', async () => {
    await page.locator('.react-flow__node[data-id="okta"] .cw-system-header').click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await readDoc(page)).walkthrough![1].focus ?? []).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await readDoc(page)).walkthrough![1].focus).toEqual(['okta']);
  });

  it('takes into a focus exactly what the presenter chose: opening a step selects nothing, clicks and chips are explicit', async () => {
    const state = () => page.evaluate(() => (window as unknown as { crosswalk: { state(): { selection: { ids: string[] } } } }).crosswalk.state().selection.ids);
    const header = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .cw-system-header`);
    const focusOf = async (i: number) => (await readDoc(page)).walkthrough![i].focus;
    await page.getByRole('tab', { name: 'Walkthrough' }).click();
    const steps = page.locator('li[data-step-id]');
    // Something selected before the step is opened is not carried into it.
    await header('slack').click();
    await steps.nth(2).locator('.cw-step-head').click();
    await expect.poll(state).toEqual([]);
    // Shift+click adds; a plain click on an already selected node selects it alone.
    await header('okta').click();
    await header('google').click({ modifiers: ['Shift'] });
    await expect.poll(state).toEqual(['okta', 'google']);
    expect(await page.getByLabel('Selected on the canvas').textContent()).toContain('Google Workspace');
    await header('okta').click();
    await expect.poll(state).toEqual(['okta']);
    await page.getByRole('button', { name: 'Focus on 1 selected' }).click();
    await expect.poll(() => focusOf(2)).toEqual(['okta']);
    // Adding is its own action; a chip's × removes one element. (The step's fit may have
    // moved Slack off screen: show the whole diagram first.)
    const whole = async () => {
      const from = await viewport();
      await page.locator('[data-action="fit"]').click();
      await settle(from);
    };
    await whole();
    await header('slack').click();
    await page.getByRole('button', { name: 'Add 1 to focus' }).click();
    await expect.poll(() => focusOf(2)).toEqual(['okta', 'slack']);
    await page.getByRole('button', { name: 'Remove Slack from focus' }).click();
    await expect.poll(() => focusOf(2)).toEqual(['okta']);

    // A link across systems offers its pair: both systems and every link between them.
    await whole();
    await page.locator('.cw-link-label[data-link="f-wd-okta"]').click();
    await expect.poll(state).toEqual(['f-wd-okta']);
    await page.getByRole('button', { name: 'Focus on the pair Workday ↔ Okta' }).click();
    await expect.poll(() => focusOf(2)).toEqual(['workday', 'okta']);
    // The mappings between the two systems are drawn at full strength, the rest dimmed.
    const opacity = (id: string) => page.locator(`.react-flow__edge-path[id="${id}"]`).evaluate((el) => getComputedStyle(el).opacity);
    await expect.poll(() => opacity('m-email-login')).toBe('1');
    expect(await opacity('m-status')).toBe('1');
    expect(Number(await opacity('f-okta-gws'))).toBeLessThan(0.5);

    // Per step: how to present it, from the schema's values, and what the audience sees.
    await page.getByLabel('Present as').selectOption('parts');
    await expect.poll(async () => (await readDoc(page)).walkthrough![2].show).toBe('parts');
    await page.getByLabel('Present as').selectOption('fit');
    await expect.poll(async () => 'show' in (await readDoc(page)).walkthrough![2]).toBe(false);
    expect(await page.getByRole('figure', { name: 'Preview at projector size' }).locator('svg').isVisible()).toBe(true);

    // The talk's target: refused when not a number, kept when it is.
    const talk = page.getByLabel('Talk length (minutes)');
    await talk.fill('soon');
    await talk.press('Tab');
    await expect.poll(() => page.getByText('is not a talk length').count()).toBe(1);
    expect((await readDoc(page)).talkMinutes).toBeUndefined();
    await talk.fill('12');
    await talk.press('Tab');
    await expect.poll(async () => (await readDoc(page)).talkMinutes).toBe(12);
    expect(await page.getByLabel('Pace').textContent()).toContain('4:00 a step');
  });

  it('the integration view: opened from a flow, a transform edited in place (one undo step), and presented for a step', async () => {
    const transformOf = async (id: string) => (await readDoc(page)).links.find((l) => l.id === id)?.transform;
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByTestId('rf__edge-f-wd-okta').locator('path').first().click({ force: true });
    await page.getByRole('button', { name: 'Integration view of these two systems' }).click();
    const view = page.locator('.cw-integration');
    await expect.poll(() => view.locator('svg title').first().textContent()).toBe('Workday → Okta');
    const mappings = (await readDoc(page)).links.filter((l) => l.kind === 'mapping' && (l.from as { entity: string }).entity.startsWith('wd-'));
    expect(await view.locator('.cw-integration-hit').count()).toBe(mappings.length);

    // Escape cancels an edit and leaves the document as it was.
    await view.locator('.cw-integration-hit[data-link="m-email-login"]').click();
    await view.locator('input.cw-integration-edit').fill('not this');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.locator('input.cw-integration-edit').count()).toBe(0);
    expect(await transformOf('m-email-login')).toBe('lowercase');
    // Enter commits: the document and the drawing change; one undo brings the old one back.
    await view.locator('.cw-integration-hit[data-link="m-email-login"]').click();
    await view.locator('input.cw-integration-edit').fill('trim, then lowercase');
    await page.keyboard.press('Enter');
    await expect.poll(() => transformOf('m-email-login')).toBe('trim, then lowercase');
    await expect.poll(() => view.locator('svg').textContent()).toContain('trim, then lowercase');
    await page.keyboard.press('Control+z');
    await expect.poll(() => transformOf('m-email-login')).toBe('lowercase');
    await expect.poll(() => view.locator('svg').textContent()).not.toContain('trim, then lowercase');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => transformOf('m-email-login')).toBe('trim, then lowercase');
    // The other direction has nothing; Escape closes.
    await view.getByRole('button', { name: /Switch to Okta → Workday/ }).click();
    await expect.poll(() => view.textContent()).toContain('Nothing goes from Okta → Workday');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);

    // A step shown as the integration view of its focused flow.
    await page.getByRole('tab', { name: 'Walkthrough' }).click();
    await page.locator('li[data-step-id]').nth(1).locator('.cw-step-head').click();
    // Opening the step moved the view to its focus: show the whole diagram to reach the flow.
    const from = await viewport();
    await page.locator('[data-action="fit"]').click();
    await settle(from);
    await page.getByTestId('rf__edge-f-wd-okta').locator('path').first().click({ force: true });
    await expect.poll(() => page.evaluate(() => (window as unknown as { crosswalk: { state(): { selection: { ids: string[] } } } }).crosswalk.state().selection.ids)).toEqual(['f-wd-okta']);
    await page.getByRole('button', { name: 'Focus on 1 selected' }).click();
    await page.getByLabel('Present as').selectOption('integration');
    await expect.poll(async () => (await readDoc(page)).walkthrough![1]).toMatchObject({ focus: ['f-wd-okta'], show: 'integration' });
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('p');
    const show = page.getByRole('dialog', { name: 'Presentation' });
    await expect.poll(() => show.getAttribute('data-step-index')).toBe('0');
    expect(await page.locator('.cw-present-integration').count()).toBe(0);
    // Jump to step 2 (the arrows would first go through step 1's parts).
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cw-present-integration svg title').first().textContent()).toBe('Workday → Okta');
    await expect.poll(() => page.locator('.cw-present-integration').textContent()).toContain('trim, then lowercase');
    // Large: the picture is drawn at least at its own size on this 1440 × 900 screen.
    const box = await page.locator('.cw-present-integration svg').boundingBox();
    expect(box!.width).toBeGreaterThan(900);
    await page.keyboard.press('Escape');
    await expect.poll(() => show.count()).toBe(0);
  });
});

describe('presenting the six-system example at 1920×1080', () => {
  it('keeps every field text at 16 px or more, stepping through the parts of steps too large to read whole', async () => {
    const p = await h.newPage();
    await p.setViewportSize({ width: 1920, height: 1080 });
    await p.emulateMedia({ reducedMotion: 'reduce' }); // each step's view at once, no animation
    await p.goto(`${h.url}?doc=/examples/six-system-provisioning.crosswalk.json`);
    await waitReady(p);
    const doc = await readDoc(p);
    let view = await waitForStillView(p); // the editing view, which present mode moves away from
    await p.keyboard.press('p');
    const show = p.getByRole('dialog', { name: 'Presentation' });
    const count = show.locator('.cw-present-count');
    // Smallest field text on the screen: font size × the view's zoom.
    const smallest = () =>
      p.evaluate(() => {
        const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
        let min = Infinity;
        for (const el of document.querySelectorAll('.cw-field-name, .cw-field-type, .cw-field-key')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.right < 0 || r.bottom < 0 || r.left > innerWidth || r.top > innerHeight) continue;
          min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
        }
        return min;
      });
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      view = await waitForStillView(p, view, 3);
      seen.push((await count.textContent()) ?? '');
      const min = await smallest();
      expect(min, seen.at(-1)).toBeGreaterThanOrEqual(16);
      expect(min, seen.at(-1)).toBeLessThan(Infinity);
      if (await show.getByRole('button', { name: 'Next step' }).isDisabled()) break;
      // The step about two systems shows the mappings between them at full strength.
      if (seen.at(-1)?.startsWith('3 /')) {
        expect(await p.locator('.react-flow__edge-path[id="m-status"]').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      }
      await p.keyboard.press('ArrowRight');
    }
    // Every step was shown, and the large ones in parts ("part 2 of 3").
    expect(new Set(seen.map((t) => t.split(' ')[0])).size).toBe(doc.walkthrough!.length);
    expect(seen.some((t) => /part 2 of \d/.test(t))).toBe(true);
    // Previous goes back through the parts of a step.
    const last = seen.at(-1)!;
    await p.keyboard.press('ArrowLeft');
    await expect.poll(() => count.textContent()).toBe(seen.at(-2));
    expect(last).not.toBe(seen.at(-2));
    await p.close();
  });
});
