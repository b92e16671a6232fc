// The speaker window: a second browser window (for the laptop screen while the main window
// presents on the projector) showing the speaker notes, the next step and a timer. This
// module only opens and closes it; SpeakerView renders into it through a React portal, so
// it needs no page of its own and no messages between windows. Kept free of React so the
// walkthrough actions can close it when present mode ends, however it ends.

const NAME = 'crosswalk-speaker';

let current: Window | undefined;

/** When the speaker window was last opened (a browser may leave full screen on a pop-up). */
let openedAt = 0;

/**
 * Opens (or reuses) the speaker window and empties it; `undefined` when the browser blocks
 * pop-ups. Call it inside a click or key press: browsers allow pop-ups only then.
 */
export function openSpeakerWindow(): Window | undefined {
  if (current && !current.closed) {
    current.focus();
    return current;
  }
  const win = window.open('', NAME, 'popup,width=760,height=600') ?? undefined;
  if (!win) return undefined;
  // A window of this name left over from an earlier page load still shows its old content.
  win.document.body.replaceChildren();
  current = win;
  openedAt = Date.now();
  return win;
}

/** The open speaker window, if any. */
export function speakerWindow(): Window | undefined {
  if (current?.closed) current = undefined;
  return current;
}

/** Whether the speaker window was opened within the last `ms` milliseconds. */
export function speakerWindowJustOpened(ms = 1500): boolean {
  return Date.now() - openedAt < ms;
}

/** Closes the speaker window (present mode ended, or the page is going away). */
export function closeSpeakerWindow(): void {
  const win = current;
  current = undefined;
  if (win && !win.closed) win.close();
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', closeSpeakerWindow);
