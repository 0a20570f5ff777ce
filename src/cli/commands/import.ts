import type { Command } from 'commander';
import { importerFor, importers } from '../../ingest/registry.js';
import { runImport, formatSummary, formatRejects } from '../../ingest/run.js';
import { withDatabase, print, fail } from '../shared.js';

export function register(program: Command): void {
  program.command('import')
    .description('Import one file of a known source format (see `concord import --list`)')
    .argument('[format]', 'source format, e.g. checklist-csv')
    .argument('[path]', 'file to import (.csv or .csv.gz)')
    .option('--list', 'list the formats')
    .option('--format-output <fmt>', 'text | json', 'text')
    .action(async (format: string | undefined, file: string | undefined, opts: { list?: boolean; formatOutput: string }) => {
      if (opts.list || !format || !file) {
        for (const imp of (await importers()).values()) print(`${imp.format.padEnd(28)} ${imp.description}`);
        if (!opts.list) fail('usage: concord import <format> <path>', 2);
        return;
      }
      const importer = await importerFor(format);
      const summary = await withDatabase((db) => runImport(db, importer, file));
      if (opts.formatOutput === 'json') print(JSON.stringify(summary));
      else {
        print(formatSummary(summary));
        if (summary.rejected) print(`Rejected rows:\n${formatRejects(summary)}`);
      }
      if (summary.status === 'refused') process.exitCode = 1;
    });
}
