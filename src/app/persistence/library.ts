import { parseDocumentText, type ParseResult } from '../../io/file';
import { serialiseDocumentIncrementally } from '../../io/serialise';
import type { CrosswalkDocument } from '../../model/types';
import type { DocMeta, LibraryBackend, StoredHistory, WalStore } from './backend';
import { createIdbBackend, createLocalStorageWal } from './idb-backend';
import { yieldToPage } from '../files/open-worker';
import type { Change } from './saver';

// The library of documents kept in this browser. New, Open, drop, `?doc=`, an example and a
// share link each add a document here; nothing ever overwrites another document.

/** How many undo steps are kept with a document, and how much text they may take. */
export const STORED_HISTORY_STEPS = 50;
const STORED_HISTORY_CHARS = 2_000_000;

let backend: LibraryBackend | undefined;
let wal: WalStore | undefined;

/** The library's storage (IndexedDB) and write-ahead log (localStorage) in this page. */
export function libraryStorage(): { backend: LibraryBackend; wal: WalStore } {
  backend ??= createIdbBackend();
  wal ??= createLocalStorageWal();
  return { backend, wal };
}

/** A fresh library id: short, URL-safe, unguessable enough not to collide. */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The summary the home list shows. */
export function describeDocument(doc: CrosswalkDocument, id: string, createdAt: number): Change['meta'] {
  return {
    id,
    title: doc.title,
    systems: doc.systems.length,
    entities: doc.entities.length,
    links: doc.links.length,
    steps: doc.walkthrough?.length ?? 0,
    createdAt,
  };
}

/** The summary of a serialised document (a placeholder title when it does not parse). */
export function describeText(text: string, id: string, createdAt: number): Change['meta'] {
  const parsed = parseDocumentText(text);
  if (parsed.ok) return describeDocument(parsed.doc, id, createdAt);
  return { id, title: '(unreadable document)', systems: 0, entities: 0, links: 0, steps: 0, createdAt };
}

const serialised = new WeakMap<CrosswalkDocument, string>();

/** Serialises a document once (history snapshots are immutable and shared). */
export function serialiseCached(doc: CrosswalkDocument): string {
  let text = serialised.get(doc);
  if (text === undefined) {
    text = serialiseDocumentIncrementally(doc);
    serialised.set(doc, text);
  }
  return text;
}

/** The newest undo steps that fit the budget, serialised. */
export function storedHistory(past: readonly CrosswalkDocument[], future: readonly CrosswalkDocument[]): StoredHistory {
  let budget = STORED_HISTORY_CHARS;
  const keep = (docs: readonly CrosswalkDocument[]) => {
    const out: string[] = [];
    for (const doc of docs) {
      if (out.length >= STORED_HISTORY_STEPS) break;
      const text = serialiseCached(doc);
      if (text.length > budget) break;
      budget -= text.length;
      out.push(text);
    }
    return out;
  };
  // The steps nearest the present matter most: the end of `past`, the start of `future`.
  const pastKept = keep([...past].reverse()).reverse();
  return { past: pastKept, future: keep(future) };
}

/** Reads stored undo steps back; unreadable snapshots are dropped. */
export function readHistory(history: StoredHistory | undefined): { past: CrosswalkDocument[]; future: CrosswalkDocument[] } {
  const read = (texts: readonly string[] | undefined) =>
    (texts ?? []).flatMap((t) => {
      const r = parseDocumentText(t);
      if (!r.ok) return [];
      serialised.set(r.doc, t);
      return [r.doc];
    });
  return { past: read(history?.past), future: read(history?.future) };
}

/**
 * Reads stored undo steps back like {@link readHistory}, one at a time with `parse` (which
 * may run off the page), giving the page a turn between steps.
 */
export async function readHistoryResponsively(
  history: StoredHistory | undefined,
  parse: (text: string) => Promise<ParseResult>,
): Promise<{ past: CrosswalkDocument[]; future: CrosswalkDocument[] }> {
  const read = async (texts: readonly string[] | undefined) => {
    const docs: CrosswalkDocument[] = [];
    for (const t of texts ?? []) {
      await yieldToPage();
      const r = await parse(t);
      if (!r.ok) continue;
      serialised.set(r.doc, t);
      docs.push(r.doc);
    }
    return docs;
  };
  return { past: await read(history?.past), future: await read(history?.future) };
}

/** Adds a document to the library as a new entry; returns its summary. */
export async function addToLibrary(doc: CrosswalkDocument, history?: StoredHistory): Promise<DocMeta> {
  return addTextToLibrary(serialiseCached(doc), describeDocument(doc, '', 0), history);
}

/** Adds serialised text (already valid) with its summary as a new library entry. */
export async function addTextToLibrary(text: string, meta: Change['meta'], history?: StoredHistory): Promise<DocMeta> {
  const { backend } = libraryStorage();
  const now = Date.now();
  const id = newDocumentId();
  const full: DocMeta = { ...meta, id, createdAt: now, updatedAt: now, revision: 1 };
  const result = await backend.commit({ id, revision: 1, text, updatedAt: now }, full, history, undefined);
  if (!result.ok) throw new Error('a library id was already taken; try again');
  broadcastLibraryChange();
  return full;
}

/** Keeps a version of a document beside it, titled so it is told apart. */
export async function keepCopyOfText(text: string, reason: 'other-tab' | 'unsaved' | 'duplicate'): Promise<DocMeta> {
  const parsed = parseDocumentText(text);
  const suffix = reason === 'other-tab' ? ' (version from another tab)' : reason === 'unsaved' ? ' (unsaved changes)' : ' (copy)';
  if (!parsed.ok) return addTextToLibrary(text, { ...describeText(text, '', 0), title: `Unreadable document${suffix}` });
  const doc = { ...parsed.doc, title: `${parsed.doc.title}${suffix}` };
  return addToLibrary(doc);
}

/** Every document in the library (newest change first), the trash apart. */
export async function listLibrary(): Promise<{ documents: DocMeta[]; trash: DocMeta[] }> {
  const all = await libraryStorage().backend.listMeta();
  all.sort((a, b) => b.updatedAt - a.updatedAt);
  return { documents: all.filter((m) => m.deletedAt === undefined), trash: all.filter((m) => m.deletedAt !== undefined) };
}

/** Moves a document to the trash (restorable) or back. */
export async function setTrashed(id: string, trashed: boolean): Promise<void> {
  const { backend } = libraryStorage();
  const meta = (await backend.listMeta()).find((m) => m.id === id);
  if (!meta) return;
  const next: DocMeta = { ...meta };
  if (trashed) next.deletedAt = Date.now();
  else delete next.deletedAt;
  await backend.putMeta(next);
  broadcastLibraryChange();
}

/** Empties the trash for good. */
export async function emptyTrash(): Promise<void> {
  const { backend } = libraryStorage();
  for (const m of (await listLibrary()).trash) await backend.purge(m.id);
  broadcastLibraryChange();
}

/** Reads a stored document (without applying write-ahead entries: for lists and copies). */
export async function readStoredDocument(id: string): Promise<CrosswalkDocument | undefined> {
  const record = await libraryStorage().backend.readDoc(id);
  if (!record) return undefined;
  const parsed = parseDocumentText(record.text);
  return parsed.ok ? parsed.doc : undefined;
}

/**
 * Renames a stored document that is not open in this page (the open one is renamed through
 * the store, as an undoable edit). Tabs that have it open are told, like after any save.
 */
export async function renameStored(id: string, title: string): Promise<void> {
  const { backend } = libraryStorage();
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await backend.readDoc(id);
    if (!record) throw new Error('the document is no longer in the library');
    const parsed = parseDocumentText(record.text);
    if (!parsed.ok) throw new Error('the stored document cannot be read');
    const meta = (await backend.listMeta()).find((m) => m.id === id);
    const doc = { ...parsed.doc, title };
    const text = serialiseCached(doc);
    const now = Date.now();
    const next = { id, revision: record.revision + 1, text, updatedAt: now };
    const result = await backend.commit(next, { ...describeDocument(doc, id, meta?.createdAt ?? now), revision: next.revision, updatedAt: now, deletedAt: meta?.deletedAt }, undefined, record.revision);
    if (!result.ok) continue;
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(`crosswalk:doc:${id}`);
      channel.postMessage({ type: 'saved', tab: 'library', revision: next.revision, text });
      channel.close();
    }
    broadcastLibraryChange();
    return;
  }
  throw new Error('the document kept changing; try again');
}

/** Adds a copy of a stored document, titled "… (copy)". */
export async function duplicateStored(id: string): Promise<DocMeta> {
  const record = await libraryStorage().backend.readDoc(id);
  if (!record) throw new Error('the document is no longer in the library');
  return keepCopyOfText(record.text, 'duplicate');
}

const LEGACY_SLOT = 'current-document';

/**
 * Moves the document of the old single autosave slot into the library, once: it is added
 * as a library document and only then is the slot removed. Returns the new entry.
 */
export async function migrateLegacySlot(): Promise<DocMeta | undefined> {
  const { backend } = libraryStorage();
  const text = await backend.getExtra(LEGACY_SLOT);
  if (typeof text !== 'string') return undefined;
  const parsed = parseDocumentText(text);
  const meta = parsed.ok ? await addToLibrary(parsed.doc) : await addTextToLibrary(text, { ...describeText(text, '', 0), title: 'Unreadable autosaved document' });
  await backend.deleteExtra(LEGACY_SLOT);
  return meta;
}

const LIBRARY_CHANNEL = 'crosswalk:library';

/** Tells other tabs' home lists that the library changed. */
export function broadcastLibraryChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls back when another tab changes the library; returns a function that stops it. */
export function onLibraryChange(callback: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = () => callback();
  return () => channel.close();
}
