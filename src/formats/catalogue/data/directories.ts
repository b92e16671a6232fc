import type { FieldSpec } from '../../import-kit';
import { f } from './field-spec';

// User objects of identity directories, as their owners' API references name them.

/**
 * Okta: the 31 base attributes of the default user profile (Users API, `profile`), plus the
 * user's `id` and `status`. `login`, `email`, `firstName` and `lastName` are required by
 * default (an admin may make first and last name optional).
 */
export const OKTA_USER: FieldSpec[] = [
  f('id', 'string', 'PK!', 'Unique key of the user (outside the profile). Read-only.'),
  f('status', 'string', '', 'Lifecycle status, outside the profile: STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED, DEPROVISIONED.'),
  f('login', 'string', 'UK!', 'Unique identifier the user signs in with; e-mail format by default.'),
  f('email', 'string', '!', 'Primary e-mail address.'),
  f('secondEmail', 'string', '', 'Secondary e-mail address.'),
  f('firstName', 'string', '!', 'Given name.'),
  f('lastName', 'string', '!', 'Family name.'),
  f('middleName', 'string', '', 'Middle name(s).'),
  f('honorificPrefix', 'string', '', 'Honorific prefix(es), e.g. "Ms.".'),
  f('honorificSuffix', 'string', '', 'Honorific suffix(es), e.g. "III".'),
  f('title', 'string', '', 'Job title.'),
  f('displayName', 'string', '', 'Name for display to end users.'),
  f('nickName', 'string', '', 'Casual name.'),
  f('profileUrl', 'string', '', 'URL of the online profile.'),
  f('primaryPhone', 'string', '', 'Primary phone number.'),
  f('mobilePhone', 'string', '', 'Mobile phone number.'),
  f('streetAddress', 'string', '', 'Full street address.'),
  f('city', 'string', '', 'City or locality.'),
  f('state', 'string', '', 'State or region.'),
  f('zipCode', 'string', '', 'Zip or postal code.'),
  f('countryCode', 'string', '', 'Country, as an ISO 3166-1 alpha-2 code.'),
  f('postalAddress', 'string', '', 'Mailing address, formatted.'),
  f('preferredLanguage', 'string', '', 'Preferred written or spoken language.'),
  f('locale', 'string', '', 'Default location for localisation, e.g. en_US.'),
  f('timezone', 'string', '', 'Time zone.'),
  f('userType', 'string', '', 'Relationship to the organisation, e.g. Employee, Contractor.'),
  f('employeeNumber', 'string', '', 'Identifier assigned by the organisation.'),
  f('costCenter', 'string', '', 'Name of a cost center.'),
  f('organization', 'string', '', 'Name of an organisation.'),
  f('division', 'string', '', 'Name of a division.'),
  f('department', 'string', '', 'Name of a department.'),
  f('managerId', 'string', '', 'The id of the manager.'),
  f('manager', 'string', '', 'Display name of the manager.'),
];

/**
 * Microsoft Graph v1.0 `user`: the properties most maps use. Required when a user is created:
 * accountEnabled, displayName, mailNickname, passwordProfile, userPrincipalName.
 */
export const ENTRA_USER: FieldSpec[] = [
  f('id', 'String', 'PK!', 'Unique identifier (a GUID). Read-only.'),
  f('userPrincipalName', 'String', 'UK!', 'Sign-in name, alias@domain; the domain must be a verified domain of the tenant.'),
  f('accountEnabled', 'Boolean', '!', 'Whether the account is enabled.'),
  f('displayName', 'String', '!', 'Name shown in the address book, usually first and last name.'),
  f('mailNickname', 'String', '!', 'Mail alias of the user.'),
  f('passwordProfile', 'passwordProfile', '!', 'Password profile (password, forceChangePasswordNextSignIn); required on create.'),
  f('givenName', 'String', '', 'Given (first) name.'),
  f('surname', 'String', '', 'Surname (family name).'),
  f('mail', 'String', '', 'SMTP address of the user.'),
  f('otherMails', 'String collection', '', 'Additional e-mail addresses.'),
  f('proxyAddresses', 'String collection', '', 'Addresses that deliver to the same mailbox, e.g. SMTP:bob@contoso.com. Read-only.'),
  f('jobTitle', 'String', '', 'Job title.'),
  f('department', 'String', '', 'Department.'),
  f('companyName', 'String', '', 'Company the user is associated with.'),
  f('employeeId', 'String', '', 'Employee identifier assigned by the organisation.'),
  f('employeeType', 'String', '', 'Kind of worker, e.g. Employee, Contractor, Consultant, Vendor.'),
  f('employeeHireDate', 'DateTimeOffset', '', 'Date and time the user was hired.'),
  f('employeeLeaveDateTime', 'DateTimeOffset', '', 'Date and time the user left or will leave.'),
  f('officeLocation', 'String', '', 'Office location.'),
  f('businessPhones', 'String collection', '', 'Telephone numbers; only one can be set.'),
  f('mobilePhone', 'String', '', 'Primary mobile number.'),
  f('streetAddress', 'String', '', 'Street address of the place of business.'),
  f('city', 'String', '', 'City.'),
  f('state', 'String', '', 'State or province.'),
  f('postalCode', 'String', '', 'Postal code.'),
  f('country', 'String', '', 'Country or region, e.g. US, UK.'),
  f('usageLocation', 'String', '', 'Two-letter country code; required to assign licenses.'),
  f('preferredLanguage', 'String', '', 'Preferred language, ISO 639-1, e.g. en-US.'),
  f('userType', 'String', '', 'Member or Guest.'),
  f('manager', 'directoryObject', 'FK', 'The user or contact who is the manager (a relationship).'),
  f('onPremisesImmutableId', 'String', '', 'Links an on-premises Active Directory account to this user.'),
  f('onPremisesSamAccountName', 'String', '', 'On-premises sAMAccountName, synchronised. Read-only.'),
  f('onPremisesSyncEnabled', 'Boolean', '', 'Whether the user is synchronised from on-premises. Read-only.'),
  f('createdDateTime', 'DateTimeOffset', '', 'When the user was created. Read-only.'),
];

/**
 * Google Workspace, Admin SDK Directory API `users`. Required to create a user:
 * primaryEmail, name.givenName, name.familyName, password.
 */
export const GOOGLE_USER: FieldSpec[] = [
  f('id', 'string', 'PK!', 'Unique ID of the user; usable as userKey. Read-only.'),
  f('primaryEmail', 'string', 'UK!', 'Primary e-mail address; unique, not an alias of another user.'),
  f('name.givenName', 'string', '!', 'First name (up to 60 characters).'),
  f('name.familyName', 'string', '!', 'Last name (up to 60 characters).'),
  f('name.fullName', 'string', '', 'Full name, given and family. Read-only.'),
  f('password', 'string', '!', 'Password; required to create a user. Write-only.'),
  f('hashFunction', 'string', '', 'Hash format of the password: MD5, SHA-1 or crypt.'),
  f('changePasswordAtNextLogin', 'boolean', '', 'Whether the user must change the password at next sign-in.'),
  f('suspended', 'boolean', '', 'Whether the user is suspended.'),
  f('suspensionReason', 'string', '', 'Why the user was suspended, when the admin set it. Read-only.'),
  f('archived', 'boolean', '', 'Whether the user is archived.'),
  f('orgUnitPath', 'string', '', 'Full path of the organisational unit; / is the top.'),
  f('isAdmin', 'boolean', '', 'Whether the user has super administrator rights. Read-only.'),
  f('isDelegatedAdmin', 'boolean', '', 'Whether the user is a delegated administrator. Read-only.'),
  f('isEnrolledIn2Sv', 'boolean', '', 'Whether the user is enrolled in 2-step verification. Read-only.'),
  f('isEnforcedIn2Sv', 'boolean', '', 'Whether 2-step verification is enforced. Read-only.'),
  f('includeInGlobalAddressList', 'boolean', '', 'Whether the user appears in the Global Address List.'),
  f('customerId', 'string', '', 'The customer ID of the account. Read-only.'),
  f('aliases', 'string[]', '', 'Alias e-mail addresses. Read-only.'),
  f('emails', 'object[]', '', 'E-mail addresses (address, type, primary).'),
  f('phones', 'object[]', '', 'Phone numbers (value, type, primary).'),
  f('addresses', 'object[]', '', 'Addresses (formatted, streetAddress, locality, region, postalCode, country, type).'),
  f('organizations', 'object[]', '', 'Organisations (name, title, department, costCenter, type, primary).'),
  f('relations', 'object[]', '', 'Relations to other users, e.g. manager (value, type).'),
  f('externalIds', 'object[]', '', 'External identifiers, e.g. an employee ID (value, type).'),
  f('locations', 'object[]', '', 'Work locations (buildingId, floorName, area, type).'),
  f('recoveryEmail', 'string', '', 'Recovery e-mail address.'),
  f('recoveryPhone', 'string', '', 'Recovery phone number, E.164 form.'),
  f('thumbnailPhotoUrl', 'string', '', 'URL of the profile photo. Read-only.'),
  f('creationTime', 'datetime', '', 'When the account was created (RFC 3339). Read-only.'),
  f('lastLoginTime', 'datetime', '', 'Last sign-in time (RFC 3339). Read-only.'),
];
