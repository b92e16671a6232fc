import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Step } from '../../model/types';
import { setUi, useAppStore } from '../store/store';
import { timeOnStep, type StepClock } from './presenter';
import { formatElapsed, paceOf } from './walkthrough-logic';

const NO_STEPS: Step[] = [];

// The speaker window has no stylesheet of its own (it is an empty pop-up): these rules go
// into its head. Plain black on white, large notes, like the rest of the app.
const STYLE = `
body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #000; background: #fff; }
.sp { display: flex; flex-direction: column; gap: 10px; padding: 18px 22px; min-height: 100vh; box-sizing: border-box; }
.sp-top { display: flex; justify-content: space-between; font-size: 15px; color: #444; }
.sp-clock { font-variant-numeric: tabular-nums; font-size: 22px; color: #000; }
.sp-step-clock { font-variant-numeric: tabular-nums; margin-left: auto; margin-right: 16px; align-self: center; }
.sp-pace { font-size: 15px; color: #000; }
.sp-pace.is-behind { font-weight: bold; }
.sp-part { font-weight: bold; color: #000; }
.sp h1 { font-size: 26px; line-height: 1.2; margin: 0; overflow-wrap: anywhere; }
.sp h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; margin: 8px 0 0; border-bottom: 1px solid #000; padding-bottom: 3px; }
.sp p, .sp ul { margin: 0; overflow-wrap: anywhere; }
.sp-notes { font-size: 22px; white-space: pre-wrap; }
.sp-bullets { font-size: 15px; color: #333; padding-left: 1.2em; }
.sp-bar { display: flex; gap: 6px; margin-top: auto; padding-top: 10px; }
.sp-bar button { font: inherit; font-size: 15px; padding: 4px 12px; background: #fff; color: #000; border: 1px solid #000; border-radius: 3px; cursor: pointer; }
.sp-bar button:disabled { color: #999; border-color: #999; cursor: default; }
.sp-bar button:last-child { margin-left: auto; }
`;

/**
 * The speaker view in its own window: the current step with its speaker notes, what is on
 * the screen, the next step, a timer, and buttons to step through. It renders into the
 * window through a portal, so it reads the same store as the presentation and needs no
 * messages between windows. `onKey` handles the presenter keys typed in that window;
 * `onClosed` runs when the user closes it. Both must be stable.
 */
export function SpeakerView({
  win,
  startedAt,
  clock,
  part,
  parts,
  onMove,
  onKey,
  onClosed,
}: {
  win: Window;
  startedAt: number;
  /** Time per step, for "this step" beside the total. */
  clock: StepClock;
  /** The part of the step on the screen, of how many (a step too large to read whole is shown in parts). */
  part: number;
  parts: number;
  /** Steps as the presenter keys do (through the parts first). */
  onMove: (key: 'ArrowLeft' | 'ArrowRight') => void;
  onKey: (e: KeyboardEvent) => void;
  onClosed: () => void;
}) {
  const steps = useAppStore((s) => s.doc.walkthrough ?? NO_STEPS);
  const raw = useAppStore((s) => s.ui.presentStep);
  const talkMinutes = useAppStore((s) => s.doc.talkMinutes);
  const [root] = useState(() => win.document.createElement('div'));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const doc = win.document;
    doc.title = 'Speaker view — Crosswalk';
    const style = doc.createElement('style');
    style.textContent = STYLE;
    doc.head.append(style);
    doc.body.append(root);
    win.addEventListener('keydown', onKey);
    win.addEventListener('pagehide', onClosed);
    // `pagehide` is not always delivered for a pop-up closed by its user: check as the clock ticks.
    const tick = window.setInterval(() => (win.closed ? onClosed() : setNow(Date.now())), 1000);
    return () => {
      window.clearInterval(tick);
      win.removeEventListener('keydown', onKey);
      win.removeEventListener('pagehide', onClosed);
      style.remove();
      root.remove();
    };
  }, [win, root, onKey, onClosed]);

  const index = Math.max(0, Math.min(raw, steps.length - 1));
  const step = steps[index];
  if (!step) return null;
  const next = steps[index + 1];
  const elapsed = now - startedAt;
  const pace = paceOf(elapsed, index, steps.length, talkMinutes);
  return createPortal(
    <main className="sp" aria-label="Speaker view" data-step-index={index}>
      <div className="sp-top">
        <span>
          Step {index + 1} / {steps.length}
          {parts > 1 && (
            <span className="sp-part" aria-label="Part of the step">
              {' '}
              · part {part + 1} of {parts}
            </span>
          )}
        </span>
        <span className="sp-step-clock" aria-label="Time on this step">
          this step {formatElapsed(timeOnStep(clock, index, now))}
          {pace && <> of ~{formatElapsed(pace.perStep)}</>}
        </span>
        <span className="sp-clock" aria-label="Time presenting">
          {formatElapsed(elapsed)}
          {pace && <> / {formatElapsed(pace.talk)}</>}
        </span>
      </div>
      {pace && (
        <div className={`sp-pace${pace.status === 'behind' ? ' is-behind' : ''}`} aria-label="Pace">
          {pace.status === 'on time' ? 'On time' : `${pace.status === 'ahead' ? 'Ahead' : 'Behind'} by ${formatElapsed(pace.by)}`} · about{' '}
          {formatElapsed(pace.perStep)} a step for a {talkMinutes}-minute talk
        </div>
      )}
      <h1>{step.title}</h1>
      <h2>Speaker notes</h2>
      <p className="sp-notes">{step.speakerNotes?.trim() || 'No speaker notes for this step.'}</p>
      {step.bullets?.length ? (
        <>
          <h2>On the screen</h2>
          <ul className="sp-bullets">
            {step.bullets.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Next</h2>
      <p>{part < parts - 1 ? `Part ${part + 2} of ${parts} of this step` : next ? next.title : 'End of the walkthrough'}</p>
      <div className="sp-bar">
        <button type="button" aria-label="Previous step" disabled={index === 0 && part === 0} onClick={() => onMove('ArrowLeft')}>
          ← Previous
        </button>
        <button type="button" aria-label="Next step" disabled={index === steps.length - 1 && part >= parts - 1} onClick={() => onMove('ArrowRight')}>
          Next →
        </button>
        <button type="button" aria-label="Exit" onClick={() => setUi({ presenting: false })}>
          Exit
        </button>
      </div>
    </main>,
    root,
  );
}
