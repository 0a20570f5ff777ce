// kill -9 of a server under write load on PostgreSQL: every write it
// answered 201 is there after a restart, with its audit event; every write in
// flight is all there or not at all (a user without its audit event, or the
// reverse, would be a partial write); the restarted server serves at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { makeUser, PASSWORD } from '../programme/support.js';
import { createApiToken } from '../../src/commands/apiTokenCreator.js';
import { serve, stop, type Served } from './support.js';

describe.runIf(backends().includes('postgres'))('a server killed under load [postgres]', () => {
  let test: TestDatabase;
  let server: Served | undefined;
  beforeAll(async () => { test = await createTestDatabase('postgres'); });
  afterAll(async () => { await stop(server); await test?.drop(); });

  it('kill -9 during writes: nothing answered is lost, nothing is half written, the restart serves', async () => {
    const admin = await makeUser(test.database, 'admin@example.org', 'admin');
    const token = await test.database.db.transaction((tx) => createApiToken(tx, { actor: { userId: admin.id, label: 'test' }, userId: admin.id, name: 'load' }));
    const headers = { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' };
    const url = test.database.location.replace(':***@', '@');
    server = await serve(url, { LOG_LEVEL: 'warn' });
    const answered: string[] = [];
    let n = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const email = `officer${n++}@example.org`;
        try {
          const r = await fetch(`${server!.url}/api/v1/admin/users`, { method: 'POST', headers, body: JSON.stringify({ email, name: 'Officer', password: PASSWORD, role: 'cms_secretariat' }) });
          if (r.status === 201) answered.push(email);
        } catch { /* the server is gone mid-request */ }
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (answered.length < 30) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(await server.exited).toBeNull(); // killed by the signal, no exit code
    server = await serve(url, { LOG_LEVEL: 'warn' });
    const users = (await test.database.query<{ email: string }>(`select email from users where email like 'officer%'`)).map((u) => u.email);
    for (const email of answered) expect(users).toContain(email);
    // All or nothing: every officer has exactly one user.create audit event, and every such event its user.
    const audited = await test.database.query<{ email: string }>(`select after->>'email' email from audit_events where action = 'user.create' and after->>'email' like 'officer%'`);
    expect(audited.map((a) => a.email).sort()).toEqual([...users].sort());
    const more = await fetch(`${server.url}/api/v1/admin/users`, { method: 'POST', headers, body: JSON.stringify({ email: 'after@example.org', name: 'After', password: PASSWORD, role: 'cms_secretariat' }) });
    expect(more.status).toBe(201);
  }, 120_000);
});
