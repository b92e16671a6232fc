// Shortcuts are written once, as data ("Mod+Shift+Z"), and both matched and displayed from it.

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Parsed form of a shortcut string such as `Mod+Shift+Z`, `Delete`, `?`. */
interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(shortcut: string): Chord {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key.toLowerCase() };
}

/** Whether a keyboard event matches a shortcut string. */
export function matchesShortcut(e: KeyboardEvent, shortcut: string): boolean {
  const c = parse(shortcut);
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (c.mod !== mod || c.alt !== e.altKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
  // Printable symbols like "?" already include Shift in their key; don't require it twice.
  const symbol = c.key.length === 1 && !/[a-z0-9]/.test(c.key);
  if (!symbol && c.shift !== e.shiftKey) return false;
  return key === c.key;
}

/** A shortcut as the platform shows it: `Ctrl+Shift+Z` or `⌘⇧Z`. */
export function formatShortcut(shortcut: string): string {
  const c = parse(shortcut);
  const key = c.key.length === 1 ? c.key.toUpperCase() : shortcut.split('+').pop()!;
  if (isMac) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Whether the keyboard is busy typing into a field (shortcuts stay out of the way). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
