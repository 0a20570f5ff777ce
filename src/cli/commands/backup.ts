// `concord backup FILE` / `concord restore FILE`: the whole database to one
// file and back, on either backend (src/db/backup.ts). On the embedded
// database the server must be stopped (the folder's lock says so).
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres, BackupError } from '../../db/backup.js';
import { print, fail } from '../shared.js';

export function register(program: Command): void {
  program.command('backup')
    .description('Write the whole database to FILE: pg_dump custom format on PostgreSQL (DATABASE_URL), a data tarball on PGlite (stop the server first)')
    .argument('<file>', 'backup file to write')
    .action(reported(async (file, config) => {
      const { bytes } = config.databaseUrl ? backupPostgres(config.databaseUrl, file) : await backupPglite(config.dataDir, file);
      print(`backup of ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir} written to ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
    }));
  program.command('restore')
    .description('Restore FILE: into an empty PGlite folder (CONCORD_DATA_DIR), or over the PostgreSQL database (DATABASE_URL) in one transaction')
    .argument('<file>', 'a file written by concord backup')
    .action(reported(async (file, config) => {
      if (config.databaseUrl) restorePostgres(file, config.databaseUrl);
      else await restorePglite(file, config.dataDir);
      print(`restored ${file} into ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir}`);
    }));
}

/** An action on FILE with the configuration; a BackupError is the command's message and exit code 1. */
function reported(fn: (file: string, config: Config) => Promise<void>) {
  return async (file: string) => {
    try {
      await fn(file, loadConfig());
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      fail(e.message);
    }
  };
}
