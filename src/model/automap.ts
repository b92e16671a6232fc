import { isEntityEndpoint, type CrosswalkDocument, type Entity, type Field } from './types';

// Auto-map: suggestions of field mappings between a source and a target entity, by name.
// Suggestions only — the user accepts or rejects each; nothing here edits the document.

/** Why a field pair was suggested, strongest first. */
export const MATCH_REASONS = ['exact', 'normalised', 'synonym'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** One suggested mapping from a source field to a target field. */
export interface MappingSuggestion {
  from: { entity: string; field: string };
  to: { entity: string; field: string };
  reason: MatchReason;
}

// Groups of names that mean the same attribute in HR, identity and CRM systems (SCIM, Okta,
// Entra/Graph, Google Workspace, Workday, Salesforce, LDAP). Compared after normalising.
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['email', 'mail', 'emailaddress', 'workemail', 'primaryemail', 'emails', 'emailsvalue', 'emailaddresses'],
  ['firstname', 'givenname', 'fname', 'forename', 'namegivenname', 'legalfirstname', 'preferredfirstname'],
  ['lastname', 'familyname', 'surname', 'sn', 'lname', 'namefamilyname', 'legallastname'],
  ['displayname', 'fullname', 'nameformatted', 'preferredname', 'cn', 'commonname'],
  ['middlename', 'namemiddlename'],
  ['phone', 'phonenumber', 'telephonenumber', 'workphone', 'businessphone', 'businessphones', 'phonenumbers', 'phonenumbersvalue'],
  ['mobile', 'mobilephone', 'cellphone', 'mobilenumber'],
  ['title', 'jobtitle', 'position', 'businesstitle'],
  ['department', 'dept', 'departmentname', 'orgunit', 'organizationalunit'],
  ['manager', 'managerid', 'supervisor', 'supervisorid', 'managervalue', 'reportsto'],
  ['employeeid', 'employeenumber', 'workerid', 'empid', 'employeeno', 'personnelnumber'],
  ['username', 'login', 'userprincipalname', 'upn', 'userid', 'loginname', 'samaccountname'],
  ['active', 'enabled', 'isactive', 'accountenabled'],
  ['hiredate', 'startdate', 'originalhiredate', 'employeehiredate'],
  ['terminationdate', 'enddate', 'leavedate', 'lastdayofwork'],
  ['country', 'countrycode', 'c'],
  ['city', 'locality', 'l'],
  ['street', 'streetaddress', 'addressline1', 'address1'],
  ['postalcode', 'zip', 'zipcode', 'postcode'],
  ['state', 'region', 'province', 'st'],
  ['company', 'companyname', 'organization', 'organisation', 'org', 'o'],
  ['costcenter', 'costcentre', 'costcentercode'],
  ['locale', 'language', 'preferredlanguage'],
  ['timezone', 'tz', 'timezoneid'],
  ['location', 'officelocation', 'office', 'site', 'worklocation'],
  ['serialnumber', 'serial', 'serialno'],
  ['hostname', 'devicename', 'computername'],
];

/** A name reduced for comparison: case, accents, spaces and punctuation ignored. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const SYNONYM_OF: ReadonlyMap<string, number> = new Map(SYNONYM_GROUPS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function matchReason(source: Field, target: Field): MatchReason | undefined {
  if (source.name === target.name) return 'exact';
  const a = normaliseName(source.name);
  const b = normaliseName(target.name);
  if (!a || !b) return undefined;
  if (a === b) return 'normalised';
  const ga = SYNONYM_OF.get(a);
  return ga !== undefined && ga === SYNONYM_OF.get(b) ? 'synonym' : undefined;
}

/**
 * Suggests mappings from the fields of `sources` into the fields of `targets` that nothing
 * feeds yet: for each unfed target field, the best source field by name (exact, then
 * case- and punctuation-insensitive, then a known synonym), the first in document order on a
 * tie. A source field is suggested at most once per target entity. Linear in the fields.
 */
export function suggestMappings(doc: CrosswalkDocument, sources: readonly Entity[], targets: readonly Entity[]): MappingSuggestion[] {
  const fed = new Set<string>();
  for (const l of doc.links) {
    if (l.kind === 'mapping' && isEntityEndpoint(l.to) && l.to.field !== undefined) fed.add(`${l.to.entity}\u0000${l.to.field}`);
  }
  const byNormal = new Map<string, { entity: Entity; field: Field }[]>();
  const bySynonym = new Map<number, { entity: Entity; field: Field }[]>();
  for (const entity of sources) {
    for (const field of entity.fields) {
      const n = normaliseName(field.name);
      if (!n) continue;
      byNormal.set(n, [...(byNormal.get(n) ?? []), { entity, field }]);
      const g = SYNONYM_OF.get(n);
      if (g !== undefined) bySynonym.set(g, [...(bySynonym.get(g) ?? []), { entity, field }]);
    }
  }
  const out: MappingSuggestion[] = [];
  for (const target of targets) {
    const used = new Set<string>();
    for (const field of target.fields) {
      if (fed.has(`${target.id}\u0000${field.id}`)) continue;
      const n = normaliseName(field.name);
      if (!n) continue;
      const candidates = [...(byNormal.get(n) ?? []), ...(bySynonym.get(SYNONYM_OF.get(n) ?? -1) ?? [])].filter(
        (c) => c.entity.id !== target.id && !used.has(`${c.entity.id}\u0000${c.field.id}`),
      );
      let best: { entity: Entity; field: Field; reason: MatchReason } | undefined;
      for (const c of candidates) {
        const reason = matchReason(c.field, field);
        if (reason && (!best || MATCH_REASONS.indexOf(reason) < MATCH_REASONS.indexOf(best.reason))) best = { ...c, reason };
      }
      if (!best) continue;
      used.add(`${best.entity.id}\u0000${best.field.id}`);
      out.push({ from: { entity: best.entity.id, field: best.field.id }, to: { entity: target.id, field: field.id }, reason: best.reason });
    }
  }
  return out;
}
