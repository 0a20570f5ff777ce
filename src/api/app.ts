// The Fastify application: OpenAPI, problem+json errors and the route plugins
// found in ./routes (one file a resource). The server and tests both build it here.
import fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type FastifyError } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerHttpBehaviour, type RateLimitOptions } from './plugins.js';
import { lazyCompilersFactory } from './lazyCompilers.js';
import type { Database } from '../db/client.js';
import { newReadiness, type Readiness } from './readiness.js';
import { HttpProblem, problemSchema, type Problem } from './problems.js';

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
  // staticCSP: the docs page sends its own CSP, with hashes of its inline scripts.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.setErrorHandler(errorHandler);
  await registerHttpBehaviour(app, { rateLimit: opts.rateLimit });
  app.setNotFoundHandler((req, reply) => {
    sendProblem(reply, { type: 'https://concord.example/problems/not-found', title: 'Not found', status: 404, detail: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
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

/** ': a, b, c' for an enum violation, so the problem says what was expected. */
function allowed(params: unknown): string {
  const values = (params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
  return Array.isArray(values) ? `: ${values.join(', ')}` : '';
}

function routeFiles(): string[] {
  return fs.readdirSync(routesDir).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f)).sort();
}

function sendProblem(reply: import('fastify').FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Validation and client errors become 4xx problems; 5xx hide internals but are logged. */
function errorHandler(this: FastifyInstance, err: FastifyError, req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) {
  if (err instanceof HttpProblem) return sendProblem(reply, { ...err.problem, instance: req.url });
  if (err.validation) {
    const v = err.validation[0];
    const parameter = v ? (v.instancePath.replace(/^\//, '') || (v.params as { missingProperty?: string; additionalProperty?: string }).missingProperty || (v.params as { additionalProperty?: string }).additionalProperty) : undefined;
    return sendProblem(reply, {
      type: 'https://concord.example/problems/bad-request', title: 'Bad request', status: 400,
      detail: `${err.validationContext ?? 'request'}${parameter ? ` '${parameter}'` : ''} ${v?.message ?? err.message}${allowed(v?.params)}`,
      parameter: parameter || undefined, instance: req.url,
    });
  }
  const db = databaseProblem(err);
  if (db) {
    if (db.status === 503) { reply.header('Retry-After', '5'); req.log.warn({ err }, 'database unavailable'); }
    return sendProblem(reply, { ...db, instance: req.url });
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status >= 500) {
    req.log.error({ err }, 'request failed');
    return sendProblem(reply, { type: 'https://concord.example/problems/internal', title: 'Internal error', status, detail: `Something went wrong on our side (request ${req.id}).` });
  }
  const title = STATUS_CODES[status] ?? 'Bad request';
  return sendProblem(reply, { type: `https://concord.example/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail: err.message, instance: req.url });
}

/**
 * A database error that is the request's fault or the database's absence, never a 500:
 * SQLSTATE class 22 (a value the column cannot hold: an id past int4, a year 0000,
 * an amount past numeric's precision, a NUL byte) is a 400; a lost or refused
 * connection, a shutdown or too many clients is a 503 to retry.
 */
function databaseProblem(err: unknown): Problem | null {
  // pg and PGlite put the code on the error; drizzle wraps it (err.cause).
  const raw = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  const net = typeof raw === 'string' ? raw : '';
  const sqlstate = /^[0-9A-Z]{5}$/.test(net) ? net : null;
  if (sqlstate?.startsWith('22')) {
    return { type: 'https://concord.example/problems/bad-request', title: 'Bad request', status: 400, detail: `a value the database cannot hold (${DATA_EXCEPTIONS[sqlstate] ?? 'out of range or malformed'})` };
  }
  if (sqlstate === '57014') { // statement_timeout (CONCORD_DB_STATEMENT_TIMEOUT_MS): the database is too slow now
    return { type: 'https://concord.example/problems/unavailable', title: 'Service unavailable', status: 503, detail: 'The database took too long to answer; try again in a few seconds.' };
  }
  const message = `${(err as Error).message ?? ''} ${(err as { cause?: Error }).cause?.message ?? ''}`;
  if ((sqlstate && /^(08|53|57P0)/.test(sqlstate)) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(net) || LOST_CONNECTION.test(message)) {
    return { type: 'https://concord.example/problems/unavailable', title: 'Service unavailable', status: 503, detail: 'The database is not answering; try again in a few seconds.' };
  }
  return null;
}

/** node-postgres's words for a connection lost, never made, or given up on (db/client.ts's deadline). */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|not queryable|Query read timeout|connection timeout|timeout expired/i;

const DATA_EXCEPTIONS: Record<string, string> = {
  '22003': 'a number out of range', '22008': 'a date out of range', '22007': 'a malformed date', '22P02': 'a malformed value',
  '22021': 'an invalid character', '22P05': 'an invalid character', '22001': 'a text too long', '22012': 'a division by zero',
};
