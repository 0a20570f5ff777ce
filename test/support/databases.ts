// Run a suite on both database kinds: PGlite in memory and a fresh database
// on the PostgreSQL server (dropped afterwards), so suites never share state.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, beforeAll, afterAll } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';

export type Backend = 'pglite' | 'postgres';

/** Server for tests; CONCORD_TEST_PG_URL overrides. */
export const testServerUrl = process.env.CONCORD_TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Backends to run: CONCORD_TEST_BACKENDS=pglite,postgres (default both). */
export function backends(): Backend[] {
  const env = process.env.CONCORD_TEST_BACKENDS;
  return (env ? env.split(',') : ['pglite', 'postgres']).map((s) => s.trim()) as Backend[];
}

export interface TestDatabase { database: Database; drop(): Promise<void> }

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ url: '', dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `concord_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: testServerUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * describe() once per backend; `get()` returns that backend's database inside tests.
 * The database is created in beforeAll and dropped in afterAll.
 */
export function describeEachDatabase(title: string, suite: (get: () => Database, backend: Backend) => void): void {
  for (const backend of backends()) describeOnDatabase(title, backend, suite);
}

/** describe() on one backend (skipped when CONCORD_TEST_BACKENDS leaves it out): lets a long suite run as two files, in parallel. */
export function describeOnDatabase(title: string, backend: Backend, suite: (get: () => Database, backend: Backend) => void): void {
  if (!backends().includes(backend)) return;
  describe(`${title} [${backend}]`, () => {
    let handle: TestDatabase | undefined;
    beforeAll(async () => { handle = await createTestDatabase(backend); });
    afterAll(async () => { await handle?.drop(); });
    suite(() => {
      if (!handle) throw new Error('test database not ready');
      return handle.database;
    }, backend);
  });
}
