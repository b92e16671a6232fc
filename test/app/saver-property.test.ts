import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommitResult, DocMeta, LibraryBackend, StoredDoc, StoredHistory, WalStore } from '../../src/app/persistence/backend';
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

  wal(gen: number): WalStore {
    const live = () => this.generation === gen;
    return {
      get: (k) => this.ls.get(k) ?? null,
      set: (k, v) => void (live() && this.ls.set(k, v)),
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
      this.saver = new Saver(ID, opened.record.revision, { backend, wal, tab, now, keepCopy });
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

async function runScenario(commands: readonly Command[]): Promise<void> {
  const world = new World();
  world.docs.set(ID, { id: ID, revision: 1, text: 'v0', updatedAt: 0 });
  world.metas.set(ID, { ...meta('v0'), revision: 1, updatedAt: 0 });
  let page = new Page(world);
  let last = 'v0';
  let n = 0;
  for (const c of commands) {
    if (c.kind === 'edit') {
      // A page takes edits once its document is open.
      if (!page.saver) continue;
      last = `v${++n}`;
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
});
