import { Position, type NodeHandle } from '@xyflow/react';
import { ENTITY_HEADER_HEIGHT, FIELD_ROW_HEIGHT, SYSTEM_HEADER_HEIGHT } from '../../model/geometry';
import type { Endpoint, Entity } from '../../model/types';

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

/** The drawn size of a handle (see styles.css). */
export const HANDLE_SIZE = 8;

function handleAt(id: string, side: HandleSide, width: number, centreY: number): NodeHandle {
  const half = HANDLE_SIZE / 2;
  return {
    id,
    type: 'source',
    position: side === 'L' ? Position.Left : Position.Right,
    x: side === 'L' ? -half : width - half,
    y: centreY - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  };
}

/**
 * Every handle of an entity, placed from the geometry. React Flow draws edges from these,
 * so an entity needs no handle elements (nor a measuring pass) until a connection can
 * start or end on it.
 */
export function entityHandles(entity: Pick<Entity, 'fields'>, width: number): NodeHandle[] {
  const handles: NodeHandle[] = [];
  for (const side of ['L', 'R'] as const) {
    handles.push(handleAt(entityHandleId(undefined, side), side, width, ENTITY_HEADER_HEIGHT / 2));
    entity.fields.forEach((f, i) => {
      handles.push(handleAt(entityHandleId(f.id, side), side, width, ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT + FIELD_ROW_HEIGHT / 2));
    });
  }
  return handles;
}

/** The two handles on a system's title band. */
export function systemHandles(width: number): NodeHandle[] {
  return (['L', 'R'] as const).map((side) => handleAt(systemHandleId(side), side, width, SYSTEM_HEADER_HEIGHT / 2));
}
