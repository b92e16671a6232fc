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
