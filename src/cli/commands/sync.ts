// `concord sync speciesplus`: pull changes from the Species+ API (SPECIESPLUS_TOKEN).
import type { Command } from 'commander';
import { syncSpeciesplus, SPECIESPLUS_API } from '../../ingest/sync/speciesplus.js';
import { formatSummary, formatRejects } from '../../ingest/run.js';
import { withDatabase, print, fail } from '../shared.js';
import { loadConfig } from '../../config.js';

export function register(program: Command): void {
  program.command('sync')
    .description('Sync from a remote source: speciesplus (Species+ API v1; token in SPECIESPLUS_TOKEN)')
    .argument('<source>', 'speciesplus')
    .option('--taxonomy <t>', 'CITES or CMS', 'CITES')
    .option('--since <iso>', 'only concepts updated since (default: the last successful sync)')
    .option('--name <name>', 'only this taxon name')
    .option('--details', 'also fetch distributions, CITES legislation and references of each concept')
    .option('--max-pages <n>', 'stop after n pages')
    .option('--base-url <url>', 'API root', loadConfig().speciesplusUrl ?? SPECIESPLUS_API)
    .action(async (source: string, opts: { taxonomy: string; since?: string; name?: string; details?: boolean; maxPages?: string; baseUrl: string }) => {
      if (source !== 'speciesplus') return fail(`unknown sync source '${source}'; expected speciesplus`, 2);
      const token = loadConfig().speciesplusToken;
      if (!token) return fail('set SPECIESPLUS_TOKEN to your Species+ API token (https://api.speciesplus.net)', 2);
      const taxonomy = opts.taxonomy.toUpperCase();
      if (taxonomy !== 'CITES' && taxonomy !== 'CMS') return fail(`--taxonomy must be CITES or CMS, got '${opts.taxonomy}'`, 2);
      const maxPages = opts.maxPages === undefined ? undefined : Number(opts.maxPages);
      if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0)) return fail(`--max-pages must be a positive whole number, got '${opts.maxPages}'`, 2);
      const summary = await withDatabase((database) => syncSpeciesplus(database, {
        token, baseUrl: opts.baseUrl, taxonomy, updatedSince: opts.since, name: opts.name, details: opts.details, maxPages,
        progress: false, log: (l) => process.stderr.write(`${l}\n`),
      }));
      print(formatSummary(summary));
      if (summary.rejected) print(`Rejected:\n${formatRejects(summary)}`);
      if (summary.status === 'refused') process.exitCode = 1;
    });
}
