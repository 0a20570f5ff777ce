// Configuration, read and validated once at start-up.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  seedDir: string;
  logLevel: string;
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
  };
}
