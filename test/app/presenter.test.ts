import { describe, expect, it } from 'vitest';
import { moveClock, presenterKey, startClock, timeOnStep, type PresenterState } from '../../src/app/walkthrough/presenter';

const at = (step: number, extra: Partial<PresenterState> = {}): PresenterState => ({ step, jump: '', black: false, laser: false, part: 0, ...extra });
const press = (keys: string[], from: PresenterState, count = 12) => keys.reduce((s, k) => presenterKey(s, k, count).state, from);

describe('presenter keys', () => {
  it('jumps to a typed step number on Enter, clamped to the talk', () => {
    expect(press(['1', '0', 'Enter'], at(0)).step).toBe(9);
    expect(press(['9', '9', 'Enter'], at(0)).step).toBe(11);
    expect(press(['0', 'Enter'], at(4)).step).toBe(0);
    expect(press(['3'], at(0))).toEqual(at(0, { jump: '3' }));
  });

  it('forgets typed digits on Escape instead of leaving, and Backspace takes one back', () => {
    const typed = press(['4', '2'], at(1));
    const escaped = presenterKey(typed, 'Escape', 12);
    expect(escaped).toEqual({ state: at(1), exit: false, handled: true });
    expect(press(['Backspace'], typed).jump).toBe('4');
  });

  it('toggles a black screen with B or ., which a step key or Escape lifts', () => {
    const black = press(['b'], at(2));
    expect(black.black).toBe(true);
    expect(press(['.'], black).black).toBe(false);
    expect(press(['ArrowRight'], black)).toEqual(at(3));
    expect(presenterKey(black, 'Escape', 12)).toEqual({ state: at(2), exit: false, handled: true });
    expect(presenterKey(at(2), 'Escape', 12).exit).toBe(true);
  });

  it('toggles the laser pointer with L and leaves other keys alone', () => {
    expect(press(['l'], at(0)).laser).toBe(true);
    expect(press(['L', 'L'], at(0)).laser).toBe(false);
    expect(presenterKey(at(0), 'x', 12)).toEqual({ state: at(0), exit: false, handled: false });
  });
});

describe('a step shown in parts', () => {
  // Step 1 is shown in three parts, the others whole.
  const partsOf = (step: number) => (step === 1 ? 3 : 1);
  const go = (keys: string[], from: PresenterState) => keys.reduce((s, k) => presenterKey(s, k, 4, partsOf).state, from);

  it('next goes through the parts before the next step; previous comes back through them', () => {
    expect(go(['ArrowRight'], at(0))).toEqual(at(1));
    expect(go(['ArrowRight', 'ArrowRight'], at(0))).toEqual(at(1, { part: 1 }));
    expect(go(['ArrowRight', ' ', 'PageDown'], at(0))).toEqual(at(1, { part: 2 }));
    expect(go(['ArrowRight', ' ', 'PageDown', 'ArrowRight'], at(0))).toEqual(at(2));
    // Back from the next step lands on the last part, then walks back part by part.
    expect(go(['ArrowLeft'], at(2))).toEqual(at(1, { part: 2 }));
    expect(go(['ArrowLeft', 'PageUp', 'Backspace'], at(2))).toEqual(at(1));
    expect(go(['ArrowLeft', 'PageUp', 'Backspace', 'ArrowUp'], at(2))).toEqual(at(0));
  });

  it('a jump, Home or End starts a step at its first part; the ends stay put', () => {
    expect(go(['2', 'Enter'], at(3))).toEqual(at(1));
    expect(go(['Home'], at(1, { part: 2 }))).toEqual(at(0));
    expect(go(['End'], at(1, { part: 2 }))).toEqual(at(3));
    expect(go(['ArrowRight'], at(3))).toEqual(at(3));
    expect(go(['ArrowLeft'], at(0))).toEqual(at(0));
  });
});

describe('the step clock', () => {
  it('adds up the time of each visit to a step, the running one included', () => {
    let c = startClock(0, 1000);
    c = moveClock(c, 1, 61_000); // 60 s on step 0
    c = moveClock(c, 0, 91_000); // 30 s on step 1
    expect(moveClock(c, 0, 95_000)).toBe(c);
    expect(timeOnStep(c, 0, 101_000)).toBe(70_000);
    expect(timeOnStep(c, 1, 101_000)).toBe(30_000);
    expect(timeOnStep(c, 2, 101_000)).toBe(0);
  });
});
