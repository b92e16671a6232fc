import type { MappingPair } from '../../model/mapping-table';
import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Link } from '../../model/types';
import type { Selection, TableSide } from '../store/store';

// Which pair the mapping table opens on, from what the user has selected: a flow or a mapping
// gives its two systems, two systems give themselves, an entity gives what feeds it (or what
// it feeds); with nothing useful selected, the first pair of systems that has mappings.

/** One side of the table: a whole system or one entity. */
export type Side = TableSide;

/** The entities of a side, in document order. */
export function sideEntities(doc: CrosswalkDocument, side: Side): string[] {
  return 'system' in side ? doc.entities.filter((e) => e.system === side.system).map((e) => e.id) : doc.entities.some((e) => e.id === side.entity) ? [side.entity] : [];
}

/** The pair of two sides. */
export function pairOf(doc: CrosswalkDocument, source: Side, target: Side): MappingPair {
  return { sources: sideEntities(doc, source), targets: sideEntities(doc, target) };
}

function systemOfEntity(doc: CrosswalkDocument, id: string): string | undefined {
  return doc.entities.find((e) => e.id === id)?.system;
}

function linkSides(doc: CrosswalkDocument, l: Link): [Side, Side] | undefined {
  if (isSystemEndpoint(l.from) && isSystemEndpoint(l.to)) return [{ system: l.from.system }, { system: l.to.system }];
  if (!isEntityEndpoint(l.from) || !isEntityEndpoint(l.to)) return undefined;
  const a = systemOfEntity(doc, l.from.entity);
  const b = systemOfEntity(doc, l.to.entity);
  return a !== undefined && b !== undefined && a !== b ? [{ system: a }, { system: b }] : [{ entity: l.from.entity }, { entity: l.to.entity }];
}

/** The sides the table opens on for a selection, or undefined when the document has no two sides to map. */
export function sidesForSelection(doc: CrosswalkDocument, selection: Selection): [Side, Side] | undefined {
  const ids = selection.field ? [selection.field.entity, ...selection.ids] : selection.ids;
  const link = doc.links.find((l) => l.id === ids[0]);
  if (link) return linkSides(doc, link);
  const systems = ids.filter((id) => doc.systems.some((s) => s.id === id));
  if (systems.length >= 2) return [{ system: systems[0] }, { system: systems[1] }];
  const entity = doc.entities.find((e) => e.id === ids[0]);
  if (entity) {
    const into = doc.links.find((l) => l.kind === 'mapping' && isEntityEndpoint(l.to) && l.to.entity === entity.id && isEntityEndpoint(l.from));
    if (into && isEntityEndpoint(into.from)) return [{ entity: into.from.entity }, { entity: entity.id }];
    const out = doc.links.find((l) => l.kind === 'mapping' && isEntityEndpoint(l.from) && l.from.entity === entity.id && isEntityEndpoint(l.to));
    if (out && isEntityEndpoint(out.to)) return [{ entity: entity.id }, { entity: out.to.entity }];
  }
  const system = systems[0] ?? entity?.system;
  const firstMapping = doc.links.find((l) => {
    if (l.kind !== 'mapping') return false;
    const sides = linkSides(doc, l);
    return sides !== undefined && (system === undefined || sides.some((s) => 'system' in s && s.system === system));
  });
  if (firstMapping) return linkSides(doc, firstMapping);
  if (doc.systems.length >= 2) return [{ system: doc.systems[0].id }, { system: doc.systems[1].id }];
  return undefined;
}
