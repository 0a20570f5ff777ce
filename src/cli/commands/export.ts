// `concord export ndjson|csv|dwca [--out FILE]`: the API's exports from the CLI.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { ndjsonStream } from '../../export/ndjson.js';
import { checklistCsvStream } from '../../export/checklist-csv.js';
import { buildDwca } from '../../export/dwca.js';
import { withDatabase, fail } from '../shared.js';

export function register(program: Command): void {
  program.command('export')
    .description('Export the database: ndjson (every taxon, both conventions), csv (Checklist layout), dwca (Darwin Core Archive)')
    .argument('<kind>', 'ndjson | csv | dwca')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--convention <c>', 'for csv: cites | cms', 'cites')
    .action(async (kind: string, opts: { out?: string; convention: string }) => {
      if (!['ndjson', 'csv', 'dwca'].includes(kind)) return fail(`unknown export '${kind}'; expected ndjson, csv or dwca`, 2);
      const convention = opts.convention.toUpperCase();
      if (kind === 'csv' && convention !== 'CITES' && convention !== 'CMS') return fail(`--convention must be cites or cms, got '${opts.convention}'`, 2);
      if (kind === 'dwca' && !opts.out && process.stdout.isTTY) return fail('a zip file does not belong on a terminal: give --out FILE', 2);
      await withDatabase(async (database) => {
        const source: Readable = kind === 'ndjson' ? ndjsonStream(database)
          : kind === 'csv' ? checklistCsvStream(database, convention as 'CITES' | 'CMS') : await buildDwca(database);
        await pipeline(source, opts.out ? fs.createWriteStream(opts.out) : process.stdout);
      });
      if (opts.out) process.stderr.write(`wrote ${opts.out} (${fs.statSync(opts.out).size} bytes)\n`);
    });
}
