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
    this.csrf = res.json().csrf_token;
    return this.csrf;
  }

  async signIn(email: string, password = PASSWORD) {
    if (!this.csrf) await this.fetchCsrf();
    const res = await this.request('POST', '/api/v1/auth/sign-in', { email, password });
    if (res.statusCode === 200) this.csrf = res.json().csrf_token;
    return res;
  }
}

import { openApiValidator } from '../api/openapi.js';

const validators = new WeakMap<FastifyInstance, ReturnType<typeof openApiValidator>>();
function validatorFor(app: FastifyInstance) {
  let v = validators.get(app);
  if (!v) { v = openApiValidator(app); validators.set(app, v); }
  return v;
}
import { testApp } from '../support/app.js';

/** The real app: a server that does not build fails these tests too. */
export function programmeApp(database: Database): Promise<FastifyInstance> {
  return testApp(database);
}
