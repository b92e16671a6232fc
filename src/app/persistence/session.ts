import { parseDocumentText } from '../../io/file';
import { createDocument } from '../../model/ops';
import type { CrosswalkDocument } from '../../model/types';
import { applyExternalDocument, dismissToast, getState, loadDocument, notify, useAppStore, type AppState, type History } from '../store/store';
import { loadOverviewLayer } from '../canvas/overview-loader';
import { OVERVIEW_MIN_ENTITIES } from '../canvas/overview-model';
import { whenIdle } from '../idle';
import { serialiseAhead } from '../../io/serialise';
import type { DocMeta } from './backend';
import {
  addTextToLibrary,
  broadcastLibraryChange,
  describeDocument,
  describeText,
  keepCopyOfText,
  libraryStorage,
  listLibrary,
  newDocumentId,
  readHistoryResponsively,
  serialiseCached,
  setTrashed,
  storedHistory,
} from './library';
import { openStoredDocument, Saver } from './saver';
import { endOpenProgress } from '../files/open-progress';
import { parseTextResponsively } from '../files/read-large';

// The document open in this page: which library entry it is (named in the address as
// `?d=<id>`), saving every change (saver.ts), and agreeing with other tabs on the same
// document through a BroadcastChannel: a tab shows another's newer revision as soon as it
// is saved, and never saves over a revision it has not seen.

/** This page's id: fresh per page load, so a reload is a different writer. */
const TAB = newDocumentId();

interface Open {
  id: string;
  createdAt: number;
  saver: Saver;
  channel: BroadcastChannel | undefined;
}

interface SavedMessage {
  type: 'saved';
  tab: string;
  revision: number;
  /**
   * The saved text, when the sender includes it (a rename from the library does); a tab's
   * autosave leaves it out — cloning a large document into every message cost the editing
   * tab more than its edit — and the other tabs read it back from IndexedDB.
   */
  text?: string;
  keptCopy?: { id: string; title: string };
}

let current: Open | undefined;
/** Set while the store is changed by this module (open, another tab's revision): not an edit to save. */
let quiet = false;
let failureToast: number | undefined;

/** Whether an error means the storage quota is exhausted. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(String((e as Error)?.message ?? e));
}

/** The library id of the open document (undefined for a read-only shared document). */
export function currentDocumentId(): string | undefined {
  return current?.id;
}

function describeError(e: unknown): string {
  if (isQuotaError(e)) return 'the browser storage is full';
  return e instanceof Error ? e.message : String(e);
}

function reportSaveFailure(e: unknown): void {
  if (failureToast !== undefined) return;
  failureToast = notify(
    'error',
    `Autosave failed: ${describeError(e)}. Your document is still open; use Save (Ctrl/Cmd+S) to keep a copy, or free some storage.`,
  );
}

function reportSaved(revision: number): void {
  if (failureToast !== undefined) {
    dismissToast(failureToast);
    failureToast = undefined;
    notify('success', 'Autosave works again; your document is saved in this browser.');
  }
  document.documentElement.dataset.savedRevision = String(revision);
}

function tellKeptCopy(copy: { title: string }, here: boolean): void {
  notify(
    'info',
    here
      ? `Another tab changed this document at the same time. Its version is kept in the library as “${copy.title}”; this tab's version is the document now.`
      : `Another tab saved a different version at the same time; the version of this tab is kept in the library as “${copy.title}”.`,
  );
}

function keepCopy(text: string, reason: 'other-tab' | 'unsaved'): Promise<DocMeta> {
  return keepCopyOfText(text, reason);
}

function setAddress(id: string): void {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('d', id);
  window.history.replaceState(null, '', url);
}

function withQuiet(change: () => void): void {
  quiet = true;
  try {
    change();
  } finally {
    quiet = false;
  }
}

function onMessage(open: Open, message: SavedMessage): void {
  if (message.type !== 'saved' || message.tab === TAB || current !== open) return;
  // A change of ours still waiting for its frame makes this page's copy the newer one.
  flushScheduled();
  if (message.keptCopy) tellKeptCopy(message.keptCopy, false);
  const take = (revision: number, text: string) => {
    if (current !== open || !open.saver.acceptRemote(revision, text)) return;
    const parsed = parseDocumentText(text);
    if (!parsed.ok) return;
    withQuiet(() => applyExternalDocument(parsed.doc));
  };
  if (message.text !== undefined) {
    take(message.revision, message.text);
    return;
  }
  if (message.revision <= open.saver.revision) return;
  void libraryStorage()
    .backend.readDoc(open.id)
    .then((record) => {
      // (A newer revision than the message's may be stored by now: it is the one to show.)
      if (record && record.revision >= message.revision) take(record.revision, record.text);
    })
    .catch(() => {
      // Unreadable now: the next save of either tab finds the newer revision and keeps both.
    });
}

function start(id: string, revision: number, createdAt: number, text?: string): Open {
  const { backend, wal } = libraryStorage();
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`crosswalk:doc:${id}`);
  const saver = new Saver(id, revision, {
    backend,
    wal,
    tab: TAB,
    now: Date.now,
    keepCopy,
    onError: reportSaveFailure,
    onSaved: ({ revision: saved, keptCopy }) => {
      reportSaved(saved);
      if (keptCopy) tellKeptCopy(keptCopy, true);
      const message: SavedMessage = { type: 'saved', tab: TAB, revision: saved, keptCopy: keptCopy && { id: keptCopy.id, title: keptCopy.title } };
      channel?.postMessage(message);
      // Home lists (in any tab, this one included) show the new title, counts and time.
      broadcastLibraryChange();
    },
  }, text);
  const open: Open = { id, createdAt, saver, channel };
  if (channel) channel.onmessage = (e: MessageEvent<SavedMessage>) => onMessage(open, e.data);
  current = open;
  setAddress(id);
  document.documentElement.dataset.savedRevision = String(revision);
  return open;
}

async function leave(): Promise<void> {
  flushScheduled();
  const open = current;
  if (!open) return;
  current = undefined;
  open.channel?.close();
  await open.saver.flush();
}

function save(state: AppState, open = current): void {
  if (!open || state.ui.readOnly) return;
  open.saver.change({
    text: serialiseCached(state.doc),
    meta: describeDocument(state.doc, open.id, open.createdAt),
    history: storedHistory(state.history.past, state.history.future),
  });
}

/**
 * Opens a library document in this page, with its latest edits (including any a reload cut
 * short, from the write-ahead log) and its undo history. Returns false when it is not there.
 */
export async function openLibraryDocument(id: string): Promise<boolean> {
  const { backend, wal } = libraryStorage();
  const opened = await openStoredDocument(id, {
    backend,
    wal,
    now: Date.now,
    keepCopy,
    describe: (text) => describeText(text, id, Date.now()),
  });
  if (!opened) return false;
  const meta = (await backend.listMeta()).find((m) => m.id === id);
  // A large document is read in the open worker, with progress shown under its title.
  const source = meta?.title ?? 'the document';
  try {
    const parsed = await parseTextResponsively(opened.record.text, source);
    if (!parsed.ok) {
      notify('error', 'This library document could not be read; it is kept as it is, and another was opened.');
      return false;
    }
    const history = await readHistoryResponsively(opened.history, (text) => parseTextResponsively(text, source));
    // A document in the trash (a bookmark to it) opens restored, and says so.
    const trashed = meta?.deletedAt !== undefined;
    if (trashed) await setTrashed(id, false);
    await show(parsed.doc, history);
    start(id, opened.record.revision, meta?.createdAt ?? opened.record.updatedAt, opened.record.text);
    serialiseWhenIdle(parsed.doc);
    if (opened.lost > 0) notify('error', 'Changes of a tab that closed before saving could not be recovered: another tab had saved over the version they were made on.');
    if (trashed) {
      notify('info', `“${source}” was in the trash; it is restored and open.`, undefined, {
        label: 'Put it back in the trash',
        run: () => void putBackInTrash(id, source),
      });
    }
    for (const copy of opened.copies) {
      notify('info', `Unsaved changes made on an older version of this document were kept in the library as “${copy.title}”.`);
    }
    return true;
  } finally {
    endOpenProgress(source);
  }
}

/**
 * Undoes the restore of a trashed document opened by its address: as in the library, the
 * open document cannot be deleted, so the newest other one (or a new one) opens first.
 */
async function putBackInTrash(id: string, title: string): Promise<void> {
  try {
    if (current?.id === id) {
      const other = (await listLibrary()).documents.find((m) => m.id !== id);
      if (!other || !(await openLibraryDocument(other.id))) await openAsNewDocument(createDocument('Untitled'));
    }
    await setTrashed(id, true);
    notify('info', `“${title}” is back in the trash (the library can restore it).`);
  } catch (e) {
    notify('error', `Could not put “${title}” back in the trash: ${describeError(e)}`);
  }
}

/**
 * Adds a document to the library and opens it here (New, Open, drop, `?doc=`, examples, share
 * links). `text`: the text it was just parsed from, stored as it is (it reads back as the same
 * document) instead of serialising the document again.
 */
export async function openAsNewDocument(doc: CrosswalkDocument, text?: string): Promise<void> {
  const saved = text ?? serialiseCached(doc);
  const empty = { past: [], future: [] };
  if (saved.length > WAL_MAX_CHARS) {
    // Too large for the write-ahead log: it shows once IndexedDB has it.
    let meta: DocMeta;
    try {
      meta = await addTextToLibrary(saved, describeDocument(doc, '', 0));
    } catch (e) {
      // No storage at all (blocked, or a private mode without IndexedDB): still show the
      // document, and say plainly that it is not kept.
      await show(doc, empty);
      reportSaveFailure(e);
      return;
    }
    await show(doc, empty);
    start(meta.id, meta.revision, meta.createdAt, saved);
    serialiseWhenIdle(doc);
    return;
  }
  await loadCodeFor(doc);
  await leave();
  // Kept as it shows, as an edit is: in the same task (nothing paints or runs between), written
  // to the write-ahead log, and saved to IndexedDB (opening it on a first visit took 0.2–0.5 s)
  // while it is drawn; a reload meanwhile recovers it from the log. Where the log cannot take
  // it, the save to IndexedDB still runs; where nothing can be kept (no storage at all), it
  // still shows, and the save's failure says so. (Waiting here for that save, with the new
  // document's id already current, let an edit land on the old document in that moment.)
  withQuiet(() => loadDocument(doc, empty));
  const open = start(newDocumentId(), 0, Date.now());
  open.saver.change({ text: saved, meta: describeDocument(doc, open.id, open.createdAt), history: empty });
  serialiseWhenIdle(doc);
}

/**
 * Texts longer than this (characters) are not put in the write-ahead log when a document is
 * added: localStorage takes about 5 M characters per site in Chromium, and trying cost a
 * 5,000-entity document (10 M) a long task for nothing.
 */
const WAL_MAX_CHARS = 4_000_000;

/** Shows a document read-only (a share link): not in the library until "Edit a copy". */
export async function openReadOnly(doc: CrosswalkDocument): Promise<void> {
  await show(doc, { past: [], future: [] }, { readOnly: true });
}

/**
 * Leaves the open document and shows `doc`. A large one is drawn by the overview canvas,
 * whose code is loaded first (opening by link started it with the download), so the first
 * picture waits for nothing more once the document is in the store.
 */
async function show(doc: CrosswalkDocument, history: History, options?: { readOnly?: boolean }): Promise<void> {
  await loadCodeFor(doc);
  await leave();
  withQuiet(() => loadDocument(doc, history, options));
}

/** Loads the code that draws a document (the overview layer, for a large one): see {@link show}. */
async function loadCodeFor(doc: CrosswalkDocument): Promise<void> {
  if (doc.entities.length >= OVERVIEW_MIN_ENTITIES) await loadOverviewLayer().catch(() => undefined);
}

/**
 * Serialises a document just opened while the page is idle (after its first picture), a slice
 * at a time, so the save after the first edit reuses the text of everything the edit left
 * alone instead of writing the whole document within that edit's frames. An edit meanwhile
 * stops it (its save serialises what is left).
 */
function serialiseWhenIdle(doc: CrosswalkDocument): void {
  whenIdle((deadline) => {
    if (getState().doc !== doc) return;
    if (serialiseAhead(doc, () => deadline.timeRemaining() > 2)) serialiseCached(doc);
    else serialiseWhenIdle(doc);
  });
}

/** The newest library document, if any. */
export async function newestLibraryId(): Promise<string | undefined> {
  const all = await libraryStorage().backend.listMeta();
  return all.filter((m) => m.deletedAt === undefined).sort((a, b) => b.updatedAt - a.updatedAt)[0]?.id;
}

/**
 * A change waiting to be saved until the frame that shows it is painted: serialising a large
 * document and writing it to the log takes longer than the edit itself, and a person sees
 * the edit first. Anything that leaves, hides or takes another tab's version saves it at once.
 */
let scheduled: { open: Open; state: AppState } | undefined;

function flushScheduled(): void {
  const waiting = scheduled;
  scheduled = undefined;
  if (waiting) save(waiting.state, waiting.open);
}

function saveAfterPaint(open: Open, state: AppState): void {
  if (scheduled && scheduled.open !== open) flushScheduled();
  const first = !scheduled;
  scheduled = { open, state };
  if (!first) return;
  // After the next frame; a hidden page draws no frames, so a timer is the backstop.
  requestAnimationFrame(() => setTimeout(flushScheduled, 0));
  setTimeout(flushScheduled, 200);
}

/** Saves now: what page hide and the tests wait for. */
export async function flushSaving(): Promise<void> {
  flushScheduled();
  await current?.saver.flush();
}

/** Starts saving every change of the store's document; call once per page. */
export function startSaving(): void {
  useAppStore.subscribe((state, prev) => {
    if (quiet || !current) return;
    if (state.doc === prev.doc && state.history === prev.history) return;
    // A drag in progress is saved once, when it ends (one undo step, one save).
    if (state.transientBase) return;
    saveAfterPaint(current, state);
  });
  const onHide = () => {
    // An edit still in a text box (a title being typed) commits on blur: do it now.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) active.blur();
    void flushSaving();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') onHide();
  });
  window.addEventListener('pagehide', onHide);
}
