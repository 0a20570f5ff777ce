// `concord serve` as its own process for the operations tests: on a given
// database, a free port, waiting until /health/ready says it takes traffic.
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../support/nginx.js';

export interface Served { url: string; child: ChildProcess; exited: Promise<number | null>; log: () => string }


/** Spawn `concord serve --no-seed` (through tsx, as the tests run the sources) and wait until it is ready. */
export async function serve(databaseUrl: string, env: Record<string, string> = {}): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/cli/index.ts'), 'serve', '--no-seed'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', CONCORD_INSECURE_COOKIES: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`concord serve exited ${child.exitCode}: ${out}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return { url, child, exited, log: () => out };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`concord serve never got ready: ${out}`);
}

/** SIGTERM and wait for the exit code. */
export async function stop(s: Served | undefined): Promise<number | null> {
  if (!s) return null;
  if (s.child.exitCode === null) s.child.kill('SIGTERM');
  return s.exited;
}

/** Limits count in fixed one-minute windows: start a sequence that must fall in one window well inside it. */
export async function awayFromWindowEdge(windowMs = 60_000, needMs = 10_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}
