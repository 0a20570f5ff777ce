// Browser-test harness: builds the web app, starts `concord serve` on a seeded
// PGlite database (seeded once from the real reference data and reused while
// the importers and migrations are unchanged), and drives real Chromium.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, 'test-results', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** A seeded database is reused while the code that fills it is unchanged. */
function seedKey(): string {
  const h = createHash('sha256');
  for (const dir of ['src/ingest', 'src/db', 'src/listings', 'src/alignment', 'src/taxonomy']) {
    for (const f of filesUnder(path.join(root, dir))) h.update(f).update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

export function buildWeb(): void {
  const res = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`web build failed:\n${res.stdout}\n${res.stderr}`);
}

export interface Server { url: string; stop(): Promise<void>; dataDir: string }

function concord(args: string[], env: NodeJS.ProcessEnv, log: number): void {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: root, env, stdio: ['ignore', log, log] });
  if (res.status !== 0) throw new Error(`concord ${args.join(' ')} failed (${res.status}); see test-results/e2e-server.log`);
}

/**
 * The seeded database: `concord seed` from the reference data (it ends by
 * recomputing listings and CMS <-> CITES links). Done once; a marker file
 * says it finished, so an interrupted seed starts again.
 */
function seededDataDir(log: number): string {
  const dataDir = process.env.CONCORD_E2E_DATA_DIR ?? path.join(os.tmpdir(), `concord-e2e-${seedKey()}`);
  const marker = path.join(dataDir, '.concord-e2e-seeded');
  if (fs.existsSync(marker)) return dataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, CONCORD_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  concord(['seed'], env, log);
  fs.writeFileSync(marker, new Date().toISOString());
  return dataDir;
}

/** `concord serve` on a free port, on the seeded database. */
export async function startServer(): Promise<Server> {
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const log = fs.openSync(path.join(root, 'test-results', 'e2e-server.log'), 'a');
  const dataDir = seededDataDir(log);
  const port = 3200 + Math.floor(Math.random() * 500);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    cwd: root, stdio: ['ignore', log, log],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CONCORD_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`concord serve exited with ${child.exitCode}; see test-results/e2e-server.log`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('concord serve did not start in 30 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
  // The name matcher builds its index on first use (minutes on the full data,
  // blocking the server meanwhile): build it now, not in the middle of a test.
  try {
    await warmNameMatcher(url, deadline);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, dataDir, stop };
}

/** Ask until the matcher answers; a request may time out while the index builds. */
async function warmNameMatcher(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/names/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '["Panthera uncia"]', signal: AbortSignal.timeout(120_000) });
      if (res.ok) return;
      throw new Error(`warming the name matcher failed: HTTP ${res.status}`);
    } catch (err) {
      if ((err as Error).message.startsWith('warming')) throw err;
      if (Date.now() > deadline) throw new Error(`the name matcher did not answer before the deadline: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function newContext(browser: Browser, opts: { phone?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1, isMobile: Boolean(opts.phone), hasTouch: Boolean(opts.phone),
    locale: opts.locale ?? 'en-GB', acceptDownloads: true,
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** axe-core on the page as it is now; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's CSP (script-src 'self') rightly blocks inline scripts.
  await page.evaluate(axeSource);
  // A string, so this Node-side file needs no DOM types.
  const result = await page.evaluate<AxeViolation[]>(`(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  })()`);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable message for an assertion on violations. */
export function describeViolations(v: AxeViolation[]): string {
  return v.map((x) => `${x.impact} ${x.id}: ${x.help} at ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`).join('\n');
}

export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-upload-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
