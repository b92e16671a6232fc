import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWalEntry, writeWalEntry, type CommitResult, type DocMeta, type LibraryBackend, type StoredDoc, type StoredHistory, type WalStore } from '../../src/app/persistence/backend';
import { openStoredDocument, Saver, type Change } from '../../src/app/persistence/saver';

// Any sequence of edits, saves and reloads — the page may die between any two storage
// operations, including between IndexedDB accepting a save and the write-ahead log being
// cleared — ends with the last edit saved. The fake storage runs each operation only when the
// test says so; a crash drops every operation still queued and silences the dead page.

const ID = 'doc';

class World {
  docs = new Map<string, StoredDoc>();
  metas = new Map<string, DocMeta>();
  hists = new Map<string, StoredHistory>();
  ls = new Map<string, string>();
  queue: (() => void)[] = [];
  generation = 0;
  copies = 0;

  backend(gen: number): LibraryBackend {
    const op = <T>(f: () => T) =>
      new Promise<T>((resolve) => {
        this.queue.push(() => {
          if (this.generation === gen) resolve(f());
        });
      });
    return {
      readDoc: (id) => op(() => this.docs.get(id)),
      readHistory: (id) => op(() => this.hists.get(id)),
      commit: (record, meta, history, expected) =>
        op((): CommitResult => {
          const current = this.docs.get(record.id);
          if (current?.revision !== expected) return { ok: false, current };
          this.docs.set(record.id, record);
          this.metas.set(record.id, meta);
          if (history) this.hists.set(record.id, history);
          return { ok: true };
        }),
      listMeta: () => op(() => [...this.metas.values()]),
      putMeta: (meta) => op(() => void this.metas.set(meta.id, meta)),
      purge: (id) => op(() => void this.docs.delete(id)),
      getExtra: () => op(() => undefined),
      setExtra: () => op(() => undefined),
      deleteExtra: () => op(() => undefined),
    };
  }

  /** The log's quota in characters (localStorage's is about five million). */
  quota = Infinity;

  wal(gen: number): WalStore {
    const live = () => this.generation === gen;
    return {
      get: (k) => this.ls.get(k) ?? null,
      set: (k, v) => {
        if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
        if (live()) this.ls.set(k, v);
      },
      remove: (k) => void (live() && this.ls.delete(k)),
      keys: () => [...this.ls.keys()],
    };
  }
}

const meta = (text: string): Change['meta'] => ({ id: ID, title: text, systems: 0, entities: 0, links: 0, steps: 0, createdAt: 0 });

/** One page: opening the document (recovering the log), then saving edits. */
class Page {
  saver: Saver | undefined;
  readonly gen: number;
  constructor(readonly world: World) {
    this.gen = ++world.generation;
    world.queue = [];
    const backend = world.backend(this.gen);
    const wal = world.wal(this.gen);
    const tab = `tab${this.gen}`;
    const keepCopy = async (text: string) => {
      world.copies++;
      return { ...meta(text), id: `copy${world.copies}`, revision: 1, updatedAt: 0 };
    };
    let clock = 0;
    const now = () => ++clock;
    void openStoredDocument(ID, { backend, wal, now, keepCopy, describe: meta }).then((opened) => {
      if (world.generation !== this.gen || !opened) return;
      this.saver = new Saver(ID, opened.record.revision, { backend, wal, tab, now, keepCopy }, opened.record.text);
      this.text = opened.record.text;
    });
  }
  text: string | undefined;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function step(world: World): Promise<void> {
  world.queue.shift()?.();
  await settle();
}

type Command = { kind: 'edit' } | { kind: 'step' } | { kind: 'crash' } | { kind: 'step-then-crash' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'edit' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'step' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'step-then-crash' as const }) },
);

/**
 * Runs commands on one page at a time. `large`: texts too long for the log's quota, so it
 * holds patches (the changes since the last save) instead of whole texts.
 */
async function runScenario(commands: readonly Command[], large = false): Promise<void> {
  const world = new World();
  // Each edit changes the middle of a long text, as an edit of a large document does.
  const pad = large ? 'x'.repeat(10_000) : '';
  const version = (k: number) => `${pad}v${k}${pad}`;
  if (large) world.quota = 15_000;
  world.docs.set(ID, { id: ID, revision: 1, text: version(0), updatedAt: 0 });
  world.metas.set(ID, { ...meta('v0'), revision: 1, updatedAt: 0 });
  let page = new Page(world);
  let last = version(0);
  let n = 0;
  for (const c of commands) {
    if (c.kind === 'edit') {
      // A page takes edits once its document is open.
      if (!page.saver) continue;
      last = version(++n);
      page.saver.change({ text: last, meta: meta(last), history: { past: [], future: [] } });
      await settle();
    } else if (c.kind === 'step') {
      await step(world);
    } else {
      if (c.kind === 'step-then-crash') world.queue.shift()?.(); // the operation lands, nothing after it runs
      page = new Page(world);
      await settle();
    }
  }
  // A last reload, left to finish: it must show the last edit.
  page = new Page(world);
  for (let i = 0; i < 1000 && !page.saver; i++) await step(world);
  expect(page.saver).toBeDefined();
  expect(page.text).toBe(last);
  expect(world.docs.get(ID)!.text).toBe(last);
  // One page at a time never conflicts with itself: no copies were made.
  expect(world.copies).toBe(0);
  // Once open, nothing is left in the write-ahead log.
  expect([...world.ls.keys()]).toEqual([]);
}

describe('saving survives any crash', () => {
  it('any sequence of edits and reloads ends with the last edit saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), (commands) => runScenario(commands)),
      { numRuns: 300 },
    );
  });

  it('a reload right after an edit, before any storage operation ran, keeps it', async () => {
    await runScenario([{ kind: 'step' }, { kind: 'step' }, { kind: 'edit' }, { kind: 'crash' }]);
  });

  it('a crash between IndexedDB accepting a save and the log being cleared keeps the newest edit', async () => {
    await runScenario([
      { kind: 'step' },
      { kind: 'step' },
      { kind: 'edit' },
      { kind: 'edit' },
      { kind: 'step-then-crash' },
    ]);
  });

  it('the same for a document too large for the log: it holds the changes since the last save', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), (commands) => runScenario(commands, true)),
      { numRuns: 300 },
    );
    await runScenario([{ kind: 'step' }, { kind: 'step' }, { kind: 'edit' }, { kind: 'edit' }, { kind: 'step-then-crash' }], true);
  });
});

// Two tabs on one document: edits in both, saves and messages between them delivered in any
// order, either tab dying at any point. A tab's last own edit is in the library afterwards —
// as the document, as a copy kept beside it, or inside a later edit made on top of it.

class SharedWorld extends World {
  /** Every operation with the page it belongs to; a step runs any one of them. */
  jobs: { page: number; run: () => void }[] = [];
  dead = new Set<number>();
  copyTexts: string[] = [];

  sharedBackend(page: number): LibraryBackend {
    // Every page counts as live for the inner backend; dead pages' jobs are never picked.
    const inner = this.backend(this.generation);
    // Route the inner queue into the shared job list, tagged with the page.
    const wrap =
      <A extends unknown[], T>(f: (...args: A) => Promise<T>) =>
      (...args: A): Promise<T> => {
        const result = f(...args);
        const job = this.queue.pop()!;
        this.jobs.push({ page, run: job });
        return result;
      };
    return {
      readDoc: wrap(inner.readDoc),
      readHistory: wrap(inner.readHistory),
      commit: wrap(inner.commit),
      listMeta: wrap(inner.listMeta),
      putMeta: wrap(inner.putMeta),
      purge: wrap(inner.purge),
      getExtra: wrap(inner.getExtra),
      setExtra: wrap(inner.setExtra),
      deleteExtra: wrap(inner.deleteExtra),
    };
  }
}

class Tab {
  saver: Saver | undefined;
  text: string | undefined;
  /** The tab's last own edit. */
  own: string | undefined;
  constructor(
    readonly world: SharedWorld,
    readonly page: number,
    readonly others: () => Tab[],
  ) {
    const backend = world.sharedBackend(page);
    const live = () => !world.dead.has(page);
    const wal: WalStore = {
      get: (k) => world.ls.get(k) ?? null,
      set: (k, v) => void (live() && world.ls.set(k, v)),
      remove: (k) => void (live() && world.ls.delete(k)),
      keys: () => [...world.ls.keys()],
    };
    const keepCopy = (text: string) =>
      new Promise<DocMeta>((resolve) => {
        world.jobs.push({
          page,
          run: () => {
            if (!live()) return;
            world.copyTexts.push(text);
            resolve({ ...meta(text), id: `copy${world.copyTexts.length}`, revision: 1, updatedAt: 0 });
          },
        });
      });
    let clock = 0;
    const now = () => ++clock;
    void openStoredDocument(ID, { backend, wal, now, keepCopy, describe: meta }).then((opened) => {
      if (!live() || !opened) return;
      this.text = opened.record.text;
      this.saver = new Saver(
        ID,
        opened.record.revision,
        {
        backend,
        wal,
        tab: `tab${page}`,
        now,
        keepCopy,
        onSaved: ({ revision, text }) => {
          // A BroadcastChannel message: delivered later, in any order with other work.
          for (const other of this.others()) {
            world.jobs.push({
              page: other.page,
              run: () => {
                if (world.dead.has(other.page) || !other.saver) return;
                if (other.saver.acceptRemote(revision, text)) other.text = text;
              },
            });
          }
        },
        },
        opened.record.text,
      );
    });
  }
}

type TwoTabCommand = { kind: 'edit'; tab: 0 | 1 } | { kind: 'step'; pick: number } | { kind: 'crash'; tab: 0 | 1 };

const twoTabCommand: fc.Arbitrary<TwoTabCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), tab: fc.constantFrom(0 as const, 1 as const) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('step' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), tab: fc.constantFrom(0 as const, 1 as const) }) },
);

async function runTwoTabs(commands: readonly TwoTabCommand[]): Promise<void> {
  const world = new SharedWorld();
  world.docs.set(ID, { id: ID, revision: 1, text: 'v0', updatedAt: 0 });
  let pageCount = 0;
  const tabs: Tab[] = [];
  const open = (slot: number) => {
    const page = ++pageCount;
    tabs[slot] = new Tab(world, page, () => tabs.filter((t) => t.page !== page));
  };
  open(0);
  open(1);
  const mustSurvive = new Set<string>();
  /** Each edit's text → the text it was made on. */
  const parent = new Map<string, string>();
  let n = 0;
  for (const c of commands) {
    if (c.kind === 'edit') {
      const tab = tabs[c.tab];
      if (!tab.saver) continue;
      const from = tab.text!;
      tab.text = `t${c.tab}-${++n}`;
      parent.set(tab.text, from);
      tab.own = tab.text;
      tab.saver.change({ text: tab.text, meta: meta(tab.text), history: undefined });
    } else if (c.kind === 'step') {
      const live = world.jobs.filter((j) => !world.dead.has(j.page));
      if (live.length === 0) continue;
      const job = live[c.pick % live.length];
      world.jobs.splice(world.jobs.indexOf(job), 1);
      job.run();
    } else {
      const tab = tabs[c.tab];
      if (tab.own !== undefined) mustSurvive.add(tab.own);
      world.dead.add(tab.page);
      open(c.tab);
    }
    await settle();
  }
  for (const tab of tabs) {
    if (tab.own !== undefined) mustSurvive.add(tab.own);
    world.dead.add(tab.page);
  }
  // One last page opens the document and recovers every log entry left behind.
  const last = ++pageCount;
  const final = new Tab(world, last, () => []);
  for (let i = 0; i < 2000 && !final.saver; i++) {
    const job = world.jobs.find((j) => !world.dead.has(j.page));
    if (job) {
      world.jobs.splice(world.jobs.indexOf(job), 1);
      job.run();
    }
    await settle();
  }
  expect(final.saver).toBeDefined();
  const kept = [world.docs.get(ID)!.text, ...world.copyTexts];
  const survived = new Set<string>();
  for (const text of kept) for (let t: string | undefined = text; t !== undefined; t = parent.get(t)) survived.add(t);
  for (const text of mustSurvive) expect(survived, `lost ${text}`).toContain(text);
}

describe('two tabs on one document', () => {
  it('never lose a tab’s last edit: it is the document or a copy kept beside it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(twoTabCommand, { maxLength: 50 }), (commands) => runTwoTabs(commands)),
      { numRuns: 300 },
    );
  });
});

describe('write-ahead entries', () => {
  it('keep any text exactly (stored unescaped after a header line), and entries of the older form still read', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, seq) => {
        const entry = { id: 'd1', tab: 't\n"x"', seq, base: 3, text: `{\n  "a": "${text}"\n}\n`, at: 17 };
        const raw = writeWalEntry(entry);
        expect(readWalEntry(raw)).toEqual(entry);
        // Written by the previous version: the whole entry as one JSON object.
        expect(readWalEntry(JSON.stringify(entry))).toEqual(entry);
      }),
    );
    expect(readWalEntry('{"id":"d1"')).toBeUndefined();
    expect(readWalEntry('{"id":"d1"}\ntext')).toEqual({ id: 'd1', text: 'text' });
    expect(readWalEntry('{"id":"d1","text":1}')).toBeUndefined();
    expect(readWalEntry('not json\n{}')).toBeUndefined();
  });
});
