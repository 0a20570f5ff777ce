// The Checklist importer's listing changes, recomputed by the engine on the
// database, give back the 2017 CurrentListing (kept by the importer in
// taxon_concepts.data.currentListing) for whole orders of the export.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { checklist2017, dataPath, tempDir } from '../support/data.js';
import { importers } from '../../src/ingest/registry.js';
import { runImport } from '../../src/ingest/run.js';
import { recomputeAllListings } from '../../src/listings/recompute.js';
import type { Database } from '../../src/db/client.js';
import { readExceptions } from './checklistExceptions.js';

// Whole orders (their summaries fold up from every family) and one fern family.
const ORDERS = new Set(['Carnivora', 'Proboscidea', 'Crocodylia', 'Falconiformes', 'Primates']);
const FAMILIES = new Set(['Dicksoniaceae']);

let slice: string | undefined;
function checklistSlice(): string {
  if (slice) return slice;
  const records = parse(zlib.gunzipSync(fs.readFileSync(checklist2017)).toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const kept = records.filter((r) => ORDERS.has(r.Order) || FAMILIES.has(r.Family));
  slice = path.join(tempDir('concord-checklist-'), 'Index_of_CITES_Species_2017-04-21 slice.csv');
  fs.writeFileSync(slice, stringify(kept, { header: true, columns: Object.keys(records[0]) }));
  return slice;
}

async function importFile(database: Database, format: string, file: string): Promise<void> {
  const imp = (await importers()).get(format)!;
  const s = await runImport(database, imp, file, { progress: false });
  if (s.status !== 'succeeded') throw new Error(`${format}: ${s.error}`);
}

/**
 * Where the importer's reading of a row differs from the one in checklist.ts
 * (which the exceptions file is about), with the reason.
 */
const DB_ONLY: Record<string, string> = {
  Vultur: 'genus named without an appendix segment but with a listed species: the importer keeps no event for it, so nothing says the genus itself is not listed (I, not I/NC)',
  Cathartidae: 'summary over Vultur (above)',
  'Aonyx capensis microdon': 'the importer reads "Populations of CM, NG." as the only populations listed, so the rest of the subspecies counts as NC',
  'Aonyx capensis': 'summary over Aonyx capensis microdon (above)',
  Aonyx: 'summary over Aonyx capensis (above)',
};

describeEachDatabase('2017 Checklist CurrentListing from the imported listing changes', (get) => {
  beforeAll(async () => {
    await importFile(get(), 'country-codes', dataPath('country-codes', 'country-codes.csv'));
    await importFile(get(), 'checklist-csv', checklistSlice());
    await recomputeAllListings(get());
  });

  it('matches for every imported taxon but the listed exceptions', async () => {
    const rows = await get().query<{ speciesplus_id: number; full_name: string; expected: string; listing: string | null }>(`
      select c.speciesplus_id, c.full_name, c.data->>'currentListing' as expected, l.listing
      from taxon_concepts c left join taxon_listings l on l.taxon_concept_id = c.id and l.convention = 'CITES'
      where c.taxonomy_id = 'CITES' and c.data ? 'currentListing'`);
    const exceptions = readExceptions();
    const wrong = rows.filter((r) => !exceptions.has(Number(r.speciesplus_id)) && !DB_ONLY[r.full_name] && (r.listing ?? '') !== r.expected)
      .map((r) => `${r.full_name}: CurrentListing '${r.expected}', computed '${r.listing ?? ''}'`);
    expect(rows.length).toBeGreaterThan(900);
    expect(wrong).toEqual([]);
    const felidae = rows.find((r) => r.full_name === 'Felidae')!;
    expect(felidae.listing).toBe('I/II/NC');
    expect(rows.find((r) => r.full_name === 'Felis catus')!.listing).toBe('NC');
    expect(rows.find((r) => r.full_name === 'Loxodonta africana')!.listing).toBe('I/II');
  });
});
