import type { Command } from 'commander';
import { formatStatus, statusReport, StatusProblem } from '../../listings/report.js';
import { withDatabase, print, fail } from '../shared.js';

export function register(program: Command): void {
  program.command('status')
    .description('CITES and CMS status of a taxon now or on a date, with the reasons (own, inherited, populations, reservations, App III Party, annotations, deletions)')
    .argument('<name>', 'scientific name, synonym or common name')
    .option('--on <date>', 'status on this day (YYYY-MM-DD, from 1975-07-01 to today)')
    .option('--format <fmt>', 'text | json', 'text')
    .action(async (name: string, opts: { on?: string; format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') return fail(`--format must be text or json, got '${opts.format}'`, 2);
      try {
        const report = await withDatabase((database) => statusReport(database.db, name, { on: opts.on }));
        print(opts.format === 'json' ? JSON.stringify(report, null, 2) : formatStatus(report));
      } catch (e) {
        if (!(e instanceof StatusProblem)) throw e;
        if (opts.format === 'json') print(JSON.stringify({ query: name, on: opts.on ?? null, error: e.message, suggestions: e.suggestions }, null, 2));
        fail(e.message, 2);
      }
    });
}
