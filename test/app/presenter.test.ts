import { describe, expect, it } from 'vitest';
import { moveClock, presenterKey, startClock, timeOnStep, type PresenterState } from '../../src/app/walkthrough/presenter';

const at = (step: number, extra: Partial<PresenterState> = {}): PresenterState => ({ step, jump: '', black: false, laser: false, ...extra });
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
