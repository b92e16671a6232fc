import { computeCoverage, type GapKind } from './coverage';
import { collectIds, uniqueId } from './ids';
import { isEntityEndpoint, type CrosswalkDocument, type Entity, type Field, type Link } from './types';

// The mapping table: a mapping spec for a pair of systems (or entities), one row per TARGET
// field, mapped or not. Rows are derived from the document; every edit of a row is a pure
// operation on the document, so the canvas, the exports and undo see it at once.

/** What the table is about: source entities on one side, target entities on the other. */
export interface MappingPair {
  sources: readonly string[];
  targets: readonly string[];
}

/** A source of a row: a field, or a whole entity. */
export interface RowSource {
  entity: string;
  field?: string;
}

/** The state of a row, for the status column. */
export type RowStatus = 'mapped' | 'unmapped' | GapKind;

/** One row: a target field and what feeds it from the pair's sources. */
export interface MappingRow {
  /** Stable key: target entity and field ids. */
  key: string;
  entity: Entity;
  field: Field;
  /** The mappings from the pair's sources into this field, in document order. */
  links: Link[];
  sources: RowSource[];
  transform: string;
  notes: string;
  /** The most pressing state: a gap kind if it has one, else mapped / unmapped. */
  status: RowStatus;
}

/** The pair of two systems: every entity of one as sources, of the other as targets. */
export function systemPair(doc: CrosswalkDocument, sourceSystem: string, targetSystem: string): MappingPair {
  return {
    sources: doc.entities.filter((e) => e.system === sourceSystem).map((e) => e.id),
    targets: doc.entities.filter((e) => e.system === targetSystem).map((e) => e.id),
  };
}

const rowKey = (entity: string, field: string) => `${entity}\u0000${field}`;

/** Whether a mapping comes from the pair's sources into one of its targets. */
function inPair(l: Link, sources: ReadonlySet<string>, targets: ReadonlySet<string>): boolean {
  return l.kind === 'mapping' && isEntityEndpoint(l.from) && isEntityEndpoint(l.to) && sources.has(l.from.entity) && targets.has(l.to.entity) && l.to.field !== undefined;
}

/** The rows of the table, target entities in pair order, fields in entity order. Linear. */
export function mappingRows(doc: CrosswalkDocument, pair: MappingPair): MappingRow[] {
  const sources = new Set(pair.sources);
  const targets = new Set(pair.targets);
  const feeding = new Map<string, Link[]>();
  for (const l of doc.links) {
    if (!inPair(l, sources, targets) || !isEntityEndpoint(l.to)) continue;
    const key = rowKey(l.to.entity, l.to.field!);
    feeding.set(key, [...(feeding.get(key) ?? []), l]);
  }
  const gaps = new Map<string, GapKind>();
  for (const g of computeCoverage(doc).gaps) {
    const key = rowKey(g.entityId, g.fieldId);
    if (!gaps.has(key)) gaps.set(key, g.kind);
  }
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const rows: MappingRow[] = [];
  for (const id of pair.targets) {
    const entity = byId.get(id);
    if (!entity) continue;
    for (const field of entity.fields) {
      const key = rowKey(entity.id, field.id);
      const links = feeding.get(key) ?? [];
      rows.push({
        key,
        entity,
        field,
        links,
        sources: links.map((l) => (isEntityEndpoint(l.from) ? { entity: l.from.entity, ...(l.from.field === undefined ? {} : { field: l.from.field }) } : { entity: '' })),
        transform: links.find((l) => l.transform)?.transform ?? '',
        notes: links.find((l) => l.description)?.description ?? '',
        status: gaps.get(key) ?? (links.length ? 'mapped' : field.required ? 'unmapped-required' : 'unmapped'),
      });
    }
  }
  return rows;
}

const sameSource = (a: RowSource, b: RowSource) => a.entity === b.entity && a.field === b.field;

/**
 * Sets the sources of a row: mappings from sources no longer listed go, each new source gets
 * a mapping carrying the row's transform and notes. Returns the document unchanged when the
 * sources are the same.
 */
export function setRowSources(doc: CrosswalkDocument, pair: MappingPair, target: { entity: string; field: string }, next: readonly RowSource[]): CrosswalkDocument {
  const row = mappingRows(doc, { sources: pair.sources, targets: [target.entity] }).find((r) => r.field.id === target.field);
  if (!row) return doc;
  const keep = row.links.filter((l) => next.some((s) => isEntityEndpoint(l.from) && sameSource(s, { entity: l.from.entity, field: l.from.field })));
  const added = next.filter((s, i) => !row.sources.some((r) => sameSource(r, s)) && next.findIndex((o) => sameSource(o, s)) === i);
  if (keep.length === row.links.length && added.length === 0) return doc;
  const drop = new Set(row.links.filter((l) => !keep.includes(l)).map((l) => l.id));
  const taken = collectIds(doc);
  const fresh: Link[] = added.map((s) => {
    const id = uniqueId('map', taken);
    taken.add(id);
    return {
      id,
      kind: 'mapping',
      from: { entity: s.entity, ...(s.field === undefined ? {} : { field: s.field }) },
      to: { entity: target.entity, field: target.field },
      ...(row.transform ? { transform: row.transform } : {}),
      ...(row.notes ? { description: row.notes } : {}),
    };
  });
  const links = doc.links.filter((l) => !drop.has(l.id));
  // New mappings go after the row's last kept mapping (or at the end), so rows read in order.
  const anchor = keep.length ? links.indexOf(keep[keep.length - 1]) + 1 : links.length;
  const walkthrough = drop.size && doc.walkthrough?.some((s) => s.focus?.some((id) => drop.has(id)))
    ? doc.walkthrough.map((s) => (s.focus?.some((id) => drop.has(id)) ? { ...s, focus: s.focus.filter((id) => !drop.has(id)) } : s))
    : doc.walkthrough;
  return { ...doc, links: [...links.slice(0, anchor), ...fresh, ...links.slice(anchor)], ...(walkthrough === doc.walkthrough ? {} : { walkthrough }) };
}

/** Sets the transform (or notes) of every mapping of a row; an empty text removes it. */
export function setRowText(doc: CrosswalkDocument, pair: MappingPair, target: { entity: string; field: string }, column: 'transform' | 'notes', text: string): CrosswalkDocument {
  const row = mappingRows(doc, { sources: pair.sources, targets: [target.entity] }).find((r) => r.field.id === target.field);
  if (!row || row.links.length === 0) return doc;
  const key = column === 'transform' ? 'transform' : 'description';
  const ids = new Set(row.links.map((l) => l.id));
  let changed = false;
  const links = doc.links.map((l) => {
    if (!ids.has(l.id) || (l[key] ?? '') === text) return l;
    changed = true;
    const next: Link = { ...l };
    if (text) next[key] = text;
    else delete next[key];
    return next;
  });
  return changed ? { ...doc, links } : doc;
}

/**
 * Reads what a person types or pastes into a source cell: names separated by `,`, `+` or
 * `;`, each `Entity.field`, `field` (looked up in the pair's sources) or `Entity` (a whole
 * entity), case-insensitive. Returns the sources found and the names that match nothing.
 */
export function parseSourceCell(doc: CrosswalkDocument, pair: MappingPair, text: string): { sources: RowSource[]; unknown: string[] } {
  const entities = pair.sources.map((id) => doc.entities.find((e) => e.id === id)).filter((e): e is Entity => e !== undefined);
  const lower = (s: string) => s.trim().toLowerCase();
  const sources: RowSource[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;+\n]/).map((p) => p.trim()).filter(Boolean)) {
    const found = resolveSource(entities, part, lower);
    if (found) {
      if (!sources.some((s) => sameSource(s, found))) sources.push(found);
    } else unknown.push(part);
  }
  return { sources, unknown };
}

function resolveSource(entities: readonly Entity[], part: string, lower: (s: string) => string): RowSource | undefined {
  const want = lower(part);
  // A field name alone, in any source entity (the first in pair order wins).
  for (const e of entities) {
    const f = e.fields.find((x) => lower(x.name) === want);
    if (f) return { entity: e.id, field: f.id };
  }
  // `Entity.field`: split at every dot, since entity names may hold dots themselves.
  for (let i = part.indexOf('.'); i > 0; i = part.indexOf('.', i + 1)) {
    const entityName = lower(part.slice(0, i));
    const fieldName = lower(part.slice(i + 1));
    for (const e of entities) {
      if (lower(e.name) !== entityName) continue;
      const f = e.fields.find((x) => lower(x.name) === fieldName);
      if (f) return { entity: e.id, field: f.id };
    }
  }
  const whole = entities.find((e) => lower(e.name) === want);
  return whole ? { entity: whole.id } : undefined;
}

/** How a row's sources read in a cell: `Worker.First_Name + Worker.Last_Name`. */
export function formatSources(doc: CrosswalkDocument, sources: readonly RowSource[], withEntity: boolean): string {
  return sources
    .map((s) => {
      const e = doc.entities.find((x) => x.id === s.entity);
      if (!e) return s.entity;
      if (s.field === undefined) return e.name;
      const f = e.fields.find((x) => x.id === s.field)?.name ?? s.field;
      return withEntity ? `${e.name}.${f}` : f;
    })
    .join(' + ');
}
