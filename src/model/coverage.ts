import { isEntityEndpoint, type CrosswalkDocument, type Entity, type Field, type Link } from './types';

// Mapping coverage and gaps (DESIGN.md "Coverage and gaps"): for every entity that receives
// mappings, how many of its fields are fed, and what is missing or suspicious. One pass over
// the links and one over the target entities' fields, so it stays linear in the document.

/** The kinds of gap, in the order a report lists them for one field. */
export const GAP_KINDS = ['unmapped-required', 'type-mismatch', 'multiple-sources'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** Coverage of one target entity. */
export interface EntityCoverage {
  /** The name of the entity's system; absent for an entity in no system. */
  system?: string;
  entity: string;
  /** Ids, for the app to find the entity again (not in the JSON report). */
  systemId?: string;
  entityId: string;
  /** How many fields the entity has. */
  fields: number;
  /** How many distinct fields receive at least one mapping. */
  mapped: number;
  /** How many fields are required. */
  required: number;
  /** How many required fields receive at least one mapping. */
  requiredMapped: number;
}

/** One gap, named by its target field. */
export interface Gap {
  kind: GapKind;
  system?: string;
  entity: string;
  field: string;
  systemId?: string;
  entityId: string;
  fieldId: string;
  /** The mappings concerned, in document order (none for an unmapped required field). */
  links: string[];
}

/** The whole report. */
export interface CoverageReport {
  entities: EntityCoverage[];
  gaps: Gap[];
}

/** Type names that mean the same thing, each mapped to one family. */
const TYPE_FAMILIES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    string: ['string', 'str', 'text', 'varchar', 'char', 'character', 'character varying', 'nvarchar', 'nchar', 'ntext', 'clob', 'citext', 'varchar2', 'nvarchar2'],
    number: ['number', 'int', 'integer', 'bigint', 'smallint', 'tinyint', 'mediumint', 'int2', 'int4', 'int8', 'long', 'short', 'serial', 'bigserial', 'smallserial', 'numeric', 'decimal', 'float', 'float4', 'float8', 'double', 'double precision', 'real', 'money'],
    boolean: ['boolean', 'bool', 'bit', 'flag'],
    date: ['date'],
    datetime: ['datetime', 'datetime2', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'date-time', 'string/date-time', 'instant', 'datetimeoffset', 'smalldatetime'],
    uuid: ['uuid', 'guid', 'uniqueidentifier', 'string/uuid'],
    json: ['json', 'jsonb', 'object'],
  }).flatMap(([family, names]) => names.map((n) => [n, family])),
);

/**
 * The family of a type name for comparison: lower-cased, without size or precision
 * (`varchar(255)` → `varchar`) and spaces collapsed, then read through the synonyms above;
 * a type not listed is its own family.
 */
export function typeFamily(type: string): string {
  const bare = type
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return TYPE_FAMILIES[bare] ?? bare;
}

/** Whether two field types differ once obvious synonyms are treated alike. Unknown types never differ. */
export function typesDiffer(a: string | undefined, b: string | undefined): boolean {
  if (!a?.trim() || !b?.trim()) return false;
  return typeFamily(a) !== typeFamily(b);
}

function findField(entity: Entity | undefined, id: string | undefined): Field | undefined {
  return id === undefined ? undefined : entity?.fields.find((f) => f.id === id);
}

/**
 * Computes coverage and gaps. A target entity is one that receives at least one mapping;
 * `mapped` counts the distinct target fields fed. Gaps: a required field of a target entity
 * with no mapping into it; a mapping between typed fields whose types differ, with no
 * transform; a target field fed by two or more mappings. Deterministic: entities in document
 * order, gaps by entity, then field, then kind.
 */
export function computeCoverage(doc: CrosswalkDocument): CoverageReport {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const systemNames = new Map(doc.systems.map((s) => [s.id, s.name]));
  // target entity id → field id → mappings into it
  const into = new Map<string, Map<string, Link[]>>();
  const mismatches = new Map<string, Map<string, string[]>>();

  for (const link of doc.links) {
    if (link.kind !== 'mapping' || !isEntityEndpoint(link.to) || !isEntityEndpoint(link.from)) continue;
    const target = entities.get(link.to.entity);
    if (!target) continue;
    let byField = into.get(target.id);
    if (!byField) into.set(target.id, (byField = new Map()));
    const fieldId = link.to.field;
    if (fieldId === undefined) continue;
    const list = byField.get(fieldId);
    if (list) list.push(link);
    else byField.set(fieldId, [link]);
    if (!link.transform?.trim()) {
      const from = findField(entities.get(link.from.entity), link.from.field);
      const to = findField(target, fieldId);
      if (from && to && typesDiffer(from.type, to.type)) {
        let m = mismatches.get(target.id);
        if (!m) mismatches.set(target.id, (m = new Map()));
        m.set(fieldId, [...(m.get(fieldId) ?? []), link.id]);
      }
    }
  }

  const report: CoverageReport = { entities: [], gaps: [] };
  for (const entity of doc.entities) {
    const byField = into.get(entity.id);
    if (!byField) continue;
    const system = entity.system === undefined ? undefined : (systemNames.get(entity.system) ?? entity.system);
    const mismatched = mismatches.get(entity.id);
    let mapped = 0;
    let required = 0;
    let requiredMapped = 0;
    for (const field of entity.fields) {
      const feeds = byField.get(field.id);
      const fed = feeds !== undefined && feeds.length > 0;
      if (fed) mapped++;
      if (field.required) {
        required++;
        if (fed) requiredMapped++;
        else report.gaps.push(makeGap('unmapped-required', system, entity, field, []));
      }
      const mismatch = mismatched?.get(field.id);
      if (mismatch) report.gaps.push(makeGap('type-mismatch', system, entity, field, mismatch));
      if (feeds && feeds.length > 1) report.gaps.push(makeGap('multiple-sources', system, entity, field, feeds.map(linkId)));
    }
    report.entities.push({
      system,
      entity: entity.name,
      systemId: entity.system,
      entityId: entity.id,
      fields: entity.fields.length,
      mapped,
      required,
      requiredMapped,
    });
  }
  return report;
}

const linkId = (l: Link) => l.id;

function makeGap(kind: GapKind, system: string | undefined, entity: Entity, field: Field, links: string[]): Gap {
  return { kind, system, entity: entity.name, field: field.name, systemId: entity.system, entityId: entity.id, fieldId: field.id, links };
}

/** The report as DESIGN.md's `cw check --json` prints it: names only, no internal ids. */
export function coverageToJson(report: CoverageReport): unknown {
  return {
    entities: report.entities.map(({ system, entity, fields, mapped, required, requiredMapped }) => ({
      ...(system === undefined ? {} : { system }),
      entity,
      fields,
      mapped,
      required,
      requiredMapped,
    })),
    gaps: report.gaps.map(({ kind, system, entity, field, links }) => ({
      kind,
      ...(system === undefined ? {} : { system }),
      entity,
      field,
      links,
    })),
  };
}

/** How a gap reads in a sentence: `required, no mapping`. */
export const GAP_LABELS: Readonly<Record<GapKind, string>> = {
  'unmapped-required': 'required, no mapping',
  'type-mismatch': 'types differ, no transform',
  'multiple-sources': 'fed by several mappings',
};
