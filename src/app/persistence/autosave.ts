import { createStore, get, set, type UseStore } from 'idb-keyval';
import { parseDocumentText } from '../../io/file';
import { serialiseDocument } from '../../io/serialise';
import type { CrosswalkDocument } from '../../model/types';
import { dismissToast, notify, useAppStore } from '../store/store';

// Every change autosaves to IndexedDB (localStorage when IndexedDB is unavailable). A failed
// write — a full quota above all — is reported once and retried on the next change, never
// swallowed; the document in memory is untouched either way.

const KEY = 'current-document';
const DEBOUNCE_MS = 250;

let store: UseStore | undefined;
function idb(): UseStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  store ??= createStore('crosswalk', 'documents');
  return store;
}

async function write(text: string): Promise<void> {
  const s = idb();
  if (s) await set(KEY, text, s);
  else localStorage.setItem(`crosswalk:${KEY}`, text);
}

async function read(): Promise<string | undefined> {
  const s = idb();
  if (s) return get<string>(KEY, s);
  return localStorage.getItem(`crosswalk:${KEY}`) ?? undefined;
}

/** Whether an error means the storage quota is exhausted. */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(String((e as Error)?.message ?? e));
}

/** The autosaved document, if there is one and it still opens; a broken copy is kept aside. */
export async function loadAutosave(): Promise<CrosswalkDocument | undefined> {
  let text: string | undefined;
  try {
    text = await read();
  } catch (e) {
    notify('error', `Could not read the autosaved document: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (!text) return undefined;
  const result = parseDocumentText(text);
  if (result.ok) return result.doc;
  // Keep the unreadable copy so nothing is lost, and start fresh.
  try {
    const s = idb();
    if (s) await set(`${KEY}-unreadable-${Date.now()}`, text, s);
  } catch {
    // Best effort: if even this fails the message below still tells the user.
  }
  notify('error', 'The autosaved document could not be read; a copy was kept aside and an example was opened.');
  return undefined;
}

let lastSaved: CrosswalkDocument | undefined;
let pending: ReturnType<typeof setTimeout> | undefined;
let failureToast: number | undefined;
let saving: Promise<void> = Promise.resolve();

/** Saves now (used on page hide and by tests through the debounce). */
export function flushAutosave(): Promise<void> {
  if (pending) {
    clearTimeout(pending);
    pending = undefined;
  }
  const doc = useAppStore.getState().doc;
  if (doc === lastSaved) return saving;
  const text = serialiseDocument(doc);
  saving = saving.then(async () => {
    try {
      await write(text);
      lastSaved = doc;
      if (failureToast !== undefined) {
        dismissToast(failureToast);
        failureToast = undefined;
        notify('success', 'Autosave works again; your document is saved in this browser.');
      }
      document.documentElement.dataset.autosaved = String(Date.now());
    } catch (e) {
      if (failureToast === undefined) {
        const why = isQuotaError(e)
          ? 'the browser storage is full'
          : e instanceof Error
            ? e.message
            : String(e);
        failureToast = notify(
          'error',
          `Autosave failed: ${why}. Your document is still open; use Save (Ctrl/Cmd+S) to keep a copy, or free some storage.`,
        );
      }
    }
  });
  return saving;
}

/** Starts autosaving the store's document; returns a function that stops it. */
export function startAutosave(initial: CrosswalkDocument | undefined): () => void {
  lastSaved = initial;
  const unsubscribe = useAppStore.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void flushAutosave(), DEBOUNCE_MS);
  });
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') void flushAutosave();
  };
  const onPageHide = () => void flushAutosave();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
  };
}
