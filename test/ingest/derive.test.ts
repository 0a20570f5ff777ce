// An import recomputes, in its own transaction, the listings of the taxa it
// touched: no separate job is needed for the status to be current.
import { expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath } from '../support/data.js';
import { checklistRecords, writeChecklist } from './checklist-fixtures.js';

describeEachDatabase('derived data after an import', (get) => {
  it('a Checklist import leaves current listings in taxon_listings (Loxodonta africana I/II, split by population)', async () => {
    await runImport(get(), await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
    const { header, records } = await checklistRecords((r) => r.Genus === 'Loxodonta');
    const summary = await runImport(get(), await importerFor('checklist-csv'), writeChecklist('loxodonta.csv', header, records), { progress: false });
    expect(summary.status).toBe('succeeded');
    expect(summary.notes.join('\n')).toMatch(/listings recomputed for \d+ taxon concepts/);
    const rows = await get().query<{ full_name: string; listing: string }>(
      `select t.full_name, l.listing from taxon_listings l join taxon_concepts t on t.id = l.taxon_concept_id
        where l.convention = 'CITES' and t.full_name = 'Loxodonta africana' order by 1`);
    // The 2017 Checklist: Loxodonta africana CurrentListing I/II (split by population).
    expect(rows).toEqual([{ full_name: 'Loxodonta africana', listing: 'I/II' }]);
  });
});
