// npm run bench:api — the public API under load, on PostgreSQL (a fresh
// database on 127.0.0.1:5432) and on PGlite (a temp folder), each seeded
// through the importers (country codes, the full 2017 Checklist, the recorded
// Species+ responses), then current listings and links derived once, as
// `concord seed` does. The server runs as a child process (`concord serve`,
// rate limits off); autocannon calls it on 127.0.0.1 only; every phase is
// bounded in time. Prints figures, never pass/fail.
//   CONCORD_BENCH_PG_URL    server for the PostgreSQL run (default postgres://root@127.0.0.1:5432/test)
//   CONCORD_BENCH_BACKENDS  postgres,pglite (default both)
//   CONCORD_BENCH_SEED      checklist (default) | fixtures (small, quick)
//   CONCORD_BENCH_SECONDS   seconds per load phase (default 10)
//   CONCORD_BENCH_KEEP_DB   a name: PostgreSQL database concord_bench_<name> is seeded once and kept,
//                           so runs of two commits can be interleaved without seeding each time
//   CONCORD_BENCH_ONLY      match: only taxon detail alone and beside a match load
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { runImport } from '../src/ingest/run.js';
import { importerFor } from '../src/ingest/registry.js';
import { recomputeAllListings } from '../src/listings/recompute.js';
import { realignAll } from '../src/alignment/store.js';

const seedDir = process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');
const pgUrl = process.env.CONCORD_BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';
const backends = (process.env.CONCORD_BENCH_BACKENDS ?? 'postgres,pglite').split(',').map((s) => s.trim());
const seconds = Number(process.env.CONCORD_BENCH_SECONDS ?? 10);
const seedKind = process.env.CONCORD_BENCH_SEED ?? 'checklist';
const keepDb = process.env.CONCORD_BENCH_KEEP_DB;
const onlyMatch = process.env.CONCORD_BENCH_ONLY === 'match';

async function seedDatabase(database: Database): Promise<string> {
  const t0 = Date.now();
  const run = async (format: string, file: string) => {
    const s = await runImport(database, await importerFor(format), path.join(seedDir, file), { progress: false, derive: false });
    if (s.status !== 'succeeded') throw new Error(`${format} ${file}: ${s.error}`);
  };
  await run('country-codes', 'country-codes/country-codes.csv');
  if (seedKind === 'checklist') await run('checklist-csv', 'cites-index-2017/Index_of_CITES_Species_2017-04-21 17-27.csv.gz');
  for (const f of ['taxonconcept_def', 'taxonconcept_pag', 'taxonconcept_cms', 'taxonconcept_upd', 'cites_legislation_sco', 'distributions_bat', 'references_bat']) {
    await run('speciesplus-api', `rcites-fixtures/spp_${f}.json`);
  }
  // As `concord seed` does: derived data once at the end.
  await recomputeAllListings(database);
  await realignAll(database);
  // What autovacuum does soon after a load (fresh tables have no statistics,
  // the derive step leaves dead rows); done here so it does not run during the load phases.
  await database.query(database.kind === 'postgres' ? 'vacuum analyze' : 'analyze');
  const [{ n }] = await database.query<{ n: string }>('select count(*) n from taxon_concepts');
  return `${n} taxon concepts seeded (${seedKind}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve', '--no-seed'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONCORD_RATE_LIMIT: '1000000000', CONCORD_PG_POOL: '20' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(`${base}/health`)).ok) return { child, base }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start within 60 s');
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

async function taxonDetail(base: string, ids: number[]) {
  let i = 0;
  const result = await autocannon({
    url: base, connections: 50, duration: seconds, pipelining: 1,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/taxa/${ids[i++ % ids.length]}` }) }],
  });
  return { reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

/** Autocomplete: prefixes of real names, 4 concurrent clients, each latency measured here (autocannon has no p95). */
async function autocomplete(base: string, names: string[]) {
  const prefixes = names.flatMap((n) => [3, 5, 8].map((k) => n.slice(0, k)));
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  let k = 0; let errors = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (Date.now() < end) {
      const q = prefixes[k++ % prefixes.length];
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/taxa?q=${encodeURIComponent(q)}&per_page=10`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) errors++;
    }
  }));
  return { requests: latencies.length, p50: +pct(latencies, 50).toFixed(2), p95: +pct(latencies, 95).toFixed(2), p99: +pct(latencies, 99).toFixed(2), errors };
}

/**
 * Taxon detail beside a name-matching load: `clients` callers each posting
 * batches of `batch` names (real names, a third of them misspelt) in a loop,
 * at most one batch every `everyMs` a client (0: back to back, so a faster
 * matcher also takes on more work; a fixed rate compares two builds on the
 * same work), while autocannon measures the detail route as in the detail phase.
 */
async function detailBesideMatching(base: string, ids: number[], names: string[], batch: number, clients: number, everyMs = 0) {
  const queries = names.map((n, i) => (i % 3 === 1 ? n.replace(/([aeiou])([a-z])([a-z]*)$/, '$2$1$3') : n));
  const body = JSON.stringify(Array.from({ length: batch }, (_, i) => queries[i % queries.length]));
  let stop = false; let batches = 0; let busy = 0; let failed = 0; const latencies: number[] = [];
  const load = Promise.all(Array.from({ length: clients }, async () => {
    while (!stop) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/names/match`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.arrayBuffer();
      if (res.status === 503) { busy++; await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1))); continue; }
      if (!res.ok) failed++; else { batches++; latencies.push(performance.now() - t0); }
      const wait = everyMs - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }));
  await new Promise((r) => setTimeout(r, 2000)); // the match load running first
  const detail = await taxonDetail(base, ids);
  stop = true;
  await load;
  return { detail, batches, names: batches * batch, busy, failed, batchP50: +pct(latencies, 50).toFixed(0), batchP99: +pct(latencies, 99).toFixed(0) };
}

async function ndjsonExport(base: string) {
  const t0 = performance.now();
  const res = await fetch(`${base}/exports/ndjson`);
  let bytes = 0; let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) { bytes += chunk.length; for (const b of chunk) if (b === 10) lines++; }
  return { seconds: +((performance.now() - t0) / 1000).toFixed(2), lines, mb: +(bytes / 2 ** 20).toFixed(1) };
}

async function benchBackend(backend: string) {
  let env: Record<string, string>; let drop = async () => undefined as unknown;
  let database: Database;
  let seeded = false;
  if (backend === 'postgres') {
    const name = `concord_bench_${keepDb ? keepDb.replace(/\W/g, '_') : process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl }); await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgUrl); url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString() });
    env = { DATABASE_URL: url.toString() };
    if (keepDb) seeded = exists ? Number((await database.query<{ n: string }>('select count(*) n from taxon_concepts'))[0].n) > 0 : false;
    else drop = async () => { const a = new pg.Client({ connectionString: pgUrl }); await a.connect(); await a.query(`drop database if exists ${name} with (force)`); await a.end(); };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-api-'));
    database = await openDatabase({ url: '', dataDir: dir });
    env = { DATABASE_URL: '', CONCORD_DATA_DIR: dir };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  let child: ChildProcess | undefined;
  try {
    console.log(`[${backend}] ${seeded ? `kept database ${keepDb}, already seeded` : await seedDatabase(database)}`);
    const ids = (await database.query<{ id: number }>(`select id from taxon_concepts where name_status = 'A' and rank = 'SPECIES' order by md5(id::text) limit 2000`)).map((r) => r.id);
    const names = (await database.query<{ full_name: string }>(`select full_name from taxon_concepts where name_status = 'A' and rank = 'SPECIES' order by md5(id::text) limit 3000`)).map((r) => r.full_name);
    await database.close();
    const server = await startServer(env);
    child = server.child;
    // Warm-up: JIT, plans, pool, and one pass over the 2,000 ids, so the
    // cached phase measures the steady state (the uncached phase below measures the database)
    for (const id of ids) await (await fetch(`${server.base}/api/v1/taxa/${id}`)).arrayBuffer();
    const detail = await taxonDetail(server.base, ids);
    console.log(`[${backend}] taxon detail (2,000 species ids in turn, read cache on and warm), 50 connections, ${seconds} s: ${detail.reqPerSec} req/s, p50 ${detail.p50} ms, p99 ${detail.p99} ms, ${detail.total} requests, ${detail.errors} errors   (target ≥ 3,000 req/s, p99 ≤ 25 ms)`);
    // the match index is built on the first match request: warm it before the mixed phase
    await (await fetch(`${server.base}/api/v1/names/match`, { method: 'POST', body: JSON.stringify(names.slice(0, 10)), headers: { 'content-type': 'application/json' } })).arrayBuffer();
    const detailAgain = await taxonDetail(server.base, ids);
    const mixed = [];
    for (const [batch, clients, everyMs] of [[10_000, 1, 0], [1_000, 4, 0], [1_000, 1, 500]] as const) {
      const m = await detailBesideMatching(server.base, ids, names, batch, clients, everyMs);
      mixed.push({ batch, clients, everyMs, ...m });
      console.log(`[${backend}] taxon detail beside matching (${clients} client(s) posting ${batch.toLocaleString('en-US')}-name batches${everyMs ? `, one every ${everyMs} ms` : ''}): ${m.detail.reqPerSec} req/s, p50 ${m.detail.p50} ms, p99 ${m.detail.p99} ms (alone, just before: p99 ${detailAgain.p99} ms; ${(100 * (m.detail.p99 / detailAgain.p99 - 1)).toFixed(0)} %)   matching: ${m.batches} batches, ${Math.round(m.names / seconds).toLocaleString('en-US')} names/s, batch p50 ${m.batchP50} ms, p99 ${m.batchP99} ms, ${m.busy} answered 503, ${m.failed} failed   (target: detail p99 at most +20 %)`);
    }
    if (onlyMatch) return { backend, detail, detailAlone: detailAgain, detailBesideMatching: mixed };
    child.kill('SIGTERM'); await new Promise((r) => child!.once('exit', r));
    const uncached = await startServer({ ...env, CONCORD_READ_CACHE: '0' });
    child = uncached.child;
    const cold = await taxonDetail(uncached.base, ids);
    console.log(`[${backend}] taxon detail, read cache off, 50 connections, ${seconds} s: ${cold.reqPerSec} req/s, p50 ${cold.p50} ms, p99 ${cold.p99} ms, ${cold.errors} errors`);
    const ac = await autocomplete(uncached.base, names.slice(0, 300));
    console.log(`[${backend}] autocomplete search (read cache off), 4 clients, ${seconds} s: p50 ${ac.p50} ms, p95 ${ac.p95} ms, p99 ${ac.p99} ms, ${ac.requests} requests, ${ac.errors} errors   (target p95 ≤ 10 ms)`);
    const nd = await ndjsonExport(uncached.base);
    console.log(`[${backend}] NDJSON full export: ${nd.seconds} s, ${nd.lines} lines, ${nd.mb} MB   (target ≤ 10 s)`);
    return { backend, detail, detailAlone: detailAgain, detailBesideMatching: mixed, detailUncached: cold, autocomplete: ac, ndjson: nd };
  } finally {
    if (child) { child.kill('SIGTERM'); await new Promise((r) => child!.once('exit', r)); }
    await drop();
  }
}

console.log(`bench:api on ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const results = [];
for (const b of backends) results.push(await benchBackend(b));
console.log(JSON.stringify(results));
