// `concord match [FILE]`: match names, one a line (stdin when no FILE), against
// the database's CITES and/or CMS taxonomies or a Darwin Core checklist CSV.
// The index is built once; names stream through it line by line.
import fs from 'node:fs';
import type { Command } from 'commander';
import { buildMatchIndex, csvHeader, matchStream, readDwcChecklist, toCsvRow, type MatchIndex } from '../../names/index.js';
import { conceptEntries } from '../../alignment/entries.js';
import { inputLines, NAME_FORMATS, StreamOut, type NameFormat } from './parse.js';
import { withDatabase, fail } from '../shared.js';

interface Opts { against?: string; checklist?: string; format: string; prefer?: string }
const TAXONOMIES = ['CITES', 'CMS'] as const;

export function register(program: Command): void {
  program.command('match')
    .description('Match names, one a line (stdin when no FILE), against the CITES/CMS taxonomies in the database or a Darwin Core checklist')
    .argument('[file]', 'text file of names, one a line (.gz accepted)')
    .option('--against <taxonomies>', 'cites, cms or cites,cms (the database\'s accepted names and synonyms)')
    .option('--checklist <file.csv>', 'a Darwin Core checklist CSV (taxonID, scientificName, taxonomicStatus, acceptedNameUsageID)')
    .option('--prefer <taxonomy>', 'CITES or CMS: preferred when a name is in both')
    .option('--format <fmt>', NAME_FORMATS.join(' | '), 'jsonl')
    .action(async (file: string | undefined, opts: Opts) => {
      if (!(NAME_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${NAME_FORMATS.join(', ')}; got '${opts.format}'`, 2);
      if (opts.against && opts.checklist) return fail('give --against or --checklist, not both', 2);
      if (file && file !== '-' && !fs.existsSync(file)) return fail(`${file}: no such readable file`, 2);
      const index = opts.checklist ? await checklistIndex(opts.checklist) : await databaseIndex(opts.against ?? 'cites,cms');
      if (typeof index === 'string') return fail(index, 2);
      // Only now: a line reader opened before the index is built would lose the lines read meanwhile.
      const lines = inputLines(file);
      if (typeof lines === 'string') return fail(lines, 2);
      const out = new StreamOut(process.stdout);
      const csv = (opts.format as NameFormat) === 'csv';
      if (csv) await out.line(csvHeader('match'));
      const prefer = opts.prefer?.toUpperCase();
      for await (const m of matchStream(index, lines, prefer ? { taxonomy: prefer } : {})) await out.line(csv ? toCsvRow(m) : JSON.stringify(m));
      await out.end();
    });
}

async function databaseIndex(against: string): Promise<MatchIndex | string> {
  const wanted = against.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const bad = wanted.filter((t) => !(TAXONOMIES as readonly string[]).includes(t));
  if (bad.length || !wanted.length) return `--against must list cites and/or cms; got '${against}'`;
  const entries = await withDatabase((db) => conceptEntries(db.db, { taxonomies: wanted as ('CITES' | 'CMS')[] }));
  if (!entries.length) return `the database has no ${wanted.join(' or ')} taxon concepts (run concord seed or concord import first)`;
  return buildMatchIndex(entries);
}

async function checklistIndex(file: string): Promise<MatchIndex | string> {
  if (!fs.existsSync(file)) return `${file}: no such checklist file`;
  const { entries, problems } = await readDwcChecklist(fs.readFileSync(file, 'utf8'), { taxonomy: 'checklist' });
  for (const p of problems.slice(0, 20)) process.stderr.write(`concord: ${file}:${p.line} [${p.field}] expected ${p.expected}${p.value !== undefined ? `, got '${p.value}'` : ''}\n`);
  if (problems.length > 20) process.stderr.write(`concord: ... ${problems.length - 20} more problems in ${file}\n`);
  if (!entries.length) return `${file}: no usable checklist rows (columns taxonID, scientificName, taxonomicStatus, acceptedNameUsageID expected)`;
  return buildMatchIndex(entries);
}
