// One database handle for the whole process: embedded PGlite under ./data/
// when DATABASE_URL is unset, a PostgreSQL server when it is set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLock } from './lock.js';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';
import { loadConfig } from '../config.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Where the data lives: a folder for PGlite ('memory://' when in memory), the URL without password for PostgreSQL. */
  location: string;
  /** Raw rows for a parameterised SQL string ($1, $2 ...). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Apply the committed SQL migrations (idempotent). */
  migrate(): Promise<void>;
  /** PGlite on a folder: this process's lock of it (lock.ts). */
  lock?: DataDirLock;
  /** PGlite: the data folder as a gzipped tarball (`concord backup`). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; defaults to DATABASE_URL. */
  url?: string;
  /** PGlite folder; defaults to CONCORD_DATA_DIR or ./data. 'memory://' keeps it in memory. */
  dataDir?: string;
  /** Apply migrations (default true). */
  migrate?: boolean;
  /** PGlite: start the folder from this data tarball (a `concord backup`). */
  loadDataDir?: Blob;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const url = opts.url ?? loadConfig().databaseUrl;
  const database = url ? await openPostgres(url) : await openPglite(opts.dataDir ?? defaultDataDir(), opts.loadDataDir);
  if (opts.migrate !== false) await database.migrate();
  return database;
}

export function defaultDataDir(): string {
  return loadConfig().dataDir;
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  // One process a folder (lock.ts): refuse before opening anything when another holds it.
  const lock = dataDir === 'memory://' ? null : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = dataDir === 'memory://'
      ? new PGlite({ extensions: { pg_trgm } })
      : new PGlite(dataDir, { extensions: { pg_trgm }, loadDataDir });
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    location: dataDir,
    async query<T>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    lock: lock ?? undefined,
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: async () => { try { await client.close(); } finally { lock?.release(); } },
  };
}

async function openPostgres(url: string): Promise<Database> {
  // JIT off: the detail and export queries (a dozen sub-selects) cross the
  // JIT cost threshold on a full database, and compiling them took 1.1 s of a
  // 1.14 s export batch (38 ms without). A DATABASE_URL `options` wins.
  const pool = new pg.Pool({ connectionString: url, max: loadConfig().pgPool, options: '-c jit=off' });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    location: url.replace(/:\/\/([^:@/]+):[^@]*@/, '://$1:***@'),
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    async migrate() {
      // Two processes starting at once must not both migrate: hold a session lock.
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock(4242)');
        await migratePg(drizzlePg(conn, { schema }), { migrationsFolder });
      } finally {
        await conn.query('select pg_advisory_unlock(4242)').catch(() => undefined);
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/** True when the database answers. */
export async function ping(db: Queryable): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
