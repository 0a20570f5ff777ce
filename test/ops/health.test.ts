// /health/live says the process is up; /health/ready whether to send it traffic:
// the database answers, this build's migrations are applied, no first seed and
// no shutdown under way. /health keeps its contract.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/databases.js';
import { testApp } from '../support/app.js';
import { buildApp } from '../../src/api/app.js';
import { openDatabase } from '../../src/db/client.js';
import { startProxy } from '../support/proxy.js';

describeEachDatabase('health probes', (db, backend) => {
  let app: FastifyInstance;
  beforeAll(async () => { app = await testApp(db()); });
  afterAll(async () => { await app.close(); });
  const ready = async () => { const r = await app.inject({ url: '/health/ready' }); return { code: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] }; };

  it('live and ready on a migrated database; /health as before', async () => {
    expect((await app.inject({ url: '/health/live' })).json()).toEqual({ status: 'live' });
    expect(await ready()).toMatchObject({ code: 200, body: { status: 'ready' } });
    expect((await app.inject({ url: '/health' })).json()).toMatchObject({ status: 'ok', database: { kind: backend, reachable: true } });
  });

  it('not ready while a migration of this build is missing, seeding, or shutting down; live all along', async () => {
    const [newest] = await db().query<{ id: number; hash: string; created_at: string }>('select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
    await db().query('delete from drizzle.__drizzle_migrations where id = $1', [newest.id]);
    try {
      expect(await ready()).toMatchObject({ code: 503, body: { status: 'not ready', reason: 'migrations not applied yet' }, retryAfter: '5' });
    } finally {
      await db().query('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [newest.id, newest.hash, newest.created_at]);
    }
    app.readiness.seeding.active = true;
    Object.assign(app.readiness.seeding, { done: 3, total: 12 });
    expect(await ready()).toMatchObject({ code: 503, body: { reason: 'seeding: step 3 of 12' } });
    app.readiness.seeding.active = false;
    app.readiness.draining = true;
    expect(await ready()).toMatchObject({ code: 503, body: { reason: 'shutting down' } });
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    app.readiness.draining = false;
    expect((await ready()).code).toBe(200);
  });

  it.runIf(backend === 'postgres')('not ready when the database stops answering, live all along', async () => {
    const url = new URL(db().location.replace(':***@', '@'));
    const proxy = await startProxy({ host: url.hostname, port: Number(url.port || 5432) }, url.toString());
    const through = await openDatabase({ url: proxy.url, statementTimeoutMs: 500, connectTimeoutMs: 500, migrate: false });
    const cut = await buildApp({ database: through, logger: false, rateLimit: false });
    try {
      expect((await cut.inject({ url: '/health/ready' })).statusCode).toBe(200);
      proxy.stall();
      const r = await cut.inject({ url: '/health/ready' });
      expect([r.statusCode, r.json()]).toEqual([503, { status: 'not ready', reason: 'database unreachable' }]);
      expect((await cut.inject({ url: '/health/live' })).statusCode).toBe(200);
      expect((await cut.inject({ url: '/health' })).json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    } finally {
      await cut.close();
      await through.close();
      await proxy.close();
    }
  }, 20_000);
});
