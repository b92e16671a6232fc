import { describe, expect, it } from 'vitest';
import { computeGeometry, unionBoxes } from '../../src/model/geometry';
import { groupIntoParts, planStep, PRESENT_FIELD_TEXT, PROJECTOR, READABLE_ZOOM } from '../../src/app/walkthrough/present-parts';
import { paceOf, presentClearance } from '../../src/app/walkthrough/walkthrough-logic';
import { loadExample } from '../fixtures/examples';

// The step card as present mode draws it on a 1920×1080 screen (about 620 × 240 px).
const CARD = { width: 620, height: 240 };
const clearance = (b: { width: number; height: number }) => presentClearance(PROJECTOR, CARD, 0, b);

describe('present mode in parts', () => {
  const doc = loadExample('six-system-provisioning');
  const geo = computeGeometry(doc);

  it('shows a readable focus whole, in one part', () => {
    const plan = planStep(doc, { focus: ['slack'] }, PROJECTOR, clearance);
    expect(plan.parts).toHaveLength(1);
    expect(plan.fitTextPx).toBeGreaterThanOrEqual(16);
  });

  it('splits a focus whose text would be under 16 px into parts that each fit at the readable zoom', () => {
    const step = doc.walkthrough!.find((s) => s.title === 'Downstream provisioning')!;
    const plan = planStep(doc, step, PROJECTOR, clearance);
    expect(plan.fitTextPx).toBeLessThan(16);
    expect(plan.parts.length).toBeGreaterThan(1);
    const whole = new Set(plan.parts.flatMap((p) => p.ids));
    // Every focused system and its entities is in some part, and in one part only.
    for (const id of ['okta', 'google', 'slack', 'salesforce', 'servicenow', 'okta-user', 'gws-user', 'snow-user']) expect(whole.has(id)).toBe(true);
    expect(plan.parts.flatMap((p) => p.ids)).toHaveLength(whole.size);
    expect(whole.has('workday')).toBe(false);
    for (const part of plan.parts) {
      const b = unionBoxes(part.ids.map((id) => geo.systems.get(id) ?? geo.entities.get(id)!));
      const c = clearance(b);
      const zoom = Math.min((PROJECTOR.width - c.left - c.right) / b.width, (PROJECTOR.height - c.top - c.bottom) / b.height);
      expect(zoom * PRESENT_FIELD_TEXT).toBeGreaterThanOrEqual(16 - 1e-6);
    }
  });

  it('a step with no focus is about the whole diagram, in parts too', () => {
    const plan = planStep(doc, { focus: undefined }, PROJECTOR, clearance);
    expect(plan.parts.length).toBeGreaterThan(1);
    expect(new Set(plan.parts.flatMap((p) => p.ids)).size).toBe(doc.systems.length + doc.entities.length);
  });

  it("show: 'parts' goes one system at a time even when the whole would be readable", () => {
    const plan = planStep(doc, { focus: ['slack', 'google'], show: 'parts' }, PROJECTOR, clearance);
    expect(plan.parts.map((p) => p.ids.filter((id) => geo.systems.has(id)))).toEqual([['slack'], ['google']]);
  });

  it('groups boxes in reading order, never past the room', () => {
    const box = (id: string, x: number, y: number) => ({ id, x, y, width: 100, height: 100 });
    const parts = groupIntoParts([box('d', 300, 150), box('e', 0, 300), box('a', 0, 0), box('b', 0, 150), box('c', 300, 0)], { width: 250, height: 250 });
    expect(parts.map((p) => p.map((b) => b.id).sort())).toEqual([['a', 'b'], ['e'], ['c', 'd']]);
    expect(READABLE_ZOOM * PRESENT_FIELD_TEXT).toBe(16);
  });
});

describe('the pace of a talk against its target', () => {
  it('shares the target evenly and says ahead, on time or behind', () => {
    expect(paceOf(0, 0, 5, undefined)).toBeUndefined();
    // 10 minutes, 5 steps: 2 minutes a step; step 3 (index 2) runs from 4:00 to 6:00.
    expect(paceOf(5 * 60_000, 2, 5, 10)).toEqual({ talk: 600_000, perStep: 120_000, status: 'on time', by: 0 });
    expect(paceOf(3 * 60_000, 2, 5, 10)).toMatchObject({ status: 'ahead', by: 60_000 });
    expect(paceOf(7 * 60_000, 2, 5, 10)).toMatchObject({ status: 'behind', by: 60_000 });
  });
});
