import { collectIds, uniqueId } from '../../model/ids';
import * as ops from '../../model/ops';
import { starterOutline } from '../../model/outline';
import { registerActions } from '../actions/actions';
import { getFlowInstance } from '../canvas/flow-instance';
import { applyEdit, getState, notify, setUi, useAppStore } from '../store/store';
import { closeSpeakerWindow } from './speaker-window';
import { addToFocus, focusFromSelection } from './walkthrough-logic';

// The walkthrough's user actions. App imports this module eagerly so the toolbar, palette
// and keys know them on first paint; it stays small (no React, no panel code).

/**
 * Shows the whole diagram (with fitNodes: React Flow's own `fitView` is lost when it runs
 * during the edit just made). Loaded on demand so this module keeps no React Flow import
 * and its logic stays testable in Node.
 */
function fitWhole(): void {
  if (typeof document === 'undefined') return;
  void import('./fit-focus').then((m) => m.fitNodes([], 400));
}

let titleToFocus: string | undefined;

/** The step whose title input should take the keyboard once shown (set by "Add step"); read once. */
export function takeTitleToFocus(stepId: string): boolean {
  if (titleToFocus !== stepId) return false;
  titleToFocus = undefined;
  return true;
}

/** Adds a step after the active one (or at the end), makes it active and opens the panel. */
export function addStepAfterActive(): string {
  const { doc, ui } = getState();
  const steps = doc.walkthrough ?? [];
  const id = uniqueId('step', collectIds(doc));
  const active = steps.findIndex((s) => s.id === ui.activeStep);
  const at = active < 0 ? steps.length : active + 1;
  applyEdit((d) => ops.addStep(d, { id, title: `Step ${steps.length + 1}` }, at));
  titleToFocus = id;
  setUi({ rightPanel: 'walkthrough', activeStep: id });
  fitWhole(); // a step without a focus shows the whole diagram
  return id;
}

/** Appends the seven-step starter outline in one undo step and opens the panel on its first step. */
export function addStarterOutline(): void {
  const steps = starterOutline(collectIds(getState().doc));
  applyEdit((d) => steps.reduce((acc, s) => ops.addStep(acc, s), d));
  setUi({ rightPanel: 'walkthrough', activeStep: steps[0]?.id });
  fitWhole();
  notify('success', `Added ${steps.length} starter steps: replace the prompts with your story.`);
}

/**
 * Sets a step's focus to what is selected on the canvas (`replace`), or adds the selection
 * to it (`add`); says so when nothing is selected. One undo step.
 */
export function focusStepOnSelection(stepId: string | undefined = getState().ui.activeStep, mode: 'replace' | 'add' = 'replace'): boolean {
  const { doc, selection } = getState();
  const step = doc.walkthrough?.find((s) => s.id === stepId);
  if (!step) {
    notify('info', 'Choose a step in the walkthrough panel first.');
    setUi({ rightPanel: 'walkthrough' });
    return false;
  }
  const selected = focusFromSelection(doc, selection);
  if (!selected.length) {
    notify('info', 'Select systems, entities, links or notes on the canvas first (Shift+click adds to the selection), then choose “Focus on selection”.');
    return false;
  }
  const focus = mode === 'add' ? addToFocus(step.focus, selected) : selected;
  applyEdit((d) => ops.updateStep(d, step.id, { focus }));
  return true;
}

/** Sets a step's focus to a pair of systems: both, and every link between them (focusScope). */
export function focusStepOnPair(stepId: string, pair: readonly [string, string]): void {
  applyEdit((d) => ops.updateStep(d, stepId, { focus: [...pair] }));
}

/** Starts present mode at the first step; refuses, with a message, when there are no steps. */
export function startPresenting(): void {
  if (!getState().doc.walkthrough?.length) {
    notify('info', 'The walkthrough has no steps yet: add a step or a starter outline first.');
    setUi({ rightPanel: 'walkthrough' });
    return;
  }
  // Asked for here, inside the click or key press: browsers grant full screen only to a user gesture.
  if (typeof document !== 'undefined') {
    document.documentElement
      .requestFullscreen?.()
      .catch(() => undefined); // headless browsers and iframes refuse: present in the window
  }
  editingViewport = getFlowInstance()?.getViewport();
  setUi({ presenting: true, presentStep: 0, activeStep: undefined });
}

let editingViewport: { x: number; y: number; zoom: number } | undefined;

// However present mode ends (Escape, the Exit button, leaving full screen, opening another
// document), leave full screen, close the speaker window and give the editor back its view.
useAppStore.subscribe((state, prev) => {
  if (!prev.ui.presenting || state.ui.presenting) return;
  closeSpeakerWindow();
  if (typeof document !== 'undefined' && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  const saved = editingViewport;
  editingViewport = undefined;
  if (saved) void getFlowInstance()?.setViewport(saved, { duration: 300 });
});

registerActions([
  { id: 'present', label: 'Present', group: 'Walkthrough', shortcuts: ['P'], toolbar: 'Present', run: startPresenting },
  { id: 'add-step', edits: true, label: 'Add walkthrough step', group: 'Walkthrough', run: () => void addStepAfterActive() },
  { id: 'starter-outline', edits: true, label: 'Add starter outline (past-project walkthrough)', group: 'Walkthrough', run: addStarterOutline },
  {
    id: 'focus-selection',
    edits: true,
    label: 'Focus the active step on the selection',
    group: 'Walkthrough',
    run: () => void focusStepOnSelection(),
  },
  {
    id: 'add-selection-to-focus',
    edits: true,
    label: 'Add the selection to the active step’s focus',
    group: 'Walkthrough',
    run: () => void focusStepOnSelection(undefined, 'add'),
  },
]);
