import type { FieldSpec } from '../../import-kit';
import { f, multiValued } from './field-spec';

// RFC 7643. Names, types and required-ness as the schema representation of section 8.7.1
// gives them; `id`, `externalId` and `meta` are the common attributes of section 3.1.
// Multi-valued complex attributes appear as `emails[].value`, complex ones as `name.givenName`,
// as the OpenAPI/JSON Schema importer names them.

const common: FieldSpec[] = [
  f('id', 'string', 'PK!', 'Unique, stable identifier assigned by the service provider. Read-only, case-exact.'),
  f('externalId', 'string', '', 'Identifier of the resource as the provisioning client knows it. Case-exact.'),
  f('meta.resourceType', 'string', '', 'Name of the resource type. Read-only.'),
  f('meta.created', 'dateTime', '', 'When the resource was added to the service provider. Read-only.'),
  f('meta.lastModified', 'dateTime', '', 'When the resource was last changed. Read-only.'),
  f('meta.location', 'reference', '', 'URI of the resource. Read-only.'),
  f('meta.version', 'string', '', 'Version (ETag) of the resource. Read-only.'),
];

export const SCIM_USER: FieldSpec[] = [
  ...common,
  f('userName', 'string', 'UK!', 'Unique identifier the user signs in with; unique across the service provider (uniqueness: server).'),
  f('name.formatted', 'string', '', 'Full name formatted for display.'),
  f('name.familyName', 'string', '', 'Family (last) name.'),
  f('name.givenName', 'string', '', 'Given (first) name.'),
  f('name.middleName', 'string', '', 'Middle name(s).'),
  f('name.honorificPrefix', 'string', '', 'Honorific prefix, e.g. "Ms.".'),
  f('name.honorificSuffix', 'string', '', 'Honorific suffix, e.g. "III".'),
  f('displayName', 'string', '', 'Name for display to end users.'),
  f('nickName', 'string', '', 'Casual name; not the user name.'),
  f('profileUrl', 'reference', '', 'URL of the online profile.'),
  f('title', 'string', '', 'Job title, e.g. "Vice President".'),
  f('userType', 'string', '', 'Relationship to the organisation, e.g. Employee, Contractor.'),
  f('preferredLanguage', 'string', '', 'Preferred written or spoken language, e.g. en-US.'),
  f('locale', 'string', '', 'Default location for localising currency, dates and numbers.'),
  f('timezone', 'string', '', 'Time zone in IANA (Olson) format, e.g. America/Los_Angeles.'),
  f('active', 'boolean', '', 'Administrative status.'),
  f('password', 'string', '', 'Clear-text password, to set or reset it. Write-only, never returned.'),
  ...multiValued('emails', 'string', 'work, home, other', 'E-mail address, canonicalised by the service provider.'),
  ...multiValued('phoneNumbers', 'string', 'work, home, mobile, fax, pager, other', 'Phone number (RFC 3966 form, e.g. tel:+1-201-555-0123).'),
  ...multiValued('ims', 'string', 'aim, gtalk, icq, xmpp, msn, skype, qq, yahoo', 'Instant messaging address.'),
  ...multiValued('photos', 'reference', 'photo, thumbnail', 'URL of a photo of the user.'),
  f('addresses[].formatted', 'string', '', 'Full mailing address, formatted for display or a label.'),
  f('addresses[].streetAddress', 'string', '', 'Street address: house number, street, P.O. box.'),
  f('addresses[].locality', 'string', '', 'City or locality.'),
  f('addresses[].region', 'string', '', 'State or region.'),
  f('addresses[].postalCode', 'string', '', 'Zip or postal code.'),
  f('addresses[].country', 'string', '', 'Country.'),
  f('addresses[].type', 'string', '', "Label of the address's function; canonical values: work, home, other."),
  f('groups[].value', 'string', '', 'Identifier of a group the user belongs to. Read-only.'),
  f('groups[].$ref', 'reference', '', 'URI of that group. Read-only.'),
  f('groups[].display', 'string', '', 'Name of the group, for display. Read-only.'),
  f('groups[].type', 'string', '', 'Membership: direct or indirect. Read-only.'),
  ...multiValued('entitlements', 'string', '', 'An entitlement: a thing the user has.'),
  ...multiValued('roles', 'string', '', 'A role: who the user is, e.g. Student, Faculty.'),
  ...multiValued('x509Certificates', 'binary', '', 'An X.509 certificate issued to the user.'),
];

export const SCIM_GROUP: FieldSpec[] = [
  ...common,
  f('displayName', 'string', '!', 'Human-readable name of the group (REQUIRED in section 4.2).'),
  f('members[].value', 'string', '', 'Identifier of a member (a User or a Group). Immutable.'),
  f('members[].$ref', 'reference', '', 'URI of the member resource. Immutable.'),
  f('members[].type', 'string', '', 'Kind of member: User or Group. Immutable.'),
];

export const SCIM_ENTERPRISE_USER: FieldSpec[] = [
  f('employeeNumber', 'string', '', 'Identifier assigned by the organisation, usually by hire order.'),
  f('costCenter', 'string', '', 'Name of a cost center.'),
  f('organization', 'string', '', 'Name of an organisation.'),
  f('division', 'string', '', 'Name of a division.'),
  f('department', 'string', '', 'Name of a department.'),
  f('manager.value', 'string', '', 'The id of the SCIM User who is the manager.'),
  f('manager.$ref', 'reference', '', 'URI of the manager’s User resource.'),
  f('manager.displayName', 'string', '', 'Display name of the manager. Read-only.'),
];
