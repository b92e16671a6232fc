import { describe, expect, it } from 'vitest';
import { REST_FRAMES, restWatcher } from '../../src/app/canvas/moving';

// The canvas is marked as moving from its first viewport change until REST_FRAMES frames pass
// without one (then the layer is painted crisp again).

function fakeFrames() {
  let queue: (() => void)[] = [];
  return {
    next: (f: () => void) => queue.push(f),
    cancel: () => {},
    /** Runs one frame's callbacks. */
    frame() {
      const now = queue;
      queue = [];
      for (const f of now) f();
    },
    pending: () => queue.length,
  };
}

describe('restWatcher', () => {
  it('says moving at the first change and at rest after the still frames, once each', () => {
    const frames = fakeFrames();
    const seen: boolean[] = [];
    const w = restWatcher((m) => seen.push(m), frames.next, frames.cancel);
    w.changed();
    w.changed();
    expect(seen).toEqual([true]);
    for (let i = 0; i < REST_FRAMES - 1; i++) frames.frame();
    expect(seen).toEqual([true]);
    frames.frame();
    expect(seen).toEqual([true, false]);
    expect(frames.pending()).toBe(0);
  });

  it('keeps moving while changes keep coming, frame after frame', () => {
    const frames = fakeFrames();
    const seen: boolean[] = [];
    const w = restWatcher((m) => seen.push(m), frames.next, frames.cancel);
    for (let i = 0; i < 10; i++) {
      w.changed();
      frames.frame();
    }
    expect(seen).toEqual([true]);
    for (let i = 0; i < REST_FRAMES; i++) frames.frame();
    expect(seen).toEqual([true, false]);
    w.changed();
    expect(seen).toEqual([true, false, true]);
  });

  it('asks for one frame at a time however many changes arrive', () => {
    const frames = fakeFrames();
    const w = restWatcher(() => {}, frames.next, frames.cancel);
    for (let i = 0; i < 5; i++) w.changed();
    expect(frames.pending()).toBe(1);
  });
});
