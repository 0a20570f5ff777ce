// Real data for the API tests: ISO countries and recorded Species+ API
// responses (Loxodonta africana, Procyonidae, a CMS page ...), imported through
// the importers, never hand-written facts.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readCsv } from '../../src/ingest/csv.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import type { Database } from '../../src/db/client.js';
import { checklist2017, dataPath, tempDir } from '../support/data.js';

export const sppFixture = (name: string) => dataPath('rcites-fixtures', `spp_${name}.json`);

/** The small fixture set (fast); `large` adds the 500-taxon updated_since page. */
export async function seedApiData(database: Database, opts: { large?: boolean } = {}): Promise<void> {
  await runImport(database, await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
  const spp = await importerFor('speciesplus-api');
  const files = ['taxonconcept_def', 'taxonconcept_pag', 'taxonconcept_cms', ...(opts.large ? ['taxonconcept_upd'] : []),
    'cites_legislation_sco', 'distributions_bat', 'references_bat'];
  for (const f of files) {
    const s = await runImport(database, spp, sppFixture(f), { progress: false });
    if (s.status !== 'succeeded') throw new Error(`${f}: ${s.error}`);
  }
}

/** Response bodies of a recorded Species+ cassette, with their request URIs. */
export function recorded(name: string): { uri: string; body: any }[] {
  const doc = JSON.parse(fs.readFileSync(sppFixture(name), 'utf8'));
  return doc.http_interactions.map((i: any) => ({ uri: i.request.uri, body: JSON.parse(i.response.body.string) }));
}

const legacyAnimals = (f: string) => dataPath('sapi-legacy-2013', 'lib', 'files', 'animals', f);
type Row = Record<string, string>;
const readRows = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true, relax_column_count: true }) as Row[];

/** The rows kept, with the header, as a temp CSV (records span lines: through the CSV writer). */
function writeRows(rows: Row[], name: string): string {
  const file = path.join(tempDir('concord-api-'), name);
  fs.writeFileSync(file, stringify(rows, { header: true, columns: Object.keys(rows[0]) }));
  return file;
}

/**
 * A genus from the Species+ 2013 animal files: its higher taxa, its subtree,
 * and their dated CITES listing history (a status on any date since 1975).
 */
export async function seedGenusHistory(database: Database, genus: string): Promise<void> {
  const taxa = readRows(legacyAnimals('animalia_taxa_utf8.csv'));
  const key = (rank: string, id: string) => `${rank.toUpperCase()}:${id}`;
  const byKey = new Map(taxa.map((t) => [key(t.Rank, t.RecID), t]));
  const root = taxa.find((t) => t.Rank === 'Genus' && t['Scientific name'] === genus);
  if (!root) throw new Error(`no genus ${genus} in the 2013 taxa`);
  const parent = (t: Row) => byKey.get(key(t.ParentRank, t.ParentRecID));
  const lineage = new Set<Row>();
  for (let t: Row | undefined = root; t; t = parent(t)) lineage.add(t);
  const inGenus = (t: Row | undefined): boolean => t !== undefined && (t === root || inGenus(parent(t)));
  const kept = taxa.filter((t) => lineage.has(t) || inGenus(t));
  const names = new Set(kept.map((t) => key(t.Rank, t.RecID)));
  const listings = readRows(legacyAnimals('animalia_legislation_utf8.csv')).filter((r) => names.has(key(r.rank_name, r.rec_id)));
  const steps: [string, string][] = [
    ['country-codes', dataPath('country-codes', 'country-codes.csv')],
    ['sapi-taxa', writeRows(kept, 'animalia_taxa_utf8.csv')],
    ['sapi-cites-legislation', writeRows(listings, 'animalia_legislation_utf8.csv')],
  ];
  for (const [format, file] of steps) {
    const s = await runImport(database, await importerFor(format), file, { progress: false });
    if (s.status !== 'succeeded') throw new Error(`${format} ${file}: ${s.error}`);
  }
}

/** CurrentListing of a genus and its species in the 2017 Checklist, by full name. */
export async function checklistListings(genus: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const { values } of readCsv(checklist2017)) {
    if (values.Kingdom === 'Animalia' && values.Genus === genus) out.set(values.FullName, values.CurrentListing);
  }
  return out;
}
