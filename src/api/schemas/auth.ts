// Schemas of sign-in, the session, CSRF and API tokens.
import { ROLES } from '../../auth/principal.js';
import { closed, dateTime, dateTimeOrNull, int, secretariats, str, strOrNull, strings } from './common.js';

const role = { type: 'string', enum: [...ROLES] } as const;

export const principalSchema = closed({ id: int, email: str, name: str, role, party_iso2: strOrNull, conventions: secretariats }, 'The signed-in account');
export const meSchema = closed({
  user: { anyOf: [principalSchema, { type: 'null' }], description: 'null for the public' },
  abilities: { ...strings, description: "What the caller may do, as 'resource.action' (the UI hides the rest)" },
  csrf_token: { ...str, description: 'Send it in the X-CSRF-Token header of cookie-authenticated writes' },
});
export const csrfSchema = closed({ csrf_token: str });
export const apiTokenSchema = closed({ id: int, user_id: int, name: str, created_at: dateTime, expires_at: dateTimeOrNull, last_used_at: dateTimeOrNull, revoked_at: dateTimeOrNull });
export const newApiTokenSchema = closed({ id: int, name: str, token: { ...str, description: 'The secret: shown once, only its hash is kept' } });

export const signInBody = {
  type: 'object', required: ['email', 'password'], additionalProperties: false,
  properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 1024 }, _csrf: { type: 'string' } },
} as const;
export const newTokenBody = {
  type: 'object', required: ['name'], additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, expires_in_days: { type: 'integer', minimum: 1, maximum: 3650 }, _csrf: { type: 'string' } },
} as const;
export const tokensQuery = { type: 'object', additionalProperties: false, properties: { user_id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
