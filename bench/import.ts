// npm run bench:import — the full 2017 Checklist import (38,079 rows), then a
// re-import of the same file, on PGlite (a temp folder) and on PostgreSQL (a
// fresh database on 127.0.0.1:5432, created and dropped here). Each backend
// runs in its own child process so peak RSS is that backend's alone.
// Prints wall seconds, this process's CPU seconds (on PGlite the database runs
// in-process, so on a busy machine CPU seconds say more than wall seconds),
// rows/s and peak RSS; never pass/fail.
//   CONCORD_BENCH_PG_URL   server for the PostgreSQL run (default postgres://root@127.0.0.1:5432/test)
//   CONCORD_BENCH_BACKENDS pglite,postgres (default both)
//   CONCORD_SEED_DIR       reference data (default ../shared/data)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { runImport } from '../src/ingest/run.js';
import { importerFor } from '../src/ingest/registry.js';

const seedDir = process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');
const checklist = path.join(seedDir, 'cites-index-2017', 'Index_of_CITES_Species_2017-04-21 17-27.csv.gz');
const ROWS = 38_079;

interface Phase { phase: string; seconds: number; cpuSeconds: number; rowsPerSecond: number; peakRssMb: number; accepted: number; unchanged: number; rejected: number }

/** Peak RSS while fn runs, sampled every 50 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const cpu = process.cpuUsage(cpu0);
    return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

async function worker(backend: 'pglite' | 'postgres'): Promise<void> {
  const url = backend === 'postgres' ? process.env.BENCH_DB_URL! : '';
  const dataDir = backend === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-')) : undefined;
  const database = await openDatabase({ url, dataDir });
  try {
    for (const [format, file] of [['country-codes', 'country-codes/country-codes.csv'], ['cites-parties', 'citesdb/cites_parties.tsv']]) {
      await runImport(database, await importerFor(format), path.join(seedDir, file), { progress: false });
    }
    const imp = await importerFor('checklist-csv');
    const phases: Phase[] = [];
    for (const phase of ['import', 're-import (no change)']) {
      const { value: s, seconds, cpuSeconds, peakRssMb } = await measured(() => runImport(database, imp, checklist, { progress: false }));
      if (s.status !== 'succeeded') throw new Error(`${phase}: ${s.error}`);
      phases.push({ phase, seconds, cpuSeconds, rowsPerSecond: Math.round(ROWS / seconds), peakRssMb, accepted: s.accepted, unchanged: s.unchanged, rejected: s.rejected });
    }
    process.stdout.write(`${JSON.stringify({ backend, phases, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  } finally {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const backends = (process.env.CONCORD_BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());
  const self = fileURLToPath(import.meta.url);
  console.log(`checklist-csv import bench: ${path.basename(checklist)} (${ROWS} rows), ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const backend of backends) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    let drop: (() => Promise<void>) | undefined;
    if (backend === 'postgres') {
      const server = process.env.CONCORD_BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';
      const name = `concord_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(server);
      u.pathname = `/${name}`;
      env.BENCH_DB_URL = u.toString();
      drop = async () => {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--worker', backend], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) { console.log(`${backend}: failed\n${r.stderr}`); continue; }
      const res = JSON.parse(line) as { backend: string; phases: Phase[]; maxRssMb: number };
      for (const p of res.phases) {
        console.log(`${backend.padEnd(9)} ${p.phase.padEnd(22)} ${p.seconds.toFixed(1).padStart(6)} s (this process's CPU ${p.cpuSeconds.toFixed(1)} s)  ${String(p.rowsPerSecond).padStart(6)} rows/s  peak RSS ${p.peakRssMb} MB  (accepted ${p.accepted}, unchanged ${p.unchanged}, reject lines ${p.rejected})`);
      }
      console.log(`${backend.padEnd(9)} process max RSS ${res.maxRssMb} MB`);
    } finally {
      await drop?.();
    }
  }
}

if (process.argv.includes('--worker')) await worker(process.argv[process.argv.indexOf('--worker') + 1] as 'pglite' | 'postgres');
else await main();
