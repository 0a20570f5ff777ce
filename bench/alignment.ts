/**
 * Alignment benchmark (tsx bench/alignment.ts). Prints figures, never fails.
 *  - the pure core: CMS 2013 taxonomy x CITES 2017 Checklist (+ 2013 CITES
 *    records), read from the data files; targets: full automatic alignment <= 10 s;
 *  - in the database: realignAll (load both taxonomies, align, diff, write),
 *    a second realignAll (nothing to write), realign of one concept;
 *  - jointList (CMS I x any CITES), jointMatrix and alignmentReport; target
 *    joint list query <= 200 ms (median of BENCH_ROUNDS runs).
 * Database: DATABASE_URL, else CONCORD_DATA_DIR (PGlite); when it holds no
 * CMS taxonomy, a temporary PGlite is seeded from the data files first
 * (countries, 2013 taxa, synonyms, CITES and CMS listings, 2017 Checklist).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { alignTaxonomies } from '../src/alignment/align.js';
import { realign, realignAll } from '../src/alignment/store.js';
import { alignmentReport, jointList, jointMatrix } from '../src/alignment/repository.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { importerFor } from '../src/ingest/registry.js';
import { runImport } from '../src/ingest/run.js';
import { checklistRows, citesConcepts, cmsConcepts, legacyTaxa } from '../test/alignment/sources.js';
import { checklist2017, dataPath } from '../test/support/data.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ms = (t: number) => `${t.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function openBenchDatabase(): Promise<{ database: Database; temp: string | null }> {
  if (process.env.DATABASE_URL || process.env.CONCORD_DATA_DIR) {
    const database = await openDatabase();
    const [{ n }] = await database.query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS'`);
    if (Number(n) > 0) return { database, temp: null };
    await database.close();
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-alignment-'));
  const database = await openDatabase({ url: '', dataDir: temp });
  const legacy = (f: string) => dataPath('sapi-legacy-2013', 'lib', 'files', f);
  for (const [format, file] of [
    ['country-codes', dataPath('country-codes', 'country-codes.csv')],
    ['sapi-taxa', legacy('animals/animalia_taxa_utf8.csv')],
    ['sapi-synonyms', legacy('animals/animalia_synonyms_utf8.csv')],
    ['sapi-cites-legislation', legacy('animals/animalia_legislation_utf8.csv')],
    ['sapi-cms-legislation', legacy('animals/CMS_legislation_utf8.csv')],
    ['checklist-csv', checklist2017],
  ]) {
    const [s, t] = await time(async () => runImport(database, await importerFor(format), file, { progress: false }));
    console.log(`  seeded ${format}: ${s.status}, ${s.accepted} rows in ${ms(t)}`);
  }
  return { database, temp };
}

console.log(`alignment benchmark — node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);

// Pure core, from the files.
const taxa = await legacyTaxa();
const cms = await cmsConcepts(taxa);
const cites = await citesConcepts(await checklistRows(), taxa);
const coreTimes: number[] = [];
let links = alignTaxonomies(cms, cites);
for (let i = 0; i < Math.min(ROUNDS, 3); i++) { const [l, t] = await time(() => alignTaxonomies(cms, cites)); links = l; coreTimes.push(t); }
console.log(`pure core: ${cms.length} CMS x ${cites.length} CITES concepts -> ${links.length} links; best ${ms(Math.min(...coreTimes))}, median ${ms(median(coreTimes))} (target <= 10 s for the full alignment)`);

// In the database.
const { database, temp } = await openBenchDatabase();
console.log(`database: ${database.kind} at ${database.location}`);
const [first, tFirst] = await time(() => realignAll(database));
console.log(`realignAll (full automatic alignment, load + align + write): ${ms(tFirst)} — ${JSON.stringify(first)}`);
const [second, tSecond] = await time(() => realignAll(database));
console.log(`realignAll again (nothing changes): ${ms(tSecond)} — ${JSON.stringify(second)}`);
const [{ id }] = await database.query<{ id: number }>(`select id from taxon_concepts where taxonomy_id = 'CMS' and full_name = 'Phoenicopterus andinus'`);
const [, tOne] = await time(() => database.db.transaction((tx) => realign(tx, { cmsIds: [Number(id)] })));
console.log(`realign one CMS concept in a transaction: ${ms(tOne)}`);

const jl: number[] = [];
let rows = 0;
for (let i = 0; i < ROUNDS; i++) { const [r, t] = await time(() => jointList(database, {})); rows = r.length; jl.push(t); }
console.log(`jointList (CMS I x any CITES, ${rows} rows): median ${ms(median(jl))}, best ${ms(Math.min(...jl))} over ${ROUNDS} runs (target <= 200 ms)`);
const jc: number[] = [];
for (let i = 0; i < ROUNDS; i++) { const [r, t] = await time(() => jointList(database, { cms: 'any', cites: 'any', country: 'BR' })); rows = r.length; jc.push(t); }
console.log(`jointList (any x any, range State BR, ${rows} rows): median ${ms(median(jc))}`);
const [, tm] = await time(() => jointMatrix(database));
console.log(`jointMatrix: ${ms(tm)}`);
const [rep, tr] = await time(() => alignmentReport(database, { all: true }));
console.log(`alignmentReport --all (${rep.length} rows): ${ms(tr)}`);
await database.close();
if (temp) fs.rmSync(temp, { recursive: true, force: true });
