// Two `concord serve` processes on one PostgreSQL database (and nginx in front
// when it is installed): a write through one is read through the other at
// once; a change written by another process empties the other server's cache
// within a second (LISTEN/NOTIFY); a revoked token is refused everywhere; the
// sign-in and API limits reached through one apply on the other. Small data:
// an empty database, one account, one taxon written by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recomputeJoinedStatus } from '../../src/listings/joinedStore.js';
import { backends, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { NGINX, startNginx } from '../support/nginx.js';
import { makeUser, PASSWORD } from '../programme/support.js';
import { createApiToken } from '../../src/commands/apiTokenCreator.js';
import { awayFromWindowEdge, serve, stop, type Served } from './support.js';

describe.runIf(backends().includes('postgres'))('two servers on one PostgreSQL database [postgres]', () => {
  let test: TestDatabase;
  let a: Served | undefined;
  let b: Served | undefined;
  let bearer: Record<string, string>;
  let spare: { id: number; secret: string };

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const admin = await makeUser(test.database, 'admin@example.org', 'admin');
    const token = await test.database.db.transaction((tx) => createApiToken(tx, { actor: { userId: admin.id, label: 'test' }, userId: admin.id, name: 'test' }));
    spare = await test.database.db.transaction((tx) => createApiToken(tx, { actor: { userId: admin.id, label: 'test' }, userId: admin.id, name: 'to revoke' }));
    bearer = { authorization: `Bearer ${token.secret}` };
    const url = test.database.location.replace(':***@', '@');
    // The coverage route gets a limit of its own, small enough to reach; nginx (127.0.0.1) is a trusted proxy.
    const env = { CONCORD_RATE_LIMIT_ROUTES: 'GET /api/v1/coverage=5', CONCORD_TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([serve(url, env), serve(url, env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await test?.drop();
  });

  it('a write through one server is read through the other at once', async () => {
    const made = await fetch(`${a!.url}/api/v1/admin/users`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'officer@example.org', name: 'Officer', password: PASSWORD, role: 'cites_secretariat' }) });
    expect(made.status).toBe(201);
    const listed = await (await fetch(`${b!.url}/api/v1/admin/users`, { headers: bearer })).json() as { users?: { email: string }[] } | { email: string }[];
    expect(JSON.stringify(listed)).toContain('officer@example.org');
  });

  it('a change written by another process empties the other servers\' read cache within a second (LISTEN/NOTIFY)', async () => {
    const search = async (s: Served) => (await (await fetch(`${s.url}/api/v1/taxa?q=Testudo%20graeca`)).json()) as { full_name: string }[];
    expect(await search(b!)).toEqual([]); // cached on b now
    expect(await search(b!)).toEqual([]);
    const [{ id: taxonomy }] = await test.database.query<{ id: string }>(`select id from taxonomies where id = 'CITES'`);
    // What an import in another process commits: the concept and what derives from it (the joined status, the search names).
    await test.database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into taxon_concepts (taxonomy_id, full_name, rank, name_status, name_key, genus_name) values (${taxonomy}, 'Testudo graeca', 'SPECIES', 'A', 'testudo graeca', 'Testudo')`);
      await recomputeJoinedStatus(tx);
    });
    const t0 = Date.now();
    let seen: { full_name: string }[] = [];
    while (Date.now() - t0 < 3000 && !seen.length) {
      seen = await search(b!);
      if (!seen.length) await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen.map((t) => t.full_name)).toEqual(['Testudo graeca']);
    // b polls the version only every 30 s while it is told of changes: only the notification can have emptied it this fast
    // (tens of ms idle; the bound leaves room for a loaded CI machine, where a search alone can take hundreds).
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await search(a!)).map((t) => t.full_name)).toEqual(['Testudo graeca']);
  });

  it('a token revoked through one server is refused by the other at once', async () => {
    const other = { authorization: `Bearer ${spare.secret}` };
    expect((await fetch(`${b!.url}/api/v1/auth/tokens`, { headers: other })).status).toBe(200);
    expect((await fetch(`${a!.url}/api/v1/auth/tokens/${spare.id}`, { method: 'DELETE', headers: bearer })).status).toBe(200);
    expect((await fetch(`${b!.url}/api/v1/auth/tokens`, { headers: other })).status).toBe(401);
  });

  it('failed sign-ins through one server lock the sign-in on the other', async () => {
    const signIn = async (s: Served, password: string) => {
      const csrf = await fetch(`${s.url}/api/v1/auth/csrf`);
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrf_token: csrfToken } = await csrf.json() as { csrf_token: string };
      return fetch(`${s.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.org', password }) });
    };
    for (let i = 0; i < 5; i++) expect((await signIn(a!, 'not the password')).status).toBe(401);
    const locked = await signIn(b!, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the API limit reached through one server applies on the other', async () => {
    await awayFromWindowEdge();
    for (let i = 0; i < 5; i++) expect((await fetch(`${a!.url}/api/v1/coverage`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300)); // a server adds its hits to the shared count every 100 ms
    const there = await fetch(`${b!.url}/api/v1/coverage`);
    expect(there.status).toBe(429);
    expect((await there.json() as { detail: string }).detail).toMatch(/At most 5 requests a minute on this route/);
  });

  if (!NGINX) console.warn('two-servers.test.ts: nginx is not installed (apt-get install -y nginx): the test behind nginx is skipped');
  it.runIf(Boolean(NGINX))('behind nginx: both serve, the limit holds across them, the client address is the one nginx saw', async () => {
    const nginx = (await startNginx([a!.url, b!.url]))!;
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await fetch(`${nginx.url}/health/ready`)).status);
      expect(codes).toEqual(Array(6).fill(200));
      // A fresh client address (X-Forwarded-For from nginx's own client, believed from 127.0.0.1): 5, then refused on both.
      const from = { 'x-forwarded-for': '198.51.100.23' };
      await awayFromWindowEdge();
      for (let i = 0; i < 5; i++) expect((await fetch(`${nginx.url}/api/v1/coverage`, { headers: from })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      const after = [];
      for (let i = 0; i < 2; i++) after.push((await fetch(`${nginx.url}/api/v1/coverage`, { headers: from })).status); // one to each server (round robin)
      expect(after).toEqual([429, 429]);
      expect((await fetch(`${nginx.url}/api/v1/coverage`, { headers: { 'x-forwarded-for': '198.51.100.24' } })).status).toBe(200);
    } finally {
      await nginx.stop();
    }
  }, 30_000);
});
