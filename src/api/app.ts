// The Fastify application: OpenAPI, problem+json errors and the route plugins
// found in ./routes (one file a resource). The server and tests both build it here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import { registerHttpBehaviour, type RateLimitOptions } from './plugins.js';
import { lazyCompilersFactory } from './lazyCompilers.js';
import type { Database } from '../db/client.js';
import { errorHandler, notFoundHandler, problemSchema } from './problems.js';
import authPlugin from '../auth/plugin.js';
import { registerDocsPage } from './docsPage.js';
import { newReadiness, type Readiness } from './readiness.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Seeding and draining, set by `concord serve`; read by /health/ready. */
    readiness: Readiness;
  }
}

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** An existing pino logger (the CLI's), instead of `logger` options. */
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /** Requests per minute (anonymous and with a token); false turns limiting off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** The proxies whose X-Forwarded-For names the client (CONCORD_TRUST_PROXY), else the peer is the client. */
  trustProxy?: string | false;
}

const routesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'routes');

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.loggerInstance ? { loggerInstance: opts.loggerInstance } : { logger: opts.logger ?? false }),
    bodyLimit: 16 * 1024 * 1024,
    trustProxy: opts.trustProxy || false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    schemaController: { compilersFactory: lazyCompilersFactory as never },
  });
  app.decorate('database', opts.database);
  app.decorate('readiness', newReadiness());
  app.addSchema(problemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '1.0.0',
        description: 'CITES and CMS species data, linked. Reading needs no token.',
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  registerDocsPage(app); // an accessible reference page rendered from the document (no Swagger UI)
  app.setErrorHandler(errorHandler);
  await registerHttpBehaviour(app, { rateLimit: opts.rateLimit });
  app.setNotFoundHandler(notFoundHandler);
  await app.register(authPlugin); // once, for every route file that asks for the principal
  for (const file of routeFiles()) {
    const mod = (await import(pathToFileURL(path.join(routesDir, file)).href)) as { default: (app: FastifyInstance) => Promise<void> };
    await app.register(mod.default);
  }
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** A caller's X-Request-Id when it is sane, else a fresh one. */
function requestId(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : Math.random().toString(36).slice(2, 12);
}

function routeFiles(): string[] {
  return fs.readdirSync(routesDir).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
}
