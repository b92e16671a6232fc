import { describe, expect, it } from 'vitest';
import { CATALOGUE_FIELDS, catalogueEntries, entityFromCatalogue } from '../../../src/formats/catalogue/catalogue';
import { createDocument } from '../../../src/model/ops';
import type { CrosswalkDocument } from '../../../src/model/types';
import { validateDocument } from '../../../src/model/validate';

function names(id: string): string[] {
  return CATALOGUE_FIELDS[id].map((f) => f.name);
}

describe('catalogue', () => {
  it('lists every object once, and each listed object has its fields', () => {
    const ids = catalogueEntries().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(Object.keys(CATALOGUE_FIELDS).sort());
    for (const e of catalogueEntries()) {
      expect(e.system && e.entity && e.source, e.id).toBeTruthy();
      expect(e.keywords.length, e.id).toBeGreaterThan(0);
    }
  });

  it('has no field twice in one object, and one primary key each (the SCIM extension has none: it extends User)', () => {
    for (const [id, fields] of Object.entries(CATALOGUE_FIELDS)) {
      expect(new Set(fields.map((f) => f.name)).size, id).toBe(fields.length);
      expect(fields.filter((f) => f.key === 'PK').length, id).toBe(id === 'scim-enterprise-user' ? 0 : 1);
      for (const f of fields) expect(f.type, `${id}.${f.name}`).toBeTruthy();
    }
  });

  it('keeps RFC 7643’s names and required-ness for SCIM', () => {
    const user = CATALOGUE_FIELDS['scim-user'];
    expect(user.filter((f) => f.required).map((f) => f.name)).toEqual(['id', 'userName']);
    expect(names('scim-user')).toEqual(expect.arrayContaining([
      'name.givenName', 'name.familyName', 'displayName', 'active', 'emails[].value', 'emails[].primary',
      'phoneNumbers[].type', 'addresses[].streetAddress', 'addresses[].postalCode', 'groups[].$ref', 'x509Certificates[].value', 'meta.lastModified',
    ]));
    expect(names('scim-group')).toEqual(expect.arrayContaining(['displayName', 'members[].value', 'members[].$ref', 'members[].type']));
    expect(names('scim-enterprise-user')).toEqual(['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager.value', 'manager.$ref', 'manager.displayName']);
  });

  it('keeps the owners’ spellings of the directory and business objects', () => {
    expect(names('okta-user').filter((n) => n !== 'id' && n !== 'status')).toHaveLength(31);
    expect(CATALOGUE_FIELDS['okta-user'].filter((f) => f.required).map((f) => f.name)).toEqual(['id', 'login', 'email', 'firstName', 'lastName']);
    expect(CATALOGUE_FIELDS['entra-user'].filter((f) => f.required).map((f) => f.name)).toEqual(['id', 'userPrincipalName', 'accountEnabled', 'displayName', 'mailNickname', 'passwordProfile']);
    expect(CATALOGUE_FIELDS['google-user'].filter((f) => f.required).map((f) => f.name)).toEqual(['id', 'primaryEmail', 'name.givenName', 'name.familyName', 'password']);
    expect(names('servicenow-user')).toEqual(expect.arrayContaining(['sys_id', 'user_name', 'manager', 'employee_number']));
    expect(names('salesforce-contact')).toEqual(expect.arrayContaining(['AccountId', 'LastName', 'ReportsToId', 'MailingPostalCode']));
    expect(names('workday-worker')).toEqual(expect.arrayContaining(['Worker_ID', 'Worker_Status_Data.Hire_Date', 'Position_Data.Business_Title']));
  });

  it('gives an entity whose ids are unique in the document, however often it is added', () => {
    let doc: CrosswalkDocument = createDocument('Catalogue');
    for (const entry of [...catalogueEntries(), ...catalogueEntries()]) {
      const entity = entityFromCatalogue(entry.id, doc)!;
      expect(entity.name).toBe(entry.entity);
      expect(entity.fields.map((f) => f.name)).toEqual(names(entry.id));
      doc = { ...doc, entities: [...doc.entities, entity] };
    }
    const valid = validateDocument(doc);
    expect(valid.ok ? [] : valid.problems).toEqual([]);
    expect(new Set(doc.entities.map((e) => e.id)).size).toBe(catalogueEntries().length * 2);
    expect(doc.entities[0].id).toBe('scim-2-0-user');
    expect(doc.entities[catalogueEntries().length].id).toBe('scim-2-0-user-2');
  });

  it('returns undefined for an unknown object', () => {
    expect(entityFromCatalogue('nope', createDocument('x'))).toBeUndefined();
  });
});
