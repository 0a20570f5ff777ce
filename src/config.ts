// Configuration, read and validated once at start-up.
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
}

/** A whole number from 1 up, or a clear error naming the variable. */
function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number of requests a minute (1 or more), got '${raw}'`);
  return n;
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
  };
}
