// A PGlite folder belongs to one process: two processes opening it each keep
// their own copy in memory and the last to write wins (an account added by the
// CLI beside a running server was lost). The owner takes a lock file beside
// the folder atomically (O_EXCL), writes its pid and what it is, and removes
// it on close or exit; a lock whose process is gone is stale and taken over.
import fs from 'node:fs';
import path from 'node:path';

export interface LockOwner { pid: number; command: string; startedAt: string; url?: string }

/** Another live process holds the folder: nothing was opened or changed. */
export class DataDirBusy extends Error {
  constructor(readonly dataDir: string, readonly owner: LockOwner) {
    const who = owner.command === 'serve' ? `the Concord server${owner.url ? ` at ${owner.url}` : ''} (pid ${owner.pid})` : `\`concord ${owner.command}\` (pid ${owner.pid})`;
    super(`${dataDir} is in use by ${who}, started ${owner.startedAt}. An embedded database belongs to one process: `
      + (owner.command === 'serve'
        ? 'stop the server (Ctrl-C or kill the pid), run this command, then start it again; or share the data on a PostgreSQL server (DATABASE_URL), which any number of processes can use at once. Nothing was changed.'
        : 'wait for it to finish, then run this command again. Nothing was changed.'));
    this.name = 'DataDirBusy';
  }
}

export const lockPathOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
  // A killed process nobody has reaped yet (a zombie: a container's init may never reap it) is gone too.
  try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return true; }
}

function readOwner(file: string): LockOwner | null {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner; } catch { return null; }
}

export interface DataDirLock { file: string; owner: LockOwner; update(extra: Partial<LockOwner>): void; release(): void }

/** Take the folder's lock, or throw DataDirBusy naming the live owner. */
export function lockDataDir(dataDir: string, command = process.argv[2] ?? 'node'): DataDirLock {
  const file = lockPathOf(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const owner: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw e;
      const held = readOwner(file);
      if (held && held.pid !== process.pid && alive(held.pid)) throw new DataDirBusy(dataDir, held);
      // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return {
    file, owner,
    update(extra) { Object.assign(owner, extra); fs.writeFileSync(file, JSON.stringify(owner)); },
    release,
  };
}
