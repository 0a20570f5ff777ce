// 2025 CMS listings of Arctic species on top of the 2013 CMS data.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { runSapiSeed, sliceSeed } from './sapi-support.js';

const SOURCE = dataPath('arctic-tracker-cms', 'cms_arctic_species_data.json');

describeEachDatabase('arctic-cms importer', (get) => {
  // Phocoena phocoena and Balaena mysticetus as 2013 CMS taxa; Ursus maritimus was CITES-only in 2013.
  const seedDir = sliceSeed(['SPECIES:17027', 'SPECIES:2467', 'SPECIES:22823'], []);

  const cms = (name: string) => get().query<{ appendix: string; effective_at: string; is_current: boolean; source_file: string }>(
    `select lc.appendix, to_char(lc.effective_at, 'YYYY-MM-DD') effective_at, lc.is_current, lc.source_file from listing_changes lc
       join taxon_concepts tc on tc.id = lc.taxon_concept_id where tc.taxonomy_id = 'CMS' and tc.full_name = $1 and lc.appendix in ('I', 'II')
      order by effective_at, appendix`, [name]);

  it('adds the 2025 listings: Phocoena phocoena App I (2024), Ursus maritimus App II (2015) as a new CMS concept', async () => {
    await runSapiSeed(get(), seedDir, { maxOrder: 59 });
    const r = await runImport(get(), await importerFor('arctic-cms'), SOURCE, { progress: false });
    expect(r).toMatchObject({ status: 'succeeded', rejected: 0 });
    const porpoise = await cms('Phocoena phocoena');
    expect(porpoise).toContainEqual({ appendix: 'I', effective_at: '2024-05-16', is_current: true, source_file: 'cms_arctic_species_data.json' });
    // The three 2013 App II rows (1989, 1991, 2009) are the same facts: kept, still current, not written twice.
    expect(porpoise.filter((c) => c.appendix === 'II')).toHaveLength(3);
    expect(porpoise.filter((c) => c.appendix === 'II').every((c) => c.is_current && c.source_file === 'CMS_legislation_utf8.csv')).toBe(true);
    expect(await cms('Ursus maritimus')).toEqual([{ appendix: 'II', effective_at: '2015-02-08', is_current: true, source_file: 'cms_arctic_species_data.json' }]);
    const [bear] = await get().query<{ author_year: string; family_name: string }>(`select author_year, family_name from taxon_concepts where taxonomy_id = 'CMS' and full_name = 'Ursus maritimus'`);
    expect(bear.author_year).toBe('Phipps, 1774');
    const [{ n }] = await get().query<{ n: string }>(
      `select count(*) n from distributions d join taxon_concepts tc on tc.id = d.taxon_concept_id where tc.taxonomy_id = 'CMS' and tc.full_name = 'Ursus maritimus'`);
    expect(Number(n)).toBe(6); // all_distribution_codes of Ursus maritimus
    const again = await runImport(get(), await importerFor('arctic-cms'), SOURCE, { progress: false });
    expect(again).toMatchObject({ accepted: 0, updated: 0 });
  });

  it('a newer listing supersedes the older current row (constructed: Balaena mysticetus moved to II)', async () => {
    const doc = JSON.parse(fs.readFileSync(SOURCE, 'utf8')) as { species_data: { species_name: string; date_listed: string }[] };
    const whale = doc.species_data.find((s) => s.species_name === 'Balaena mysticetus')!;
    expect(whale.date_listed).toBe('**I** 01/01/1979');
    whale.date_listed = '**II** 01/01/2026';
    const file = path.join(tempDir(), 'cms_arctic_species_data.json');
    fs.writeFileSync(file, JSON.stringify({ species_data: [whale] }, null, 2));
    await runImport(get(), await importerFor('arctic-cms'), file, { progress: false });
    expect(await cms('Balaena mysticetus')).toEqual([
      { appendix: 'I', effective_at: '1979-01-01', is_current: false, source_file: 'CMS_legislation_utf8.csv' },
      { appendix: 'II', effective_at: '2026-01-01', is_current: true, source_file: 'cms_arctic_species_data.json' },
    ]);
    const again = await runSapiSeed(get(), seedDir, { maxOrder: 59, formats: (f) => f === 'sapi-cms-legislation' });
    expect(again[0]).toMatchObject({ accepted: 0, updated: 0 }); // the 2013 re-import keeps the supersession
  });
});
