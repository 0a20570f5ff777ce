// Configuration: every environment variable Concord reads, read and validated here
// only (src/ has no other process.env read); a bad value is a clear error naming it.
import path from 'node:path';

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
}

/** A whole number from 1 up, or a clear error naming the variable. */
function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number of requests a minute (1 or more), got '${raw}'`);
  return n;
}

/** A whole number from `min` up, or a clear error naming the variable. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, what: string): number | undefined {
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got '${env.PORT}'`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CONCORD_DATA_DIR ?? path.resolve(process.cwd(), 'data'),
    seedDir: env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: positiveInt(env, 'CONCORD_RATE_LIMIT', 600),
    rateLimitToken: positiveInt(env, 'CONCORD_RATE_LIMIT_TOKEN', 6000),
    insecureCookies: flag(env, 'CONCORD_INSECURE_COOKIES', false),
    secret: env.CONCORD_SECRET || undefined,
    nameThreads: wholeNumber(env, 'CONCORD_NAME_THREADS', 0, 'a number of worker threads'),
    nameQueue: wholeNumber(env, 'CONCORD_NAME_QUEUE', 1, 'a number of queued chunks') ?? 200,
    readCache: flag(env, 'CONCORD_READ_CACHE', true),
    webDist: env.CONCORD_WEB_DIST || undefined,
    pgPool: wholeNumber(env, 'CONCORD_PG_POOL', 1, 'a number of connections') ?? 10,
    speciesplusUrl: env.SPECIESPLUS_URL || undefined,
    speciesplusToken: env.SPECIESPLUS_TOKEN || undefined,
    password: env.CONCORD_PASSWORD || undefined,
  };
}
