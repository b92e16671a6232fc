import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint, type Entity, type Link } from '../model/types';

// Which pairs of systems a document joins, and the links between them: what the integration
// view (integration.ts) draws, asked apart from its layout, so the app's actions, palette and
// inspector can ask without loading the layout (lanes.ts) until the view opens.

/** A direction between two systems (undefined: entities in no system). */
export interface SystemPair {
  source: string | undefined;
  target: string | undefined;
}

/** Control characters, lone surrogates and non-characters: removed from every output text. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/** A text on one line, without control characters. */
export const oneLine = (t: string) => t.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();

/** The system an endpoint lives in (undefined: an entity in no system, or unknown). */
export function endpointSystemId(byEntity: ReadonlyMap<string, Entity>, ep: Endpoint): string | undefined {
  return isSystemEndpoint(ep) ? ep.system : byEntity.get(ep.entity)?.system;
}

/**
 * The links a direction shows, in reading order (source entity, then field order): the
 * mappings from an entity of `source` into one of `target`, then the flows from system to system.
 */
export function pairLinks(doc: CrosswalkDocument, pair: SystemPair): Link[] {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const entityRank = new Map(doc.entities.map((e, i) => [e.id, i]));
  const order = (ep: Endpoint) => {
    if (!isEntityEndpoint(ep)) return -1;
    const e = byEntity.get(ep.entity);
    const f = e && ep.field !== undefined ? e.fields.findIndex((x) => x.id === ep.field) : -1;
    return (entityRank.get(ep.entity) ?? 0) * 100000 + f;
  };
  const mappings = doc.links.filter(
    (l) =>
      l.kind === 'mapping' &&
      isEntityEndpoint(l.from) &&
      isEntityEndpoint(l.to) &&
      byEntity.has(l.from.entity) &&
      byEntity.has(l.to.entity) &&
      endpointSystemId(byEntity, l.from) === pair.source &&
      endpointSystemId(byEntity, l.to) === pair.target,
  );
  mappings.sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  const flows =
    pair.source !== undefined && pair.target !== undefined && pair.source !== pair.target
      ? doc.links.filter((l) => l.kind === 'flow' && isSystemEndpoint(l.from) && isSystemEndpoint(l.to) && l.from.system === pair.source && l.to.system === pair.target)
      : [];
  return [...flows, ...mappings];
}

/** A pair of systems with something between them, either way. */
export interface PairSummary {
  /** The direction with more mappings (ties: document order). */
  pair: SystemPair;
  /** Links drawn in that direction and in the other. */
  forward: number;
  backward: number;
}

/** Every pair of distinct systems joined by mappings or flows, in document order. */
export function integrationPairs(doc: CrosswalkDocument): PairSummary[] {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const rank = new Map(doc.systems.map((s, i) => [s.id, i]));
  const counts = new Map<string, { a: string; b: string; ab: number; ba: number }>();
  for (const l of doc.links) {
    if (l.kind === 'relation') continue;
    if (l.kind === 'mapping' && !(isEntityEndpoint(l.from) && isEntityEndpoint(l.to))) continue;
    if (l.kind === 'flow' && !(isSystemEndpoint(l.from) && isSystemEndpoint(l.to))) continue;
    const s = endpointSystemId(byEntity, l.from);
    const t = endpointSystemId(byEntity, l.to);
    if (s === undefined || t === undefined || s === t || !rank.has(s) || !rank.has(t)) continue;
    const [a, b] = rank.get(s)! <= rank.get(t)! ? [s, t] : [t, s];
    const key = `${a}\u0000${b}`;
    const c = counts.get(key) ?? { a, b, ab: 0, ba: 0 };
    if (s === a) c.ab++;
    else c.ba++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort((x, y) => rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!)
    .map((c) => (c.ba > c.ab ? { pair: { source: c.b, target: c.a }, forward: c.ba, backward: c.ab } : { pair: { source: c.a, target: c.b }, forward: c.ab, backward: c.ba }));
}

/**
 * Reads a pair written by a person: "Workday,Okta" (names, any case, or ids; a name wins
 * over nothing, an id over a name that several systems share). The error names what is wrong.
 */
export function resolvePair(doc: CrosswalkDocument, spec: string): { pair: SystemPair } | { error: string } {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) return { error: `--pair wants two systems separated by a comma ("Workday,Okta"), got "${spec}"` };
  const ids: string[] = [];
  for (const p of parts) {
    const byId = doc.systems.find((s) => s.id === p);
    const byName = doc.systems.filter((s) => s.name.trim().toLowerCase() === p.toLowerCase());
    const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!found) {
      const known = doc.systems.map((s) => s.name).join(', ') || 'none';
      return { error: byName.length > 1 ? `"${p}" names ${byName.length} systems: use an id (${byName.map((s) => s.id).join(', ')})` : `no system named "${p}" (systems: ${known})` };
    }
    ids.push(found.id);
  }
  if (ids[0] === ids[1]) return { error: `--pair names one system twice ("${spec}")` };
  return { pair: { source: ids[0], target: ids[1] } };
}

/** The pair a set of ids points at: two systems, or the systems at the ends of links. */
export function pairOfFocus(doc: CrosswalkDocument, ids: readonly string[]): SystemPair | undefined {
  const byEntity = new Map(doc.entities.map((e) => [e.id, e]));
  const systems = ids.filter((id) => doc.systems.some((s) => s.id === id));
  if (systems.length === 2) return orient(doc, { source: systems[0], target: systems[1] });
  for (const id of ids) {
    const l = doc.links.find((x) => x.id === id);
    if (!l || l.kind === 'relation') continue;
    const s = endpointSystemId(byEntity, l.from);
    const t = endpointSystemId(byEntity, l.to);
    if (s !== undefined && t !== undefined && s !== t) return { source: s, target: t };
  }
  const ofEntities = [...new Set(ids.map((id) => byEntity.get(id)?.system).filter((s): s is string => s !== undefined))];
  if (ofEntities.length === 2) return orient(doc, { source: ofEntities[0], target: ofEntities[1] });
  return undefined;
}

/** The direction of a pair with more links (the given one on a tie). */
export function orient(doc: CrosswalkDocument, pair: SystemPair): SystemPair {
  const back = { source: pair.target, target: pair.source };
  return pairLinks(doc, back).length > pairLinks(doc, pair).length ? back : pair;
}

/** "Workday → Okta". */
export function pairName(doc: CrosswalkDocument, pair: SystemPair): string {
  const name = (id: string | undefined) => (id === undefined ? 'no system' : oneLine(doc.systems.find((s) => s.id === id)?.name ?? id) || id);
  return pair.source === pair.target ? `within ${name(pair.source)}` : `${name(pair.source)} → ${name(pair.target)}`;
}
