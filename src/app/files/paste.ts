import { useEffect } from 'react';
import { isTypingTarget } from '../actions/shortcut';
import { paste } from '../store/commands';
import { getState, notify, type AppState } from '../store/store';

// Paste to fill: text pasted while an entity (or one of its fields) is selected becomes
// fields of that entity, after the selected field. The key binding of the Paste action
// steps aside while an entity is selected (see its `enabled`), so the browser's paste event,
// which carries the text, reaches the listener below. Reading the lines (paste-fields.ts)
// loads on the first such paste.

/** Where pasted fields go: the selected entity, after the selected field if there is one. */
export function fieldsPasteTarget(state: Pick<AppState, 'doc' | 'selection'>): { entity: string; after?: string } | undefined {
  const { doc, selection } = state;
  if (selection.field && doc.entities.some((e) => e.id === selection.field!.entity)) return { entity: selection.field.entity, after: selection.field.field };
  if (selection.ids.length !== 1) return undefined;
  const id = selection.ids[0];
  return doc.entities.some((e) => e.id === id) ? { entity: id } : undefined;
}

/** Copied canvas items travel as JSON with this marker (see copySelection). */
const FRAGMENT_MARKER = 'application/x-crosswalk-fragment';

/** Listens for the browser's paste event: field lines onto a selected entity, else the app's paste. */
export function usePasteFields(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const { ui } = getState();
      if (ui.presenting || ui.paletteOpen || ui.helpOpen || ui.exportOpen || ui.importOpen) return;
      if (!fieldsPasteTarget(getState())) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (!text.trim() || text.includes(FRAGMENT_MARKER)) {
        paste();
        return;
      }
      import('./paste-fields').then(
        ({ pasteFields }) => {
          if (!pasteFields(text)) paste();
        },
        () => notify('error', 'Could not load the code that reads pasted fields: check the connection and paste again.'),
      );
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
