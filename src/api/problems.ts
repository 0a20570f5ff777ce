// RFC 9457 problem+json: the one module that builds every error document the API
// returns (route 404, validation 400, 401/403/404/409, 413, 429, 5xx), each with a
// stable `type` URI from PROBLEM_TYPES. Domain errors (commands, policies, auth)
// are mapped here; they never build HTTP answers themselves.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CommandError } from '../commands/errors.js';
import { AccessDenied } from '../policies/authorize.js';
import { AuthError } from '../auth/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The offending parameter or field, when there is one. */
  parameter?: string;
  /** Seconds to wait before retrying (429, 503); also sent as Retry-After. */
  retry_after?: number;
}

export const PROBLEM_BASE = 'https://concord.example/problems/';

/** Every problem type the API answers with: its URI slug, status and title (docs/api.md lists them). */
export const PROBLEM_TYPES = {
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

/** The problem of a kind, with its stable type URI, status and title. */
export function problemOf(kind: ProblemKind, detail: string, extra: { parameter?: string; retry_after?: number } = {}): Problem {
  const { status, title } = PROBLEM_TYPES[kind];
  return { type: `${PROBLEM_BASE}${kind}`, title, status, detail, ...extra };
}

const thrown = (kind: ProblemKind, detail: string, extra?: { parameter?: string; retry_after?: number }) => new HttpProblem(problemOf(kind, detail, extra));

export const problems = {
  badRequest: (detail: string, parameter?: string) => thrown('bad-request', detail, parameter ? { parameter } : {}),
  notFound: (detail: string) => thrown('not-found', detail),
  forbidden: (detail = 'You are not allowed to do this.') => thrown('forbidden', detail),
  unauthorized: (detail = 'Sign in first.') => thrown('unauthorized', detail),
  conflict: (detail: string) => thrown('conflict', detail),
  notAcceptable: (detail: string) => thrown('not-acceptable', detail),
  tooLarge: (detail: string) => thrown('payload-too-large', detail),
  tooManyRequests: (detail: string, retryAfter?: number) => thrown('too-many-requests', detail, retryAfter ? { retry_after: retryAfter } : {}),
  /** Busy or not ready: Retry-After (seconds) is sent with it. */
  unavailable: (detail: string, retryAfter: number) => thrown('unavailable', detail, { retry_after: retryAfter }),
};

/** JSON schema of a problem, for route response schemas. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details; `type` is one of the stable URIs listed in docs/api.md',
  properties: {
    type: { type: 'string', enum: Object.keys(PROBLEM_TYPES).map((k) => `${PROBLEM_BASE}${k}`) },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    parameter: { type: 'string', description: 'The offending parameter or field' },
    retry_after: { type: 'integer', description: 'Seconds to wait before retrying' },
  },
  required: ['type', 'title', 'status'],
  additionalProperties: false,
} as const;

export function sendProblem(reply: FastifyReply, problem: Problem) {
  if (problem.retry_after && !reply.hasHeader('retry-after')) reply.header('Retry-After', String(problem.retry_after));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** The route 404: no route for this method and path. */
export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, problemOf('not-found', `No route ${req.method} ${req.url.split('?')[0]}`));
}

/** Every thrown error becomes a problem: 4xx say what was wrong; 5xx hide internals but are logged. */
export function errorHandler(this: FastifyInstance, err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const problem = problemFor(err, req);
  if (problem.status === 503) req.log.warn({ err }, 'unavailable');
  else if (problem.status >= 500) req.log.error({ err }, 'request failed');
  return sendProblem(reply, problem.status >= 500 ? problem : { ...problem, instance: req.url });
}

function problemFor(err: FastifyError, req: FastifyRequest): Problem {
  if (err instanceof HttpProblem) return err.problem;
  if (err instanceof AccessDenied) return problemOf('forbidden', err.message);
  if (err instanceof AuthError) {
    if (err.kind === 'csrf') return problemOf('forbidden', err.message);
    if (err.kind === 'throttled') return problemOf('too-many-requests', err.message, { retry_after: err.retryAfter });
    return problemOf('unauthorized', err.message);
  }
  if (err instanceof CommandError) {
    const field = err.field && snakeCase(err.field); // a command's props are the API's fields, camelCased
    if (err.kind === 'invalid') return problemOf('bad-request', field ? `'${field}': expected ${err.message}` : err.message, field ? { parameter: field } : {});
    return problemOf(err.kind === 'conflict' ? 'conflict' : 'not-found', err.message);
  }
  if (err.validation) return validationProblem(err);
  const db = databaseProblem(err);
  if (db) return db;
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status >= 500) return problemOf('internal', `Something went wrong on our side (request ${req.id}).`);
  const kind = (Object.keys(PROBLEM_TYPES) as ProblemKind[]).find((k) => PROBLEM_TYPES[k].status === status);
  return kind ? problemOf(kind, err.message) : { type: `${PROBLEM_BASE}bad-request`, title: STATUS_CODES[status] ?? 'Bad request', status, detail: err.message };
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A schema violation, naming the parameter and, for an enum, what was expected. */
function validationProblem(err: FastifyError): Problem {
  const v = err.validation![0];
  const params = v?.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] } | undefined;
  const parameter = v ? (v.instancePath.replace(/^\//, '') || params?.missingProperty || params?.additionalProperty) : undefined;
  const allowed = Array.isArray(params?.allowedValues) ? `: ${params.allowedValues.join(', ')}` : '';
  return problemOf('bad-request', `${err.validationContext ?? 'request'}${parameter ? ` '${parameter}'` : ''} ${v?.message ?? err.message}${allowed}`, parameter ? { parameter } : {});
}

/**
 * A database error that is the request's fault or the database's absence, never a 500:
 * SQLSTATE class 22 (a value the column cannot hold: an id past int4, a year 0000,
 * an amount past numeric's precision, a NUL byte) is a 400; a lost or refused
 * connection, a shutdown or too many clients is a 503 to retry.
 */
/** node-postgres's words for a connection lost, never made, or given up on (db/client.ts's deadline). */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|not queryable|Query read timeout|connection timeout|timeout expired/i;

function databaseProblem(err: unknown): Problem | null {
  // pg and PGlite put the code on the error; drizzle wraps it (err.cause).
  const raw = (err as { code?: unknown }).code ?? (err as { cause?: { code?: unknown } }).cause?.code;
  const net = typeof raw === 'string' ? raw : '';
  const sqlstate = /^[0-9A-Z]{5}$/.test(net) ? net : null;
  if (sqlstate?.startsWith('22')) return problemOf('bad-request', `a value the database cannot hold (${DATA_EXCEPTIONS[sqlstate] ?? 'out of range or malformed'})`);
  if (sqlstate === '57014') { // statement_timeout (CONCORD_DB_STATEMENT_TIMEOUT_MS): the database is too slow now
    return problemOf('unavailable', 'The database took too long to answer; try again in a few seconds.', { retry_after: 5 });
  }
  const message = `${(err as Error).message ?? ''} ${(err as { cause?: Error }).cause?.message ?? ''}`;
  if ((sqlstate && /^(08|53|57P0)/.test(sqlstate)) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(net) || LOST_CONNECTION.test(message)) {
    return problemOf('unavailable', 'The database is not answering; try again in a few seconds.', { retry_after: 5 });
  }
  return null;
}

const DATA_EXCEPTIONS: Record<string, string> = {
  '22003': 'a number out of range', '22008': 'a date out of range', '22007': 'a malformed date', '22P02': 'a malformed value',
  '22021': 'an invalid character', '22P05': 'an invalid character', '22001': 'a text too long', '22012': 'a division by zero',
};
