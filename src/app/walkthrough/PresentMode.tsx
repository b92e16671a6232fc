import { useCallback, useEffect, useRef, useState } from 'react';
import type { Box } from '../../model/geometry';
import type { CrosswalkDocument, Step } from '../../model/types';
import { getState, notify, setUi, useAppStore } from '../store/store';
import { fitNodes, type FitPadding } from './fit-focus';
import { MAX_PRESENT_ZOOM, planStep, READABLE_ZOOM, type PresentPlan } from './present-parts';
import { openSpeakerWindow, speakerWindowJustOpened } from './speaker-window';
import { SpeakerView } from './SpeakerView';
import { PresentIntegration } from '../integration/PresentIntegration';
import { moveClock, presenterKey, startClock } from './presenter';
import { presentClearance } from './walkthrough-logic';
import './walkthrough.css';

const NO_STEPS: Step[] = [];

/** Leaves present mode (walkthrough-actions then leaves full screen and restores the view). */
function leave(): void {
  setUi({ presenting: false });
}

/**
 * Reads a presenter key in either window: stepping (→/↓/Space/Page Down, ←/↑/Page
 * Up/Backspace, Home/End), digits then Enter to jump, B for a black screen, L for the laser
 * pointer, Escape to leave; true when the key was one of these.
 */
function presenterKeyDown(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const { ui } = getState();
  // Space and Enter on a focused button press the button, unless digits await their Enter.
  // (The speaker window is another realm, where `instanceof HTMLButtonElement` is false:
  // ask the element itself.)
  const target = e.target as { closest?: (selector: string) => Element | null } | null;
  if ((e.key === ' ' || (e.key === 'Enter' && !ui.presenter.jump)) && target?.closest?.('button')) return false;
  if (!pressPresenterKey(e.key)) return false;
  e.preventDefault();
  return true;
}

/** Applies one presenter key (a key press, or a button that means the same); true when it was one. */
export function pressPresenterKey(key: string): boolean {
  const { ui, doc } = getState();
  const result = presenterKey({ step: ui.presentStep, ...ui.presenter }, key, doc.walkthrough?.length ?? 0, (i) => planNow(i).parts.length || 1);
  if (!result.handled) return false;
  if (result.exit) {
    leave();
    return true;
  }
  const { step, ...presenter } = result.state;
  setUi({ presentStep: step, presenter });
  return true;
}

/** The space present mode keeps clear of its card (and the speaker notes, when open) to fit `bounds`. */
function clearanceNow(bounds: Box) {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect() ?? { width: window.innerWidth, height: window.innerHeight };
  const card = document.querySelector('.cw-present-card')?.getBoundingClientRect() ?? { width: 0, height: 0 };
  const side = document.querySelector('.cw-present-notes')?.getBoundingClientRect().width ?? 0;
  return presentClearance(pane, card, side, bounds);
}

let planCache: { doc: CrosswalkDocument; key: string; plans: Map<number, PresentPlan> } | undefined;

/**
 * What present mode shows of step `index` on this screen now (its parts), computed once per
 * document, step and screen layout: the keys ask for it on every press.
 */
function planNow(index: number): PresentPlan {
  const doc = getState().doc;
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect() ?? { width: window.innerWidth, height: window.innerHeight };
  const card = document.querySelector('.cw-present-card')?.getBoundingClientRect();
  const side = document.querySelector('.cw-present-notes')?.getBoundingClientRect().width ?? 0;
  const key = [pane.width, pane.height, card?.width, card?.height, side].map((n) => Math.round(n ?? 0)).join(' ');
  if (planCache?.doc !== doc || planCache.key !== key) planCache = { doc, key, plans: new Map() };
  let plan = planCache.plans.get(index);
  if (!plan) {
    plan = planStep(doc, doc.walkthrough?.[index], pane, clearanceNow);
    planCache.plans.set(index, plan);
  }
  return plan;
}

/**
 * Fits the view to a step's focus, keeping clear of the step card (and of the speaker notes
 * when they are open): beside or above the card, whichever shows the focus larger.
 */
function fitStep(nodeIds: string[], card: HTMLElement | null, side: HTMLElement | null, duration: number): void {
  const pane = document.querySelector('.react-flow');
  // Never below the zoom that keeps field text readable (a part too large alone is centred).
  const zoom = { min: READABLE_ZOOM, max: MAX_PRESENT_ZOOM };
  if (!pane || !card) {
    fitNodes(nodeIds, duration, 0.12, zoom);
    return;
  }
  const p = pane.getBoundingClientRect();
  const c = card.getBoundingClientRect();
  const sideWidth = side ? side.getBoundingClientRect().width : 0;
  const px = (n: number): `${number}px` => `${Math.round(n)}px`;
  fitNodes(nodeIds, duration, (bounds): FitPadding => {
    const clear = presentClearance(p, c, sideWidth, bounds);
    return { top: px(clear.top), right: px(clear.right), bottom: px(clear.bottom), left: px(clear.left) };
  }, zoom);
}

/** Fits the part of step `index` the presenter is on; returns how many parts the step has. */
function fitPart(index: number, card: HTMLElement | null, side: HTMLElement | null, duration: number): number {
  const plan = planNow(index);
  const part = plan.parts[Math.min(getState().ui.presenter.part ?? 0, plan.parts.length - 1)];
  fitStep(part?.ids ?? [], card, side, duration);
  return plan.parts.length;
}

/**
 * Present mode: the canvas fills the screen, each step shows its title and talking points
 * and moves the view to its focus (the rest is dimmed by the canvas). Keys: →/↓/Space/Page
 * Down next, ←/↑/Page Up/Backspace back, Home/End, a number then Enter jumps, B black
 * screen, L laser pointer, N speaker notes, Escape leaves. The
 * speaker notes show in a box on the screen (N) or in a second window for the presenter.
 */
export function PresentMode() {
  const steps = useAppStore((s) => s.doc.walkthrough ?? NO_STEPS);
  const raw = useAppStore((s) => s.ui.presentStep);
  const index = Math.max(0, Math.min(raw, steps.length - 1));
  const step = steps[index];
  const [notesOpen, setNotesOpen] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const side = useRef<HTMLElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const firstFit = useRef(true);
  const [speaker, setSpeaker] = useState<Window>();
  const [startedAt] = useState(() => Date.now());
  const presenter = useAppStore((s) => s.ui.presenter);
  const [clock, setClock] = useState(() => startClock(index, startedAt));
  const [pointer, setPointer] = useState<{ x: number; y: number }>();
  const [fullscreen, setFullscreen] = useState(() => !!document.fullscreenElement);
  const speakerClosed = useCallback(() => setSpeaker(undefined), []);
  const speakerKey = useCallback((e: KeyboardEvent) => void presenterKeyDown(e), []);

  const [parts, setParts] = useState(1);
  const part = Math.min(presenter.part ?? 0, parts - 1);

  // Full screen was requested by the action that started presenting; leaving it (the
  // browser's own Escape) leaves present mode too. Exiting full screen and restoring the
  // editing view happen in walkthrough-actions, so a remount (React's StrictMode) is harmless.
  useEffect(() => {
    let entered = !!document.fullscreenElement;
    const onFullscreen = () => {
      setFullscreen(!!document.fullscreenElement);
      if (document.fullscreenElement) entered = true;
      // Some browsers leave full screen when a pop-up opens: stay in present mode then
      // (the Full screen button takes the slides back to full screen).
      else if (entered && !speakerWindowJustOpened()) leave();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    dialog.current?.focus();
    return () => document.removeEventListener('fullscreenchange', onFullscreen);
  }, []);

  // Global shortcuts are off while presenting; these keys are the presenter's own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (presenterKeyDown(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        setNotesOpen((v) => !v);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Move the view to the step's focus; after the first paint the canvas has just grown to
  // the whole window, so wait a frame for React Flow to measure it.
  const focusKey = `${(step?.focus ?? []).join('\n')}\n${step?.show ?? ''}`;
  useEffect(() => {
    const run = () => setParts(fitPart(index, card.current, notesOpen ? side.current : null, 600));
    if (firstFit.current) {
      firstFit.current = false;
      const t = window.setTimeout(run, 80);
      return () => window.clearTimeout(t);
    }
    run();
    return undefined;
  }, [index, part, focusKey, notesOpen]);

  // Entering or leaving full screen resizes the canvas: fit again.
  useEffect(() => {
    let t = 0;
    const onResize = () => {
      window.clearTimeout(t);
      t = window.setTimeout(() => {
        setParts(fitPart(getState().ui.presentStep, card.current, notesOpen ? side.current : null, 200));
      }, 120);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('resize', onResize);
    };
  }, [notesOpen]);

  useEffect(() => {
    if (steps.length === 0) leave();
  }, [steps.length]);

  // A fresh start: no digits pending, picture on, no laser.
  useEffect(() => setUi({ presenter: { jump: '', black: false, laser: false, part: 0 } }), []);

  useEffect(() => setClock((c) => moveClock(c, index, Date.now())), [index]);

  // The laser pointer: a red dot where the mouse is (the cursor itself is hidden).
  useEffect(() => {
    if (!presenter.laser) return undefined;
    const onMove = (e: MouseEvent) => setPointer({ x: e.clientX, y: e.clientY });
    window.addEventListener('mousemove', onMove);
    return () => window.removeEventListener('mousemove', onMove);
  }, [presenter.laser]);

  if (!step) return null;
  const next = steps[index + 1];
  return (
    <div className={`cw-present${presenter.laser ? ' is-laser' : ''}`} role="dialog" aria-label="Presentation" data-step-index={index} ref={dialog} tabIndex={-1}>
      {step.show === 'integration' && <PresentIntegration step={step} card={card} />}
      <div className="cw-present-card" ref={card}>
        <h2 className="cw-present-title">{step.title}</h2>
        {step.bullets?.length ? (
          <ul className="cw-present-bullets">
            {step.bullets.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        ) : null}
        <div className="cw-present-bar">
          <span className="cw-present-count" aria-live="polite" data-part={part} data-parts={parts}>
            {index + 1} / {steps.length}
            {parts > 1 && <span className="cw-present-part"> · part {part + 1} of {parts}</span>}
          </span>
          <button type="button" aria-label="Previous step" disabled={index === 0 && part === 0} onClick={() => pressPresenterKey('ArrowLeft')}>
            ←
          </button>
          <button type="button" aria-label="Next step" disabled={index === steps.length - 1 && part >= parts - 1} onClick={() => pressPresenterKey('ArrowRight')}>
            →
          </button>
          <button type="button" aria-label="Speaker view" aria-pressed={notesOpen} title="Speaker notes and the next step (N)" onClick={() => setNotesOpen((v) => !v)}>
            Notes (N)
          </button>
          <button type="button" aria-label="Laser pointer" aria-pressed={presenter.laser} title="The mouse becomes a red dot (L)" onClick={() => setUi({ presenter: { ...presenter, laser: !presenter.laser } })}>
            Laser (L)
          </button>
          <button
            type="button"
            aria-label="Open speaker window"
            title="Speaker notes, the next step and a timer in a second window"
            onClick={() => {
              const win = openSpeakerWindow();
              if (win) setSpeaker(win);
              else notify('info', 'The browser blocked the speaker window: allow pop-ups for this site, or press N for notes on this screen.');
            }}
          >
            Speaker window
          </button>
          {!fullscreen && document.fullscreenEnabled && (
            <button
              type="button"
              aria-label="Full screen"
              onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
            >
              Full screen
            </button>
          )}
          <button type="button" aria-label="Exit" title="Back to editing (Esc)" onClick={leave}>
            Exit (Esc)
          </button>
        </div>
      </div>
      {speaker && <SpeakerView win={speaker} startedAt={startedAt} clock={clock} part={part} parts={parts} onMove={pressPresenterKey} onKey={speakerKey} onClosed={speakerClosed} />}
      {presenter.jump && (
        <div className="cw-present-jump" role="status">
          Go to step {presenter.jump} (Enter)
        </div>
      )}
      {presenter.laser && pointer && <div className="cw-laser" aria-hidden="true" style={{ left: pointer.x, top: pointer.y }} />}
      {presenter.black && (
        <div className="cw-present-black" role="button" aria-label="Black screen: press B or click to show the picture again" tabIndex={-1} onClick={() => setUi({ presenter: { ...presenter, black: false } })} />
      )}
      {notesOpen && (
        <aside className="cw-present-notes" ref={side} aria-label="Speaker notes">
          <h3>Speaker notes</h3>
          <p className="cw-present-notes-text">{step.speakerNotes?.trim() || 'No speaker notes for this step.'}</p>
          <h3>Next</h3>
          <p>{part < parts - 1 ? `Part ${part + 2} of ${parts} of this step` : next ? next.title : 'End of the walkthrough'}</p>
        </aside>
      )}
    </div>
  );
}
