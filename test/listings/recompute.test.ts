// The listing engine on the database: Species+ 2013 slices imported with the
// real importers, then taxon_listings recomputed in full and incrementally.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import type { Database } from '../../src/db/client.js';
import { importers } from '../../src/ingest/registry.js';
import { runImport } from '../../src/ingest/run.js';
import { loadAll } from '../../src/listings/repository.js';
import { recomputeAllListings, recomputeListings, today } from '../../src/listings/recompute.js';
import { statusOn } from '../../src/listings/status.js';
import { statusReport, StatusProblem } from '../../src/listings/report.js';

const legacy = (...p: string[]) => dataPath('sapi-legacy-2013', 'lib', 'files', ...p);

/** Rows of a CSV whose (rank, rec_id) is kept, written to a temp file (multi-line records kept whole). */
function sliceLegislation(file: string, keep: (r: Record<string, string>) => boolean): string {
  const records = parse(fs.readFileSync(file, 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
  const header = Object.keys(records[0]);
  const out = path.join(tempDir('concord-listings-'), path.basename(file));
  fs.writeFileSync(out, stringify(records.filter(keep), { header: true, columns: header }));
  return out;
}

// Taxa of the scenarios: Felidae (FAMILY 312) and all its species' rows, Loxodonta africana (12392),
// Crocodylus niloticus (5664), Panthera leo persica (SUBSPECIES 15952).
const FELIDAE_AND_FRIENDS = new Set(['FAMILY:312', 'SPECIES:12392', 'SPECIES:5664', 'SPECIES:15951', 'SUBSPECIES:15952', 'SPECIES:219']);

async function importFile(database: Database, format: string, file: string): Promise<void> {
  const imp = (await importers()).get(format);
  if (!imp) throw new Error(`no importer ${format}`);
  const s = await runImport(database, imp, file, { progress: false });
  if (s.status !== 'succeeded') throw new Error(`${format} ${file}: ${s.error}`);
}

const listingOf = async (database: Database, name: string, convention: string) => {
  const [row] = await database.query<{ listing: string | null; appendices: string[]; reasons: { kind: string; from?: { name: string }; party?: string }[]; computed_at: string }>(`
    select l.listing, l.appendices, l.reasons, l.computed_at::text from taxon_listings l join taxon_concepts c on c.id = l.taxon_concept_id
    where c.full_name = $1 and c.taxonomy_id = $2 and l.convention = $2`, [name, convention]);
  return row;
};
const idOf = async (database: Database, name: string, taxonomy: string) =>
  Number((await database.query<{ id: number }>(`select id from taxon_concepts where full_name = $1 and taxonomy_id = $2 and name_status = 'A'`, [name, taxonomy]))[0].id);

describeEachDatabase('listing engine on the database', (get) => {
  beforeAll(async () => {
    const database = get();
    await importFile(database, 'country-codes', dataPath('country-codes', 'country-codes.csv'));
    await importFile(database, 'sapi-taxa', legacy('animals', 'animalia_taxa_utf8.csv'));
    // Synonyms of the scenario species (and the genus synonyms their names hang on).
    await importFile(database, 'sapi-synonyms', sliceLegislation(legacy('animals', 'animalia_synonyms_utf8.csv'),
      (r) => r.Rank === 'Genus' || ['15951', '12392', '219', '5664'].includes(r.AcceptedRecID)));
    await importFile(database, 'sapi-languages', legacy('languages_utf8.csv'));
    await importFile(database, 'sapi-common-names', sliceLegislation(legacy('animals', 'animalia_common_names_utf8.csv'),
      (r) => r.RecId === '12392' && r.Rank === 'species'));
    await importFile(database, 'sapi-cites-legislation', sliceLegislation(legacy('animals', 'animalia_legislation_utf8.csv'),
      (r) => FELIDAE_AND_FRIENDS.has(`${r.rank_name.toUpperCase()}:${r.rec_id}`)));
    await importFile(database, 'sapi-cms-legislation', legacy('animals', 'CMS_legislation_utf8.csv'));
    await recomputeAllListings(database);
  });

  it('writes the current status of both conventions with reasons', async () => {
    const database = get();
    const lox = await listingOf(database, 'Loxodonta africana', 'CITES');
    expect(lox.listing).toBe('I/II');
    expect(lox.reasons.filter((r) => r.kind === 'population')).toHaveLength(2);
    expect(lox.reasons.filter((r) => r.kind === 'reservation').map((r) => r.party)).toEqual(['MW']);
    const wildcat = await listingOf(database, 'Felis silvestris', 'CITES');
    expect(wildcat.listing).toBe('II');
    expect(wildcat.reasons[0]).toMatchObject({ kind: 'inherited', from: { name: 'Felidae' } });
    expect((await listingOf(database, 'Felis catus', 'CITES')).listing).toBe('NC');
    expect((await listingOf(database, 'Felidae', 'CITES')).listing).toBe('I/II/NC');
    const cmsLox = await listingOf(database, 'Loxodonta africana', 'CMS');
    // The West African Elephants MOU is an instrument, not an appendix.
    expect(cmsLox.appendices).toEqual(['II']);
    const [mou] = await database.query<{ instrument: string; since: string }>(`select instrument, since::text from instrument_coverage i join taxon_concepts t on t.id = i.taxon_concept_id where t.full_name = 'Loxodonta africana' and t.taxonomy_id = 'CMS'`);
    expect(mou).toEqual({ instrument: 'WEST_AFRICAN_ELEPHANTS', since: '2005-01-01' });
  });

  it('a second full recompute finds every stored row unchanged and writes none', async () => {
    const again = await recomputeAllListings(get());
    expect(again.computed).toBeGreaterThan(10_000);
    expect(again.written).toBe(0);
  });

  it('recomputes only the affected subtree and ancestors after a change, matching a full recompute', async () => {
    const database = get();
    const felidae = await idOf(database, 'Felidae', 'CITES');
    const before = await listingOf(database, 'Loxodonta africana', 'CITES');
    await database.db.transaction(async (tx) => {
      // Felidae moved to Appendix I as a whole, today.
      await tx.execute(sql`insert into listing_changes (taxon_concept_id, convention, appendix, change_type, effective_at, is_current)
        values (${felidae}, 'CITES', 'I', 'ADDITION', ${today()}, true)`);
      const r = await recomputeListings(tx, { taxonConceptIds: [felidae] });
      expect(r.computed).toBeLessThan(200);
    });
    const wildcat = await listingOf(database, 'Felis silvestris', 'CITES');
    expect(wildcat.listing).toBe('I');
    expect(wildcat.reasons[0]).toMatchObject({ kind: 'inherited', from: { name: 'Felidae' } });
    expect((await listingOf(database, 'Carnivora', 'CITES')).listing).toContain('I');
    // Outside the subtree and its ancestors nothing was rewritten.
    expect((await listingOf(database, 'Loxodonta africana', 'CITES')).computed_at).toBe(before.computed_at);
    // Incremental == full.
    const loaded = await loadAll(database.db);
    const full = statusOn(loaded.changes, loaded.nodes, today());
    const stored = await database.query<{ id: number; convention: 'CITES' | 'CMS'; listing: string | null }>(
      'select taxon_concept_id as id, convention, listing from taxon_listings');
    const storedMap = new Map(stored.map((s) => [`${s.id}|${s.convention}`, s.listing]));
    const diffs: string[] = [];
    for (const [id, s] of full) {
      for (const c of ['CITES', 'CMS'] as const) {
        const want = s[c].listing;
        const got = storedMap.get(`${id}|${c}`) ?? null;
        if (want !== got) diffs.push(`${id} ${c}: full ${want}, stored ${got}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it('answers status on a date, by synonym or common name, and refuses unknown names and impossible dates', async () => {
    const database = get();
    const r1990 = await statusReport(database.db, 'Loxodonta africana', { on: '1990-06-01' });
    expect(r1990).toMatchObject({ query: 'Loxodonta africana', on: '1990-06-01', cites: { taxon: { name: 'Loxodonta africana', rank: 'SPECIES' }, listing: 'I' }, cms: { listing: 'II' } });
    expect((await statusReport(database.db, 'Loxodonta africana', { on: '1980-01-01' })).cites.listing).toBe('II');
    const cheetah = await statusReport(database.db, 'Acinonyx jubatus', { on: '2013-09-27' });
    expect(cheetah.cms).toMatchObject({ listing: 'I', taxon: { name: 'Acinonyx jubatus' } });
    expect(cheetah.cites.listing).toBe('I');
    // In the 2013 file Loxodonta cyclotis is a synonym of Loxodonta africana.
    const viaSynonym = await statusReport(database.db, 'Loxodonta cyclotis', { on: '2000-01-01' });
    expect(viaSynonym.cites).toMatchObject({ taxon: { name: 'Loxodonta africana', via: 'synonym', matched: 'Loxodonta cyclotis' }, listing: 'I/II' });
    const byCommonName = await statusReport(database.db, 'African Elephant');
    expect(byCommonName.cites.taxon).toMatchObject({ name: 'Loxodonta africana', via: 'common name' });
    expect(byCommonName.cites.listing).toBe('I/II');
    // Now: the stored status, with the Spanish and French annotations read back from the log.
    const now = await statusReport(database.db, 'Loxodonta africana');
    expect(now).toMatchObject({ current: true, on: today(), cites: { listing: 'I/II' } });
    const notes = now.cites.reasons.filter((r) => r.kind === 'annotation') as { changeId: number; es: string | null; fr: string | null }[];
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) {
      const [lc] = await database.query<{ annotation_es: string | null; annotation_fr: string | null }>('select annotation_es, annotation_fr from listing_changes where id = $1', [n.changeId]);
      expect([n.es, n.fr]).toEqual([lc.annotation_es, lc.annotation_fr]);
    }
    await expect(statusReport(database.db, 'Loxodonta africanus')).rejects.toThrow(/no such taxon: 'Loxodonta africanus'; nearest names: .*Loxodonta africana/);
    await expect(statusReport(database.db, 'Loxodonta africana', { on: '1970-01-01' })).rejects.toThrow(/before 1975-07-01/);
    await expect(statusReport(database.db, 'Loxodonta africana', { on: '2999-01-01' })).rejects.toThrow(/in the future/);
    await expect(statusReport(database.db, 'Loxodonta africana', { on: '2013-02-30' })).rejects.toBeInstanceOf(StatusProblem);
  });
});
