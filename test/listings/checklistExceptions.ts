// The 2017 Checklist taxa whose CurrentListing the engine does not reproduce
// from the export's own annotations, with the reason. Read by the tests;
// `npx tsx test/listings/checklistExceptions.ts` rewrites the file from the
// engine's current output for review (reasons of known rows are kept).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const exceptionsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checklist-2017-exceptions.tsv');

export interface ChecklistException { taxonId: number; name: string; rank: string; expected: string; computed: string; reason: string }

export function readExceptions(file = exceptionsFile): Map<number, ChecklistException> {
  const out = new Map<number, ChecklistException>();
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  for (const line of lines.slice(1)) {
    const [taxonId, name, rank, expected, computed, reason] = line.split('\t');
    out.set(Number(taxonId), { taxonId: Number(taxonId), name, rank, expected, computed, reason });
  }
  return out;
}

/** Default reasons by pattern (expected <- computed, rank), for new rows. */
function defaultReason(e: Omit<ChecklistException, 'reason'>): string {
  if (e.expected === '' && e.rank !== 'SPECIES') return 'higher taxon without species in the export: the Checklist leaves CurrentListing empty; the engine keeps its own listing';
  if (e.expected === '' && e.computed === 'NC') return 'outside its genus\'s population-limited listing; the export gives no annotation, so the engine reads "named but not listed" (NC) where the Checklist leaves it empty';
  if (e.expected.endsWith('/NC') && e.expected.replace('/NC', '') === e.computed) return 'the Checklist counts an unlisted part (population or infraspecific taxon) that the export does not show';
  if (e.computed.endsWith('/NC') && e.computed.replace('/NC', '') === e.expected) return 'the engine counts an unlisted part (a taxon named but not listed, or a population-only listing) that the Checklist summary leaves out';
  return 'the Checklist summary depends on taxa or listings absent from the export';
}

async function regenerate(): Promise<void> {
  const { loadChecklist } = await import('./checklist.js');
  const { statusOn } = await import('../../src/listings/index.js');
  const known = fs.existsSync(exceptionsFile) ? readExceptions() : new Map<number, ChecklistException>();
  const data = loadChecklist();
  const status = statusOn(data.changes, data.tree, '2017-04-21', { conventions: ['CITES'] });
  const lines = ['# 2017 Checklist rows whose CurrentListing the engine does not reproduce from the annotations (see test/listings/checklist.test.ts)',
    'TaxonId\tFullName\tRankName\tCurrentListing\tcomputed\treason'];
  for (const r of data.rows) {
    const computed = status.get(r.nodeId)!.CITES.listing ?? '';
    if (computed === r.currentListing) continue;
    const e = { taxonId: r.taxonId, name: r.name, rank: r.rank, expected: r.currentListing, computed };
    const reason = known.get(r.taxonId)?.reason ?? defaultReason(e);
    lines.push([r.taxonId, r.name, r.rank, r.currentListing, computed, reason].join('\t'));
  }
  fs.writeFileSync(exceptionsFile, lines.join('\n') + '\n');
  process.stdout.write(`${lines.length - 2} exceptions written to ${exceptionsFile}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await regenerate();
