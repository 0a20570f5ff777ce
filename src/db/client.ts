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
import { listenFeed, silentFeed, type ChangeFeed } from './notifications.js';

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
  /** Change notifications of this database (started on first use, closed with it). */
  changes(): ChangeFeed;
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
  /** PostgreSQL: the longest a statement may run (default CONCORD_DB_LONG_STATEMENT_TIMEOUT_MS: commands and imports; the server passes its request timeout). */
  statementTimeoutMs?: number;
  /** PostgreSQL: the longest a connection may take to open (default CONCORD_DB_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const url = opts.url ?? loadConfig().databaseUrl;
  const database = url ? await openPostgres(url, timeoutsOf(opts)) : await openPglite(opts.dataDir ?? defaultDataDir(), opts.loadDataDir);
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
    changes: silentFeed,
    lock: lock ?? undefined,
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: async () => { try { await client.close(); } finally { lock?.release(); } },
  };
}

interface Timeouts { statementMs: number; connectMs: number }

function timeoutsOf(opts: OpenOptions): Timeouts {
  const { db } = loadConfig();
  return { statementMs: opts.statementTimeoutMs ?? db.longStatementTimeoutMs, connectMs: opts.connectTimeoutMs ?? db.connectTimeoutMs };
}

async function openPostgres(url: string, timeouts: Timeouts): Promise<Database> {
  // JIT off: the detail and export queries (a dozen sub-selects) cross the
  // JIT cost threshold on a full database, and compiling them took 1.1 s of a
  // 1.14 s export batch (38 ms without). A DATABASE_URL `options` wins.
  // statement_timeout: the server cancels a slow statement (57014, answered 503); the client's
  // own deadline (TimedClient) covers a server that no longer answers at all.
  const pool = new pg.Pool({
    connectionString: url, max: loadConfig().pgPool, Client: timedClient(timeouts.statementMs + CLIENT_GRACE_MS),
    options: `-c jit=off -c statement_timeout=${timeouts.statementMs} -c idle_in_transaction_session_timeout=${Math.max(60_000, timeouts.statementMs * 2)}`,
    connectionTimeoutMillis: timeouts.connectMs, keepAlive: true,
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const Timed = timedClient(timeouts.connectMs + CLIENT_GRACE_MS);
  let feed: ChangeFeed | null = null;
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
    changes: () => (feed ??= listenFeed(() => new Timed({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs, keepAlive: true }))),
    close: async () => { await feed?.close(); await pool.end(); },
  };
}

/** How long past the server's statement timeout the client waits before it calls the connection dead. */
const CLIENT_GRACE_MS = 500;

/**
 * A pg client that gives up on a connection whose query has not answered by `deadlineMs`:
 * it destroys the socket, so the query fails ('Connection terminated unexpectedly', a 503),
 * the pool drops the client instead of lending it again, and a fresh connection replaces it
 * once the network is back. (pg's own query_timeout leaves the client busy for good.)
 */
function timedClient(deadlineMs: number): typeof pg.Client {
  return class TimedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      // Errors reach the query that was running; a checked-out client must not crash the process.
      this.on('error', () => undefined);
    }

    // pg's query() has many overloads; this one watches each call, whatever its form.
    override query(...args: unknown[]): never {
      const socket = () => (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
      const timer = setTimeout(() => socket()?.destroy(), deadlineMs);
      timer.unref();
      const done = () => clearTimeout(timer);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const cb = args[last] as (...a: unknown[]) => void;
        args[last] = (...a: unknown[]) => { done(); cb(...a); };
      }
      const first = args[0] as { submit?: unknown; callback?: unknown } | undefined;
      if (first && typeof first.submit === 'function') {
        // A submittable (cursor, stream): its own callback or events; fall back to its end.
        const q = first as unknown as { once?(e: string, f: () => void): void };
        if (typeof q.once === 'function') { q.once('end', done); q.once('error', done); } else done();
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(done, done);
      return result as never;
    }
  } as unknown as typeof pg.Client;
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
