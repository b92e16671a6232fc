// Rebasing undo steps onto another writer's version. A tab's undo history is a list of
// document snapshots; when another tab saves a newer version, that tab's change (the
// difference between the version this tab had and the new one) is carried into each
// snapshot, so undo goes back through this tab's own edits with the other tab's change kept.
// A snapshot that cannot take the change — its own later edits touched what the other tab
// changed — is where undo stops. Generic over JSON: objects key by key, arrays of objects
// with unique string ids item by item, anything else as a whole value.

/** What changed from one JSON value to another. */
export type Delta =
  /** Replaced as a whole (`from` is the old value, to check a target against). */
  | { kind: 'set'; from: unknown; to: unknown }
  /** Some keys changed. */
  | { kind: 'object'; keys: Map<string, Delta> }
  /** An array of objects with ids: items changed, removed, added (each after the item it follows, in order). */
  | { kind: 'items'; changed: Map<string, Delta>; removed: Set<string>; added: { item: unknown; after: string | undefined }[] };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// Own keys only: a document may carry any key (`constructor`, `__proto__` from JSON.parse).
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const put = (o: Obj, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** Whether two JSON values are equal (a key set to undefined counts as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Without allocating: documents are compared whole when another tab's version arrives.
  let keys = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    const v = (a as Obj)[k];
    if (v === undefined) continue;
    keys++;
    if (!sameJson(v, own(b as Obj, k))) return false;
  }
  for (const k in b) if (Object.hasOwn(b, k) && (b as Obj)[k] !== undefined) keys--;
  return keys === 0;
}

const byIdCache = new WeakMap<readonly unknown[], Map<string, Obj> | null>();

/** The items of an array by id, when every item is an object with a unique string id. */
function byId(list: readonly unknown[]): Map<string, Obj> | undefined {
  const cached = byIdCache.get(list);
  if (cached !== undefined) return cached ?? undefined;
  let map: Map<string, Obj> | null = new Map();
  for (const x of list) {
    if (!isObject(x) || typeof x.id !== 'string' || map.has(x.id)) {
      map = null;
      break;
    }
    map.set(x.id, x);
  }
  byIdCache.set(list, map);
  return map ?? undefined;
}

/** Whether the ids both arrays hold come in the same order in each. */
function sameOrder(a: readonly unknown[], b: readonly unknown[], inA: Map<string, Obj>, inB: Map<string, Obj>): boolean {
  const common = (list: readonly unknown[], other: Map<string, Obj>) => list.map((x) => (x as Obj).id as string).filter((id) => other.has(id));
  const x = common(a, inB);
  const y = common(b, inA);
  return x.every((id, i) => id === y[i]);
}

/** The change from `base` to `next`; undefined when they are equal. */
export function diffJson(base: unknown, next: unknown): Delta | undefined {
  if (base === next) return undefined;
  if (isObject(base) && isObject(next)) {
    const keys = new Map<string, Delta>();
    for (const k of new Set([...Object.keys(base), ...Object.keys(next)])) {
      const d = diffJson(own(base, k), own(next, k));
      if (d) keys.set(k, d);
    }
    return keys.size ? { kind: 'object', keys } : undefined;
  }
  if (Array.isArray(base) && Array.isArray(next)) {
    const a = byId(base);
    const b = byId(next);
    // A reordering is a change of the whole list.
    if (a && b && sameOrder(base, next, a, b)) {
      const changed = new Map<string, Delta>();
      const removed = new Set<string>();
      const added: { item: unknown; after: string | undefined }[] = [];
      for (const [id, item] of a) {
        const other = b.get(id);
        if (other === undefined) removed.add(id);
        else if (!sameJson(item, other)) {
          const d = diffJson(item, other);
          if (d) changed.set(id, d);
        }
      }
      let after: string | undefined;
      for (const item of next as Obj[]) {
        const id = item.id as string;
        if (!a.has(id)) added.push({ item, after });
        after = id;
      }
      return changed.size || removed.size || added.length ? { kind: 'items', changed, removed, added } : undefined;
    }
  }
  return sameJson(base, next) ? undefined : { kind: 'set', from: base, to: next };
}

class Conflict extends Error {}

function apply(d: Delta, target: unknown): unknown {
  switch (d.kind) {
    case 'set':
      if (target === d.from || sameJson(target, d.from)) return d.to;
      if (sameJson(target, d.to)) return target;
      throw new Conflict();
    case 'object': {
      if (!isObject(target)) throw new Conflict();
      let out: Obj | undefined;
      for (const [k, kd] of d.keys) {
        const was = own(target, k);
        const v = apply(kd, was);
        if (v === was) continue;
        out ??= { ...target };
        if (v === undefined) delete out[k];
        else put(out, k, v);
      }
      return out ?? target;
    }
    case 'items': {
      if (!Array.isArray(target)) throw new Conflict();
      const items = byId(target);
      if (!items) throw new Conflict();
      let changed = false;
      const out: unknown[] = [];
      for (const x of target) {
        const id = (x as Obj).id as string;
        if (d.removed.has(id)) {
          changed = true;
          continue;
        }
        const cd = d.changed.get(id);
        const v = cd ? apply(cd, x) : x;
        if (v !== x) changed = true;
        out.push(v);
      }
      // Changed there but not here: this version added it since, and undoing that would lose the change.
      for (const id of d.changed.keys()) if (!items.has(id)) throw new Conflict();
      for (const { item, after } of d.added) {
        const id = (item as Obj).id as string;
        const here = items.get(id);
        if (here) {
          if (!sameJson(here, item)) throw new Conflict();
          continue;
        }
        // After the item it follows there (at the end when this version has no such item).
        let at = 0;
        if (after !== undefined) {
          const i = out.findIndex((x) => (x as Obj).id === after);
          at = i < 0 ? out.length : i + 1;
        }
        out.splice(at, 0, item);
        changed = true;
      }
      return changed ? out : target;
    }
  }
}

/** Applies a change to a value; undefined when it cannot apply (the value changed what the change changes). */
export function applyDelta<T>(d: Delta | undefined, target: T): T | undefined {
  if (!d) return target;
  try {
    return apply(d, target) as T;
  } catch (e) {
    if (e instanceof Conflict) return undefined;
    throw e;
  }
}

/** Undo and redo snapshots carried onto another writer's version. */
export interface Rebased<T> {
  /** The other writer's version, sharing what did not change with the version it replaces. */
  doc: T;
  /** The undo snapshots that took the change (the newest ones, oldest first). */
  past: T[];
  /** The redo snapshots that took it (the next first). */
  future: T[];
  /** Whether older undo steps (or later redo steps) were dropped because they could not take it. */
  cut: boolean;
}

/**
 * Carries the change from `mine` to `theirs` into undo snapshots (oldest first) and redo
 * snapshots (next first), keeping each run up to the first snapshot that cannot take it.
 */
export function rebaseHistory<T>(mine: T, theirs: T, past: readonly T[], future: readonly T[]): Rebased<T> {
  const d = diffJson(mine, theirs);
  const doc = applyDelta(d, mine) ?? theirs;
  const rebasedPast: T[] = [];
  let cut = false;
  for (let i = past.length - 1; i >= 0; i--) {
    const p = applyDelta(d, past[i]);
    if (p === undefined) {
      cut = true;
      break;
    }
    rebasedPast.push(p);
  }
  rebasedPast.reverse();
  const rebasedFuture: T[] = [];
  for (const f of future) {
    const n = applyDelta(d, f);
    if (n === undefined) {
      cut = true;
      break;
    }
    rebasedFuture.push(n);
  }
  return { doc, past: rebasedPast, future: rebasedFuture, cut };
}
