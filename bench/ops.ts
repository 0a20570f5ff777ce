// npm run bench:ops — start-up times of the compiled program (dist/, built
// first): `concord --help`, `concord stats --help`, and a server on an
// existing database from spawn to its first 200 on /health. Then, on
// PostgreSQL, the soak: two servers (behind nginx when installed) on a copy of
// the database, its capacity measured, then CONCORD_SOAK_MINUTES at half of it:
// errors, p50/p99 every slice and the servers' RSS growth. Prints figures,
// never pass/fail.
//   DATABASE_URL / CONCORD_DATA_DIR  the (seeded) database the server opens; default: a fresh PGlite folder
//   CONCORD_BENCH_RUNS               runs of each measure (default 5)
//   CONCORD_SOAK_MINUTES             soak length (default 10; 0 skips it)
// On PostgreSQL it all runs on a copy of DATABASE_URL's database (CREATE DATABASE ... TEMPLATE: nobody
// may be connected to the source meanwhile), dropped after: the source is never migrated or written.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startNginx, type Nginx } from '../test/support/nginx.js';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.CONCORD_BENCH_RUNS ?? 5);
const cli = path.join(root, 'dist', 'cli', 'index.js');

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(built.stderr);
console.log(built.stdout.trim());

const stats = (ms: number[]) => { const s = [...ms].sort((a, b) => a - b); return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms (min ${s[0].toFixed(0)}, max ${s.at(-1)!.toFixed(0)}, ${s.length} runs)`; };

function timeCommand(args: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    out.push(performance.now() - t0);
  }
  return out;
}

async function timeServer(): Promise<number[]> {
  const dataDir = process.env.DATABASE_URL ? '' : (process.env.CONCORD_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-ops-')));
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = 3600 + Math.floor(Math.random() * 300);
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'serve', '--no-seed'], { stdio: 'ignore', env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...(dataDir ? { CONCORD_DATA_DIR: dataDir } : {}) } });
    for (;;) {
      try { if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break; } catch { /* not yet */ }
      if (performance.now() - t0 > 120_000) throw new Error('server did not start in 2 minutes');
      await new Promise((r) => setTimeout(r, 20));
    }
    out.push(performance.now() - t0);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  return out;
}

// On PostgreSQL everything runs on a copy (the servers migrate it; the source is left as it was).
const source = process.env.DATABASE_URL;
const copy = source ? await copyDatabase(source) : null;
if (copy) process.env.DATABASE_URL = copy.url;
try {
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.availableParallelism()} CPUs`);
  console.log(`concord --help        ${stats(timeCommand(['--help']))}`);
  console.log(`concord stats --help  ${stats(timeCommand(['stats', '--help']))}`);
  console.log(`server to /health     ${stats(await timeServer())} on ${copy ? `PostgreSQL (a copy of ${copy.from})` : 'PGlite'}`);
  const minutes = Number(process.env.CONCORD_SOAK_MINUTES ?? 10);
  if (copy && minutes > 0) await soak(copy.url, copy.from, minutes);
  else console.log('soak skipped: it needs DATABASE_URL (a seeded PostgreSQL database) and CONCORD_SOAK_MINUTES > 0');
} finally {
  await copy?.drop();
}

/** CREATE DATABASE ... TEMPLATE: a copy of the source (nobody may be connected to it meanwhile), dropped after. */
async function copyDatabase(url: string): Promise<{ url: string; from: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const from = (await admin.query<{ d: string }>('select current_database() d')).rows[0].d;
  const name = `concord_bench_ops_${process.pid}`;
  await admin.query(`create database ${name} template ${from}`);
  await admin.end();
  const to = new URL(url);
  to.pathname = `/${name}`;
  return {
    url: to.toString(),
    from,
    async drop() {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

// ---- The soak ----------------------------------------------------------------

async function soak(url: string, from: string, mins: number): Promise<void> {
  const servers: ChildProcess[] = [];
  let nginx: Nginx | null = null;
  try {
    // Limits stay on (the shared count is part of what runs) but out of reach.
    const env = { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONCORD_RATE_LIMIT: '100000000', CONCORD_TRUST_PROXY: '127.0.0.1' };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      servers.push(spawn(process.execPath, [cli, 'serve', '--no-seed'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, PORT: String(port) } }));
      await untilReady(`http://127.0.0.1:${port}`);
    }
    const front = await startNginx(ports.map((p) => `http://127.0.0.1:${p}`));
    nginx = front;
    const base = front ? front.url : `http://127.0.0.1:${ports[0]}`;
    const targets = front ? [base] : ports.map((p) => `http://127.0.0.1:${p}`);
    console.log(`soak: 2 servers on a copy of ${from}${front ? ', behind nginx' : ' (nginx not installed: load split between them directly)'}`);
    const paths = await soakPaths(url);
    // Capacity: 20 connections as fast as they go, 15 s.
    const capacity = (await Promise.all(targets.map((t) => load(t, paths, { connections: 20 / targets.length, duration: 15 })))).reduce((a, r) => a + r.requests.average, 0);
    const rate = Math.max(1, Math.round(capacity / 2));
    console.log(`capacity ${capacity.toFixed(0)} req/s (20 connections, 15 s; mix: search, taxon detail, coverage); soak at ${rate} req/s for ${mins} min`);
    const slices = Math.max(1, Math.round(mins * 4)); // 15 s each
    const rss0 = servers.map(rssMb);
    let errors = 0;
    let total = 0;
    console.log('  t(s)   req/s   p50 ms   p99 ms  errors  RSS MB (a, b)');
    for (let i = 0; i < slices; i++) {
      const rs = await Promise.all(targets.map((t) => load(t, paths, { connections: 20 / targets.length, duration: 15, overallRate: rate / targets.length })));
      const errs = rs.reduce((a, r) => a + r.errors + r.timeouts + r.non2xx, 0);
      errors += errs;
      total += rs.reduce((a, r) => a + r.requests.total, 0);
      const p = (k: 'p50' | 'p99') => Math.max(...rs.map((r) => r.latency[k]));
      console.log(`${String((i + 1) * 15).padStart(6)}  ${String(Math.round(rs.reduce((a, r) => a + r.requests.average, 0))).padStart(6)}  ${String(p('p50')).padStart(7)}  ${String(p('p99')).padStart(7)}  ${String(errs).padStart(6)}  ${servers.map(rssMb).map((m) => m.toFixed(0)).join(', ')}`);
    }
    const rss1 = servers.map(rssMb);
    console.log(`soak: ${total} requests, ${errors} errors; RSS ${rss0.map((m, i) => `${m.toFixed(0)} -> ${rss1[i].toFixed(0)} MB (${(((rss1[i] - m) / m) * 100).toFixed(1)} %)`).join(', ')}`);
  } finally {
    for (const s of servers) { s.kill('SIGTERM'); await new Promise((r) => (s.exitCode === null ? s.once('exit', r) : r(null))); }
    await nginx?.stop();
  }
}

/** A mix like the public's: name searches, taxon details, the coverage page. */
async function soakPaths(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const ids = (await c.query<{ id: number }>('select id from taxon_concepts where deleted_at is null order by md5(id::text) limit 300')).rows.map((r) => r.id);
  const genera = (await c.query<{ g: string }>(`select distinct genus_name g from taxon_concepts where genus_name is not null order by 1 limit 200`)).rows.map((r) => r.g);
  await c.end();
  const paths: string[] = [];
  for (let i = 0; i < 300; i++) {
    paths.push(`/api/v1/taxa/${ids[i % ids.length]}`);
    if (i % 2 === 0) paths.push(`/api/v1/taxa?q=${encodeURIComponent(genera[i % genera.length])}`);
    if (i % 10 === 0) paths.push('/api/v1/coverage');
  }
  return paths;
}

function load(url: string, paths: string[], opts: { connections: number; duration: number; overallRate?: number }): Promise<autocannon.Result> {
  let i = Math.floor(Math.random() * paths.length);
  return autocannon({ url, ...opts, connections: Math.max(1, Math.round(opts.connections)), requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }] });
}

function rssMb(child: ChildProcess): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
async function untilReady(url: string): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    try { if ((await fetch(`${url}/health/ready`)).ok) return; } catch { /* not yet */ }
    if (performance.now() - t0 > 120_000) throw new Error(`${url} not ready in 2 minutes`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
