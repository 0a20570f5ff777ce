// Schemas of administration: accounts, the audit log, CMS Party memberships.
import { ROLES } from '../../auth/principal.js';
import { bool, closed, dateTime, int, intOrNull, secretariats, str, strOrNull } from './common.js';

const role = { type: 'string', enum: [...ROLES] } as const;
const conventions = { type: 'array', items: { type: 'string', enum: ['CITES', 'CMS'] }, maxItems: 2, uniqueItems: true } as const;

export const userSchema = closed({ id: int, email: str, name: str, role, party_iso2: strOrNull, conventions: secretariats, disabled: bool, created_at: dateTime });
const snapshot = { type: ['object', 'null'], additionalProperties: true, description: 'The resource as stored before or after the write (its columns, whatever the resource); null when it did not exist' } as const;
export const auditEventSchema = closed({
  id: int, at: dateTime, actor: str, user_id: intOrNull, action: str, resource_type: str, resource_id: strOrNull, before: snapshot, after: snapshot, request_id: strOrNull,
});
export const auditPageSchema = closed({ total: int, events: { type: 'array', items: auditEventSchema } });
export const cmsPartySchema = closed({ iso2: str, name: str, entry_into_force: strOrNull, source: { ...str, description: "The file the date came from, or 'edited in Concord'" } });
export const cmsPartiesSchema = closed({ can: closed({ update: bool }), parties: { type: 'array', items: cmsPartySchema } });
export const cmsPartyMembershipSchema = closed({ iso2: str, convention: { type: 'string', enum: ['CMS'] }, entry_into_force: strOrNull });

export const newUserBody = {
  type: 'object', required: ['email', 'name', 'password', 'role'], additionalProperties: false,
  properties: { email: { type: 'string', maxLength: 254 }, name: { type: 'string', maxLength: 200 }, password: { type: 'string', maxLength: 1024 }, role, party_iso2: { type: ['string', 'null'], maxLength: 2 }, conventions, _csrf: { type: 'string' } },
} as const;
export const userChangesBody = {
  type: 'object', required: ['role'], additionalProperties: false,
  properties: { role, party_iso2: { type: ['string', 'null'], maxLength: 2 }, conventions, disabled: { type: 'boolean' }, _csrf: { type: 'string' } },
} as const;
export const auditQuery = {
  type: 'object', additionalProperties: false,
  properties: { format: { type: 'string', enum: ['json', 'csv'] }, limit: { type: 'integer', minimum: 1, maximum: 10000 }, offset: { type: 'integer', minimum: 0 }, resource_type: { type: 'string', maxLength: 50 }, actor: { type: 'string', maxLength: 254 }, since: { type: 'string', format: 'date-time' } },
} as const;
export const iso2Params = { type: 'object', required: ['iso2'], additionalProperties: false, properties: { iso2: { type: 'string', pattern: '^[A-Za-z]{2}$' } } } as const;
export const membershipBody = {
  type: 'object', required: ['entry_into_force'], additionalProperties: false,
  properties: { entry_into_force: { type: ['string', 'null'], format: 'date', description: 'null: not a Party' }, _csrf: { type: 'string' } },
} as const;
