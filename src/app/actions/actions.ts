import { createDocument } from '../../model/ops';
import { fitTo, getFlowInstance, reveal, viewportCentre, visibleArea } from '../canvas/flow-instance';
import { autoLayout, pickAndOpenFile, saveToFile } from '../files/documents';
import { fieldsPasteTarget } from '../files/paste';
import {
  addEntityAt,
  addFieldAfter,
  addNoteAt,
  addSystemAt,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  paste,
  selectAll,
} from '../store/commands';
import { openAsNewDocument } from '../persistence/session';
import { getState, redo, refuseReadOnly, setUi, undo, type AppState } from '../store/store';
import { CATALOGUE_ACTIONS } from './catalogue-actions';

// One registry of user actions. The toolbar, the command palette, the shortcut help and the
// key bindings all read it, so a shortcut is written once (Excalidraw's and tldraw's lesson).

/** A user action. */
export interface Action {
  id: string;
  label: string;
  group: 'File' | 'Edit' | 'Insert' | 'View' | 'Panels' | 'Walkthrough';
  /** Shortcut strings like `Mod+Shift+Z`; the first is the one shown. */
  shortcuts?: readonly string[];
  /** Shown in the toolbar, with this short text. */
  toolbar?: string;
  /** More words the command palette finds it by. */
  keywords?: string;
  /** Whether it can run now (disabled in the toolbar and palette otherwise). */
  enabled?: (state: AppState) => boolean;
  /** It changes the document: disabled on a read-only (shared) document, see {@link isEnabled}. */
  edits?: true;
  run: () => void | Promise<void>;
  /**
   * The key is left to the browser, whose `paste` event then carries the clipboard's text:
   * text that some format imports goes into the document, anything else runs the action.
   */
  byPasteEvent?: boolean;
}

const hasSelection = (s: AppState) => s.selection.ids.length > 0 || s.selection.field !== undefined;
const selectedEntity = (s: AppState) => {
  const ids = s.selection.field ? [s.selection.field.entity] : s.selection.ids;
  return ids.find((id) => s.doc.entities.some((e) => e.id === id));
};
const selectedSystem = (s: AppState) => {
  const id = s.selection.ids.find((i) => s.doc.systems.some((x) => x.id === i));
  if (id) return id;
  const entity = s.doc.entities.find((e) => e.id === selectedEntity(s));
  return entity?.system;
};

function zoomBy(factor: number) {
  const flow = getFlowInstance();
  if (flow) void flow.zoomTo(flow.getZoom() * factor, { duration: 150 });
}

/** Every action, in the order the help lists them. */
export const ACTIONS: readonly Action[] = [
  { id: 'new', label: 'New document', group: 'File', shortcuts: ['Alt+N'], toolbar: 'New', run: () => openAsNewDocument(createDocument('Untitled')) },
  { id: 'library', label: 'Documents in this browser (library)…', group: 'File', shortcuts: ['Alt+L'], toolbar: 'Library', run: () => setUi({ libraryOpen: true }) },
  { id: 'open', label: 'Open file…', group: 'File', shortcuts: ['Mod+O'], toolbar: 'Open', run: pickAndOpenFile },
  { id: 'examples', label: 'Open an example…', group: 'File', toolbar: 'Examples', run: () => setUi({ paletteOpen: true, paletteQuery: 'example' }) },
  { id: 'save', label: 'Save to file (.crosswalk.json)', group: 'File', shortcuts: ['Mod+S'], toolbar: 'Save', run: saveToFile },
  { id: 'export', label: 'Export…', group: 'File', shortcuts: ['Mod+E'], toolbar: 'Export', run: () => setUi({ exportOpen: true }) },
  { id: 'share', label: 'Copy share link', group: 'File', toolbar: 'Share', run: () => setUi({ shareOpen: true }) },
  { id: 'import', label: 'Import (SQL DDL, mapping sheet, DBML, OpenAPI…)…', group: 'File', toolbar: 'Import', run: () => setUi({ importOpen: true }) },

  { id: 'undo', edits: true, label: 'Undo', group: 'Edit', shortcuts: ['Mod+Z'], toolbar: 'Undo', enabled: (s) => s.history.past.length > 0 || !!s.transientBase, run: undo },
  { id: 'redo', edits: true, label: 'Redo', group: 'Edit', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], toolbar: 'Redo', enabled: (s) => s.history.future.length > 0, run: redo },
  { id: 'copy', label: 'Copy', group: 'Edit', shortcuts: ['Mod+C'], enabled: (s) => s.selection.ids.length > 0, run: () => void copySelection() },
  { id: 'cut', edits: true, label: 'Cut', group: 'Edit', shortcuts: ['Mod+X'], enabled: (s) => s.selection.ids.length > 0, run: cutSelection },
  // The key is left to the browser's paste event, which carries the text: a format's text is
  // imported (import-into.ts), field lines fill a selected entity (paste.ts), else this runs.
  { id: 'paste', edits: true, label: 'Paste', group: 'Edit', shortcuts: ['Mod+V'], byPasteEvent: true, enabled: (s) => !fieldsPasteTarget(s), run: () => paste() },
  { id: 'duplicate', edits: true, label: 'Duplicate', group: 'Edit', shortcuts: ['Mod+D'], enabled: (s) => s.selection.ids.length > 0, run: duplicateSelection },
  { id: 'delete', edits: true, label: 'Delete selection', group: 'Edit', shortcuts: ['Delete', 'Backspace'], toolbar: 'Delete', enabled: hasSelection, run: deleteSelection },
  {
    id: 'edit-field',
    edits: true,
    label: 'Rename the selected field',
    group: 'Edit',
    shortcuts: ['Enter', 'F2'],
    enabled: (s) => s.selection.field !== undefined,
    run: () => {
      const field = getState().selection.field;
      if (field) setUi({ editingField: { ...field, part: 'name' } });
    },
  },
  { id: 'select-all', label: 'Select all', group: 'Edit', shortcuts: ['Mod+A'], run: selectAll },

  { id: 'add-system', edits: true, label: 'Add system', group: 'Insert', shortcuts: ['S'], toolbar: '+ System', run: () => reveal([addSystemAt(viewportCentre(), undefined, visibleArea())]) },
  {
    id: 'add-entity',
    edits: true,
    label: 'Add entity (into the selected system)',
    group: 'Insert',
    shortcuts: ['E'],
    toolbar: '+ Entity',
    run: () => reveal([addEntityAt(viewportCentre(), selectedSystem(getState()), visibleArea())]),
  },
  {
    id: 'add-field',
    edits: true,
    label: 'Add field to the selected entity',
    group: 'Insert',
    shortcuts: ['F'],
    toolbar: '+ Field',
    enabled: (s) => selectedEntity(s) !== undefined,
    run: () => {
      const s = getState();
      const entity = selectedEntity(s);
      if (entity) addFieldAfter(entity, s.selection.field?.entity === entity ? s.selection.field.field : undefined);
    },
  },
  { id: 'add-note', edits: true, label: 'Add note', group: 'Insert', shortcuts: ['N'], toolbar: '+ Note', run: () => reveal([addNoteAt(viewportCentre(), undefined, visibleArea())]) },

  { id: 'fit', label: 'Fit view', group: 'View', shortcuts: ['Shift+1'], toolbar: 'Fit', run: () => void fitTo() },
  { id: 'zoom-in', label: 'Zoom in', group: 'View', shortcuts: ['='], run: () => zoomBy(1.25) },
  { id: 'zoom-out', label: 'Zoom out', group: 'View', shortcuts: ['-'], run: () => zoomBy(0.8) },
  { id: 'layout', edits: true, label: 'Auto layout', group: 'View', shortcuts: ['Mod+Shift+L'], toolbar: 'Auto layout', run: autoLayout },
  { id: 'snap', label: 'Toggle snap to grid', group: 'View', shortcuts: ['G'], run: () => setUi({ snapToGrid: !getState().ui.snapToGrid }) },
  { id: 'minimap', label: 'Toggle minimap', group: 'View', shortcuts: ['M'], run: () => setUi({ minimap: !getState().ui.minimap }) },
  { id: 'palette', label: 'Command palette', group: 'View', shortcuts: ['Mod+K'], toolbar: 'Commands', run: () => setUi({ paletteOpen: true, paletteQuery: '' }) },
  { id: 'help', label: 'Keyboard shortcuts', group: 'View', shortcuts: ['?'], toolbar: '?', run: () => setUi({ helpOpen: true }) },

  { id: 'panel-inspector', label: 'Show inspector', group: 'Panels', shortcuts: ['I'], run: () => setUi({ rightPanel: 'inspector' }) },
  { id: 'panel-mermaid', label: 'Show Mermaid preview', group: 'Panels', shortcuts: ['Alt+M'], toolbar: 'Mermaid', run: () => setUi({ rightPanel: 'mermaid' }) },
  { id: 'panel-walkthrough', label: 'Show walkthrough', group: 'Panels', shortcuts: ['W'], toolbar: 'Walkthrough', run: () => setUi({ rightPanel: 'walkthrough' }) },
  ...CATALOGUE_ACTIONS,
];

/** Finds an action by id. */
export function findAction(id: string): Action | undefined {
  return ACTIONS.find((a) => a.id === id);
}

/**
 * Adds actions from another part of the app (the walkthrough registers its own).
 * Refuses an id or shortcut that is already taken, so no key is ambiguous.
 */
export function registerActions(extra: readonly Action[]): void {
  for (const a of extra) {
    if (ACTIONS.some((b) => b.id === a.id)) throw new Error(`Action id taken: ${a.id}`);
    const clash = ACTIONS.find((b) => b.shortcuts?.some((k) => a.shortcuts?.includes(k)));
    if (clash) throw new Error(`Shortcut of ${a.id} already used by ${clash.id}`);
    (ACTIONS as Action[]).push(a);
  }
}

/** A command the palette lists from the open document (e.g. one per system pair). */
export interface PaletteEntry {
  id: string;
  label: string;
  group: string;
  run: () => void;
}

/** Sources of document-dependent palette entries, read each time the palette opens. */
export const PALETTE_SOURCES: ((state: AppState) => PaletteEntry[])[] = [];

/** Whether an action can run now: its own condition, and not an edit of a read-only document. */
export function isEnabled(action: Action, state: AppState): boolean {
  if (action.edits && state.ui.readOnly) return false;
  return action.enabled ? action.enabled(state) : true;
}

/** Runs an action if it is enabled now; an edit of a read-only document says why it cannot. */
export function runAction(action: Action): void {
  if (action.edits && refuseReadOnly()) return;
  if (!isEnabled(action, getState())) return;
  void action.run();
}
