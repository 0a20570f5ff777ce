// The IUCN Red List importer on the real parrot download, against CITES names
// (2017 Checklist, parrot rows) and CMS names (Species+ 2013 taxonomy).
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { readCsv } from '../../src/ingest/csv.js';
import { importerFor } from '../../src/ingest/registry.js';
import { runImport } from '../../src/ingest/run.js';
import { describeEachDatabase } from '../support/databases.js';
import { checklist2017, dataPath, tempDir } from '../support/data.js';

const assessmentsFile = dataPath('iucn-redlist-parrots', 'assessments.csv');
const taxonomyFile = dataPath('iucn-redlist-parrots', 'taxonomy.csv');

async function records(file: string, keep: (v: Record<string, string>) => boolean = () => true) {
  const out: Record<string, string>[] = [];
  for await (const { values } of readCsv(file)) if (keep(values)) out.push(values);
  return out;
}

function writeCsv(dir: string, name: string, rows: Record<string, string>[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, stringify(rows, { header: true, columns: Object.keys(rows[0]) }));
  return file;
}

let assessments: Record<string, string>[];
let parrotNames: Set<string>;
let checklistSlice: string;

beforeAll(async () => {
  assessments = await records(assessmentsFile);
  const parrots = await records(checklist2017, (v) => v.Order === 'Psittaciformes');
  parrotNames = new Set(parrots.map((p) => p.FullName));
  checklistSlice = writeCsv(tempDir(), 'Index_of_CITES_Species_2017-04-21 parrots.csv', parrots);
}, 60_000);

describeEachDatabase('iucn-redlist importer', (get) => {
  beforeAll(async () => {
    for (const [format, file] of [
      ['sapi-taxa', dataPath('sapi-legacy-2013', 'lib', 'files', 'animals', 'animalia_taxa_utf8.csv')],
      ['checklist-csv', checklistSlice],
    ]) {
      const s = await runImport(get(), await importerFor(format), file, { progress: false });
      expect(s.status, `${format}: ${s.error}`).toBe('succeeded');
    }
  }, 180_000);

  it('links assessments to concepts of both taxonomies by name, keeping category, criteria, year, trend and how the name matched', async () => {
    const s = await runImport(get(), await importerFor('iucn-redlist'), assessmentsFile, { progress: false });
    expect(s.status).toBe('succeeded');
    expect(s.accepted + s.rejected).toBe(assessments.length);
    // Every assessment whose name is a 2017 Checklist parrot name is linked to that CITES concept, exactly.
    const exact = assessments.filter((a) => parrotNames.has(a.scientificName));
    const linked = await get().query<{ n: string }>(`select count(distinct s.assessment_id) n from conservation_statuses s
      join taxon_concepts t on t.id = s.taxon_concept_id where t.taxonomy_id = 'CITES' and s.match_type = 'exact' and t.full_name = s.assessed_name`);
    expect(Number(linked[0].n)).toBe(exact.length);
    const rows = await get().query<Record<string, unknown>>(`select t.taxonomy_id, t.full_name, s.category, s.criteria, s.year_published, s.population_trend, s.match_type, s.assessment_id
      from conservation_statuses s join taxon_concepts t on t.id = s.taxon_concept_id where s.assessed_name = 'Brotogeris pyrrhoptera' order by t.taxonomy_id`);
    expect(rows).toEqual([
      { taxonomy_id: 'CITES', full_name: 'Brotogeris pyrrhoptera', category: 'Endangered', criteria: 'A2cd', year_published: 2016, population_trend: 'Decreasing', match_type: 'exact', assessment_id: '93094507' },
      // The CMS 2013 taxonomy spells it with the masculine ending.
      { taxonomy_id: 'CMS', full_name: 'Brotogeris pyrrhopterus', category: 'Endangered', criteria: 'A2cd', year_published: 2016, population_trend: 'Decreasing', match_type: 'variant', assessment_id: '93094507' },
    ]);
    // Unmatched names are in the report with the reason, never guessed: a one-letter difference is not taken.
    const scint = s.rejects.find((r) => r.reason.includes("'Chalcopsitta scintillata'"));
    expect(scint).toMatchObject({ file: 'assessments.csv', field: 'scientificName' });
    expect(scint!.reason).toMatch(/near spelling, Chalcopsitta sintillata/);
    const again = await runImport(get(), await importerFor('iucn-redlist'), assessmentsFile, { progress: false });
    expect(again).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: s.accepted });
  });

  it('refuses a download without its taxonomy.csv, and rejects bad rows naming line and field', async () => {
    const dir = tempDir();
    const few = assessments.slice(0, 4).map((a) => ({ ...a }));
    const lonely = writeCsv(dir, 'assessments.csv', few);
    const refused = await runImport(get(), await importerFor('iucn-redlist'), lonely, { progress: false });
    expect(refused.status).toBe('refused');
    expect(refused.error).toMatch(/taxonomy\.csv/);

    fs.copyFileSync(taxonomyFile, path.join(dir, 'taxonomy.csv'));
    few[1].redlistCategory = 'Sort of Endangered';
    few[2].internalTaxonId = '999';
    few[3].yearPublished = 'last year';
    const s = await runImport(get(), await importerFor('iucn-redlist'), writeCsv(dir, 'assessments.csv', few), { progress: false });
    expect(s.status).toBe('succeeded');
    expect(s.rejects.map((r) => [r.field, r.reason.slice(0, 40)])).toEqual([
      ['redlistCategory', 'a Red List category (Extinct, Extinct in'],
      ['internalTaxonId', 'a taxon of taxonomy.csv; 999 is not ther'],
      ['yearPublished', "a year, got 'last year'"],
    ]);
    expect(s.rejects.every((r) => r.file === 'assessments.csv' && r.line > 2)).toBe(true);
  });
});
