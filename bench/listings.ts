// Listing engine benchmark: full recompute of both conventions, and one
// listing change recomputed incrementally (species, and a higher taxon).
//
//   npm run bench:listings
//
// The first run seeds a PGlite database with every importer that exists
// (CONCORD_BENCH_DIR, default <tmp>/concord-bench-listings; minutes), later
// runs reuse it. With DATABASE_URL the PostgreSQL database is used instead
// (seeded the same way when it has no listing changes). Prints figures.
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.js';
import { seed } from '../src/ingest/seed.js';
import { loadAll } from '../src/listings/repository.js';
import { recomputeAllListings, recomputeListings, today } from '../src/listings/recompute.js';
import { statusOn } from '../src/listings/status.js';

const dir = process.env.CONCORD_BENCH_DIR ?? path.join(os.tmpdir(), 'concord-bench-listings');
const seedDir = process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');

const ms = (n: number) => `${n.toFixed(1)} ms`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(s[Math.floor(s.length / 2)])}, p95 ${ms(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))])}, max ${ms(s[s.length - 1])} (n=${s.length})`;
};
const count = async (database: Database, q: string) => Number((await database.query<{ n: string }>(q))[0].n);

async function ensureSeeded(database: Database): Promise<void> {
  if (await count(database, 'select count(*) n from listing_changes') > 0) return;
  console.log(`seeding ${database.location} from ${seedDir} (first run only) ...`);
  const t = performance.now();
  await seed(database, seedDir, { log: (l) => console.log(`  ${l}`) });
  console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

/** One listing change on `id`, recomputed, then rolled back. */
async function oneChange(database: Database, id: number, convention: string): Promise<number> {
  let took = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into listing_changes (taxon_concept_id, convention, appendix, change_type, effective_at, is_current)
      values (${id}, ${convention}, 'I', 'ADDITION', ${today()}, true)`);
    const t = performance.now();
    await recomputeListings(tx, { taxonConceptIds: [id] });
    took = performance.now() - t;
    tx.rollback();
  }).catch((e: Error) => { if (!/rollback/i.test(e.message)) throw e; });
  return took;
}

async function main(): Promise<void> {
  const database = await openDatabase(process.env.DATABASE_URL ? {} : { dataDir: dir });
  try {
    await ensureSeeded(database);
    console.log(`database: ${database.kind} ${database.location}`);
    console.log(`taxon concepts ${await count(database, 'select count(*) n from taxon_concepts')}, listing changes ${await count(database, 'select count(*) n from listing_changes')} (CITES ${await count(database, "select count(*) n from listing_changes where convention = 'CITES'")}, CMS ${await count(database, "select count(*) n from listing_changes where convention = 'CMS'")})`);

    // The pure core alone, on everything.
    const loaded = await loadAll(database.db);
    const core: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      statusOn(loaded.changes, loaded.nodes, today());
      core.push(performance.now() - t);
    }
    console.log(`pure core, all ${loaded.nodes.length} concepts x 2 conventions: ${stats(core)}`);

    const full: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await recomputeAllListings(database);
      full.push(performance.now() - t);
      console.log(`  run ${i + 1}: load ${ms(r.phases.load)}, compute ${ms(r.phases.compute)}, write ${ms(r.phases.write)} (${r.written} rows changed)`);
    }
    const stored = await count(database, 'select count(*) n from taxon_listings');
    console.log(`full recompute of ${stored} taxon_listings rows (load + compute + compare + write changed rows, one transaction): ${stats(full)}   [target <= 5000 ms]`);

    const species = await database.query<{ id: number; convention: string }>(`
      select c.id, lc.convention from taxon_concepts c join listing_changes lc on lc.taxon_concept_id = c.id
      where c.rank = 'SPECIES' group by c.id, lc.convention order by md5(c.id::text || lc.convention) limit 40`);
    const one: number[] = [];
    for (const s of species) one.push(await oneChange(database, Number(s.id), s.convention));
    console.log(`one listing change on a species (subtree + ancestors, then written): ${stats(one)}   [target <= 100 ms]`);

    const higher = await database.query<{ id: number; convention: string; full_name: string; n: string }>(`
      select c.id, c.full_name, 'CITES' as convention, (select count(*) from taxon_concepts k where k.parent_id = c.id) n
      from taxon_concepts c where c.full_name in ('Felidae', 'Psittaciformes', 'Orchidaceae', 'Cetacea') and c.taxonomy_id = 'CITES' and c.deleted_at is null`);
    for (const h of higher) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push(await oneChange(database, Number(h.id), h.convention));
      console.log(`one listing change on ${h.full_name} (${h.n} children): ${stats(runs)}`);
    }
  } finally {
    await database.close();
  }
}

await main();
