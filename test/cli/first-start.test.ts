// The first start on an empty embedded database: the server listens at once,
// answers /health with how far the seed is and pages with a loading page,
// then serves the data when the whole seed is in.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { tempDir } from '../support/data.js';
import { backends } from '../support/databases.js';
import { sliceSeed } from '../ingest/sapi-support.js';

it.runIf(backends().includes('pglite'))('npm start on an empty database listens during the seed, says how far it is, then serves the data', async () => {
  // A small real seed folder: the 2013 reference files, the snow leopard and Felidae with their ancestors.
  const seedDir = sliceSeed(['SPECIES:22732', 'FAMILY:312'], []);
  const dataDir = path.join(tempDir('concord-first-'), 'data');
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/index.ts'), 'serve'], {
    env: { ...process.env, CONCORD_DATA_DIR: dataDir, DATABASE_URL: '', CONCORD_SEED_DIR: seedDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'ignore',
  });
  try {
    const seen: { status: string; progress?: { done: number; total: number } }[] = [];
    let seedingPage = '';
    for (let i = 0; i < 1200; i++) {
      try {
        const h = await fetch(`${url}/health`);
        const body = await h.json() as { status: string; progress?: { done: number; total: number } };
        seen.push(body);
        if (body.status === 'seeding' && !seedingPage) {
          const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
          expect(page.status).toBe(503);
          expect(page.headers.get('retry-after')).toBe('10');
          seedingPage = await page.text();
          const api = await fetch(`${url}/api/v1/taxa?q=Uncia`);
          expect(api.status).toBe(503);
          expect(api.headers.get('content-type')).toMatch(/problem\+json/);
        }
        if (body.status === 'ok') break;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const seeding = seen.filter((s) => s.status === 'seeding');
    expect(seeding.length, JSON.stringify(seen.slice(0, 3))).toBeGreaterThan(0);
    expect(Math.max(...seeding.map((s) => s.progress!.total))).toBeGreaterThan(5);
    expect(seedingPage).toMatch(/Loading the reference data.*Step \d+ of \d+/s);
    expect(seen.at(-1)!.status).toBe('ok');
    const taxa = await (await fetch(`${url}/api/v1/taxa?q=Uncia%20uncia`)).json() as { full_name: string; cites_listing: string | null; cms_listing: string | null }[];
    // Species+ 2013 RecID 22732: CITES I, CMS I since 1986.
    expect(taxa.find((t) => t.full_name === 'Uncia uncia')).toMatchObject({ cites_listing: 'I', cms_listing: 'I' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}, 300_000);
