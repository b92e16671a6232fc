import { computeGeometry, type Box } from '../../src/model/geometry';
import type { CrosswalkDocument } from '../../src/model/types';

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * Every pair of boxes that must not overlap, described, for a readable failure: top-level
 * boxes (systems, free entities, notes) with each other, entities of one system with each
 * other, and entities sticking out of their system.
 */
export function findOverlaps(doc: CrosswalkDocument): string[] {
  const geo = computeGeometry(doc);
  const problems: string[] = [];
  const top: [string, Box][] = [
    ...[...geo.systems].map(([id, b]): [string, Box] => [`system ${id}`, b]),
    ...doc.entities.filter((e) => e.system === undefined).map((e): [string, Box] => [`entity ${e.id}`, geo.entities.get(e.id)!]),
    ...[...geo.notes].map(([id, b]): [string, Box] => [`note ${id}`, b]),
  ];
  const pairs = (list: [string, Box][]) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (overlap(list[i][1], list[j][1])) problems.push(`${list[i][0]} overlaps ${list[j][0]}`);
      }
    }
  };
  pairs(top);
  for (const s of doc.systems) {
    const inner = doc.entities.filter((e) => e.system === s.id).map((e): [string, Box] => [`entity ${e.id}`, geo.entities.get(e.id)!]);
    pairs(inner);
    for (const [name, b] of inner) if (!inside(b, geo.systems.get(s.id)!)) problems.push(`${name} sticks out of system ${s.id}`);
  }
  return problems;
}
