// A Checklist import killed with SIGKILL half-way leaves the previous data
// intact: the import is one transaction, so nothing of it is ever visible.
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { backends, createTestDatabase } from '../support/databases.js';
import { checklist2017, dataPath, tempDir } from '../support/data.js';
import { checklistRecords, writeChecklist } from './checklist-fixtures.js';

const cli = (args: string[], env: NodeJS.ProcessEnv) => spawnSync('npx', ['tsx', 'src/cli/index.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

async function counts(db: Database) {
  return (await db.query(`select (select count(*) from taxon_concepts)::int concepts, (select count(*) from listing_changes)::int listings,
    (select count(*) from distributions)::int distributions, (select count(*) from common_names)::int names,
    (select count(*) from import_runs where source = 'checklist-csv' and status = 'succeeded')::int runs`))[0];
}

/** Start the full import in its own process group, SIGKILL the group `afterMs` later (or when `ready` says so, plus 2 s). */
async function killMidImport(env: NodeJS.ProcessEnv, opts: { afterMs?: number; ready?: () => Promise<boolean> }): Promise<{ signal: string | null; output: string }> {
  const child = spawn('npx', ['tsx', 'src/cli/index.ts', 'import', 'checklist-csv', checklist2017], { env: { ...process.env, ...env }, detached: true });
  let output = '';
  child.stdout.on('data', (d) => { output += String(d); });
  child.stderr.on('data', (d) => { output += String(d); });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  if (opts.ready) {
    const deadline = Date.now() + 120_000;
    while (!(await opts.ready()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 2000));
  } else {
    await new Promise((r) => setTimeout(r, opts.afterMs));
  }
  process.kill(-child.pid!, 'SIGKILL');
  const signal = await exited;
  // npx exits first; the import's own node process (its grandchild) dies a moment later, releasing the folder.
  const lock = `${env.CONCORD_DATA_DIR}.lock`;
  for (let i = 0; i < 100 && fs.existsSync(lock); i++) {
    const { pid } = JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number };
    try { process.kill(pid, 0); } catch { break; }
    try { if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) break; } catch { break; }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { signal, output };
}

async function sliceFile() {
  const { header, records } = await checklistRecords((r) => r.Genus === 'Panthera' || r.Family === 'Elephantidae');
  return writeChecklist('slice.csv', header, records);
}

describe('an import killed mid-way', () => {
  if (backends().includes('pglite')) it('leaves a PGlite database as the previous import left it', async () => {
    const env = { CONCORD_DATA_DIR: tempDir('concord-killed-'), DATABASE_URL: '' };
    for (const args of [['import', 'country-codes', dataPath('country-codes', 'country-codes.csv')], ['import', 'checklist-csv', await sliceFile()]]) {
      const r = cli(args, env);
      expect(r.status, r.stderr).toBe(0);
    }
    let db = await openDatabase({ url: '', dataDir: env.CONCORD_DATA_DIR });
    const before = await counts(db);
    await db.close();
    expect(before.concepts).toBeGreaterThan(0);
    // Start-up (tsx, PGlite, migrations) as a plain command takes this long; the full import takes far longer.
    const t0 = Date.now();
    expect(cli(['stats'], env).status).toBe(0);
    const startup = Date.now() - t0;
    const { signal } = await killMidImport(env, { afterMs: startup + 2000 });
    expect(signal).toBe('SIGKILL');
    db = await openDatabase({ url: '', dataDir: env.CONCORD_DATA_DIR });
    try {
      expect(await counts(db)).toEqual(before);
      const [run] = await db.query<{ status: string }>(`select status from import_runs where source = 'checklist-csv' order by id desc limit 1`);
      expect(run?.status ?? 'never started').not.toBe('succeeded');
    } finally {
      await db.close();
    }
  }, 600_000);

  if (backends().includes('postgres')) it('leaves a PostgreSQL database as the previous import left it', async () => {
    const handle = await createTestDatabase('postgres');
    try {
      const env = { DATABASE_URL: handle.database.location };
      for (const args of [['import', 'country-codes', dataPath('country-codes', 'country-codes.csv')], ['import', 'checklist-csv', await sliceFile()]]) {
        const r = cli(args, env);
        expect(r.status, r.stderr).toBe(0);
      }
      const before = await counts(handle.database);
      expect(before.concepts).toBeGreaterThan(0);
      const running = async () => (await handle.database.query(`select 1 from import_runs where status = 'running' and file like 'Index_of_CITES%'`)).length > 0;
      const { signal } = await killMidImport(env, { ready: running });
      expect(signal).toBe('SIGKILL');
      expect(await running()).toBe(true); // it had started, and never finished
      expect(await counts(handle.database)).toEqual(before);
    } finally {
      await handle.drop();
    }
  }, 600_000);
});
