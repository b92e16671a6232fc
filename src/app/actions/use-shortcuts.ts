import { useEffect } from 'react';
import { importPastedText } from '../files/import-into';
import { getState } from '../store/store';
import { ACTIONS, runAction } from './actions';
import { isTypingTarget, matchesShortcut } from './shortcut';

/** Binds every action's shortcuts on the window; never while typing in a field or presenting. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const { ui } = getState();
      if (ui.presenting || ui.paletteOpen || ui.helpOpen || ui.exportOpen || ui.importOpen || ui.mappingTable || ui.integration) return;
      // Enter and Space on a focused button or link belong to it.
      const target = e.target instanceof Element ? e.target : null;
      if ((e.key === 'Enter' || e.key === ' ') && target?.closest('button, a, [role="button"], [role="tab"], li[data-step-id]')) return;
      const state = getState();
      for (const action of ACTIONS) {
        if (!action.shortcuts?.some((k) => matchesShortcut(e, k))) continue;
        // A disabled action leaves the key alone (the browser or another handler may use it).
        if (action.enabled && !action.enabled(state)) continue;
        if (action.byPasteEvent) return;
        e.preventDefault();
        runAction(action);
        return;
      }
    };
    // Pasted text that a format imports (DDL, a mapping sheet…) goes into the open document.
    // Captured first; field lines for a selected entity are left to paste.ts's listener.
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const { ui } = getState();
      if (ui.presenting || ui.paletteOpen || ui.helpOpen || ui.exportOpen || ui.importOpen || ui.mappingTable || ui.integration) return;
      // A dialog's own paste (the mapping table's grid) is its business.
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      if (importPastedText(e.clipboardData?.getData('text/plain') ?? '')) {
        e.preventDefault();
        return;
      }
      const action = ACTIONS.find((a) => a.byPasteEvent);
      if (!action || (action.enabled && !action.enabled(getState()))) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste, { capture: true });
    };
  }, []);
}
