// Build the app for API tests (no rate limit unless asked) and call it with
// every JSON response checked against the OpenAPI document.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { Database } from '../../src/db/client.js';
import type { RateLimitOptions } from '../../src/api/plugins.js';
import { openApiValidator } from './openapi.js';
import { seedApiData } from './fixtures.js';

export interface ApiClient {
  app: FastifyInstance;
  /** Inject and validate the response against the OpenAPI document. */
  call(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
}

export async function apiClient(database: Database, opts: { rateLimit?: RateLimitOptions | false } = {}): Promise<ApiClient> {
  const app = await buildApp({ database, logger: false, rateLimit: opts.rateLimit ?? false });
  await app.ready();
  const validate = openApiValidator(app);
  return {
    app,
    async call(o) {
      const req = typeof o === 'string' ? { url: o, method: 'GET' as const } : o;
      const res = await app.inject(req);
      validate(req.method ?? 'GET', req.url as string, res);
      return res;
    },
  };
}

/** The API on the seeded test data (seedApiData), and the id of the CITES concept Loxodonta africana most tests look at. */
export async function openSeededApi(database: Database): Promise<{ api: ApiClient; elephant: number }> {
  await seedApiData(database);
  const api = await apiClient(database);
  const [{ id }] = await database.query<{ id: number }>(`select id from taxon_concepts where full_name = 'Loxodonta africana' and taxonomy_id = 'CITES'`);
  return { api, elephant: Number(id) };
}
