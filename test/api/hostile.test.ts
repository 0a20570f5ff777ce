// A hostile corpus over every route of the OpenAPI document, public and as an
// admin (bearer token, so CSRF does not stop the request before the handler):
// ids past int4, NUL and other control characters, huge and non-finite
// numbers, year 0000, deep and wrong-typed bodies. Never a 5xx, never an
// internal in a body, every 4xx problem+json.
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/databases.js';
import { loadFixtures } from '../programme/fixtures.js';
import { makeUser, programmeApp } from '../programme/support.js';
import { createApiToken } from '../../src/commands/apiTokenCreator.js';

const IDS = ['2147483648', '99999999999', '-1', '0', '1e400', '%00', 'x'];
const VALUES: unknown[] = ['a\u0000b', 'a\u0007b', 2147483648, 99999999999, 1e308, -1e308, 1e15, '0000-01-01', '9999-12-31', 'x'.repeat(100_000), { a: { b: { c: [1, 2, 3] } } }, [], null, true, ''];

interface Operation { method: string; path: string; body?: { properties?: Record<string, unknown> } }

function operations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> }): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path: p, body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return out;
}

describeEachDatabase('a hostile corpus', (get) => {
  let app: FastifyInstance;
  let token = '';
  beforeAll(async () => {
    await loadFixtures(get());
    const admin = await makeUser(get(), 'admin@example.org', 'admin');
    token = (await get().db.transaction((tx) => createApiToken(tx, { actor: { userId: null, label: 'test' }, userId: admin.id, name: 'probe' }))).secret;
    app = await programmeApp(get());
  }, 120_000);

  it('answers every hostile request to every route with a 2xx or a problem+json 4xx, never a 5xx or an internal', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, payload: unknown, auth: boolean) => {
      const headers: Record<string, string> = auth ? { authorization: `Bearer ${token}` } : {};
      const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
      sent++;
      const tag = `${method} ${url.slice(0, 80)} ${JSON.stringify(payload)?.slice(0, 60) ?? ''} ${auth ? '(admin)' : ''}`;
      if (res.statusCode >= 500 && res.statusCode !== 503) failures.push(`${res.statusCode} ${tag}: ${res.body.slice(0, 160)}`);
      if (res.statusCode >= 400 && !String(res.headers['content-type']).startsWith('application/problem+json')) failures.push(`${res.statusCode} not problem+json ${tag}`);
      if (/password_hash|\$scrypt|\bat .+\.(ts|js):\d+|SELECT |INSERT INTO/i.test(res.body)) failures.push(`internals in ${tag}: ${res.body.slice(0, 160)}`);
    };
    for (const op of ops) {
      if (op.path.startsWith('/api/v1/auth/sign-out') || op.path.includes('/exports/')) continue; // sign-out would end the probe's session; exports stream the whole database
      const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const urls = params.length ? IDS.map((id) => op.path.replace(/\{\w+\}/g, id)) : [op.path];
      for (const url of urls) {
        for (const auth of [false, true]) {
          if (op.method === 'GET' || op.method === 'DELETE') {
            await send(op.method, `${url}?page=2147483648&per_page=99999999999&updated_since=0000-01-01&on=0000-01-01&q=%00`, undefined, auth);
            await send(op.method, url, undefined, auth);
            continue;
          }
          const props = Object.keys(op.body?.properties ?? { value: {} });
          await send(op.method, url, 'not json', auth);
          for (const value of VALUES) {
            await send(op.method, url, Object.fromEntries(props.map((p) => [p, value])), auth);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});
