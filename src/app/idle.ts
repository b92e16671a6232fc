// Work that can wait until the page has nothing else to do: drawing beyond the pane, warming
// what the next edit or save will need.

/** How long idle work may run: the browser's idle deadline. */
export interface IdleDeadline {
  timeRemaining(): number;
}

/**
 * Runs `run` when the page is idle — within `timeout` ms at most, when given — with how long it
 * may run (where the browser cannot tell, a few milliseconds after a timer). Returns a handle
 * for {@link cancelIdle}.
 */
export function whenIdle(run: (deadline: IdleDeadline) => void, timeout?: number): number {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(run, timeout === undefined ? undefined : { timeout });
  return window.setTimeout(() => {
    const end = performance.now() + 8;
    run({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 200);
}

/** Cancels what {@link whenIdle} scheduled. */
export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
