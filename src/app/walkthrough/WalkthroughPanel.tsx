import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import * as ops from '../../model/ops';
import type { Step } from '../../model/types';
import { CommitField } from '../panels/fields';
import { applyEdit, getState, notify, READ_ONLY_REASON, select, setUi, useAppStore } from '../store/store';
import { fitNodes } from './fit-focus';
import { StepPreview } from './StepPreview';
import { StepShowField } from './StepShowField';
import { addStarterOutline, addStepAfterActive, focusStepOnPair, focusStepOnSelection, takeTitleToFocus } from './walkthrough-actions';
import { describeFocus, dropIndex, focusFromSelection, formatElapsed, focusNodeIds, pairOfLink, parseBullets } from './walkthrough-logic';
import './walkthrough.css';

const NO_STEPS: Step[] = [];
const DRAG_TYPE = 'application/x-crosswalk-step';

/** Fits the view to a step's focus (the whole diagram when it has none). */
function fitStep(stepId: string | undefined): void {
  const doc = getState().doc;
  fitNodes(focusNodeIds(doc, doc.walkthrough?.find((s) => s.id === stepId)?.focus), 400);
}

/** How a step can be shown in present mode: the schema's values, so a new one appears here by itself. */

/**
 * Makes a step active and moves the canvas to its focus (the whole diagram when it has
 * none). The canvas selection is cleared, so "Focus on selection" takes only what is chosen
 * from here on.
 */
function activate(stepId: string | undefined): void {
  select({ ids: [] });
  setUi({ activeStep: stepId });
  fitStep(stepId);
}

function moveBy(step: Step, steps: readonly Step[], delta: number): void {
  const at = steps.findIndex((s) => s.id === step.id);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= steps.length) return;
  applyEdit((d) => ops.moveStep(d, step.id, to));
  // Moving a DOM node can drop its focus; give it back so Alt+↑/↓ can repeat.
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`li[data-step-id="${CSS.escape(step.id)}"]`)?.focus());
}

function deleteStep(step: Step, steps: readonly Step[]): void {
  const at = steps.findIndex((s) => s.id === step.id);
  applyEdit((d) => ops.deleteElements(d, [step.id]));
  const next = steps[at + 1] ?? steps[at - 1];
  setUi({ activeStep: next?.id });
}

/** The walkthrough panel: ordered steps with their talking points, speaker notes and focus. */
export function WalkthroughPanel() {
  const steps = useAppStore((s) => s.doc.walkthrough ?? NO_STEPS);
  const activeStep = useAppStore((s) => s.ui.activeStep);
  const readOnly = useAppStore((s) => !!s.ui.readOnly);
  const [drag, setDrag] = useState<{ id: string; slot?: number }>();

  const onItemKey = (e: KeyboardEvent<HTMLLIElement>, step: Step, index: number) => {
    if (e.target !== e.currentTarget) return; // keys typed into the step's own fields
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      moveBy(step, steps, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const other = steps[index + (e.key === 'ArrowUp' ? -1 : 1)];
      if (other) document.querySelector<HTMLElement>(`li[data-step-id="${CSS.escape(other.id)}"]`)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(step.id === activeStep ? undefined : step.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      // Keep the global Delete (canvas selection) out of it.
      e.preventDefault();
      deleteStep(step, steps);
    }
  };

  const onDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (!drag || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const r = e.currentTarget.getBoundingClientRect();
    const slot = e.clientY < r.top + r.height / 2 ? index : index + 1;
    if (slot !== drag.slot) setDrag({ ...drag, slot });
  };

  const onDrop = (e: DragEvent) => {
    if (!drag) return;
    e.preventDefault();
    e.stopPropagation();
    const from = steps.findIndex((s) => s.id === drag.id);
    if (from >= 0 && drag.slot !== undefined) {
      const to = dropIndex(from, drag.slot);
      if (to !== from) applyEdit((d) => ops.moveStep(d, drag.id, to));
    }
    setDrag(undefined);
  };

  return (
    <div className="cw-walkthrough">
      <div className="cw-wt-actions">
        <button type="button" aria-label="Add step" disabled={readOnly} title={readOnly ? READ_ONLY_REASON : undefined} onClick={() => addStepAfterActive()}>
          + Step
        </button>
        <button
          type="button"
          aria-label="Add starter outline"
          disabled={readOnly}
          title={readOnly ? READ_ONLY_REASON : 'Seven steps for a past-project walkthrough'}
          onClick={addStarterOutline}
        >
          Starter outline
        </button>
        <button type="button" aria-label="Show all" disabled={!activeStep} onClick={() => activate(undefined)}>
          Show all
        </button>
      </div>
      <TalkTarget steps={steps.length} />
      {steps.length === 0 ? (
        <p className="cw-hint">
          No steps yet. Add a step, or a starter outline for a past-project walkthrough. Each step has a title, talking
          points, speaker notes and the part of the diagram it is about.
        </p>
      ) : (
        <ol className="cw-steps" aria-label="Walkthrough steps" onDrop={onDrop}>
          {steps.map((step, index) => (
            <li
              key={step.id}
              data-step-id={step.id}
              tabIndex={0}
              aria-current={step.id === activeStep ? 'step' : undefined}
              className={[
                'cw-step',
                step.id === activeStep ? 'is-active' : '',
                drag?.slot === index ? 'drop-before' : '',
                drag?.slot === index + 1 && index === steps.length - 1 ? 'drop-after' : '',
                drag?.id === step.id ? 'is-dragging' : '',
              ].join(' ')}
              onKeyDown={(e) => onItemKey(e, step, index)}
              onDragOver={(e) => onDragOver(e, index)}
            >
              <div
                className="cw-step-head"
                draggable
                title="Drag to reorder (or Alt+↑/↓)"
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, step.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDrag({ id: step.id });
                }}
                onDragEnd={() => setDrag(undefined)}
                onClick={() => {
                  if (step.id !== activeStep) activate(step.id);
                }}
              >
                <span className="cw-step-grip" aria-hidden="true">⋮⋮</span>
                <span className="cw-step-num">{index + 1}.</span>
                <span className="cw-step-title">{step.title}</span>
                <span className="cw-step-count">{step.focus?.length ? `${step.focus.length} in focus` : 'whole diagram'}</span>
              </div>
              {step.id === activeStep && <StepEditor step={step} index={index} steps={steps} />}
            </li>
          ))}
        </ol>
      )}
      {steps.length > 0 && (
        <p className="cw-hint">Click a step to show its focus. Drag or Alt+↑/↓ to reorder. P presents.</p>
      )}
    </div>
  );
}

/** The fields of the active step, inside its list item. */
function StepEditor({ step, index, steps }: { step: Step; index: number; steps: readonly Step[] }) {
  const doc = useAppStore((s) => s.doc);
  const body = useRef<HTMLDivElement>(null);
  const focus = describeFocus(doc, step.focus);
  const selection = useAppStore((s) => s.selection);
  const selected = focusFromSelection(doc, selection);
  const selectedNames = describeFocus(doc, selected);
  const toAdd = selected.filter((id) => !(step.focus ?? []).includes(id));
  const pair = selected.length === 1 ? pairOfLink(doc, selected[0]) : undefined;
  const pairNames = pair ? describeFocus(doc, pair).map((f) => f.name).join(' ↔ ') : '';

  useEffect(() => {
    if (!takeTitleToFocus(step.id)) return;
    const input = body.current?.querySelector('input');
    input?.focus();
    input?.select();
  }, [step.id]);

  const setFocus = (next: string[]) => {
    applyEdit((d) => ops.updateStep(d, step.id, { focus: next.length ? next : undefined }));
    fitStep(step.id);
  };

  return (
    <div className="cw-step-body" ref={body}>
      <CommitField label="Step title" value={step.title} required onCommit={(title) => applyEdit((d) => ops.updateStep(d, step.id, { title }))} />
      <CommitField
        label="Talking points"
        multiline
        placeholder="One point per line"
        value={(step.bullets ?? []).join('\n')}
        onCommit={(text) => {
          const bullets = parseBullets(text);
          applyEdit((d) => ops.updateStep(d, step.id, { bullets: bullets.length ? bullets : undefined }));
        }}
      />
      <CommitField
        label="Speaker notes"
        multiline
        placeholder="What to say (shown in the presenter view)"
        value={step.speakerNotes ?? ''}
        onCommit={(speakerNotes) => applyEdit((d) => ops.updateStep(d, step.id, { speakerNotes }))}
      />
      <div className="cw-step-focus">
        <span className="cw-step-focus-label">Focus</span>
        {focus.length === 0 ? (
          <span className="cw-hint">Whole diagram.</span>
        ) : (
          <ul aria-label="Focus">
            {focus.map((f) => (
              <li key={f.id} className={`cw-focus-${f.kind}`}>
                <span>{f.name}</span>
                <button type="button" aria-label={`Remove ${f.name} from focus`} title="Remove from focus" onClick={() => setFocus((step.focus ?? []).filter((id) => id !== f.id))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {selectedNames.length === 0 ? (
          <span className="cw-hint">Select on the canvas (Shift+click adds to the selection), then focus on it.</span>
        ) : (
          <p className="cw-focus-preview" aria-label="Selected on the canvas">
            Selected: {selectedNames.map((f) => f.name).join(' · ')}
          </p>
        )}
        <div className="cw-focus-buttons">
          <button
            type="button"
            disabled={selected.length === 0}
            title={selected.length ? `The focus becomes: ${selectedNames.map((f) => f.name).join(', ')}` : 'Select on the canvas first'}
            onClick={() => {
              if (focusStepOnSelection(step.id)) fitStep(step.id);
            }}
          >
            Focus on {selected.length} selected
          </button>
          <button
            type="button"
            disabled={toAdd.length === 0}
            title={toAdd.length ? `Adds: ${describeFocus(doc, toAdd).map((f) => f.name).join(', ')}` : 'Select on the canvas what is not in the focus yet'}
            onClick={() => {
              if (focusStepOnSelection(step.id, 'add')) fitStep(step.id);
            }}
          >
            Add {toAdd.length} to focus
          </button>
          {pair && (
            <button
              type="button"
              title="Both systems and every link between them"
              onClick={() => {
                focusStepOnPair(step.id, pair);
                fitStep(step.id);
              }}
            >
              Focus on the pair {pairNames}
            </button>
          )}
        </div>
      </div>
      <StepShowField step={step} />
      <StepPreview doc={doc} step={step} />
      <div className="cw-step-tools">
        <button type="button" aria-label="Move step up" disabled={index === 0} onClick={() => moveBy(step, steps, -1)}>
          ↑ Up
        </button>
        <button type="button" aria-label="Move step down" disabled={index === steps.length - 1} onClick={() => moveBy(step, steps, 1)}>
          ↓ Down
        </button>
        <button type="button" aria-label="Delete step" onClick={() => deleteStep(step, steps)}>
          Delete
        </button>
      </div>
    </div>
  );
}

/** The talk's target duration (the speaker window shows the time against it). */
function TalkTarget({ steps }: { steps: number }) {
  const minutes = useAppStore((s) => s.doc.talkMinutes);
  return (
    <div className="cw-talk-target">
      <CommitField
        label="Talk length (minutes)"
        placeholder="No target"
        value={minutes === undefined ? '' : String(minutes)}
        onCommit={(text) => {
          const t = text.trim();
          if (t === '') {
            applyEdit((d) => ops.setTalkMinutes(d, undefined));
            return;
          }
          const n = Number(t.replace(',', '.'));
          if (!Number.isFinite(n) || n <= 0 || n > 24 * 60) {
            notify('error', `“${t}” is not a talk length: give the minutes as a number, such as 20.`);
            return;
          }
          applyEdit((d) => ops.setTalkMinutes(d, n));
        }}
      />
      {minutes !== undefined && steps > 0 && (
        <span className="cw-hint" aria-label="Pace">
          About {formatElapsed((minutes * 60_000) / steps)} a step
        </span>
      )}
    </div>
  );
}

