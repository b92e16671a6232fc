import { create } from 'zustand';
import type { CrosswalkDocument } from '../../model/types';
import { createDocument } from '../../model/ops';
import { rebaseHistory } from '../../model/rebase';

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;

/** What is selected on the canvas (ids of systems, entities, notes and links). */
export interface Selection {
  ids: readonly string[];
  /** A selected field row, for field-level editing in the inspector. */
  field?: { entity: string; field: string };
}

/** A message shown to the user. */
export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  /** Extra lines (e.g. every problem of an invalid file). */
  details?: string[];
  /** A button in the message (an undo); a message with one stays until dismissed or used. */
  action?: { label: string; run: () => void };
}

/** One side of the mapping table: a whole system or one entity. */
export type TableSide = { system: string } | { entity: string };

/** Panels and modes of the app; none of it is part of the document. */
export interface UiState {
  rightPanel: 'inspector' | 'mermaid' | 'walkthrough' | 'gaps';
  paletteOpen: boolean;
  /** Text the command palette opens with (e.g. "example"). */
  paletteQuery?: string;
  helpOpen: boolean;
  exportOpen: boolean;
  importOpen: boolean;
  presenting: boolean;
  presentStep: number;
  /** Presenter extras: digits typed to jump to a step, a black screen, the laser pointer, the part of a step shown in parts. */
  presenter: { jump: string; black: boolean; laser: boolean; part?: number };
  snapToGrid: boolean;
  minimap: boolean;
  /** The walkthrough step whose focus is highlighted on the canvas. */
  activeStep?: string;
  /** A field being renamed inline: focuses its input. */
  editingField?: { entity: string; field: string; part: 'name' | 'type'; fresh?: boolean };
  /** A system, entity or note just added, whose name (or text) is being typed: its node opens its editor. */
  renaming?: string;
  /** The mapping table, when open: its two sides (a system or an entity each) and the row to bring into view. */
  mappingTable?: { source: TableSide; target: TableSide; focusRow?: string };
  /** Incremented to ask the canvas to fit the view (after open or layout). */
  fitRequest: number;
  busy?: string;
  /** A shared document opened from a link: the store refuses every edit (see applyEdit). */
  readOnly?: boolean;
  /** Only the canvas is shown (a share link with `&embed`, for an iframe). */
  embed?: boolean;
  libraryOpen?: boolean;
  shareOpen?: boolean;
  /** The integration view, when open: the two systems, source first (src/app/integration). */
  integration?: { source: string | undefined; target: string | undefined };
}

export interface History {
  past: CrosswalkDocument[];
  future: CrosswalkDocument[];
  /**
   * Older steps were dropped: another tab changed what they touched (applyExternalDocument),
   * so undo stops here and says why.
   */
  cut?: boolean;
}

/** The one store: the document, what is selected, the UI state and the undo history. */
export interface AppState {
  doc: CrosswalkDocument;
  selection: Selection;
  ui: UiState;
  history: History;
  /** The document before a transient edit (a drag) began; committed as one history step. */
  transientBase?: CrosswalkDocument;
  toasts: Toast[];
}

export const initialUi: UiState = {
  rightPanel: 'inspector',
  paletteOpen: false,
  helpOpen: false,
  exportOpen: false,
  importOpen: false,
  presenting: false,
  presentStep: 0,
  presenter: { jump: '', black: false, laser: false },
  snapToGrid: true,
  minimap: true,
  fitRequest: 0,
};

export const useAppStore = create<AppState>()(() => ({
  doc: createDocument('Untitled'),
  selection: { ids: [] },
  ui: initialUi,
  history: { past: [], future: [] },
  toasts: [],
}));

/** Reads the store outside React. */
export const getState = useAppStore.getState;

const setState = useAppStore.setState;

/** An edit: a pure operation from the model, partially applied. */
export type Edit = (doc: CrosswalkDocument) => CrosswalkDocument;

function pushPast(past: CrosswalkDocument[], doc: CrosswalkDocument): CrosswalkDocument[] {
  const next = past.length >= HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT + 1) : past.slice();
  next.push(doc);
  return next;
}

let readOnlyToast: number | undefined;

/** Why a read-only (shared) document refuses an edit: the message, and the editing buttons' tooltip. */
export const READ_ONLY_REASON = 'This shared document is read-only: use “Edit a copy” to change it.';

/** In read-only mode, refuses an edit with one message (not one per refused key or drag). */
export function refuseReadOnly(): boolean {
  if (!getState().ui.readOnly) return false;
  if (readOnlyToast === undefined || !getState().toasts.some((t) => t.id === readOnlyToast)) {
    readOnlyToast = notify('info', READ_ONLY_REASON);
  }
  return true;
}

/**
 * Applies an edit to the document and records one undo step. Every change to the document
 * goes through here (or through the transient pair below), so undo covers every edit.
 * A read-only document (a share link) refuses it.
 */
export function applyEdit(edit: Edit, selection?: Selection): void {
  const state = getState();
  if (state.ui.readOnly) {
    // A refused edit leaves the selection too; a pure selection change goes through.
    if (edit(state.doc) !== state.doc) refuseReadOnly();
    else if (selection) setState({ selection });
    return;
  }
  const base = state.transientBase ?? state.doc;
  const next = edit(state.doc);
  if (next === state.doc && !state.transientBase) {
    if (selection) setState({ selection });
    return;
  }
  setState({
    doc: next,
    transientBase: undefined,
    history: { past: pushPast(state.history.past, base), future: [], cut: state.history.cut },
    ...(selection ? { selection } : {}),
  });
}

/** Applies an edit without an undo step yet (a drag in progress). */
export function applyTransient(edit: Edit): void {
  if (refuseReadOnly()) return;
  const state = getState();
  const next = edit(state.doc);
  if (next === state.doc) return;
  setState({ doc: next, transientBase: state.transientBase ?? state.doc });
}

/** Ends a transient edit: the whole drag becomes one undo step. */
export function commitTransient(): void {
  const state = getState();
  if (!state.transientBase) return;
  if (state.transientBase === state.doc) {
    setState({ transientBase: undefined });
    return;
  }
  setState({
    transientBase: undefined,
    history: { past: pushPast(state.history.past, state.transientBase), future: [], cut: state.history.cut },
  });
}

/** Keeps only selected ids that still exist after an undo or redo. */
function pruneSelection(doc: CrosswalkDocument, selection: Selection): Selection {
  const ids = new Set<string>([
    ...doc.systems.map((s) => s.id),
    ...doc.entities.map((e) => e.id),
    ...doc.links.map((l) => l.id),
    ...(doc.notes ?? []).map((n) => n.id),
  ]);
  const kept = selection.ids.filter((id) => ids.has(id));
  const field =
    selection.field && doc.entities.find((e) => e.id === selection.field!.entity)?.fields.some((f) => f.id === selection.field!.field)
      ? selection.field
      : undefined;
  return kept.length === selection.ids.length && field === selection.field ? selection : { ids: kept, field };
}

/** Undoes the last edit. */
export function undo(): void {
  if (refuseReadOnly()) return;
  commitTransient();
  const { history, doc, selection } = getState();
  const prev = history.past[history.past.length - 1];
  if (!prev) {
    if (history.cut) notify('info', 'Nothing more to undo in this tab: its earlier edits touched what another tab has changed since, so undoing them would undo that change too.');
    return;
  }
  setState({
    doc: prev,
    history: { ...history, past: history.past.slice(0, -1), future: [doc, ...history.future] },
    selection: pruneSelection(prev, selection),
  });
}

/** Redoes the last undone edit. */
export function redo(): void {
  if (refuseReadOnly()) return;
  const { history, doc, selection } = getState();
  const next = history.future[0];
  if (!next) return;
  setState({
    doc: next,
    history: { ...history, past: pushPast(history.past, doc), future: history.future.slice(1) },
    selection: pruneSelection(next, selection),
  });
}

/**
 * Replaces the whole document (open, new, example). Undo history is kept, so even
 * opening a file by mistake can be undone.
 */
export function replaceDocument(doc: CrosswalkDocument, options: { keepHistory?: boolean } = {}): void {
  const state = getState();
  setState({
    doc,
    transientBase: undefined,
    selection: { ids: [] },
    history: options.keepHistory === false ? { past: [], future: [] } : { past: pushPast(state.history.past, state.doc), future: [] },
    ui: { ...state.ui, activeStep: undefined, editingField: undefined, renaming: undefined, presenting: false, fitRequest: state.ui.fitRequest + 1 },
  });
}

/**
 * Opens a stored document with its stored undo history (a library document, a reload).
 * `readOnly` is cleared unless given: every way of opening but a share link is editable.
 */
export function loadDocument(doc: CrosswalkDocument, history: History, options: { readOnly?: boolean } = {}): void {
  replaceDocument(doc, { keepHistory: false });
  const readOnly = options.readOnly ?? false;
  // The canvas-only view is for a shared document; an editable one gets the whole app back.
  setState((s) => ({ history, ui: { ...s.ui, readOnly, embed: readOnly ? s.ui.embed : false } }));
}

/**
 * Shows a newer version saved by another tab. It is not an undo step here: undo and redo
 * go through this tab's own edits, each carried onto the other tab's version (so undoing
 * one keeps the other tab's change), back to the first that touched what the other tab
 * changed — there undo stops and says so (src/model/rebase.ts). The view, the selection
 * (where it still exists) and presenting stay as they are.
 */
export function applyExternalDocument(doc: CrosswalkDocument): void {
  const state = getState();
  const rebased = rebaseHistory(state.doc, doc, state.history.past, state.history.future);
  setState({
    doc: rebased.doc,
    transientBase: undefined,
    history: { past: rebased.past, future: rebased.future, cut: state.history.cut || rebased.cut || undefined },
    selection: pruneSelection(rebased.doc, state.selection),
  });
}

/** Sets the selection. */
export function select(selection: Selection): void {
  setState({ selection });
}

/** Changes UI state. */
export function setUi(patch: Partial<UiState>): void {
  setState((s) => ({ ui: { ...s.ui, ...patch } }));
}

let toastSeq = 0;

/** Shows a message; errors and messages with an action stay until dismissed, others fade. */
export function notify(kind: Toast['kind'], text: string, details?: string[], action?: Toast['action']): number {
  const id = ++toastSeq;
  setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text, details, action }] }));
  return id;
}

/** Dismisses a message. */
export function dismissToast(id: number): void {
  setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
