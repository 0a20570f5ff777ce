// `concord joint-list`: species listed in both conventions (seed C5), or any
// cell of the CMS x CITES matrix, as CSV, JSON or Markdown.
import type { Command } from 'commander';
import { jointList, jointMatrix, type JointListFilters } from '../../alignment/repository.js';
import { OUTPUT_FORMATS, matrixMarkdown, presentRow, toCsv, toMarkdownTable, type OutputFormat } from '../../alignment/format.js';
import { withDatabase, print, fail } from '../shared.js';

const CMS_VALUES = ['I', 'II', 'I+II', 'agreement', 'none', 'any', 'all'];
const CITES_VALUES = ['I', 'II', 'III', 'split', 'none', 'any', 'all'];

interface Opts { cms: string; cites: string; country?: string; class?: string; order?: string; family?: string; format: string; matrix?: boolean }

export function register(program: Command): void {
  program.command('joint-list')
    .description('Species in both conventions: CMS Appendix I and any CITES Appendix by default; any cell of the CMS x CITES matrix')
    .option('--cms <appendix>', `CMS side: ${CMS_VALUES.join(' | ')} (any = I or II)`, 'I')
    .option('--cites <appendix>', `CITES side: ${CITES_VALUES.join(' | ')} (any = I, II or III)`, 'any')
    .option('--country <ISO2>', 'only species with this range State')
    .option('--class <name>', 'only this class (e.g. Aves)')
    .option('--order <name>', 'only this order')
    .option('--family <name>', 'only this family')
    .option('--matrix', 'print the counts of the whole CMS x CITES matrix instead of rows')
    .option('--format <fmt>', OUTPUT_FORMATS.join(' | '), 'csv')
    .action(async (opts: Opts) => {
      if (!CMS_VALUES.includes(opts.cms)) return fail(`--cms must be one of ${CMS_VALUES.join(', ')}; got '${opts.cms}'`, 2);
      if (!CITES_VALUES.includes(opts.cites)) return fail(`--cites must be one of ${CITES_VALUES.join(', ')}; got '${opts.cites}'`, 2);
      if (!(OUTPUT_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${OUTPUT_FORMATS.join(', ')}; got '${opts.format}'`, 2);
      if (opts.country && !/^[A-Za-z]{2}$/.test(opts.country)) return fail(`--country must be a two-letter ISO code; got '${opts.country}'`, 2);
      const filters: JointListFilters = {
        cms: opts.cms as JointListFilters['cms'], cites: opts.cites as JointListFilters['cites'],
        country: opts.country, className: opts.class, orderName: opts.order, familyName: opts.family,
      };
      const format = opts.format as OutputFormat;
      if (opts.matrix) {
        const m = await withDatabase((db) => jointMatrix(db, filters));
        return print(format === 'json' ? JSON.stringify(m, null, 2) : format === 'md' ? matrixMarkdown(m)
          : ['cms,cites,count', ...Object.entries(m).flatMap(([a, row]) => Object.entries(row).map(([b, n]) => `${a},${b},${n}`))].join('\n'));
      }
      const rows = await withDatabase((db) => jointList(db, filters));
      if (format === 'json') return print(JSON.stringify(rows.map(presentRow)));
      if (format === 'md') return print(`# Joint list: CMS ${opts.cms} x CITES ${opts.cites}${opts.country ? `, range State ${opts.country.toUpperCase()}` : ''} (${rows.length} rows)\n\n${toMarkdownTable(rows)}`);
      return print(toCsv(rows));
    });
}
