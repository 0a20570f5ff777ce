// Sign-in, sign-out, who am I, CSRF token, and API tokens for scripts (make, list, revoke).
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { SESSION_COOKIE, cookieOptions, csrfBinding } from '../../auth/plugin.js';
import { signInLimits } from '../../auth/limiter.js';
import { throttled, unauthenticated } from '../../auth/errors.js';
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
import { inTransaction } from '../transaction.js';
import { idParams, problem } from '../schemas/common.js';
import { apiTokenSchema, csrfSchema, meSchema, newApiTokenSchema, newTokenBody, signInBody, tokensQuery } from '../schemas/auth.js';

export default async function authRoutes(app: FastifyInstance) {
  app.useAuthentication();
  // Kept in the database: every server on it counts the same failures (auth/limiter.ts).
  const limits = signInLimits(app.database);

  app.get('/api/v1/auth/csrf', { schema: { tags: ['auth'], summary: 'A CSRF token for forms and cookie-authenticated JSON writes (header X-CSRF-Token)', response: { 200: csrfSchema, 401: problem } } },
    async (req, reply) => ({ csrf_token: reply.generateCsrf({ userInfo: csrfBinding(req) }) }));

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user (null for the public), their abilities, and a CSRF token', response: { 200: meSchema, 401: problem } } },
    async (req, reply) => ({ user: req.principal ? presentPrincipal(req.principal) : null, abilities: abilities(req.principal), csrf_token: reply.generateCsrf({ userInfo: csrfBinding(req) }) }));

  app.post<{ Body: FromSchema<typeof signInBody> }>('/api/v1/auth/sign-in', {
    config: { csrf: 'always' },
    schema: {
      tags: ['auth'], summary: 'Sign in with e-mail and password; sets an HTTP-only session cookie',
      body: signInBody,
      response: { 200: meSchema, 400: problem, 401: problem, 403: problem, 429: problem },
    },
  }, async (req, reply) => {
    const email = req.body.email.trim().toLowerCase();
    const key = `${req.ip} ${email}`; // no e-mail holds a space
    // Per IP + e-mail, per IP across accounts (spraying), per account from anywhere (lockout).
    const wait = Math.max(...await Promise.all([limits.ipEmail.retryAfter(key), limits.ip.retryAfter(req.ip), limits.account.retryAfter(email)]));
    if (wait > 0) throw throttled(wait);
    const user = await userByEmail(app.database.db, req.body.email);
    const ok = await verifyPassword(req.body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await Promise.all([limits.ipEmail.fail(key), limits.ip.fail(req.ip), limits.account.fail(email)]);
      throw unauthenticated('E-mail or password is wrong.');
    }
    await Promise.all([limits.ipEmail.succeed(key), limits.account.succeed(email)]);
    const principal = principalOf(user, 'session');
    const session = await inTransaction(app, (tx) => createSession(tx, { actor: { userId: user.id, label: user.email, requestId: req.id }, userId: user.id }));
    reply.setCookie(SESSION_COOKIE, session.secret, cookieOptions(SESSION_HOURS * 3600));
    return { user: presentPrincipal(principal), abilities: abilities(principal), csrf_token: reply.generateCsrf({ userInfo: csrfBinding(req, session.secret) }) };
  });

  app.post('/api/v1/auth/sign-out', { config: { csrf: 'always' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: { type: 'null' }, 401: problem, 403: problem } } }, async (req, reply) => {
    const secret = req.cookies[SESSION_COOKIE];
    if (secret && req.principal) await inTransaction(app, (tx) => endSession(tx, { actor: actorOf(req.principal!, req.id), secret }));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post<{ Body: FromSchema<typeof newTokenBody> }>('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'], summary: 'Make an API token for scripts (shown once)',
      body: newTokenBody,
      response: { 201: newApiTokenSchema, 400: problem, 401: problem, 403: problem },
    },
  }, async (req, reply) => {
    authorize(req.principal, 'create', 'apiToken', { ownerId: req.principal?.userId });
    const actor = actorOf(req.principal!, req.id);
    const days = req.body.expires_in_days;
    const expiresAt = days ? new Date(Date.now() + days * 86400_000) : null;
    const t = await inTransaction(app, (tx) => createApiToken(tx, { actor, userId: req.principal!.userId, name: req.body.name, expiresAt }));
    return reply.status(201).send({ id: t.id, name: t.name, token: t.secret });
  });

  app.get<{ Querystring: FromSchema<typeof tokensQuery> }>('/api/v1/auth/tokens', {
    schema: {
      tags: ['auth'], summary: "The signed-in user's API tokens (an admin may ask for another user's), revoked ones included; never the secrets",
      querystring: tokensQuery,
      response: { 200: { type: 'object', additionalProperties: false, required: ['tokens'], properties: { tokens: { type: 'array', items: apiTokenSchema } } }, 400: problem, 401: problem, 403: problem },
    },
  }, async (req) => {
    const ownerId = req.query.user_id ?? req.principal?.userId;
    authorize(req.principal, 'read', 'apiToken', { ownerId });
    return { tokens: (await apiTokensOf(app.database.db, ownerId!)).map(presentApiToken) };
  });

  app.delete<{ Params: FromSchema<typeof idParams> }>('/api/v1/auth/tokens/:id', {
    schema: {
      tags: ['auth'], summary: 'Revoke an API token (your own; an admin any): refused from the next request on',
      params: idParams,
      response: { 200: apiTokenSchema, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (req) => {
    const token = await apiTokenById(app.database.db, req.params.id);
    if (!token) throw problems.notFound(`No API token ${req.params.id}.`);
    authorize(req.principal, 'revoke', 'apiToken', { ownerId: token.userId });
    return presentApiToken(await inTransaction(app, (tx) => revokeApiToken(tx, { actor: actorOf(req.principal!, req.id), tokenId: token.id })));
  });
}
