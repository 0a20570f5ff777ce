// A PGlite folder belongs to one process: a command run beside a server on
// the same folder is refused before it touches anything, and works once the
// server has stopped; a lock left by a killed process is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { lockPathOf } from '../../src/db/lock.js';
import { tempDir } from '../support/data.js';
import { backends } from '../support/databases.js';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('src/cli/index.ts');

it.runIf(backends().includes('pglite'))('`concord user add` beside a server on the same PGlite folder is refused and changes nothing; after the server stops it works', async () => {
  const dataDir = path.join(tempDir('concord-lock-'), 'data');
  const port = 3700 + Math.floor(Math.random() * 200);
  const env = { ...process.env, CONCORD_DATA_DIR: dataDir, DATABASE_URL: '', CONCORD_SEED_DIR: path.join(dataDir, 'none'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONCORD_PASSWORD: 'a long enough password' };
  const server = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--no-seed'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr!.on('data', (d) => { stderr += d; });
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break; } catch { /* not yet */ }
      if (i > 240) throw new Error(`server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const owner = JSON.parse(fs.readFileSync(lockPathOf(dataDir), 'utf8'));
    expect(owner).toMatchObject({ pid: server.pid, command: 'serve', url: `http://127.0.0.1:${port}` });
    const refused = spawnSync(tsx, [cli, 'user', 'add', 'officer@example.org', '--role', 'cites_secretariat'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(refused.status, refused.stderr).toBe(3);
    expect(refused.stderr).toContain(`in use by the Concord server at http://127.0.0.1:${port} (pid ${server.pid})`);
    expect(refused.stderr).toMatch(/stop the server.*Nothing was changed/s);
    expect(refused.stderr).not.toMatch(/\$argon2|\$scrypt|at .*\.ts:\d+/); // no secret, no stack
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
  const db = await openDatabase({ url: '', dataDir });
  try {
    expect(await db.query(`select email from users`)).toEqual([]);
  } finally { await db.close(); }
  const added = spawnSync(tsx, [cli, 'user', 'add', 'officer@example.org', '--role', 'cites_secretariat'], { env, encoding: 'utf8', timeout: 120_000 });
  expect(added.status, added.stderr).toBe(0);
  expect(added.stdout).toMatch(/created officer@example\.org/);
  // A lock whose process is gone (a kill -9) is stale: the next command takes it over.
  fs.writeFileSync(lockPathOf(dataDir), JSON.stringify({ pid: 2 ** 22 + 12345, command: 'serve', startedAt: '2026-01-01T00:00:00Z' }));
  const stats = spawnSync(tsx, [cli, 'stats'], { env, encoding: 'utf8', timeout: 120_000 });
  expect(stats.status, stats.stderr).toBe(0);
  expect(fs.existsSync(lockPathOf(dataDir))).toBe(false);
}, 300_000);
