// The server's web route: static files, SPA fallback for deep links, never for
// API paths, and a helpful page when the app is not built.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../src/db/client.js';
import { testApp } from '../support/app.js';
import { tempDir } from '../support/data.js';

describe('web route', () => {
  let database: Database;
  let app: FastifyInstance;
  const dist = tempDir('concord-web-dist-');
  const saved = process.env.CONCORD_WEB_DIST;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Concord</title><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc.js'), 'console.log(1)');
    process.env.CONCORD_WEB_DIST = dist;
    database = await openDatabase({ url: '', dataDir: 'memory://' });
    app = await testApp(database);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.CONCORD_WEB_DIST; else process.env.CONCORD_WEB_DIST = saved;
    await app.close();
    await database.close();
  });

  it.each([
    ['/', 'the home page'], ['/taxa/12345', 'a taxon deep link'], ['/countries/KE?x=1', 'a country deep link with a query'], ['/no/such/page', 'an unknown page (the app shows its not-found page)'],
  ])('serves index.html at %s (%s)', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await app.inject({ url: '/assets/app-abc.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe('console.log(1)');
  });

  it.each(['/api/v1/nope', '/api', '/health/x', '/exports/missing.csv', '/docs/nothing-here.txt', '/assets/missing.js'])('answers %s with a problem+json 404, not the app', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses paths that climb out of web/dist', async () => {
    const res = await app.inject({ url: '/..%2f..%2fpackage.json' });
    expect(res.body).not.toContain('"name"');
  });

  it('says how to build the app when web/dist is missing', async () => {
    process.env.CONCORD_WEB_DIST = path.join(dist, 'missing');
    const other = await testApp(database);
    try {
      const root = await other.inject({ url: '/' });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('npm run build:web');
      const deep = await other.inject({ url: '/taxa/1' });
      expect(deep.statusCode).toBe(404);
      expect(deep.headers['content-type']).toMatch(/problem\+json/);
      expect(deep.json().detail).toContain('npm run build:web');
    } finally {
      await other.close();
      process.env.CONCORD_WEB_DIST = dist;
    }
  });
});
