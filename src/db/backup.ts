// Backups of either backend, to one file: PGlite's data folder as a gzipped
// tarball (its own dumpDataDir), PostgreSQL as pg_dump's custom format. A
// restore goes into an empty PGlite folder, or replaces the PostgreSQL
// database's objects in one transaction (pg_restore --single-transaction).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase } from './client.js';

export type BackupKind = 'pglite' | 'postgres';

export class BackupError extends Error {
  constructor(message: string) { super(message); this.name = 'BackupError'; }
}

/** What a file holds, from its first bytes: pg_dump's 'PGDMP', or gzip (a PGlite tarball). */
export function backupKindOf(file: string): BackupKind {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new BackupError(`${file} is not a Concord backup (neither pg_dump's custom format nor a PGlite data tarball)`);
}

/** Write the PGlite folder's data to FILE (opened as any command opens it: locked meanwhile). */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const database = await openDatabase({ url: '', dataDir, migrate: false });
  try {
    const bytes = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
    writeAtomically(file, bytes);
    return { bytes: bytes.length };
  } finally { await database.close(); }
}

/** Restore FILE into an empty (or absent) PGlite folder. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (backupKindOf(file) !== 'pglite') throw new BackupError(`${file} is a PostgreSQL backup: restore it with DATABASE_URL set`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) throw new BackupError(`${dataDir} is not empty: restore into a new folder (CONCORD_DATA_DIR), or move this one aside first`);
  try {
    const database = await openDatabase({ url: '', dataDir, migrate: false, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await database.close();
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export function backupPostgres(url: string, file: string): { bytes: number } {
  const tmp = `${file}.partial`;
  const res = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${tmp}`, '--dbname', url], { encoding: 'utf8' });
  if (res.error || res.status !== 0) { fs.rmSync(tmp, { force: true }); throw new BackupError(`pg_dump failed: ${res.error?.message ?? res.stderr.trim()}`); }
  fs.renameSync(tmp, file);
  return { bytes: fs.statSync(file).size };
}

export function restorePostgres(file: string, url: string): void {
  if (backupKindOf(file) !== 'postgres') throw new BackupError(`${file} is a PGlite backup: restore it without DATABASE_URL (into CONCORD_DATA_DIR)`);
  const res = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, file], { encoding: 'utf8' });
  if (res.error || res.status !== 0) throw new BackupError(`pg_restore failed (nothing was changed): ${res.error?.message ?? res.stderr.trim()}`);
}

/** A backup is complete or absent: written beside, then renamed. */
function writeAtomically(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}
