// Sign-in, sign-out, who am I, CSRF token, and API tokens for scripts (make, list, revoke).
import type { FastifyInstance } from 'fastify';
import authPlugin, { SESSION_COOKIE, cookieOptions, inTransaction, csrfBinding, tooManyRequests } from '../../auth/plugin.js';
import { signInLimits } from '../../auth/limiter.js';
import { actorOf } from '../../auth/principal.js';
import { DUMMY_HASH, verifyPassword } from '../../auth/passwords.js';
import { apiTokenById, apiTokensOf, principalOf, userByEmail } from '../../auth/repository.js';
import { abilities } from '../../policies/table.js';
import { authorize } from '../../policies/authorize.js';
import { createSession, endSession, SESSION_HOURS } from '../../commands/sessionCreator.js';
import { createApiToken } from '../../commands/apiTokenCreator.js';
import { revokeApiToken } from '../../commands/apiTokenRevoker.js';
import { presentApiToken, presentPrincipal } from '../../programme/presenters.js';
import { problems } from '../problems.js';

const problem = { $ref: 'Problem#' };
const me = {
  type: 'object',
  properties: {
    user: { type: ['object', 'null'], additionalProperties: true },
    abilities: { type: 'array', items: { type: 'string' } },
    csrfToken: { type: 'string' },
  },
} as const;
const stamp = { type: ['string', 'null'], format: 'date-time' } as const;
const apiToken = {
  type: 'object', additionalProperties: false, required: ['id', 'userId', 'name', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
  properties: { id: { type: 'integer' }, userId: { type: 'integer' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, expiresAt: stamp, lastUsedAt: stamp, revokedAt: stamp },
} as const;

export default async function authRoutes(app: FastifyInstance) {
  // Kept in the database: every server on it counts the same failures (auth/limiter.ts).
  const limits = signInLimits(app.database);
  await app.register(authPlugin);

  app.get('/api/v1/auth/csrf', { schema: { tags: ['auth'], summary: 'A CSRF token for forms and cookie-authenticated JSON writes (header X-CSRF-Token)', response: { 200: { type: 'object', properties: { csrfToken: { type: 'string' } } }, 401: problem } } },
    async (req, reply) => ({ csrfToken: reply.generateCsrf({ userInfo: csrfBinding(req) }) }));

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user (null for the public), their abilities, and a CSRF token', response: { 200: me, 401: problem } } },
    async (req, reply) => ({ user: req.principal ? presentPrincipal(req.principal) : null, abilities: abilities(req.principal), csrfToken: reply.generateCsrf({ userInfo: csrfBinding(req) }) }));

  app.post<{ Body: { email: string; password: string } }>('/api/v1/auth/sign-in', {
    config: { csrf: 'always' },
    schema: {
      tags: ['auth'], summary: 'Sign in with e-mail and password; sets an HTTP-only session cookie',
      body: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 1024 }, _csrf: { type: 'string' } } },
      response: { 200: me, 400: problem, 401: problem, 403: problem, 429: problem },
    },
  }, async (req, reply) => {
    const email = req.body.email.trim().toLowerCase();
    const key = `${req.ip} ${email}`; // no e-mail holds a space
    // Per IP + e-mail, per IP across accounts (spraying), per account from anywhere (lockout).
    const wait = Math.max(...await Promise.all([limits.ipEmail.retryAfter(key), limits.ip.retryAfter(req.ip), limits.account.retryAfter(email)]));
    if (wait > 0) { reply.header('retry-after', String(wait)); throw tooManyRequests(wait); }
    const user = await userByEmail(app.database.db, req.body.email);
    const ok = await verifyPassword(req.body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await Promise.all([limits.ipEmail.fail(key), limits.ip.fail(req.ip), limits.account.fail(email)]);
      throw problems.unauthorized('E-mail or password is wrong.');
    }
    await Promise.all([limits.ipEmail.succeed(key), limits.account.succeed(email)]);
    const principal = principalOf(user, 'session');
    const session = await inTransaction(app, (tx) => createSession(tx, { actor: { userId: user.id, label: user.email, requestId: req.id }, userId: user.id }));
    reply.setCookie(SESSION_COOKIE, session.secret, cookieOptions(SESSION_HOURS * 3600));
    return { user: presentPrincipal(principal), abilities: abilities(principal), csrfToken: reply.generateCsrf({ userInfo: csrfBinding(req, session.secret) }) };
  });

  app.post('/api/v1/auth/sign-out', { config: { csrf: 'always' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: { type: 'null' }, 401: problem, 403: problem } } }, async (req, reply) => {
    const secret = req.cookies[SESSION_COOKIE];
    if (secret && req.principal) await inTransaction(app, (tx) => endSession(tx, { actor: actorOf(req.principal!, req.id), secret }));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post<{ Body: { name: string; expiresInDays?: number } }>('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'], summary: 'Make an API token for scripts (shown once)',
      body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 } } },
      response: { 201: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, token: { type: 'string' } } }, 400: problem, 401: problem, 403: problem },
    },
  }, async (req, reply) => {
    authorize(req.principal, 'create', 'apiToken', { ownerId: req.principal?.userId });
    const actor = actorOf(req.principal!, req.id);
    const expiresAt = req.body.expiresInDays ? new Date(Date.now() + req.body.expiresInDays * 86400_000) : null;
    const t = await inTransaction(app, (tx) => createApiToken(tx, { actor, userId: req.principal!.userId, name: req.body.name, expiresAt }));
    return reply.status(201).send({ id: t.id, name: t.name, token: t.secret });
  });

  app.get<{ Querystring: { userId?: number } }>('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'], summary: "The signed-in user's API tokens (an admin may ask for another user's), revoked ones included; never the secrets",
      querystring: { type: 'object', additionalProperties: false, properties: { userId: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
      response: { 200: { type: 'object', properties: { tokens: { type: 'array', items: apiToken } } }, 400: problem, 401: problem, 403: problem },
    },
  }, async (req) => {
    const ownerId = req.query.userId ?? req.principal?.userId;
    authorize(req.principal, 'read', 'apiToken', { ownerId });
    return { tokens: (await apiTokensOf(app.database.db, ownerId!)).map(presentApiToken) };
  });

  app.delete<{ Params: { id: number } }>('/api/v1/auth/tokens/:id', {
    schema: {
      tags: ['auth'], summary: 'Revoke an API token (your own; an admin any): refused from the next request on',
      params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
      response: { 200: apiToken, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (req) => {
    const token = await apiTokenById(app.database.db, req.params.id);
    if (!token) throw problems.notFound(`No API token ${req.params.id}.`);
    authorize(req.principal, 'revoke', 'apiToken', { ownerId: token.userId });
    return presentApiToken(await inTransaction(app, (tx) => revokeApiToken(tx, { actor: actorOf(req.principal!, req.id), tokenId: token.id })));
  });
}
