// Small pieces the resource schemas share (the public data's shapes are in ../schemas.ts).
export const problem = { $ref: 'Problem#' } as const;
export const str = { type: 'string' } as const;
export const strOrNull = { type: ['string', 'null'] } as const;
export const int = { type: 'integer' } as const;
export const intOrNull = { type: ['integer', 'null'] } as const;
export const bool = { type: 'boolean' } as const;
export const strings = { type: 'array', items: str } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const dateTimeOrNull = { type: ['string', 'null'], format: 'date-time' } as const;
export const secretariats = { type: 'array', items: { type: 'string', enum: ['CITES', 'CMS'] } } as const;
/** The CSRF token may come as a form field instead of the X-CSRF-Token header. */
export const csrfField = { type: 'string', description: 'CSRF token, when not sent in the X-CSRF-Token header' } as const;
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;
/** The errors of a write: bad input, not signed in, not allowed, missing, stale or conflicting. */
export const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } as const;

/** An object schema whose every property is required and nothing else is allowed. */
export function closed<const P extends Record<string, unknown>>(properties: P, description?: string) {
  return { type: 'object', ...(description ? { description } : {}), additionalProperties: false, required: Object.keys(properties) as (keyof P & string)[], properties } as const;
}
