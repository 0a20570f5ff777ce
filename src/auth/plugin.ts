// Authentication: session cookies, bearer API tokens, CSRF on cookie-authenticated
// writes. A named plugin registered once by the app (src/api/app.ts); a route file
// that needs the caller's principal calls app.useAuthentication(), which adds the
// hooks to that file's scope only (public reads pay nothing). Failures are
// AuthError, mapped to problem+json by src/api/problems.ts.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import CSRF from '@fastify/csrf';
import { loadConfig } from '../config.js';
import { actorOf, type Actor, type Principal } from './principal.js';
import { badCsrf, unauthenticated } from './errors.js';
import { sessionPrincipal, tokenPrincipal } from './repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolve the caller's principal and check CSRF on writes, in this route file's scope. */
    useAuthentication(): void;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** 'always': a CSRF token is required even without a session (sign-in). */
    csrf?: 'always';
  }
}

export const SESSION_COOKIE = 'concord_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Secure cookies unless CONCORD_INSECURE_COOKIES=1 (plain-HTTP development only). */
export function cookieOptions(maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: !loadConfig().insecureCookies, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

async function authPlugin(app: FastifyInstance) {
  await app.register(cookie);
  await app.register(formbody);
  // CSRF tokens bound to the session (HMAC of its cookie): a token made for another
  // session, or for a CSRF cookie an attacker tossed in, does not verify.
  const hmacKey = await csrfKey(app);
  const tokens = new (CSRF as unknown as new (o: object) => Tokens)({ userInfo: true, hmacKey }); // as generateCsrf makes them
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: 'concord_csrf', cookieOpts: cookieOptions(), csrfOpts: { userInfo: true, hmacKey }, getUserInfo: csrfBinding });
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpired', false);
  const resolvePrincipal = async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const p = m ? await tokenPrincipal(app.database.db, m[1]) : null;
      if (!p) throw unauthenticated('The API token is invalid, revoked or expired (send Authorization: Bearer <token>).');
      req.principal = p;
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (!secret) return;
    const found = await sessionPrincipal(app.database.db, secret);
    if (found && 'principal' in found) req.principal = found.principal;
    else if (found) req.sessionExpired = true;
  };
  const guardWrites = async (req: FastifyRequest) => {
    if (!UNSAFE.has(req.method)) return;
    if (req.sessionExpired && req.routeOptions.config.csrf !== 'always') throw unauthenticated('Your session has expired; sign in again. Nothing was saved.');
    if (req.principal?.via === 'session' || req.routeOptions.config.csrf === 'always') checkCsrf(tokens, req);
  };
  app.decorate('useAuthentication', function (this: FastifyInstance) {
    this.addHook('onRequest', resolvePrincipal);
    this.addHook('preHandler', guardWrites);
  });
}

export default fp(authPlugin, { name: 'concord-auth', fastify: '5.x' });

/** @fastify/csrf, the token library under @fastify/csrf-protection. */
type Tokens = { verify(secret: string, token: string, userInfo: string): boolean };

/** What a CSRF token is bound to: the session cookie's hash ('anonymous' before sign-in). */
export function csrfBinding(req: FastifyRequest, sessionSecret = req.cookies[SESSION_COOKIE]): string {
  return sessionSecret ? createHash('sha256').update(sessionSecret).digest('base64url') : 'anonymous';
}

/** The HMAC key of CSRF tokens: CONCORD_SECRET, else one kept in the database, so every server shares it. */
async function csrfKey(app: FastifyInstance): Promise<string> {
  const secret = loadConfig().secret;
  if (secret) return secret;
  await app.database.query(`insert into meta (key, value) values ('csrf.hmac_key', to_jsonb($1::text)) on conflict (key) do nothing`, [randomBytes(32).toString('base64url')]);
  const [row] = await app.database.query<{ v: string }>(`select value #>> '{}' as v from meta where key = 'csrf.hmac_key'`);
  return row.v;
}

/** Double-submit check bound to the session: the token (header or _csrf field) must match the CSRF cookie's secret and this session. */
function checkCsrf(tokens: Tokens, req: FastifyRequest): void {
  const secret = req.cookies.concord_csrf;
  const h = req.headers['x-csrf-token'] ?? req.headers['csrf-token'];
  const token = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? (Array.isArray(h) ? h[0] : h);
  if (!secret || typeof token !== 'string' || !tokens.verify(secret, token, csrfBinding(req))) {
    throw badCsrf('Missing or invalid CSRF token: send the token from GET /api/v1/auth/csrf in the X-CSRF-Token header (or a _csrf form field). Nothing was saved.');
  }
}

/** The audit actor of a signed-in request. */
export function requestActor(req: FastifyRequest & { principal: Principal }): Actor {
  return actorOf(req.principal, req.id);
}
