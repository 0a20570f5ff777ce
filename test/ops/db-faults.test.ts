// Faults of the PostgreSQL connection under requests: a database that stops
// answering without closing anything (a black-holed network, through a proxy
// the test stalls) and connections terminated by the server under load. Every
// request fails fast with 503 and Retry-After, never a 500 or a hang, and the
// pool recovers by itself when the database is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { backends, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startProxy, type StallableProxy } from '../support/proxy.js';

const STATEMENT_MS = 1000;
const CONNECT_MS = 1000;

describe.runIf(backends().includes('postgres'))('database faults under requests [postgres]', () => {
  let test: TestDatabase;
  let proxy: StallableProxy;
  let database: Database;
  let app: FastifyInstance;
  let n = 0;
  // A search nobody asked before: it goes to the database, never the read cache.
  const search = () => app.inject({ url: `/api/v1/taxa?q=Loxodonta${n++}` });

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const url = new URL(test.database.location.replace(':***@', '@'));
    proxy = await startProxy({ host: url.hostname, port: Number(url.port || 5432) }, (await serverUrlOf(test.database)));
    database = await openDatabase({ url: proxy.url, statementTimeoutMs: STATEMENT_MS, connectTimeoutMs: CONNECT_MS, migrate: false });
    app = await buildApp({ database, logger: false, rateLimit: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await proxy?.close();
    await test?.drop();
  });

  it('a black-holed database: every request answers 503 with Retry-After within the timeouts, and the pool recovers when the network does', async () => {
    expect((await search()).statusCode).toBe(200);
    proxy.stall();
    const t0 = performance.now();
    const stalled = await Promise.all(Array.from({ length: 12 }, () => search()));
    const took = performance.now() - t0;
    expect(stalled.map((r) => r.statusCode)).toEqual(Array(12).fill(503));
    for (const r of stalled) {
      expect(r.headers['retry-after']).toBe('5');
      expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
    // The pool holds 10: the first 10 wait out the statement deadline, the rest their turn for a fresh
    // connection, which the connect timeout ends. Without the deadlines they hung until TCP gave up.
    expect(took).toBeLessThan(STATEMENT_MS + 500 + CONNECT_MS + 1500);
    // Still black-holed: a new request fails within the connect timeout, never hangs.
    const t1 = performance.now();
    expect((await search()).statusCode).toBe(503);
    expect(performance.now() - t1).toBeLessThan(CONNECT_MS + STATEMENT_MS + 1000);
    proxy.resume();
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await search()).statusCode;
      if (back !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(200);
    const after = await Promise.all(Array.from({ length: 20 }, () => search()));
    expect(after.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
  }, 30_000);

  it('connections terminated under load (pg_terminate_backend on this database): 503 with Retry-After or 200, never a 500; it recovers without a restart', async () => {
    const statuses: number[] = [];
    let running = true;
    const load = Array.from({ length: 8 }, async () => {
      while (running) {
        const r = await search();
        statuses.push(r.statusCode);
        if (r.statusCode === 503) expect(r.headers['retry-after']).toBe('5');
      }
    });
    let terminated = 0;
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 150));
      // Only this suite's database: other engineers' databases on the server are left alone.
      const rows = await test.database.query<{ t: boolean }>(
        'select pg_terminate_backend(pid) t from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      terminated += rows.filter((r) => r.t).length;
    }
    running = false;
    await Promise.all(load);
    expect(terminated).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(8); // each of the 8 loops got answers
    const after = await Promise.all(Array.from({ length: 20 }, () => search()));
    expect(after.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
  }, 30_000);
});

/** The suite database's URL (location hides the password; the test server has none). */
async function serverUrlOf(database: Database): Promise<string> {
  return database.location.replace(':***@', '@');
}
