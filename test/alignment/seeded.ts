// A small knowledge base built by the real importers: countries, the whole
// Species+ 2013 animal taxonomy (both conventions) with synonyms and CMS
// listings, and the 2017 Checklist rows of a few genera (the CITES names and
// listings the named alignment cases need).
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../../src/db/client.js';
import { readCsv } from '../../src/ingest/csv.js';
import { importerFor } from '../../src/ingest/registry.js';
import { runImport } from '../../src/ingest/run.js';
import { checklist2017, dataPath, tempDir } from '../support/data.js';

export const GENERA = ['Phoenicoparrus', 'Phoenicopterus', 'Brotogeris', 'Tursiops', 'Loxodonta', 'Kogia', 'Chelonia', 'Acipenser', 'Gorilla', 'Ardea', 'Panthera'];

/** The Checklist rows of these genera, written as a CSV file (records span lines, so via the CSV parser). */
export async function checklistSlice(genera = GENERA): Promise<string> {
  let header: string[] | null = null;
  const out: string[][] = [];
  for await (const { values } of readCsv(checklist2017)) {
    header ??= Object.keys(values);
    if (values.Kingdom === 'Animalia' && genera.includes(values.Genus)) out.push(header.map((h) => values[h]));
  }
  const file = path.join(tempDir(), 'Index_of_CITES_Species_2017-04-21 slice.csv');
  fs.writeFileSync(file, stringify([header!, ...out]));
  return file;
}

const legacy = (f: string) => dataPath('sapi-legacy-2013', 'lib', 'files', f);

export async function seedForAlignment(database: Database): Promise<void> {
  const steps: [string, string][] = [
    ['country-codes', dataPath('country-codes', 'country-codes.csv')],
    ['sapi-taxa', legacy('animals/animalia_taxa_utf8.csv')],
    ['sapi-synonyms', legacy('animals/animalia_synonyms_utf8.csv')],
    ['sapi-cms-legislation', legacy('animals/CMS_legislation_utf8.csv')],
    ['checklist-csv', await checklistSlice()],
  ];
  for (const [format, file] of steps) {
    const s = await runImport(database, await importerFor(format), file, { progress: false });
    if (s.status !== 'succeeded') throw new Error(`${format} ${file}: ${s.error}`);
  }
}
