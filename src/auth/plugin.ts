// Authentication for the route plugins that need it (programme, auth, admin,
// curation): session cookies, bearer API tokens, CSRF on cookie-authenticated
// writes, and the transaction + error mapping every write shares. Each route
// file registers it; it is not encapsulated, so it decorates that file's scope.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import CSRF from '@fastify/csrf';
import type { Tx } from '../db/client.js';
import { HttpProblem, problems } from '../api/problems.js';
import { CommandError } from '../commands/errors.js';
import { actorOf, type Actor, type Principal } from './principal.js';
import { sessionPrincipal, tokenPrincipal } from './repository.js';

declare module 'fastify' {
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
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: process.env.CONCORD_INSECURE_COOKIES !== '1', ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
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
  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const p = m ? await tokenPrincipal(app.database.db, m[1]) : null;
      if (!p) throw problems.unauthorized('The API token is invalid, revoked or expired (send Authorization: Bearer <token>).');
      req.principal = p;
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (!secret) return;
    const found = await sessionPrincipal(app.database.db, secret);
    if (found && 'principal' in found) req.principal = found.principal;
    else if (found) req.sessionExpired = true;
  });
  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    if (req.sessionExpired && req.routeOptions.config.csrf !== 'always') throw problems.unauthorized('Your session has expired; sign in again. Nothing was saved.');
    if (req.principal?.via === 'session' || req.routeOptions.config.csrf === 'always') checkCsrf(tokens, req);
  });
}
// Not encapsulated: the decorations and hooks apply to the route file that registers it.
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
export default authPlugin;

/** @fastify/csrf, the token library under @fastify/csrf-protection. */
type Tokens = { verify(secret: string, token: string, userInfo: string): boolean };

/** What a CSRF token is bound to: the session cookie's hash ('anonymous' before sign-in). */
export function csrfBinding(req: FastifyRequest, sessionSecret = req.cookies[SESSION_COOKIE]): string {
  return sessionSecret ? createHash('sha256').update(sessionSecret).digest('base64url') : 'anonymous';
}

const keys = new WeakMap<object, Promise<string>>();
/** The HMAC key of CSRF tokens: CONCORD_SECRET, else one kept in the database, so every server shares it. */
function csrfKey(app: FastifyInstance): Promise<string> {
  if (process.env.CONCORD_SECRET) return Promise.resolve(process.env.CONCORD_SECRET);
  let key = keys.get(app.database);
  if (!key) {
    key = (async () => {
      await app.database.query(`insert into meta (key, value) values ('csrf.hmac_key', to_jsonb($1::text)) on conflict (key) do nothing`, [randomBytes(32).toString('base64url')]);
      const [row] = await app.database.query<{ v: string }>(`select value #>> '{}' as v from meta where key = 'csrf.hmac_key'`);
      return row.v;
    })();
    keys.set(app.database, key);
  }
  return key;
}

/** Double-submit check bound to the session: the token (header or _csrf field) must match the CSRF cookie's secret and this session. */
function checkCsrf(tokens: Tokens, req: FastifyRequest): void {
  const secret = req.cookies.concord_csrf;
  const h = req.headers['x-csrf-token'] ?? req.headers['csrf-token'];
  const token = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? (Array.isArray(h) ? h[0] : h);
  if (!secret || typeof token !== 'string' || !tokens.verify(secret, token, csrfBinding(req))) {
    throw problems.forbidden('Missing or invalid CSRF token: send the token from GET /api/v1/auth/csrf in the X-CSRF-Token header (or a _csrf form field). Nothing was saved.');
  }
}

/** Run a command in one transaction; command errors become problem+json (400/404/409). */
export async function inTransaction<T>(app: FastifyInstance, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await app.database.db.transaction(fn);
  } catch (e) {
    if (e instanceof CommandError) {
      if (e.kind === 'invalid') throw problems.badRequest(e.field ? `'${e.field}': expected ${e.message}` : e.message, e.field);
      if (e.kind === 'conflict') throw problems.conflict(e.message);
      throw problems.notFound(e.message);
    }
    throw e;
  }
}

/** The audit actor of a signed-in request. */
export function requestActor(req: FastifyRequest & { principal: Principal }): Actor {
  return actorOf(req.principal, req.id);
}

export function tooManyRequests(retryAfter: number): HttpProblem {
  return new HttpProblem({ type: 'https://concord.example/problems/too-many-requests', title: 'Too many requests', status: 429, detail: `Too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s).`, retryAfter });
}
