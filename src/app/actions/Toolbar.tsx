import { useShallow } from 'zustand/react/shallow';
import { READ_ONLY_REASON, useAppStore } from '../store/store';
import { ACTIONS, isEnabled, runAction } from './actions';
import { formatShortcut } from './shortcut';

/** The toolbar: the actions marked for it, each a button with an accessible name and its shortcut. */
export function Toolbar() {
  // Subscribe to the enabled flags only, not the whole state.
  const enabled = useAppStore(useShallow((s) => ACTIONS.map((a) => isEnabled(a, s))));
  const readOnly = useAppStore((s) => !!s.ui.readOnly);
  const groups = ['File', 'Edit', 'Insert', 'View', 'Panels', 'Walkthrough'] as const;
  return (
    <div className="cw-toolbar" role="toolbar" aria-label="Main toolbar">
      {groups.map((g) => {
        const actions = ACTIONS.filter((a) => a.group === g && a.toolbar);
        if (!actions.length) return null;
        return (
          <div className="cw-toolbar-group" key={g} role="group" aria-label={g}>
            {actions.map((a) => {
              const shortcut = a.shortcuts?.[0] ? ` (${formatShortcut(a.shortcuts[0])})` : '';
              return (
                <button
                  key={a.id}
                  type="button"
                  aria-label={a.label}
                  title={readOnly && a.edits ? `${a.label} — ${READ_ONLY_REASON}` : `${a.label}${shortcut}`}
                  data-action={a.id}
                  disabled={!enabled[ACTIONS.indexOf(a)]}
                  onClick={() => runAction(a)}
                >
                  {a.toolbar}
                </button>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
