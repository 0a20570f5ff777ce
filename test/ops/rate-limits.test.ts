// Rate limits per route and per trusted network, and, on PostgreSQL, one count
// for every server on the database (two apps on two pools here; two processes
// in two-servers.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { describeEachDatabase } from '../support/databases.js';
import { awayFromWindowEdge } from './support.js';

const rules = {
  rateLimitRoutes: [{ method: 'GET', path: '/api/v1/coverage', prefix: false, limit: 2 as const }],
  rateLimitTrusted: [{ network: '10.1.0.0/16', limit: 'off' as const }, { network: '192.0.2.0/24', limit: 3 }],
};

describeEachDatabase('rate limits', (db, backend) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: db(), logger: false, rateLimit: { max: 4, tokenMax: 100, rules } });
    await app.ready();
  });
  afterAll(async () => { await app.close(); });
  const get = (url: string, remoteAddress = '127.0.0.1') => app.inject({ url, remoteAddress });

  it('a route with its own limit is counted apart; a trusted network has its own limit or none; probes are never limited', async () => {
    await awayFromWindowEdge();
    const coverage = [];
    for (let i = 0; i < 3; i++) coverage.push(await get('/api/v1/coverage', '198.51.100.1'));
    expect(coverage.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect(coverage[2].json().detail).toMatch(/At most 2 requests a minute on this route/);
    expect(coverage[2].headers['retry-after']).toBeDefined();
    // The same address elsewhere: the general limit, untouched by the route's count.
    expect((await get('/api/v1/taxa?q=Panthera', '198.51.100.1')).statusCode).toBe(200);
    // 10.1.0.0/16 is off: past every limit.
    for (let i = 0; i < 6; i++) expect((await get('/api/v1/coverage', '10.1.7.7')).statusCode).toBe(200);
    // 192.0.2.0/24: 3 a minute on every route, the route's own limit included.
    const net = [];
    for (let i = 0; i < 4; i++) net.push(await get(i % 2 ? '/api/v1/taxa?q=Felis' : '/api/v1/coverage', '192.0.2.9'));
    expect(net.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(net[3].json().detail).toMatch(/from this network/);
    // The general limit (4) for anyone else; the probes go on.
    const general = [];
    for (let i = 0; i < 5; i++) general.push((await get('/api/v1/taxa?q=Lynx', '203.0.113.5')).statusCode);
    expect(general).toEqual([200, 200, 200, 200, 429]);
    for (let i = 0; i < 6; i++) expect((await get('/health/ready', '203.0.113.5')).statusCode).toBe(200);
  });

  it.runIf(backend === 'postgres')('two servers on one database share the count: a limit reached through one applies on the other', async () => {
    const second: Database = await openDatabase({ url: db().location.replace(':***@', '@'), migrate: false });
    const other = await buildApp({ database: second, logger: false, rateLimit: { max: 4, tokenMax: 100, rules } });
    try {
      await awayFromWindowEdge();
      for (let i = 0; i < 4; i++) expect((await get('/api/v1/taxa?q=Uncia', '203.0.113.77')).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 300)); // the first server adds its hits every 100 ms
      const there = await other.inject({ url: '/api/v1/taxa?q=Uncia', remoteAddress: '203.0.113.77' });
      expect(there.statusCode).toBe(429);
      // Both count into one: 2 through the other server for a fresh address (its own route limit), then this one refuses the 3rd.
      for (let i = 0; i < 2; i++) expect((await other.inject({ url: '/api/v1/coverage', remoteAddress: '198.51.100.99' })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect((await get('/api/v1/coverage', '198.51.100.99')).statusCode).toBe(429);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
