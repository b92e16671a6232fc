import type { CrosswalkDocument } from './types';

/** Every document-wide id in use (systems, entities, links, notes, steps). */
export function collectIds(doc: CrosswalkDocument): Set<string> {
  const ids = new Set<string>();
  for (const s of doc.systems) ids.add(s.id);
  for (const e of doc.entities) ids.add(e.id);
  for (const l of doc.links) ids.add(l.id);
  for (const n of doc.notes ?? []) ids.add(n.id);
  for (const s of doc.walkthrough ?? []) ids.add(s.id);
  return ids;
}

/** A readable id stem from a name: `Work Email` → `work-email`. Non-Latin names keep their letters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'item';
}

/**
 * Returns `base`, or `base-2`, `base-3`… — the first one not in `taken`.
 * Deterministic, so the same edits give the same ids.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = slugify(base);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}
