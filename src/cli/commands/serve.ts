import fs from 'node:fs';
import type { Command } from 'commander';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../config.js';
import { openDatabase, type Database } from '../../db/client.js';
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
      // Requests get the short statement timeout; start-up work (migrations, deriving, a first seed) the long one.
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: config.db.statementTimeoutMs, migrate: false });
      const startup = database.kind === 'postgres'
        ? await openDatabase({ url: config.databaseUrl, statementTimeoutMs: config.db.longStatementTimeoutMs, migrate: false })
        : database; // PGlite: one handle a folder (its lock); it has no network to time out
      await startup.migrate();
      log.info({ database: database.kind, location: database.location }, 'database open');
      const [{ n }] = await startup.query<{ n: string }>('select count(*) n from taxon_concepts');
      const firstSeed = Number(n) === 0 && opts.seed && fs.existsSync(config.seedDir);
      if (Number(n) === 0 && !firstSeed) process.stderr.write(`${EMPTY_DATABASE_HELP}\n`);
      if (!firstSeed) {
        const derived = await ensureDerived(startup);
        if (derived) log.info({ notes: derived }, 'data derived again for this version of Concord');
      }
      const app = await buildApp({ database, loggerInstance: log, trustProxy: config.trustProxy });
      // A first seed takes minutes: listen at once, say how far it is, serve the data when it is all in.
      const seeding = app.readiness.seeding;
      seeding.active = firstSeed;
      app.addHook('onRequest', async (req, reply) => {
        if (!seeding.active && !seeding.failed) return;
        const route = req.url.split('?')[0];
        if (route === '/health/live' || route === '/health/ready') return; // they say it themselves
        const progress = { done: seeding.done, total: seeding.total, step: seeding.step };
        if (route === '/health') return reply.status(seeding.failed ? 503 : 200).send({ status: seeding.failed ? 'seed failed' : 'seeding', database: { kind: database.kind, reachable: true }, data_version: null, dataVersion: null, progress, ...(seeding.failed ? { error: seeding.failed } : {}) });
        reply.header('Retry-After', '10');
        if (String(req.headers.accept ?? '').includes('text/html')) {
          return reply.status(503).type('text/html; charset=utf-8').send(seedingPage(seeding.done, seeding.total, seeding.step));
        }
        return sendProblem(reply, problemOf('unavailable', `Loading the reference data: step ${seeding.done} of ${seeding.total}${seeding.step ? ` (${seeding.step})` : ''}. Try again in a minute.`, { retry_after: 10 }));
      });
      app.addHook('onSend', async (_req, reply) => { if (app.readiness.draining) reply.header('connection', 'close'); });
      const stop = gracefulShutdown(app, [database, startup], config, log);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const address = await app.listen({ port: config.port, host: config.host });
      // Say where the server is, so a command refused by the lock can name it.
      database.lock?.update({ url: address });
      if (firstSeed) {
        log.info({ seedDir: config.seedDir }, 'empty database: seeding from the reference data (the server answers meanwhile)');
        try {
          await seed(startup, config.seedDir, { progress: Boolean(process.stderr.isTTY), log: (l) => log.info(l), onStep: (done, total, step) => Object.assign(seeding, { done, total, step }) });
          seeding.active = false;
          log.info('seed finished: serving the data');
        } catch (e) {
          seeding.active = false;
          seeding.failed = (e as Error).message;
          log.error({ err: e }, 'seed failed');
        }
      }
      if (startup !== database && !app.readiness.draining) await startup.close();
    });
}

/**
 * SIGTERM or SIGINT: /health/ready turns 503 at once (a load balancer stops sending), after
 * CONCORD_SHUTDOWN_DELAY_MS the listener closes (new connections refused, idle keep-alive ones
 * closed, a request on a busy one answered 503), the requests in flight finish, the pools close,
 * exit 0. Past CONCORD_SHUTDOWN_TIMEOUT_MS it gives up on them and exits 1.
 */
function gracefulShutdown(app: FastifyInstance, databases: Database[], config: Config, log: pino.Logger): (signal: NodeJS.Signals) => Promise<void> {
  return async (signal) => {
    if (app.readiness.draining) return;
    app.readiness.draining = true;
    log.info({ signal }, 'shutting down: finishing the requests in flight');
    const force = setTimeout(() => { log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out: requests cut off'); process.exit(1); }, config.shutdownTimeoutMs);
    force.unref();
    let code = 0;
    try {
      if (config.shutdownDelayMs) await new Promise((r) => setTimeout(r, config.shutdownDelayMs));
      // Connections kept alive would hold the close for Fastify's 72 s keep-alive: answers say
      // 'Connection: close' from now on, and the ones idle after their last answer are closed.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      try { await app.close(); } finally { clearInterval(idle); }
      for (const d of new Set(databases)) await d.close().catch((e: unknown) => { if (!/called end on pool more than once/i.test((e as Error).message)) throw e; });
      log.info('shut down cleanly');
    } catch (e) {
      log.error({ err: e }, 'shutdown failed');
      code = 1;
    }
    process.exit(code);
  };
}

/** The page a browser gets while the first seed runs: it reloads itself. */
function seedingPage(done: number, total: number, step: string | null): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><title>Concord: loading the reference data</title></head>
<body><main><h1>Loading the reference data</h1><p>Step ${done} of ${total}${step ? `: ${esc(step)}` : ''}.</p><progress max="${total}" value="${done}"></progress><p>This page reloads itself; the data are served when all of it is in.</p></main></body></html>`;
}
