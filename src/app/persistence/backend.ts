// What the library keeps, and the two stores it keeps it in: IndexedDB (the library itself:
// one record per document, its summary and its undo history) and a synchronous write-ahead
// log (localStorage) that holds the newest state of each open document until IndexedDB has
// it. Both sit behind small interfaces so the saving logic is tested against a fake that can
// "crash" between any two operations.

/** One stored document: the serialised text and the revision it was saved as. */
export interface StoredDoc {
  id: string;
  /** Counts up by one with every save; a tab saves only over the revision it has seen. */
  revision: number;
  text: string;
  updatedAt: number;
  /** Which page wrote this revision, and its change counter then (see saver.ts). */
  writer?: { tab: string; seq: number };
}

/** What the home list shows of a document, without reading the document itself. */
export interface DocMeta {
  id: string;
  title: string;
  systems: number;
  entities: number;
  links: number;
  steps: number;
  createdAt: number;
  updatedAt: number;
  revision: number;
  /** Set when the document is in the trash (deleted, still restorable). */
  deletedAt?: number;
}

/** The undo history of a document, as serialised snapshots (oldest first). */
export interface StoredHistory {
  past: string[];
  future: string[];
}

/** The result of a conditional save. */
export type CommitResult = { ok: true } | { ok: false; current: StoredDoc | undefined };

/** The library's storage (IndexedDB in the app). Every method is one atomic transaction. */
export interface LibraryBackend {
  readDoc(id: string): Promise<StoredDoc | undefined>;
  readHistory(id: string): Promise<StoredHistory | undefined>;
  /**
   * Saves a document if the stored revision is still `expected` (undefined: no record yet);
   * otherwise writes nothing and returns what is stored.
   */
  commit(record: StoredDoc, meta: DocMeta, history: StoredHistory | undefined, expected: number | undefined): Promise<CommitResult>;
  listMeta(): Promise<DocMeta[]>;
  putMeta(meta: DocMeta): Promise<void>;
  /** Removes a document for good (record, summary and history). */
  purge(id: string): Promise<void>;
  /** A value under a key of its own (settings, the migration marker, the legacy slot). */
  getExtra(key: string): Promise<unknown>;
  setExtra(key: string, value: unknown): Promise<void>;
  deleteExtra(key: string): Promise<void>;
}

/** A synchronous string store (localStorage in the app) for the write-ahead log. */
export interface WalStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

/**
 * The newest state of a document in one page, written synchronously on every change: the
 * whole text while it fits the log, else the changes since the last save (`patches`).
 */
export interface WalEntry {
  id: string;
  tab: string;
  seq: number;
  /** The stored revision this state was made on (the patches' base). */
  base: number;
  /** The whole text (absent when the entry holds patches). */
  text?: string;
  /** The page's change counter that the base revision's text is (patches start after it). */
  baseSeq?: number;
  /** Each change since the base, made on the text of the one before (see text-patch.ts). */
  patches?: TextPatch[];
  at: number;
}

/**
 * One change of a text: `text` replaces the characters from `from` to `to` of a text
 * `length` long; it turns the page's change `after` into its change `seq`.
 */
export interface TextPatch {
  after: number;
  seq: number;
  from: number;
  to: number;
  length: number;
  text: string;
}

const WAL_PREFIX = 'crosswalk:wal:';

/** The write-ahead key of a document in one page. */
export function walKey(id: string, tab: string): string {
  return `${WAL_PREFIX}${id}:${tab}`;
}

/**
 * A log entry as stored: its other fields as one line of JSON, a newline, then the text as it
 * is. (Not the whole entry as JSON: escaping every quote and newline of a large document's
 * text cost more than the edit it saved.) Entries written before are one JSON object, which
 * never holds a raw newline; both are read.
 */
export function writeWalEntry(entry: WalEntry): string {
  const { text, ...rest } = entry;
  return `${JSON.stringify(rest)}\n${text ?? ''}`;
}

/** Reads a stored log entry (either form); undefined when it is not one. */
export function readWalEntry(raw: string): WalEntry | undefined {
  try {
    const nl = raw.indexOf('\n');
    const entry = (nl < 0 ? JSON.parse(raw) : { ...JSON.parse(raw.slice(0, nl)), text: raw.slice(nl + 1) }) as WalEntry | null;
    if (!entry || typeof entry !== 'object') return undefined;
    if (Array.isArray(entry.patches)) {
      delete entry.text;
      return entry;
    }
    return typeof entry.text === 'string' ? entry : undefined;
  } catch {
    // A torn or foreign value: nothing to recover from it.
    return undefined;
  }
}

/** Every write-ahead entry of a document (any page), oldest first; unreadable ones are dropped. */
export function readWalEntries(wal: WalStore, id: string): { key: string; raw: string; entry: WalEntry }[] {
  const prefix = `${WAL_PREFIX}${id}:`;
  const found: { key: string; raw: string; entry: WalEntry }[] = [];
  for (const key of wal.keys()) {
    if (!key.startsWith(prefix)) continue;
    const raw = wal.get(key) ?? '';
    const entry = readWalEntry(raw);
    if (entry && entry.id === id) found.push({ key, raw, entry });
  }
  return found.sort((a, b) => a.entry.at - b.entry.at || a.entry.seq - b.entry.seq);
}
