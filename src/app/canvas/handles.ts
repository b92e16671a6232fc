import type { Endpoint } from '../../model/types';

// Handle ids are built and parsed here only. Every field row has one handle per side; the
// entity title row and the system title band have one too, so entity- and system-level
// links attach somewhere explicit (an edge without a handle id takes the first handle).

/** The side of a node a handle sits on. */
export type HandleSide = 'L' | 'R';

const SEP = '|';

/** The handle id for a field row (`fieldId` undefined: the entity's title row). */
export function entityHandleId(fieldId: string | undefined, side: HandleSide): string {
  return fieldId === undefined ? `e${SEP}${side}` : `f${SEP}${side}${SEP}${fieldId}`;
}

/** The handle id on a system's title band. */
export function systemHandleId(side: HandleSide): string {
  return `s${SEP}${side}`;
}

/** What a handle id names: a field row, an entity title or a system band. */
export type ParsedHandle =
  | { kind: 'field'; side: HandleSide; field: string }
  | { kind: 'entity'; side: HandleSide }
  | { kind: 'system'; side: HandleSide };

/** Parses a handle id built by this module; undefined for anything else. */
export function parseHandleId(id: string | null | undefined): ParsedHandle | undefined {
  if (!id) return undefined;
  const [kind, side, ...rest] = id.split(SEP);
  if (side !== 'L' && side !== 'R') return undefined;
  if (kind === 'f' && rest.length > 0) return { kind: 'field', side, field: rest.join(SEP) };
  if (kind === 'e' && rest.length === 0) return { kind: 'entity', side };
  if (kind === 's' && rest.length === 0) return { kind: 'system', side };
  return undefined;
}

/** Turns a node id and handle id into a document endpoint. */
export function endpointFromHandle(nodeId: string, handleId: string | null | undefined): Endpoint | undefined {
  const h = parseHandleId(handleId);
  if (!h) return undefined;
  if (h.kind === 'system') return { system: nodeId };
  if (h.kind === 'entity') return { entity: nodeId };
  return { entity: nodeId, field: h.field };
}
