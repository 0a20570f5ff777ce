// A Species+ record marked removed (active: false) and then a Checklist that
// still names it: the import runs (no raw SQL error); an older file leaves
// the removal standing, a newer one brings the concept back.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { dataPath, tempDir } from '../support/data.js';
import { checklistRecords, writeChecklist } from './checklist-fixtures.js';

/** The recorded Loxodonta africana page (recorded 2022-11-27), with the record marked removed. */
function removedCassette(): string {
  const doc = JSON.parse(fs.readFileSync(dataPath('rcites-fixtures', 'spp_taxonconcept_def.json'), 'utf8'));
  for (const it of doc.http_interactions) {
    const body = JSON.parse(it.response.body.string);
    body.taxon_concepts = body.taxon_concepts.map((t: Record<string, unknown>) => ({ ...t, active: false }));
    it.response.body.string = JSON.stringify(body);
  }
  const file = path.join(tempDir('concord-removed-'), 'spp_removed.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

describeEachDatabase('a removed Species+ record and a later Checklist import', (get) => {
  it('re-imports without error; the older Checklist leaves it removed, a newer one restores it', async () => {
    const run = async (format: string, file: string) => {
      const s = await runImport(get(), await importerFor(format), file, { progress: false });
      expect(s.status, `${format} ${s.error ?? ''}`).toBe('succeeded');
      return s;
    };
    await run('country-codes', dataPath('country-codes', 'country-codes.csv'));
    const { header, records } = await checklistRecords((r) => r.Genus === 'Loxodonta' || (r.Family === 'Elephantidae' && !r.Genus));
    const slice2017 = writeChecklist('Index_of_CITES_Species_2017-04-21 17-27.csv', header, records);
    await run('checklist-csv', slice2017);
    const removal = await run('speciesplus-api', removedCassette());
    expect(removal.updated).toBeGreaterThan(0);
    const state = async () => (await get().query<{ deleted: boolean }>(`select deleted_at is not null as deleted from taxon_concepts where taxonomy_id = 'CITES' and speciesplus_id = 4521`))[0];
    expect(await state()).toEqual({ deleted: true });
    // The 2017 file is older than the 2022 removal: it runs, and says why it left the concept out.
    const again = await run('checklist-csv', slice2017);
    expect(again.notes.join('\n')).toMatch(/Loxodonta africana \(Species\+ 4521\) was removed by a newer source/);
    expect(await state()).toEqual({ deleted: true });
    // A newer Checklist that names it again brings it back (the same concept, no duplicate).
    const newer = writeChecklist('Index_of_CITES_Species_2024-05-01.csv', header, records);
    await run('checklist-csv', newer);
    expect(await state()).toEqual({ deleted: false });
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CITES' and full_name = 'Loxodonta africana'`);
    expect(Number(n)).toBe(1);
  });
});
