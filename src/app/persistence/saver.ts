import { readWalEntries, walKey, writeWalEntry, type DocMeta, type LibraryBackend, type StoredDoc, type StoredHistory, type TextPatch, type WalEntry, type WalStore } from './backend';
import { applyPatch, diffText } from './text-patch';

// Saving one open document so that no edit is lost, whatever happens next:
// - every change is written synchronously to the write-ahead log (localStorage) before the
//   call returns, so a reload or a crash a moment later still finds it: the whole text while
//   it fits, else (a large document outgrows the quota) each change since the last save as
//   a patch of the text before it, replayed on the stored text when the document opens;
// - every change is also saved to IndexedDB at once; while a save is in flight, newer changes
//   wait and only the newest is saved next (no debounce that an unload could cut off);
// - a save goes through only over the revision this page has seen. If another page saved a
//   newer one meanwhile, both are kept: theirs as a copy in the library, ours as the document.
// Nothing here touches the DOM or the app's store: the app passes text, summary and history.

/** One change to save: the serialised document, its summary and its undo history. */
export interface Change {
  text: string;
  meta: Omit<DocMeta, 'revision' | 'updatedAt'>;
  history?: StoredHistory;
}

/** What the saver needs from the outside world. */
export interface SaverDeps {
  backend: LibraryBackend;
  wal: WalStore;
  /** This page's id (a fresh one per page load). */
  tab: string;
  now(): number;
  /**
   * Adds a copy of a document's text to the library as a new document (a conflicting version
   * kept aside); returns its summary.
   */
  keepCopy(text: string, reason: 'other-tab' | 'unsaved'): Promise<DocMeta>;
  /** After each save reaches IndexedDB. */
  onSaved?(saved: { revision: number; text: string; keptCopy?: DocMeta }): void;
  /** A save failed (the change stays in memory and in the write-ahead log; retried on the next change). */
  onError?(error: unknown): void;
}

/** Saves the changes of one document in one page. */
export class Saver {
  private seq: number;
  private pending: (Change & { seq: number }) | undefined;
  private running: Promise<void> | undefined;
  private failed = false;
  private readonly key: string;
  /** Whether the log takes the whole text (until a write of it fails: then patches). */
  private whole = true;
  /** The text of the newest change (or of the stored revision), when known. */
  private lastText: string | undefined;
  /** The changes since the last saved text, each on the one before; undefined when not known. */
  private chain: TextPatch[] | undefined;
  /** The saved revision the chain starts from, and which change of this page it is. */
  private chainBase: { revision: number; seq: number };

  constructor(
    readonly id: string,
    /** The stored revision the page's document is (0: not stored yet). */
    public revision: number,
    private readonly deps: SaverDeps,
    /** The text of that revision (without it, the log can hold only whole texts until a save). */
    baseText?: string,
  ) {
    this.key = walKey(id, deps.tab);
    // Increasing within a page; pages never share a tab id, so (tab, seq) orders a page's changes.
    this.seq = 0;
    this.lastText = baseText;
    this.chain = baseText === undefined ? undefined : [];
    this.chainBase = { revision, seq: 0 };
  }

  /** Whether a change has not reached IndexedDB yet. */
  get dirty(): boolean {
    return this.pending !== undefined || this.running !== undefined || this.failed;
  }

  /**
   * Records a change: synchronously in the write-ahead log, then in IndexedDB. Returns whether
   * the log took it (when not, only IndexedDB will hold it, once saved).
   */
  change(change: Change): boolean {
    const seq = ++this.seq;
    const at = this.deps.now();
    if (this.chain && this.lastText !== undefined) this.chain.push({ after: seq - 1, seq, ...diffText(this.lastText, change.text) });
    else this.chain = undefined;
    this.lastText = change.text;
    const write = (entry: WalEntry) => {
      try {
        this.deps.wal.set(this.key, writeWalEntry(entry));
        return true;
      } catch {
        return false;
      }
    };
    let written = false;
    if (this.whole) {
      written = write({ id: this.id, tab: this.deps.tab, seq, base: this.revision, text: change.text, at });
      // Too large for the log's quota: from now on, the changes since the last save.
      if (!written) this.whole = false;
    }
    if (!written && this.chain) {
      written = write({ id: this.id, tab: this.deps.tab, seq, base: this.chainBase.revision, baseSeq: this.chainBase.seq, patches: this.chain, at });
    }
    if (!written) {
      // The log is a second line of defence; the save to IndexedDB below still runs and
      // reports its own failures. An older entry must not stay behind to be taken for
      // unsaved work later.
      try {
        this.deps.wal.remove(this.key);
      } catch {
        // Nothing more to do.
      }
    }
    this.pending = { ...change, seq };
    this.kick();
    return written;
  }

  /** A change of this page is now the stored revision: the chain of patches starts after it. */
  private landed(seq: number, text: string, revision: number): void {
    this.chainBase = { revision, seq };
    if (this.chain) {
      const rest = this.chain.filter((p) => p.after >= seq);
      this.chain = rest.length === 0 || rest[0].after === seq ? rest : undefined;
    } else if (this.seq === seq) this.chain = [];
    if (!this.chain && this.lastText !== undefined) this.chain = [{ after: seq, seq: this.seq, ...diffText(text, this.lastText) }];
  }

  /** Resolves once every change made so far was saved (or its save failed). */
  async flush(): Promise<void> {
    if (this.failed && this.pending) this.kick();
    while (this.running) await this.running;
  }

  /**
   * Takes a revision another page saved, if this page has nothing unsaved; returns whether
   * the page should show it. With unsaved changes the next save finds the newer revision
   * and keeps both.
   */
  acceptRemote(revision: number, text?: string): boolean {
    if (revision <= this.revision || this.dirty) return false;
    this.revision = revision;
    this.lastText = text;
    this.chain = text === undefined ? undefined : [];
    this.chainBase = { revision, seq: this.seq };
    return true;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const change = this.pending;
      this.pending = undefined;
      try {
        await this.save(change);
        this.failed = false;
      } catch (e) {
        this.failed = true;
        // Keep the change unless a newer one came meanwhile; the next change retries.
        this.pending ??= change;
        this.deps.onError?.(e);
        return;
      }
    }
    // Everything is in IndexedDB: the log entry is no longer needed.
    try {
      this.deps.wal.remove(this.key);
    } catch {
      // Nothing to do: a stale entry is recognised as already saved on the next open.
    }
  }

  private async save(change: Change & { seq: number }): Promise<void> {
    const { backend, tab } = this.deps;
    let expected = this.revision;
    let keptCopy: DocMeta | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.deps.now();
      const record: StoredDoc = { id: this.id, revision: expected + 1, text: change.text, updatedAt: now, writer: { tab, seq: change.seq } };
      const meta: DocMeta = { ...change.meta, revision: record.revision, updatedAt: now };
      const result = await backend.commit(record, meta, change.history, expected === 0 ? undefined : expected);
      if (result.ok) {
        this.revision = record.revision;
        this.landed(change.seq, change.text, record.revision);
        this.deps.onSaved?.({ revision: record.revision, text: change.text, keptCopy });
        return;
      }
      const current = result.current;
      if (!current) {
        // Deleted for good elsewhere: save it again as it is here.
        expected = 0;
        continue;
      }
      if (current.text === change.text) {
        // The same state reached the library another way (another page recovered our log).
        this.revision = current.revision;
        this.landed(change.seq, change.text, current.revision);
        return;
      }
      // Another page saved a version this page has not seen: keep it as a copy, then save ours.
      keptCopy = await this.deps.keepCopy(current.text, 'other-tab');
      expected = current.revision;
    }
    throw new Error('the document kept changing in another tab; try again');
  }

}

/** What opening a stored document found. */
export interface OpenedDoc {
  record: StoredDoc;
  history: StoredHistory | undefined;
  /** Changes found in the write-ahead log that were newer than the stored record. */
  recovered: boolean;
  /** Unsaved versions that could not be applied (made on an older revision), kept as copies. */
  copies: DocMeta[];
  /** Log entries of changes that could not be rebuilt (patches whose base another page replaced). */
  lost: number;
}

/**
 * The text a log entry holds: its whole text, or the stored text its patches start from with
 * them applied in order — the base revision, or a later one this same page saved meanwhile
 * (the patches after it). Undefined when neither is stored any more.
 */
function entryText(entry: WalEntry, record: StoredDoc | undefined): string | undefined {
  if (entry.patches === undefined) return entry.text;
  if (!record) return undefined;
  let at: number;
  if (record.writer?.tab === entry.tab && record.revision >= entry.base) at = record.writer.seq;
  else if (record.revision === entry.base) at = entry.baseSeq ?? 0;
  else return undefined;
  let text: string | undefined = record.text;
  for (const p of entry.patches) {
    if (p.after < at) continue;
    if (p.after !== at) return undefined;
    text = applyPatch(text, p);
    if (text === undefined) return undefined;
    at = p.seq;
  }
  return text;
}

/** Whether a log entry already includes everything in the stored record. */
function isDescendant(entry: WalEntry, record: StoredDoc): boolean {
  if (entry.base === record.revision) return true;
  return record.writer !== undefined && record.writer.tab === entry.tab && record.writer.seq <= entry.seq;
}

/**
 * Opens a stored document, first applying what the write-ahead log holds for it: a change
 * newer than the record is saved as the next revision; one made on an older revision (a
 * conflict) is kept as a copy. Log entries are removed only once IndexedDB has them.
 */
export async function openStoredDocument(
  id: string,
  deps: Pick<SaverDeps, 'backend' | 'wal' | 'now' | 'keepCopy'> & { describe(text: string): Change['meta'] },
): Promise<OpenedDoc | undefined> {
  const { backend, wal } = deps;
  let record = await backend.readDoc(id);
  let history = record ? await backend.readHistory(id) : undefined;
  let recovered = false;
  let lost = 0;
  const copies: DocMeta[] = [];
  // The page that wrote an entry may still be alive and have written a newer one meanwhile:
  // remove only what was read.
  const done = (key: string, raw: string) => {
    if (wal.get(key) === raw) wal.remove(key);
  };
  for (const { key, raw, entry } of readWalEntries(wal, id)) {
    const text = entryText(entry, record);
    if (text === undefined) {
      lost++;
      done(key, raw);
      continue;
    }
    if (record && text === record.text) {
      done(key, raw);
      continue;
    }
    if (!record || isDescendant(entry, record)) {
      const now = deps.now();
      const next: StoredDoc = { id, revision: (record?.revision ?? 0) + 1, text, updatedAt: now, writer: { tab: entry.tab, seq: entry.seq } };
      const nextHistory: StoredHistory | undefined = record
        ? { past: [...(history?.past ?? []), record.text], future: [] }
        : history;
      const result = await backend.commit(next, { ...deps.describe(text), revision: next.revision, updatedAt: now }, nextHistory, record?.revision);
      if (!result.ok) {
        // Someone saved meanwhile: start over with what is stored now.
        return openStoredDocument(id, deps);
      }
      record = next;
      history = nextHistory;
      recovered = true;
    } else {
      copies.push(await deps.keepCopy(text, 'unsaved'));
    }
    done(key, raw);
  }
  return record ? { record, history, recovered, copies, lost } : undefined;
}
