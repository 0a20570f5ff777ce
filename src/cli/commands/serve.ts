import fs from 'node:fs';
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { buildApp } from '../../api/app.js';
import { seed } from '../../ingest/seed.js';
import { ensureDerived } from '../../ingest/derive.js';

export const EMPTY_DATABASE_HELP = `The database is empty. To load current data:
  1. Download the CITES Checklist CSVs (https://checklist.cites.org: "Index of CITES Species" and the listing "History")
     and the Species+ listings CSVs for CITES and CMS (https://speciesplus.net, Download > Listings).
  2. Import them:  npx concord import checklist-csv <Index.csv>
                   npx concord import checklist-history-csv <History.csv>
                   npx concord import speciesplus-listings-csv <CITES or CMS listings.csv>
     or sync from the Species+ API with a token:  SPECIESPLUS_TOKEN=... npx concord sync speciesplus
  Or point CONCORD_SEED_DIR at a copy of the reference data set and run: npx concord seed`;

export function register(program: Command): void {
  program.command('serve')
    .description('Serve the API and the web app (PORT, default 3000); seeds an empty database from the reference data when present')
    .option('--no-seed', 'do not seed an empty database')
    .action(async (opts: { seed: boolean }) => {
      const config = loadConfig();
      const log = pino({ level: config.logLevel });
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      log.info({ database: database.kind, location: database.location }, 'database open');
      const [{ n }] = await database.query<{ n: string }>('select count(*) n from taxon_concepts');
      if (Number(n) === 0) {
        if (opts.seed && fs.existsSync(config.seedDir)) {
          log.info({ seedDir: config.seedDir }, 'empty database: seeding from the reference data');
          await seed(database, config.seedDir, { progress: Boolean(process.stderr.isTTY), log: (l) => log.info(l) });
        } else {
          process.stderr.write(`${EMPTY_DATABASE_HELP}\n`);
        }
      }
      const derived = await ensureDerived(database);
      if (derived) log.info({ notes: derived }, 'data derived again for this version of Concord');
      const app = await buildApp({ database, loggerInstance: log });
      const close = async () => { await app.close(); await database.close(); process.exit(0); };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ port: config.port, host: config.host });
      // Say where the server is, so a command refused by the lock can name it.
      database.lock?.update({ url: address });
    });
}
