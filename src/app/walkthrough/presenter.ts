import { presentKeyTarget } from './walkthrough-logic';

// The presenter's keys beyond stepping, as a pure reducer so both windows (the slides and
// the speaker window) share one behaviour and it is tested without a browser:
//   digits then Enter  jump to that step (PowerPoint's habit); Escape forgets the digits
//   B or .             black screen on/off (any step key also brings the picture back)
//   L                  the laser pointer on/off (the mouse becomes a red dot)
// A step shown in parts (present-parts.ts) is stepped through part by part with the same
// next/previous keys before the next step; going back lands on the previous step's last part.

/** What the presenter has asked for, besides the step. */
export interface PresenterState {
  step: number;
  /** Digits typed so far for a jump ("" when none). */
  jump: string;
  black: boolean;
  laser: boolean;
  /** The part of the step on the screen (0 when the step is shown whole). */
  part?: number;
}

/** What a key did: the next state, whether to leave, and whether the key was ours. */
export interface PresenterKeyResult {
  state: PresenterState;
  exit: boolean;
  handled: boolean;
}

/**
 * Reads one key press of the presenter. `count` is the number of steps; `partsOf` how many
 * parts a step is shown in (1 when whole).
 */
export function presenterKey(state: PresenterState, key: string, count: number, partsOf: (step: number) => number = () => 1): PresenterKeyResult {
  const done = (next: Partial<PresenterState>, exit = false): PresenterKeyResult => ({ state: { ...state, ...next }, exit, handled: true });
  if (/^[0-9]$/.test(key)) return done({ jump: (state.jump + key).slice(-3) });
  if (state.jump && key === 'Enter') {
    const n = Number(state.jump);
    return done({ jump: '', black: false, step: Math.max(0, Math.min(n - 1, count - 1)), part: 0 });
  }
  if (state.jump && (key === 'Escape' || key === 'Backspace')) {
    return done({ jump: key === 'Backspace' ? state.jump.slice(0, -1) : '' });
  }
  if (key === 'b' || key === 'B' || key === '.') return done({ black: !state.black, jump: '' });
  if (key === 'l' || key === 'L') return done({ laser: !state.laser, jump: '' });
  const to = presentKeyTarget(key, state.step, count);
  if (to === undefined) return { state, exit: false, handled: false };
  if (to === 'exit') {
    // Escape first lifts a black screen, then leaves.
    return state.black ? done({ black: false }) : done({ jump: '' }, true);
  }
  const part = Math.max(0, Math.min(state.part ?? 0, partsOf(state.step) - 1));
  const forward = to > state.step || (to === state.step && NEXT_KEYS.has(key));
  const back = to < state.step || (to === state.step && PREVIOUS_KEYS.has(key));
  // Next and previous move through the parts first; Home and End go to a step's start.
  if (NEXT_KEYS.has(key) && forward && part < partsOf(state.step) - 1) return done({ part: part + 1, black: false, jump: '' });
  if (PREVIOUS_KEYS.has(key) && back && part > 0) return done({ part: part - 1, black: false, jump: '' });
  if (PREVIOUS_KEYS.has(key) && to < state.step) return done({ step: to, part: Math.max(0, partsOf(to) - 1), black: false, jump: '' });
  // At either end next and previous stay where they are; Home and End start their step.
  const stays = to === state.step && (NEXT_KEYS.has(key) || PREVIOUS_KEYS.has(key));
  return done({ step: to, part: stays ? part : 0, black: false, jump: '' });
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', ' ', 'Spacebar', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * Time spent on each step so far: the finished visits plus the running one. Revisiting a
 * step adds to its time, so the total is always the time presented.
 */
export interface StepClock {
  /** The step being shown and since when (ms since epoch). */
  current: number;
  since: number;
  spent: Readonly<Record<number, number>>;
}

/** Starts the clock on a step. */
export function startClock(step: number, now: number): StepClock {
  return { current: step, since: now, spent: {} };
}

/** Moves the clock to another step (no change when it is the same one). */
export function moveClock(clock: StepClock, step: number, now: number): StepClock {
  if (step === clock.current) return clock;
  const spent = { ...clock.spent, [clock.current]: (clock.spent[clock.current] ?? 0) + Math.max(0, now - clock.since) };
  return { current: step, since: now, spent };
}

/** Milliseconds spent on a step, including the running visit. */
export function timeOnStep(clock: StepClock, step: number, now: number): number {
  return (clock.spent[step] ?? 0) + (step === clock.current ? Math.max(0, now - clock.since) : 0);
}
