import { collectIds, uniqueId } from '../../model/ids';
import type { CrosswalkDocument, Entity } from '../../model/types';
import { buildFields, IdScope, type FieldSpec } from '../import-kit';
import { ENTRA_USER, GOOGLE_USER, OKTA_USER } from './data/directories';
import { SALESFORCE_ACCOUNT, SALESFORCE_CONTACT, SERVICENOW_USER, WORKDAY_WORKER } from './data/business';
import { SCIM_ENTERPRISE_USER, SCIM_GROUP, SCIM_USER } from './data/scim';
import { findCatalogueEntry } from './entries';

export { catalogueEntries, findCatalogueEntry, type CatalogueEntry } from './entries';

/** The fields of each catalogue object, by entry id. */
export const CATALOGUE_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  'scim-user': SCIM_USER,
  'scim-group': SCIM_GROUP,
  'scim-enterprise-user': SCIM_ENTERPRISE_USER,
  'okta-user': OKTA_USER,
  'entra-user': ENTRA_USER,
  'google-user': GOOGLE_USER,
  'workday-worker': WORKDAY_WORKER,
  'servicenow-user': SERVICENOW_USER,
  'salesforce-account': SALESFORCE_ACCOUNT,
  'salesforce-contact': SALESFORCE_CONTACT,
};

/**
 * A ready entity for catalogue object `id`, with an id unique in `doc` (and unique field ids),
 * its description naming the source. Not placed in any system: the caller decides where it goes.
 * Undefined for an unknown id.
 */
export function entityFromCatalogue(id: string, doc: CrosswalkDocument): Entity | undefined {
  const entry = findCatalogueEntry(id);
  const specs = CATALOGUE_FIELDS[id];
  if (!entry || !specs) return undefined;
  return {
    id: uniqueId(`${entry.system} ${entry.entity}`, collectIds(doc)),
    name: entry.entity,
    description: `${entry.system} ${entry.entity}, as documented in ${entry.source}.`,
    fields: buildFields(specs, new IdScope()),
  };
}
