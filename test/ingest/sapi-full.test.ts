// One full run of the Species+ 2013 seed (PGlite): every record of every file
// is accepted, unchanged (a repeat) or rejected with a reason, and the
// database counts reconcile with the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { dataPath, seedDir } from '../support/data.js';
import type { ImportSummary } from '../../src/ingest/run.js';
import { LEGACY, readRecords, runSapiSeed } from './sapi-support.js';

const up = (s: string) => s.trim().toUpperCase();

describe('Species+ 2013 seed, full files [pglite]', () => {
  let t: TestDatabase;
  let results: ImportSummary[];
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    results = await runSapiSeed(t.database, seedDir, { maxOrder: 59 });
  }, 300_000);
  afterAll(async () => { await t?.drop(); });
  const run = (file: string) => results.find((r) => r.file === file)!;
  const count = async (sql: string) => Number((await t.database.query<{ n: string }>(sql))[0].n);

  it('accounts for every record of every file', () => {
    for (const r of results) expect(r.status, `${r.file}: ${r.error}`).toBe('succeeded');
    for (const [kingdom, file] of [['animals', 'animalia_taxa_utf8.csv'], ['plants', 'plantae_taxa_utf8.csv'], ['animals', 'animalia_legislation_utf8.csv'], ['plants', 'plantae_legislation_utf8.csv'], ['animals', 'CMS_legislation_utf8.csv']]) {
      const r = run(file);
      expect(r.accepted + r.unchanged + r.rejected, file).toBe(readRecords(dataPath(LEGACY, kingdom, file)).length);
      for (const x of r.rejects) expect(x.reason.length, `${file}:${x.line}`).toBeGreaterThan(5);
    }
  });

  it('creates one concept per taxonomy a Designation names', async () => {
    const taxa = readRecords(dataPath(LEGACY, 'animals', 'animalia_taxa_utf8.csv'));
    expect(await count(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS' and legacy_id not like '%:SYN:%'`)).toBe(taxa.filter((r) => r.Designation.includes('CMS')).length);
    expect(await count(`select count(*) n from taxon_concepts where taxonomy_id = 'CITES' and legacy_id like 'A:%' and legacy_id not like 'A:SYN:%'`))
      .toBe(taxa.filter((r) => r.Designation.includes('CITES')).length);
    expect(await count(`select count(*) n from taxon_concepts where legacy_id like 'P:%' and legacy_id not like 'P:SYN:%'`)).toBe(run('plantae_taxa_utf8.csv').accepted);
  });

  it('current CMS Appendix I/II taxa match the file (SOURCE.txt: 337 keys)', async () => {
    const taxa = new Set(readRecords(dataPath(LEGACY, 'animals', 'animalia_taxa_utf8.csv')).filter((r) => r.Designation.includes('CMS')).map((r) => `${up(r.Rank)}:${r.RecID}`));
    const keys = new Set(readRecords(dataPath(LEGACY, 'animals', 'CMS_legislation_utf8.csv'))
      .filter((r) => ['I', 'II'].includes(r.listing.trim()) && r.is_current === '1').map((r) => `${up(r.rank)}:${r.rec_id}`).filter((k) => taxa.has(k)));
    expect(await count(`select count(distinct taxon_concept_id) n from listing_changes where convention = 'CMS' and appendix in ('I','II') and is_current`)).toBe(keys.size);
    expect(await count(`select count(*) n from listing_changes where convention = 'CITES'`))
      .toBe(run('animalia_legislation_utf8.csv').accepted + run('plantae_legislation_utf8.csv').accepted);
  });

  it('re-importing the taxa and listing files writes nothing (the whole seed: sapi.test.ts on slices)', async () => {
    const again = await runSapiSeed(t.database, seedDir, { maxOrder: 59, formats: (f) => ['sapi-taxa', 'sapi-cites-legislation', 'sapi-cms-legislation'].includes(f) });
    expect(again).toHaveLength(5);
    for (const r of again) expect({ file: r.file, written: r.accepted + r.updated }).toEqual({ file: r.file, written: 0 });
  }, 300_000);
});
