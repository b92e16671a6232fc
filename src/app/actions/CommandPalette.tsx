import { useMemo, useState } from 'react';
import { EXAMPLES } from '../files/examples';
import { openUrl } from '../files/documents';
import { getState, setUi, useAppStore } from '../store/store';
import { ACTIONS, isEnabled, PALETTE_SOURCES, runAction, type Action } from './actions';
import { formatShortcut } from './shortcut';
import { Dialog } from '../panels/Dialog';

interface Command {
  id: string;
  label: string;
  group: string;
  keywords?: string;
  shortcut?: string;
  enabled: boolean;
  run: () => void;
}

function fromAction(a: Action): Command {
  return {
    id: a.id,
    label: a.label,
    group: a.group,
    keywords: a.keywords,
    shortcut: a.shortcuts?.[0],
    enabled: isEnabled(a, getState()),
    run: () => runAction(a),
  };
}

/** A searchable list of every command (and the examples), run with Enter. */
export function CommandPalette() {
  const open = useAppStore((s) => s.ui.paletteOpen);
  if (!open) return null;
  return <PaletteBody />;
}

function PaletteBody() {
  const [query, setQuery] = useState(() => getState().ui.paletteQuery ?? '');
  const [active, setActive] = useState(0);
  const commands = useMemo<Command[]>(
    () => [
      ...ACTIONS.filter((a) => a.id !== 'palette' && a.id !== 'examples').map(fromAction),
      ...EXAMPLES.map((ex) => ({
        id: `example:${ex.file}`,
        label: `Open example: ${ex.title}`,
        group: 'Examples',
        enabled: true,
        run: () => void openUrl(ex.url),
      })),
      ...PALETTE_SOURCES.flatMap((source) => source(getState()).map((e) => ({ ...e, enabled: true }))),
    ],
    [],
  );
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = commands.filter((c) => words.every((w) => `${c.group} ${c.label} ${c.keywords ?? ''}`.toLowerCase().includes(w)));
  const close = () => setUi({ paletteOpen: false, paletteQuery: undefined });
  const run = (c: Command | undefined) => {
    if (!c || !c.enabled) return;
    close();
    c.run();
  };
  return (
    <Dialog title="Commands" onClose={close} className="cw-palette">
      <input
        autoFocus
        className="cw-palette-input"
        aria-label="Search commands"
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, shown.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[active]);
          }
        }}
      />
      <ul className="cw-palette-list" role="listbox" aria-label="Commands">
        {shown.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === active}
            aria-disabled={!c.enabled}
            className={`${i === active ? 'is-active' : ''}${c.enabled ? '' : ' is-disabled'}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c)}
          >
            <span className="cw-palette-group">{c.group}</span>
            <span className="cw-palette-label">{c.label}</span>
            {c.shortcut && <kbd>{formatShortcut(c.shortcut)}</kbd>}
          </li>
        ))}
        {shown.length === 0 && <li className="is-empty">No command matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
