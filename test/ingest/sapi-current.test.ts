// Current Species+ deltas on top of a 2013 slice: reservations (with the
// withdrawals the 2013 history lacks), and Species+-id-keyed CMS rows that
// resolve only once a concept carries the id.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { headerOf, readRecords, runSapiSeed, sliceSeed, writeRecords } from './sapi-support.js';

const RESERVATIONS = dataPath('sapi-current', 'lib', 'data', 'reservations.csv');
const DISTRIBUTIONS = dataPath('sapi-current', 'lib', 'files', 'imports', '2026-03-18', 'new_distributions.csv');

describeEachDatabase('sapi-current importers', (get) => {
  // Loxodonta africana and Acinonyx jubatus (2013 records) and their higher taxa.
  const seedDir = sliceSeed(['SPECIES:12392', 'SPECIES:219'], []);
  const dir = tempDir();
  const rows = readRecords(RESERVATIONS).filter((r) => ['Loxodonta africana', 'Acinonyx jubatus'].includes(r.taxon_name.trim()));
  const reservations = writeRecords(dir, 'reservations.csv', rows, headerOf(RESERVATIONS));

  it('adds the reservations and withdrawals the 2013 history lacks, without duplicating the others', async () => {
    await runSapiSeed(get(), seedDir, { maxOrder: 59 });
    expect(rows.length).toBe(9); // lines 54-61 and 184 of reservations.csv
    const r = await runImport(get(), await importerFor('sapi-current-reservations'), reservations, { progress: false });
    expect(r.rejects).toEqual([]);
    expect(r).toMatchObject({ status: 'succeeded', rejected: 0 });
    expect(r.accepted + r.unchanged).toBe(rows.length);
    const mw = await get().query<{ change_type: string; effective_at: string; is_current: boolean; appendix: string }>(
      `select change_type, to_char(effective_at, 'YYYY-MM-DD') effective_at, is_current, appendix from listing_changes lc join taxon_concepts tc on tc.id = lc.taxon_concept_id
        where tc.taxonomy_id = 'CITES' and tc.full_name = 'Loxodonta africana' and lc.party_iso2 = 'MW' order by effective_at`);
    // 2013: Malawi's reservation of 18/01/1990 still current; now: withdrawn 26/01/2021 (reservations.csv line 57).
    expect(mw).toEqual([
      { change_type: 'RESERVATION', effective_at: '1990-01-18', is_current: false, appendix: 'I' },
      { change_type: 'RESERVATION_WITHDRAWAL', effective_at: '2021-01-26', is_current: false, appendix: 'I' },
    ]);
    const [{ n }] = await get().query<{ n: string }>(
      `select count(*) n from listing_changes lc join taxon_concepts tc on tc.id = lc.taxon_concept_id
        where tc.full_name = 'Loxodonta africana' and lc.party_iso2 = 'ZW' and lc.change_type like 'RESERVATION%'`);
    expect(Number(n)).toBe(2); // the 2013 reservation and withdrawal, not written again
    const again = await runImport(get(), await importerFor('sapi-current-reservations'), reservations, { progress: false });
    expect(again).toMatchObject({ accepted: 0, updated: 0 });
    const seedAgain = await runSapiSeed(get(), seedDir, { maxOrder: 59, formats: (f) => f === 'sapi-cites-legislation' });
    expect(seedAgain.every((s) => s.accepted + s.updated === 0)).toBe(true); // the 2013 re-import keeps the closure
  });

  it('rejects CMS rows whose Species+ id no concept has, and resolves them once one has it', async () => {
    const lines = readRecords(DISTRIBUTIONS).filter((r) => r.taxon_concept_id === '54435').slice(0, 3);
    const file = writeRecords(dir, 'new_distributions.csv', lines, headerOf(DISTRIBUTIONS));
    const imp = await importerFor('sapi-current-distributions');
    const before = await runImport(get(), imp, file, { progress: false });
    expect(before.rejects[0]).toMatchObject({ file: 'new_distributions.csv', line: 2, field: 'taxon_concept_id' });
    expect(before.rejects[0].reason).toMatch(/Species\+ id 54435 in the CMS taxonomy/);
    // As if the Species+ API import had given the CMS cheetah this id (any CMS concept will do for the mechanism).
    await get().query(`update taxon_concepts set speciesplus_id = 54435 where taxonomy_id = 'CMS' and full_name = 'Acinonyx jubatus'`);
    const after = await runImport(get(), imp, file, { progress: false });
    expect(after).toMatchObject({ rejected: 0, accepted: lines.length });
  });
});
