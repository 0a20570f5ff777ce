// npm run bench:ops — start-up times of the compiled program (dist/, built
// first): `concord --help`, `concord stats --help`, and a server on an
// existing database from spawn to its first 200 on /health. Prints figures,
// never pass/fail. The multi-server soak behind nginx is not written yet
// (docs/operations.md).
//   DATABASE_URL / CONCORD_DATA_DIR  the (seeded) database the server opens; default: a fresh PGlite folder
//   CONCORD_BENCH_RUNS               runs of each measure (default 5)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.availableParallelism()} CPUs`);
console.log(`concord --help        ${stats(timeCommand(['--help']))}`);
console.log(`concord stats --help  ${stats(timeCommand(['stats', '--help']))}`);
console.log(`server to /health     ${stats(await timeServer())} on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
