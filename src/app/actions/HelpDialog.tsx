import { setUi, useAppStore } from '../store/store';
import { Dialog } from '../panels/Dialog';
import { ACTIONS } from './actions';
import { formatShortcut } from './shortcut';

const FIELD_KEYS: [string, string][] = [
  ['Double-click', 'Rename a system, entity, field name or type; edit a note'],
  ['Enter', 'While editing a field: save and add the next field'],
  ['Tab / Shift+Tab', 'While editing a field: move between name and type'],
  ['Alt+↑ / Alt+↓', 'While editing a field: move the field up or down'],
  ['Escape', 'Cancel editing'],
  ['Drag from a field handle', 'Field → field: a relation (same system) or a mapping (across systems); system → system: a flow'],
  ['Shift+drag', 'Select with a rectangle'],
];

/** Every shortcut, read from the action registry (never written twice). */
export function HelpDialog() {
  const open = useAppStore((s) => s.ui.helpOpen);
  if (!open) return null;
  const groups = [...new Set(ACTIONS.map((a) => a.group))];
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setUi({ helpOpen: false })} className="cw-help">
      <div className="cw-help-columns">
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {ACTIONS.filter((a) => a.group === g && a.shortcuts?.length).map((a) => (
                <div key={a.id} className="cw-help-row">
                  <dt>{a.shortcuts!.map((k) => <kbd key={k}>{formatShortcut(k)}</kbd>)}</dt>
                  <dd>{a.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>On the canvas</h3>
          <dl>
            {FIELD_KEYS.map(([k, v]) => (
              <div key={k} className="cw-help-row">
                <dt><kbd>{k}</kbd></dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
