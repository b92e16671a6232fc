import { useEffect } from 'react';
import { getState } from '../store/store';
import { ACTIONS, runAction } from './actions';
import { isTypingTarget, matchesShortcut } from './shortcut';

/** Binds every action's shortcuts on the window; never while typing in a field or presenting. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      const { ui } = getState();
      if (ui.presenting || ui.paletteOpen || ui.helpOpen || ui.exportOpen || ui.importOpen) return;
      for (const action of ACTIONS) {
        if (action.shortcuts?.some((k) => matchesShortcut(e, k))) {
          e.preventDefault();
          runAction(action);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
