// Graceful shutdown of a real `concord serve` on PostgreSQL: SIGTERM during a
// slow request (its query waits on a lock the test holds) stops accepting,
// lets the request finish with its answer, closes the pool and exits 0.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { serve, stop, type Served } from './support.js';

describe.runIf(backends().includes('postgres'))('graceful shutdown [postgres]', () => {
  let test: TestDatabase;
  let server: Served | undefined;
  beforeAll(async () => { test = await createTestDatabase('postgres'); });
  afterAll(async () => { await stop(server); await test?.drop(); });

  it('SIGTERM during a slow request: no new connections, the request answers 200, the process exits 0', async () => {
    const url = test.database.location.replace(':***@', '@');
    server = await serve(url);
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      // The request's query waits for this lock: a slow request, for as long as the test says.
      await locker.query('begin');
      await locker.query('lock table taxon_concepts in access exclusive mode');
      const slow = fetch(`${server.url}/api/v1/taxa?q=Loxodonta`);
      await waitFor(async () => (await locker.query(`select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows[0].n > 0);
      server.child.kill('SIGTERM');
      // Draining: the listener is closed, a new connection is refused.
      await waitFor(async () => fetch(`${server!.url}/health/live`).then(() => false, () => true));
      expect(server.child.exitCode).toBeNull(); // still finishing the request
      await locker.query('commit');
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual([]);
      expect(await server.exited, server.log().slice(-3000)).toBe(0);
      expect(server.log()).toMatch(/shut down cleanly/);
    } finally {
      await locker.end();
    }
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
