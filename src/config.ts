// Configuration: every environment variable Concord reads, read and validated here
// only (src/ has no other process.env read); a bad value is a clear error naming it.
import net from 'node:net';
import path from 'node:path';

/** A limit in requests a minute, or 'off' (no limit). */
export type Limit = number | 'off';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seedDir: string;
  logLevel: string;
  /** Requests a minute per IP without a token, and per API token. */
  rateLimit: number;
  rateLimitToken: number;
  /** CONCORD_INSECURE_COOKIES=1: cookies without Secure (plain-HTTP development only). */
  insecureCookies: boolean;
  /** CONCORD_SECRET: the CSRF HMAC key; absent, one is kept in the database. */
  secret: string | undefined;
  /** CONCORD_NAME_THREADS: name-engine worker threads (0: in the main thread); absent, from the CPU count. */
  nameThreads: number | undefined;
  /** CONCORD_NAME_QUEUE: name-engine chunks queued before answering 503. */
  nameQueue: number;
  /** CONCORD_NAME_NICE: the nice value of name-engine worker threads (0 keeps the default priority; up to 19). */
  nameNice: number;
  /** CONCORD_READ_CACHE=0 turns the read cache off (benchmarks). */
  readCache: boolean;
  /** CONCORD_WEB_DIST: the built web app (default web/dist). */
  webDist: string | undefined;
  /** CONCORD_PG_POOL: PostgreSQL connections per process. */
  pgPool: number;
  /** SPECIESPLUS_URL and SPECIESPLUS_TOKEN: the Species+ API for `concord sync`. */
  speciesplusUrl: string | undefined;
  speciesplusToken: string | undefined;
  /** CONCORD_PASSWORD: the password `concord user add` sets without asking. */
  password: string | undefined;
  /** CONCORD_RATE_LIMIT_ROUTES: a route's own limit, counted apart ('GET /api/v1/names/match=60'; a path ending in * is a prefix). */
  rateLimitRoutes: { method: string | null; path: string; prefix: boolean; limit: Limit }[];
  /** CONCORD_RATE_LIMIT_TRUSTED: a network's limit on every route, before any other ('10.0.0.0/8=off'). */
  rateLimitTrusted: { network: string; limit: Limit }[];
  /** CONCORD_TRUST_PROXY: the proxies whose X-Forwarded-For names the client (addresses or CIDRs), or false. */
  trustProxy: string | false;
  /** PostgreSQL: a request's statement timeout; imports and start-up work; connecting. */
  db: { statementTimeoutMs: number; longStatementTimeoutMs: number; connectTimeoutMs: number };
  /** SIGTERM: the wait before the listener closes (a load balancer sees /health/ready fail), and the most it waits for requests. */
  shutdownDelayMs: number;
  shutdownTimeoutMs: number;
}

/** A whole number within bounds, or a clear error naming the variable. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, what: string, min = 1): number {
  return optionalWholeNumber(env, name, min, `a whole number of ${what}`) ?? fallback;
}

/** A whole number from `min` up, or a clear error naming the variable. */
function optionalWholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, what: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be ${what} (${min} or more), got '${raw}'`);
  return n;
}

/** 1/true or 0/false (empty: the default), or a clear error naming the variable. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name} must be 1 or 0, got '${env[name]}'`);
}

function limitOf(name: string, item: string, raw: string): Limit {
  if (raw === 'off') return 'off';
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name}: '${item}' must end in =N (requests a minute, 1 or more) or =off`);
  return n;
}

/** 'a=1, b=2' as [a, '1'] pairs, refusing an item without '='. */
function pairs(env: NodeJS.ProcessEnv, name: string, example: string): [string, string, string][] {
  return (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    const at = item.lastIndexOf('=');
    if (at < 1) throw new Error(`${name}: '${item}' is not of the form ${example}`);
    return [item.slice(0, at).trim(), item.slice(at + 1).trim(), item];
  });
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function routeLimits(env: NodeJS.ProcessEnv): Config['rateLimitRoutes'] {
  const name = 'CONCORD_RATE_LIMIT_ROUTES';
  return pairs(env, name, "'[METHOD ]/path=N' or '/prefix*=off'").map(([route, limit, item]) => {
    const m = /^(?:([A-Z]+)\s+)?(\/\S*)$/.exec(route);
    if (!m || (m[1] && !METHODS.has(m[1]))) throw new Error(`${name}: '${item}' must name a route as '[METHOD ]/path' (e.g. 'GET /api/v1/names/match=60')`);
    const prefix = m[2].endsWith('*');
    return { method: m[1] ?? null, path: prefix ? m[2].slice(0, -1) : m[2], prefix, limit: limitOf(name, item, limit) };
  });
}

/** An address or CIDR block (IPv4 or IPv6), or a clear error. */
export function checkNetwork(name: string, network: string): string {
  const [address, bits, extra] = network.split('/');
  const family = net.isIP(address);
  const max = family === 6 ? 128 : 32;
  if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
    throw new Error(`${name}: '${network}' is not an IP address or a CIDR block (e.g. 10.0.0.0/8, 127.0.0.1, ::1)`);
  }
  return network;
}

function trustedLimits(env: NodeJS.ProcessEnv): Config['rateLimitTrusted'] {
  const name = 'CONCORD_RATE_LIMIT_TRUSTED';
  return pairs(env, name, "'CIDR=N' or 'CIDR=off'").map(([network, limit, item]) => ({ network: checkNetwork(name, network), limit: limitOf(name, item, limit) }));
}

function trustProxy(env: NodeJS.ProcessEnv): string | false {
  const raw = (env.CONCORD_TRUST_PROXY ?? '').trim();
  if (!raw) return false;
  return raw.split(',').map((s) => checkNetwork('CONCORD_TRUST_PROXY', s.trim())).join(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got '${env.PORT}'`);
  }
  const requests = 'requests a minute';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CONCORD_DATA_DIR ?? path.resolve(process.cwd(), 'data'),
    seedDir: env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: wholeNumber(env, 'CONCORD_RATE_LIMIT', 600, requests),
    rateLimitToken: wholeNumber(env, 'CONCORD_RATE_LIMIT_TOKEN', 6000, requests),
    insecureCookies: flag(env, 'CONCORD_INSECURE_COOKIES', false),
    secret: env.CONCORD_SECRET || undefined,
    nameThreads: optionalWholeNumber(env, 'CONCORD_NAME_THREADS', 0, 'a number of worker threads'),
    nameQueue: optionalWholeNumber(env, 'CONCORD_NAME_QUEUE', 1, 'a number of queued chunks') ?? 200,
    nameNice: Math.min(19, optionalWholeNumber(env, 'CONCORD_NAME_NICE', 0, 'a nice value') ?? 10),
    readCache: flag(env, 'CONCORD_READ_CACHE', true),
    webDist: env.CONCORD_WEB_DIST || undefined,
    pgPool: optionalWholeNumber(env, 'CONCORD_PG_POOL', 1, 'a number of connections') ?? 10,
    speciesplusUrl: env.SPECIESPLUS_URL || undefined,
    speciesplusToken: env.SPECIESPLUS_TOKEN || undefined,
    password: env.CONCORD_PASSWORD || undefined,
    rateLimitRoutes: routeLimits(env),
    rateLimitTrusted: trustedLimits(env),
    trustProxy: trustProxy(env),
    db: {
      statementTimeoutMs: wholeNumber(env, 'CONCORD_DB_STATEMENT_TIMEOUT_MS', 2000, 'milliseconds', 100),
      longStatementTimeoutMs: wholeNumber(env, 'CONCORD_DB_LONG_STATEMENT_TIMEOUT_MS', 30 * 60_000, 'milliseconds', 100),
      connectTimeoutMs: wholeNumber(env, 'CONCORD_DB_CONNECT_TIMEOUT_MS', 2000, 'milliseconds', 100),
    },
    shutdownDelayMs: wholeNumber(env, 'CONCORD_SHUTDOWN_DELAY_MS', 0, 'milliseconds', 0),
    shutdownTimeoutMs: wholeNumber(env, 'CONCORD_SHUTDOWN_TIMEOUT_MS', 10_000, 'milliseconds', 100),
  };
}
