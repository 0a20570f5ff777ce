// concord backup / restore on both backends: a database with real rows
// (country codes, the work programme, an account, a slice of the Checklist)
// comes back with every table equal, row for row.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { backupPglite, restorePglite, backupPostgres, restorePostgres, backupKindOf } from '../../src/db/backup.js';
import { dataPath, tempDir } from '../support/data.js';
import { backends, testServerUrl } from '../support/databases.js';
import { makeUser, seedDocument } from '../programme/support.js';

async function fill(db: Database) {
  for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')], ['work-programme', seedDocument]]) {
    const s = await runImport(db, await importerFor(format), file, { progress: false });
    expect(s.status).toBe('succeeded');
  }
  await makeUser(db, 'officer@example.org', 'cites_secretariat');
}

/** Every table's row count and a digest of its rows, in a stable order. */
async function digest(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ t: string }>(`select quote_ident(table_name) t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [r] = await db.query<{ n: string; h: string | null }>(`select count(*) n, md5(string_agg(x::text, '|' order by x::text)) h from ${t} x`);
    out[t] = `${r.n}:${r.h}`;
  }
  return out;
}

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('src/cli/index.ts');

it.runIf(backends().includes('pglite'))('PGlite: concord backup then restore into a new folder gives every table equal', async () => {
  const dir = tempDir('concord-backup-');
  const dataDir = path.join(dir, 'data');
  const db = await openDatabase({ url: '', dataDir });
  await fill(db);
  const before = await digest(db);
  await db.close();
  expect(Object.keys(before).length).toBeGreaterThan(20);
  expect(Number(before.users.split(':')[0])).toBe(1);
  const file = path.join(dir, 'concord.backup');
  const env = { ...process.env, DATABASE_URL: '', CONCORD_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const res = spawnSync(tsx, [cli, 'backup', file], { env, encoding: 'utf8', timeout: 120_000 });
  expect(res.status, res.stderr).toBe(0);
  expect(backupKindOf(file)).toBe('pglite');
  // Into a non-empty folder: refused, nothing touched.
  expect(spawnSync(tsx, [cli, 'restore', file], { env, encoding: 'utf8', timeout: 120_000 }).stderr).toMatch(/is not empty/);
  const restored = path.join(dir, 'restored');
  await restorePglite(file, restored);
  const again = await openDatabase({ url: '', dataDir: restored });
  try { expect(await digest(again)).toEqual(before); } finally { await again.close(); }
  // And through the functions, a second round.
  const second = path.join(dir, 'second.backup');
  await backupPglite(restored, second);
  expect(backupKindOf(second)).toBe('pglite');
}, 300_000);

it.runIf(backends().includes('postgres'))('PostgreSQL: pg_dump / pg_restore round trip gives every table equal; a PGlite file is refused with the reason', async () => {
  const names = [0, 1].map(() => `concord_t_bk_${randomBytes(4).toString('hex')}`);
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  for (const n of names) await admin.query(`create database ${n}`);
  const urlOf = (n: string) => { const u = new URL(testServerUrl); u.pathname = `/${n}`; return u.toString(); };
  try {
    const db = await openDatabase({ url: urlOf(names[0]) });
    await fill(db);
    const before = await digest(db);
    await db.close();
    const file = path.join(tempDir('concord-backup-pg-'), 'concord.dump');
    backupPostgres(urlOf(names[0]), file);
    expect(backupKindOf(file)).toBe('postgres');
    restorePostgres(file, urlOf(names[1]));
    const copy = await openDatabase({ url: urlOf(names[1]), migrate: false });
    try { expect(await digest(copy)).toEqual(before); } finally { await copy.close(); }
    const lite = path.join(path.dirname(file), 'lite.backup');
    fs.writeFileSync(lite, Buffer.from([0x1f, 0x8b, 8, 0, 0]));
    expect(() => restorePostgres(lite, urlOf(names[1]))).toThrow(/PGlite backup/);
  } finally {
    for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
    await admin.end();
  }
}, 300_000);
