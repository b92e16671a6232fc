import { beforeEach, describe, expect, it } from 'vitest';
import type { CrosswalkDocument } from '../../src/model/types';
import { loadExample } from '../fixtures/examples';
import { ACTIONS, findAction } from '../../src/app/actions/actions';
import { dismissToast, getState, replaceDocument, select, setUi, undo } from '../../src/app/store/store';
import {
  addStarterOutline,
  addStepAfterActive,
  focusStepOnSelection,
  startPresenting,
  takeTitleToFocus,
} from '../../src/app/walkthrough/walkthrough-actions';
import { checkDocument } from '../../src/model/validate';

const example = (): CrosswalkDocument => loadExample();

const stepIds = () => (getState().doc.walkthrough ?? []).map((s) => s.id);

beforeEach(() => {
  replaceDocument(example(), { keepHistory: false });
  setUi({ presenting: false, presentStep: 0, activeStep: undefined, rightPanel: 'inspector' });
  for (const t of getState().toasts) dismissToast(t.id);
});

describe('walkthrough actions', () => {
  it('are registered once, in the Walkthrough group, with P for present and no shortcut clash', () => {
    for (const id of ['present', 'add-step', 'starter-outline', 'focus-selection']) {
      expect(findAction(id)?.group).toBe('Walkthrough');
    }
    expect(findAction('present')?.shortcuts).toEqual(['P']);
    expect(findAction('present')?.toolbar).toBe('Present');
    const keys = ACTIONS.flatMap((a) => a.shortcuts ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('adds a step after the active one, makes it active, and undoes in one step', () => {
    const before = stepIds();
    setUi({ activeStep: before[1] });
    const id = addStepAfterActive();
    expect(stepIds()).toEqual([...before.slice(0, 2), id, ...before.slice(2)]);
    expect(getState().ui.activeStep).toBe(id);
    expect(getState().ui.rightPanel).toBe('walkthrough');
    expect(takeTitleToFocus(id)).toBe(true);
    expect(takeTitleToFocus(id)).toBe(false);
    expect(checkDocument(getState().doc)).toEqual([]);
    undo();
    expect(stepIds()).toEqual(before);
  });

  it('appends the starter outline in one undo step', () => {
    const before = stepIds();
    addStarterOutline();
    expect(stepIds()).toHaveLength(before.length + 7);
    expect(getState().ui.activeStep).toBe(stepIds()[before.length]);
    undo();
    expect(stepIds()).toEqual(before);
  });

  it('sets the focus from the selection, and refuses with a message when nothing is selected', () => {
    const step = stepIds()[0];
    select({ ids: [] });
    expect(focusStepOnSelection(step)).toBe(false);
    expect(getState().toasts.at(-1)?.kind).toBe('info');
    const entity = getState().doc.entities[0].id;
    select({ ids: [entity] });
    expect(focusStepOnSelection(step)).toBe(true);
    expect(getState().doc.walkthrough![0].focus).toEqual([entity]);
    undo();
    expect(getState().doc.walkthrough![0].focus).toEqual(example().walkthrough![0].focus);
  });

  it('adds the selection to a focus (none twice) in one undo step, apart from replacing it', () => {
    const step = stepIds()[0];
    const before = getState().doc.walkthrough![0].focus ?? [];
    const entity = getState().doc.entities.find((e) => !before.includes(e.id))!.id;
    select({ ids: [entity, ...before.slice(0, 1)] });
    expect(focusStepOnSelection(step, 'add')).toBe(true);
    expect(getState().doc.walkthrough![0].focus).toEqual([...before, entity]);
    undo();
    expect(getState().doc.walkthrough![0].focus ?? []).toEqual(before);
  });

  it('asks for a step first when none is active', () => {
    select({ ids: [getState().doc.systems[0].id] });
    expect(focusStepOnSelection(undefined)).toBe(false);
    expect(getState().ui.rightPanel).toBe('walkthrough');
  });

  it('presents from the first step, and refuses an empty walkthrough', () => {
    setUi({ activeStep: stepIds()[2], presentStep: 3 });
    startPresenting();
    expect(getState().ui).toMatchObject({ presenting: true, presentStep: 0, activeStep: undefined });
    setUi({ presenting: false });
    replaceDocument({ ...example(), walkthrough: [] });
    startPresenting();
    expect(getState().ui.presenting).toBe(false);
    expect(getState().toasts.at(-1)?.text).toMatch(/no steps/);
  });
});
