// What authentication refuses, as domain errors: the API maps them to problem+json
// (401, 403, 429), so auth/ never builds an HTTP answer itself.
export type AuthFailure = 'unauthenticated' | 'csrf' | 'throttled';

export class AuthError extends Error {
  constructor(readonly kind: AuthFailure, message: string, readonly retryAfter?: number) {
    super(message);
    this.name = 'AuthError';
  }
}

export const unauthenticated = (message: string) => new AuthError('unauthenticated', message);
export const badCsrf = (message: string) => new AuthError('csrf', message);
/** Too many failed sign-ins; retryAfter in seconds. */
export const throttled = (retryAfter: number) =>
  new AuthError('throttled', `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s).`, retryAfter);
