// Real data for the API tests: ISO countries and recorded Species+ API
// responses (Loxodonta africana, Procyonidae, a CMS page ...), imported through
// the importers, never hand-written facts.
import fs from 'node:fs';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import type { Database } from '../../src/db/client.js';
import { dataPath } from '../support/data.js';

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
