import { decodeShareFragment, describeShareError, readShareFragment } from '../io/share';
import { createDocument } from '../model/ops';
import { getFlowInstance } from './canvas/flow-instance';
import { fetchEarly, needsLayout, openRead, openUrl, readUrl } from './files/documents';
import { loadOverviewLayer } from './canvas/overview-loader';
import { endOpenProgress } from './files/open-progress';
import { parseTextResponsively, readThroughWorker } from './files/read-large';
import { FIRST_EXAMPLE } from './files/examples';
import { listLibrary, migrateLegacySlot } from './persistence/library';
import { currentDocumentId, flushSaving, newestLibraryId, openAsNewDocument, openLibraryDocument, openReadOnly, startSaving } from './persistence/session';
import { getState, notify, setUi } from './store/store';

/**
 * Decides what opens first:
 * - `#share=<data>` (with `&embed`: the canvas alone): that document, read-only;
 * - `?doc=<url>`: that file, added to the library as a new document;
 * - `?d=<id>`: that library document with its latest edits (a reload, a bookmark, a second tab);
 * - else the library's newest document, else (a first visit) the first example.
 * Once a library document is open the address is `?d=<id>`.
 */
export async function bootstrap(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const docUrl = params.get('doc');
  // A linked document downloads while the app renders and the library opens.
  const early = docUrl && !readShareFragment(window.location.hash) ? fetchEarly(docUrl) : undefined;
  // It, or the library's document, may be large: the code that draws those loads meanwhile.
  if (docUrl || params.has('d')) void loadOverviewLayer().catch(() => undefined);
  startSaving();
  // A share link pasted over the app's own address changes only the fragment: no reload.
  window.addEventListener('hashchange', () => {
    const shared = readShareFragment(window.location.hash);
    if (shared) void openShare(shared.data, shared.embed);
  });
  const share = readShareFragment(window.location.hash);
  if (share && (await openShare(share.data, share.embed || params.has('embed')))) {
    document.documentElement.dataset.ready = 'true';
    return;
  }
  // The library opens (IndexedDB: 0.2–0.5 s on a first visit here) while the linked document
  // is read, checked and shown: it is kept in the write-ahead log at once and reaches
  // IndexedDB in the background (see openAsNewDocument).
  const migrated = migrateLegacySlot().catch((e: unknown) => {
    notify('error', `Could not read the autosaved document of an earlier version: ${e instanceof Error ? e.message : String(e)}`);
  });
  if (docUrl && (await openRead(await readUrl(docUrl, early)))) {
    document.documentElement.dataset.ready = 'true';
    await migrated;
    return;
  }
  await migrated;
  let opened = false;
  const id = params.get('d');
  if (!opened && id) {
    opened = await openFromLibrary(id);
    if (!opened) notify('error', 'The document this address names is not in this browser’s library (it may have been made in another browser). The newest document was opened instead.');
  }
  if (!opened) {
    const newest = await newestLibraryId().catch(() => undefined);
    if (newest) opened = await openFromLibrary(newest);
  }
  if (!opened && FIRST_EXAMPLE) opened = await openUrl(FIRST_EXAMPLE.url);
  if (!opened || !currentDocumentId()) await openAsNewDocument(createDocument('Untitled')).catch((e: unknown) => notify('error', `Could not keep a document in this browser: ${e instanceof Error ? e.message : String(e)}`));
  document.documentElement.dataset.ready = 'true';
}

async function openFromLibrary(id: string): Promise<boolean> {
  try {
    return await openLibraryDocument(id);
  } catch (e) {
    notify('error', `Could not open the document kept in this browser: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/**
 * Opens share data read-only (a large document is read and laid out in the open worker, with
 * progress shown); a bad link gets a message and the usual document opens.
 */
async function openShare(data: string, embed: boolean): Promise<boolean> {
  const source = 'the shared document';
  try {
    const result = await decodeShareFragment(data, { parse: (text) => parseTextResponsively(text, source) });
    if (!result.ok) {
      const lines = describeShareError(result.error);
      notify('error', `Could not open the share link: ${lines[0]}`, lines.length > 1 ? lines.slice(1, 50) : undefined);
      return false;
    }
    let doc = result.doc;
    if (needsLayout(doc)) {
      const laidOut = await readThroughWorker({ doc }, source).catch(() => undefined);
      if (laidOut?.ok && laidOut.layoutError === undefined) doc = laidOut.doc;
    }
    await openReadOnly(doc);
    setUi({ embed });
    return true;
  } finally {
    endOpenProgress(source);
  }
}

declare global {
  interface Window {
    /** A read-only debug hook for the console and the browser tests. */
    crosswalk?: { doc(): unknown; state(): unknown; flow(): unknown; documentId(): string | undefined; library(): Promise<unknown>; flush(): Promise<void> };
  }
}
window.crosswalk = {
  doc: () => getState().doc,
  state: () => getState(),
  flow: () => getFlowInstance(),
  documentId: currentDocumentId,
  library: listLibrary,
  flush: flushSaving,
};
