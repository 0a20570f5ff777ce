// `concord alignment`: the nomenclature alignment report (seed A2) - linked
// pairs whose names differ, CMS-listed taxa without a CITES counterpart,
// counts by class and data issues; --all lists every CMS concept.
import type { Command } from 'commander';
import { alignmentReport, alignmentSummary } from '../../alignment/repository.js';
import { realignAll } from '../../alignment/store.js';
import { OUTPUT_FORMATS, presentRow, summaryMarkdown, toCsv, toMarkdownTable, type OutputFormat } from '../../alignment/format.js';
import { withDatabase, print, fail } from '../shared.js';

interface Opts { all?: boolean; class?: string; format: string; recompute?: boolean }

export function register(program: Command): void {
  program.command('alignment')
    .description('CMS <-> CITES nomenclature alignment report: names that differ (classified), CMS taxa without a CITES counterpart, counts by class')
    .option('--all', 'every CMS taxon concept with its CITES counterpart or none')
    .option('--class <name>', 'only this class (e.g. Aves)')
    .option('--recompute', 'recompute the automatic links first (curated links are kept)')
    .option('--format <fmt>', OUTPUT_FORMATS.join(' | '), 'csv')
    .action(async (opts: Opts) => {
      if (!(OUTPUT_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${opts.format}'`, 2);
      const format = opts.format as OutputFormat;
      await withDatabase(async (db) => {
        if (opts.recompute) {
          const r = await realignAll(db);
          process.stderr.write(`alignment recomputed: ${r.inserted} new, ${r.updated} changed, ${r.deleted} removed, ${r.unchanged} unchanged, ${r.curatedKept} curated kept\n`);
        }
        const rows = await alignmentReport(db, { all: opts.all, className: opts.class });
        if (format === 'json') return print(JSON.stringify(rows.map(presentRow)));
        if (format === 'csv') return print(toCsv(rows));
        const summary = await alignmentSummary(db);
        print(`# CMS - CITES nomenclature alignment${opts.all ? ' (all CMS concepts)' : ''}\n\n${summaryMarkdown(summary.byClass, summary.dataIssues)}\n\n## ${opts.all ? 'All CMS concepts' : 'Names that differ, and CMS-listed taxa without a counterpart'} (${rows.length})\n\n${toMarkdownTable(rows)}`);
      });
    });
}
