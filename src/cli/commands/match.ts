// `concord match [FILE]`: match names, scientific or common, one a line (stdin
// when no FILE), against the database's CITES and/or CMS taxonomies or a
// Darwin Core checklist CSV. The index is built once; names stream through it
// line by line, and against the database each batch of results gets the
// matched taxa's current listings in one query.
import fs from 'node:fs';
import { joinedFields } from '../../listings/current.js';
import type { Command } from 'commander';
import { buildMatchIndex, csvHeader, HIGHER_RANKS, matchStream, readDwcChecklist, toCsvRow, type MatchContext, type MatchIndex, type MatchResult } from '../../names/index.js';
import { loadIndexSource } from '../../api/services/matchIndex.js';
import { currentListings, type CurrentListing } from '../../db/repositories/listings.js';
import type { Database } from '../../db/client.js';
import { inputLines, NAME_FORMATS, StreamOut, type NameFormat } from './parse.js';
import { withDatabase, fail } from '../shared.js';

type Opts = { against?: string; checklist?: string; format: string; prefer?: string } & MatchContext;
const TAXONOMIES = ['CITES', 'CMS'] as const;
/** Results per listings lookup. */
const BATCH = 500;

export function register(program: Command): void {
  const cmd = program.command('match')
    .description('Match names, scientific or common, one a line (stdin when no FILE), against the CITES/CMS taxonomies in the database or a Darwin Core checklist')
    .argument('[file]', 'text file of names, one a line (.gz accepted)')
    .option('--against <taxonomies>', 'cites, cms or cites,cms (the database\'s accepted names, synonyms and common names)')
    .option('--checklist <file.csv>', 'a Darwin Core checklist CSV (taxonID, scientificName, taxonomicStatus, acceptedNameUsageID)')
    .option('--prefer <taxonomy>', 'CITES or CMS: preferred when a name is in both')
    .option('--format <fmt>', NAME_FORMATS.join(' | '), 'jsonl');
  for (const r of HIGHER_RANKS) cmd.option(`--${r} <name>`, `the ${r} the names belong to: a match in another ${r} is marked down and warned about`);
  cmd.action(async (file: string | undefined, opts: Opts) => {
    if (!(NAME_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${NAME_FORMATS.join(', ')}; got '${opts.format}'`, 2);
    if (opts.against && opts.checklist) return fail('give --against or --checklist, not both', 2);
    if (file && file !== '-' && !fs.existsSync(file)) return fail(`${file}: no such readable file`, 2);
    const context: MatchContext = {};
    for (const r of HIGHER_RANKS) if (opts[r]) context[r] = opts[r];
    const prefer = opts.prefer?.toUpperCase();
    const matchOpts = { ...(prefer ? { taxonomy: prefer } : {}), ...(Object.keys(context).length ? { context } : {}) };
    const csv = (opts.format as NameFormat) === 'csv';
    if (opts.checklist) {
      const index = await checklistIndex(opts.checklist);
      if (typeof index === 'string') return fail(index, 2);
      return writeMatches(index, file, csv, matchOpts);
    }
    const wanted = (opts.against ?? 'cites,cms').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    const bad = wanted.filter((t) => !(TAXONOMIES as readonly string[]).includes(t));
    if (bad.length || !wanted.length) return fail(`--against must list cites and/or cms; got '${opts.against}'`, 2);
    await withDatabase(async (database) => {
      const source = await loadIndexSource(database, wanted as ('CITES' | 'CMS')[]);
      if (!source.entries.length) return fail(`the database has no ${wanted.join(' or ')} taxon concepts (run concord seed or concord import first)`, 2);
      await writeMatches(buildMatchIndex(source.entries, source.vernaculars), file, csv, matchOpts, database);
    });
  });
}

/** Stream the matches of FILE's lines; with a database, each batch gets its listings. */
async function writeMatches(index: MatchIndex, file: string | undefined, csv: boolean, opts: Parameters<MatchIndex['match']>[1], database?: Database): Promise<void> {
  // Only now: a line reader opened before the index is built would lose the lines read meanwhile.
  const lines = inputLines(file);
  if (typeof lines === 'string') return fail(lines, 2);
  const out = new StreamOut(process.stdout);
  if (csv) await out.line(csvHeader('match'));
  let batch: MatchResult[] = [];
  const flush = async () => {
    const ids = batch.map((m) => Number(m.acceptedId)).filter((id) => Number.isInteger(id) && id > 0);
    const listings = database && ids.length ? await currentListings(database, ids) : new Map<number, CurrentListing>();
    for (const m of batch) {
      const listing = listings.get(Number(m.acceptedId));
      await out.line(csv ? toCsvRow(m, listing) : JSON.stringify({ ...m, ...(listing ?? joinedFields(null)) }));
    }
    batch = [];
  };
  for await (const m of matchStream(index, lines, opts)) {
    batch.push(m);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await out.end();
}

async function checklistIndex(file: string): Promise<MatchIndex | string> {
  if (!fs.existsSync(file)) return `${file}: no such checklist file`;
  const { entries, problems } = await readDwcChecklist(fs.readFileSync(file, 'utf8'), { taxonomy: 'checklist' });
  for (const p of problems.slice(0, 20)) process.stderr.write(`concord: ${file}:${p.line} [${p.field}] expected ${p.expected}${p.value !== undefined ? `, got '${p.value}'` : ''}\n`);
  if (problems.length > 20) process.stderr.write(`concord: ... ${problems.length - 20} more problems in ${file}\n`);
  if (!entries.length) return `${file}: no usable checklist rows (columns taxonID, scientificName, taxonomicStatus, acceptedNameUsageID expected)`;
  return buildMatchIndex(entries);
}
