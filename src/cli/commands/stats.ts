import type { Command } from 'commander';
import { collectStats } from '../../db/stats.js';
import { withDatabase, print } from '../shared.js';

export function register(program: Command): void {
  program.command('stats')
    .description('Counts per taxonomy, listings, distributions, names, places, Parties and the last import of each source')
    .option('--format <fmt>', 'text | json', 'text')
    .action(async (opts: { format: string }) => {
      const stats = await withDatabase(collectStats);
      if (opts.format === 'json') return print(JSON.stringify(stats, null, 2));
      for (const [tax, t] of Object.entries(stats.taxonomies)) {
        print(`${tax}: ${t.taxonConcepts} taxon concepts; by name status ${fmt(t.byNameStatus)}; by rank ${fmt(t.byRank)}`);
      }
      print(`listing changes: ${fmt(stats.listingChanges)}`);
      print(`distributions: ${stats.distributions}; geo entities: ${stats.geoEntities}; Parties: ${fmt(stats.parties)}`);
      print(`common names: ${fmt(stats.commonNames)}; concept links: ${fmt(stats.conceptLinks)}; conservation statuses: ${stats.conservationStatuses}`);
      for (const [src, r] of Object.entries(stats.lastImports)) {
        print(`last import ${src}: ${r.file} ${r.status} ${r.finishedAt ?? ''} accepted ${r.accepted} updated ${r.updated} unchanged ${r.unchanged} rejected ${r.rejected}`);
      }
    });
}

const fmt = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
