import fs from 'node:fs';
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { buildApp } from '../../api/app.js';
import { problemOf, sendProblem } from '../../api/problems.js';
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
      const firstSeed = Number(n) === 0 && opts.seed && fs.existsSync(config.seedDir);
      if (Number(n) === 0 && !firstSeed) process.stderr.write(`${EMPTY_DATABASE_HELP}\n`);
      if (!firstSeed) {
        const derived = await ensureDerived(database);
        if (derived) log.info({ notes: derived }, 'data derived again for this version of Concord');
      }
      const app = await buildApp({ database, loggerInstance: log });
      // A first seed takes minutes: listen at once, say how far it is, serve the data when it is all in.
      const seeding = { active: firstSeed, done: 0, total: 0, step: null as string | null, failed: null as string | null };
      app.addHook('onRequest', async (req, reply) => {
        if (!seeding.active && !seeding.failed) return;
        const progress = { done: seeding.done, total: seeding.total, step: seeding.step };
        if (req.url.split('?')[0] === '/health') return reply.status(seeding.failed ? 503 : 200).send({ status: seeding.failed ? 'seed failed' : 'seeding', database: { kind: database.kind, reachable: true }, data_version: null, dataVersion: null, progress, ...(seeding.failed ? { error: seeding.failed } : {}) });
        reply.header('Retry-After', '10');
        if (String(req.headers.accept ?? '').includes('text/html')) {
          return reply.status(503).type('text/html; charset=utf-8').send(seedingPage(seeding.done, seeding.total, seeding.step));
        }
        return sendProblem(reply, problemOf('unavailable', `Loading the reference data: step ${seeding.done} of ${seeding.total}${seeding.step ? ` (${seeding.step})` : ''}. Try again in a minute.`, { retry_after: 10 }));
      });
      const close = async () => { await app.close(); await database.close(); process.exit(0); };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ port: config.port, host: config.host });
      // Say where the server is, so a command refused by the lock can name it.
      database.lock?.update({ url: address });
      if (firstSeed) {
        log.info({ seedDir: config.seedDir }, 'empty database: seeding from the reference data (the server answers meanwhile)');
        try {
          await seed(database, config.seedDir, { progress: Boolean(process.stderr.isTTY), log: (l) => log.info(l), onStep: (done, total, step) => Object.assign(seeding, { done, total, step }) });
          seeding.active = false;
          log.info('seed finished: serving the data');
        } catch (e) {
          seeding.active = false;
          seeding.failed = (e as Error).message;
          log.error({ err: e }, 'seed failed');
        }
      }
    });
}

/** The page a browser gets while the first seed runs: it reloads itself. */
function seedingPage(done: number, total: number, step: string | null): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><title>Concord: loading the reference data</title></head>
<body><main><h1>Loading the reference data</h1><p>Step ${done} of ${total}${step ? `: ${esc(step)}` : ''}.</p><progress max="${total}" value="${done}"></progress><p>This page reloads itself; the data are served when all of it is in.</p></main></body></html>`;
}
