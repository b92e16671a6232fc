/** One object of the catalogue, as listed (the fields load with `entityFromCatalogue`). */
export interface CatalogueEntry {
  /** Stable id, used by the command palette (`scim-user`). */
  id: string;
  /** The system it belongs to; a new system is named after it. */
  system: string;
  /** The entity's name as its owner spells it. */
  entity: string;
  /** Words it is found by, beside the system and entity names. */
  keywords: readonly string[];
  /** Where the attributes come from (the owner's reference). */
  source: string;
}

// The list is kept apart from the fields so the app can show every entry without loading
// them; a test checks that each entry has its fields and each field set its entry.
const ENTRIES: readonly CatalogueEntry[] = [
  { id: 'scim-user', system: 'SCIM 2.0', entity: 'User', keywords: ['scim', 'rfc 7643', 'identity', 'person', 'account'], source: 'RFC 7643, sections 3.1, 4.1 and 8.7.1' },
  { id: 'scim-group', system: 'SCIM 2.0', entity: 'Group', keywords: ['scim', 'rfc 7643', 'identity', 'members'], source: 'RFC 7643, sections 3.1, 4.2 and 8.7.1' },
  { id: 'scim-enterprise-user', system: 'SCIM 2.0', entity: 'EnterpriseUser', keywords: ['scim', 'rfc 7643', 'enterprise', 'extension', 'employee', 'manager'], source: 'RFC 7643, sections 4.3 and 8.7.1' },
  { id: 'okta-user', system: 'Okta', entity: 'User', keywords: ['okta', 'user profile', 'identity', 'universal directory', 'person'], source: 'Okta Users API: the user profile base attributes' },
  { id: 'entra-user', system: 'Microsoft Entra ID', entity: 'user', keywords: ['microsoft', 'graph', 'azure ad', 'entra', 'identity', 'person'], source: 'Microsoft Graph v1.0: user resource type' },
  { id: 'google-user', system: 'Google Workspace', entity: 'User', keywords: ['google', 'workspace', 'directory', 'admin sdk', 'gsuite', 'person'], source: 'Admin SDK Directory API: users resource' },
  { id: 'workday-worker', system: 'Workday', entity: 'Worker', keywords: ['workday', 'hcm', 'hr', 'worker', 'employee', 'get_workers', 'person'], source: 'Workday Web Services, Human_Resources: Get_Workers (Worker_Data)' },
  { id: 'servicenow-user', system: 'ServiceNow', entity: 'sys_user', keywords: ['servicenow', 'user', 'itsm', 'cmdb', 'person'], source: 'ServiceNow platform: User [sys_user] table' },
  { id: 'salesforce-account', system: 'Salesforce', entity: 'Account', keywords: ['salesforce', 'crm', 'company', 'customer', 'sobject'], source: 'Salesforce Object Reference: Account (standard fields)' },
  { id: 'salesforce-contact', system: 'Salesforce', entity: 'Contact', keywords: ['salesforce', 'crm', 'person', 'customer', 'sobject'], source: 'Salesforce Object Reference: Contact (standard fields)' },
];

/** Every object of the catalogue: id, system, entity and keywords (pure, no fields). */
export function catalogueEntries(): readonly CatalogueEntry[] {
  return ENTRIES;
}

/** The entry with this id. */
export function findCatalogueEntry(id: string): CatalogueEntry | undefined {
  return ENTRIES.find((e) => e.id === id);
}
