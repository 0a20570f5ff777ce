// `concord report implementation --programme 2021-2025 --format html|docx|csv [--out FILE]`
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadImplementationReport } from '../../report/load.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../report/render.js';
import { withDatabase, print, fail } from '../shared.js';

export function register(program: Command): void {
  const report = program.command('report').description('Reports');
  report.command('implementation')
    .description('Implementation report of a work programme (Annex-1 style: activity | results, by theme)')
    .requiredOption('--programme <code>', 'programme period, e.g. 2021-2025')
    .option('--format <fmt>', 'html | docx | csv', 'html')
    .option('--out <file>', 'write to a file (default: stdout; DOCX needs --out)')
    .action(async (o: { programme: string; format: string; out?: string }) => {
      if (!(REPORT_FORMATS as readonly string[]).includes(o.format)) return fail(`--format: expected one of ${REPORT_FORMATS.join(', ')}, got '${o.format}'`, 2);
      if (o.format === 'docx' && !o.out) return fail('--out FILE is needed for DOCX (binary)', 2);
      await withDatabase(async (db) => {
        const r = await loadImplementationReport(db, o.programme);
        if (!r) return fail(`no programme ${o.programme} (import one with: concord import work-programme FILE)`);
        const out = await renderReport(r, o.format as ReportFormat);
        if (o.out) {
          fs.writeFileSync(o.out, out.body);
          print(`${o.out}: ${r.themes.reduce((n, t) => n + t.rows.length, 0)} activities, ${Buffer.byteLength(out.body)} bytes`);
        } else process.stdout.write(out.body);
      });
    });
}
