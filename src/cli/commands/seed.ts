import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { seed } from '../../ingest/seed.js';
import { withDatabase, print } from '../shared.js';

export function register(program: Command): void {
  program.command('seed')
    .description('Import the whole reference data set (default ../shared/data or CONCORD_SEED_DIR) in the right order')
    .argument('[dir]', 'folder holding the reference data')
    .action(async (dir: string | undefined) => {
      const seedDir = dir ?? loadConfig().seedDir;
      const results = await withDatabase((db) => seed(db, seedDir, { log: print }));
      const refused = results.filter((r) => r.status === 'refused');
      print(`seed: ${results.length} files imported, ${refused.length} refused`);
      if (refused.length) process.exitCode = 1;
    });
}
