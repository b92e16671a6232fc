import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { CommitResult, DocMeta, LibraryBackend, StoredDoc, StoredHistory, WalStore } from './backend';

// The library in IndexedDB: one object store (the one the single autosave slot used, so the
// migration reads and writes in one place), keys `doc:<id>`, `meta:<id>`, `hist:<id>`, and
// `rev:<id>` (the stored record's revision, written only with the record, so a save checks
// it without reading a large document back). A conditional save reads and writes in one
// readwrite transaction, which IndexedDB runs one at a time across tabs: two tabs cannot
// both save over the same revision.

const docKey = (id: string) => `doc:${id}`;
const metaKey = (id: string) => `meta:${id}`;
const histKey = (id: string) => `hist:${id}`;
const revKey = (id: string) => `rev:${id}`;

function run<T>(store: UseStore, mode: IDBTransactionMode, body: (os: IDBObjectStore) => Promise<T>): Promise<T> {
  return store(mode, (os) => body(os));
}

/** The library backend over IndexedDB. */
export function createIdbBackend(): LibraryBackend {
  const store = createStore('crosswalk', 'documents');
  const get = <T>(key: string) => run(store, 'readonly', (os) => promisifyRequest(os.get(key)) as Promise<T | undefined>);
  return {
    readDoc: (id) => get<StoredDoc>(docKey(id)),
    readHistory: (id) => get<StoredHistory>(histKey(id)),
    commit(record: StoredDoc, meta: DocMeta, history: StoredHistory | undefined, expected: number | undefined) {
      return run(
        store,
        'readwrite',
        (os) =>
          new Promise<CommitResult>((resolve, reject) => {
            const write = () => {
              try {
                os.put(record, docKey(record.id));
                os.put(meta, metaKey(record.id));
                if (history) os.put(history, histKey(record.id));
                os.put(record.revision, revKey(record.id));
              } catch (e) {
                // A full quota may throw here rather than abort the transaction.
                reject(e);
                return;
              }
              promisifyRequest(os.transaction).then(() => resolve({ ok: true }), reject);
            };
            const rev = os.get(revKey(record.id));
            rev.onerror = () => reject(rev.error);
            rev.onsuccess = () => {
              if (expected !== undefined && rev.result === expected) {
                write();
                return;
              }
              // Another revision, or a record saved before revisions were kept apart: read it.
              const req = os.get(docKey(record.id));
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const current = req.result as StoredDoc | undefined;
                if (current?.revision !== expected) resolve({ ok: false, current });
                else write();
              };
            };
          }),
      );
    },
    listMeta: () =>
      run(store, 'readonly', async (os) => {
        const range = IDBKeyRange.bound('meta:', 'meta:\uffff');
        return (await promisifyRequest(os.getAll(range))) as DocMeta[];
      }),
    putMeta: (meta) => run(store, 'readwrite', (os) => promisifyRequest(os.put(meta, metaKey(meta.id))).then(() => undefined)),
    purge: (id) =>
      run(store, 'readwrite', (os) => {
        os.delete(docKey(id));
        os.delete(metaKey(id));
        os.delete(histKey(id));
        os.delete(revKey(id));
        return promisifyRequest(os.transaction);
      }),
    getExtra: (key) => get<unknown>(key),
    setExtra: (key, value) => run(store, 'readwrite', (os) => promisifyRequest(os.put(value, key)).then(() => undefined)),
    deleteExtra: (key) => run(store, 'readwrite', (os) => promisifyRequest(os.delete(key)).then(() => undefined)),
  };
}

/** The write-ahead log over localStorage (a no-op store when it is unavailable). */
export function createLocalStorageWal(): WalStore {
  let ls: Storage | undefined;
  try {
    ls = window.localStorage;
  } catch {
    // Blocked storage (some privacy modes): IndexedDB alone keeps the library.
  }
  return {
    get: (key) => ls?.getItem(key) ?? null,
    set: (key, value) => ls?.setItem(key, value),
    remove: (key) => ls?.removeItem(key),
    keys: () => (ls ? Array.from({ length: ls.length }, (_, i) => ls!.key(i)!).filter((k) => k !== null) : []),
  };
}
