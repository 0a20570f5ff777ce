// `concord parse [FILE]`: one scientific name a line (stdin when no FILE) ->
// canonical forms, authorship, rank, quality; streamed line by line, so a
// million names never sit in memory.
import type { Command } from 'commander';
import { csvHeader, parseStream, toCsvRow } from '../../names/index.js';
import { inputLines, NAME_FORMATS, StreamOut, type NameFormat } from './names-io.js';
import { fail } from '../shared.js';

export function register(program: Command): void {
  program.command('parse')
    .description('Parse scientific names, one a line (stdin when no FILE): canonical forms, authorship, rank, quality')
    .argument('[file]', 'text file of names, one a line (.gz accepted)')
    .option('--format <fmt>', NAME_FORMATS.join(' | '), 'jsonl')
    .action(async (file: string | undefined, opts: { format: string }) => {
      if (!(NAME_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${NAME_FORMATS.join(', ')}; got '${opts.format}'`, 2);
      const lines = inputLines(file);
      if (typeof lines === 'string') return fail(lines, 2);
      const out = new StreamOut(process.stdout);
      const csv = (opts.format as NameFormat) === 'csv';
      if (csv) await out.line(csvHeader('parse'));
      for await (const p of parseStream(lines)) await out.line(csv ? toCsvRow(p) : JSON.stringify(p));
      await out.end();
    });
}
