// Authentication for the route plugins that need it (programme, auth, admin,
// curation): session cookies, bearer API tokens, CSRF on cookie-authenticated
// writes, and the transaction + error mapping every write shares. Each route
// file registers it; it is not encapsulated, so it decorates that file's scope.
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
import { FailureLimiter } from './limiter.js';

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

/** Failed sign-ins per IP + e-mail: 5 in 15 minutes, then wait. Shared by every scope of the process. */
export const signInLimiter = new FailureLimiter({ max: 5, windowMs: 15 * 60_000 });

async function authPlugin(app: FastifyInstance) {
  await app.register(cookie);
  await app.register(formbody);
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: 'concord_csrf', cookieOpts: cookieOptions() });
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
    if (req.principal?.via === 'session' || req.routeOptions.config.csrf === 'always') checkCsrf(req);
  });
}
// Not encapsulated: the decorations and hooks apply to the route file that registers it.
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
export default authPlugin;

// @fastify/csrf (the token library under @fastify/csrf-protection) with its defaults, as generateCsrf uses them.
const tokens = (CSRF as unknown as () => { verify(secret: string, token: string): boolean })();

/** Double-submit check: the token (header or _csrf field) must match the secret in the CSRF cookie. */
function checkCsrf(req: FastifyRequest): void {
  const secret = req.cookies.concord_csrf;
  const h = req.headers['x-csrf-token'] ?? req.headers['csrf-token'];
  const token = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? (Array.isArray(h) ? h[0] : h);
  if (!secret || typeof token !== 'string' || !tokens.verify(secret, token)) {
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
