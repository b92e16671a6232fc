// Work that can wait until the page has nothing else to do: drawing beyond the pane, warming
// what the next edit or save will need.

/** Runs `run` when the page is idle (within `timeout` ms at most); returns a handle for {@link cancelIdle}. */
export function whenIdle(run: () => void, timeout = 1000): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout }) : window.setTimeout(run, 200);
}

/** Cancels what {@link whenIdle} scheduled. */
export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}

/**
 * Runs `run` when the page is idle, however long that takes, with how long it may run (where
 * the browser cannot tell, a few milliseconds after a timer).
 */
export function requestIdle(run: (deadline: { timeRemaining(): number }) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(run);
    return;
  }
  window.setTimeout(() => {
    const end = performance.now() + 8;
    run({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 200);
}
