// Country species and name matches carry each concept's current CITES and CMS
// listing (the search results' keys), looked up in one query a request. Real
// data: the 2017 Checklist's Ursus and Monodon (CITES) and the 2025 Arctic CMS
// listings with their range States. Every response checked against /openapi.json.
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath } from '../support/data.js';
import { checklistSlice } from '../alignment/seeded.js';
import { apiClient, type ApiClient } from './support.js';

/** The same database, counting the queries that read current listings. */
/** Counts the queries that read the joined status: a list reads it with its page, never once per row. */
function countingListingQueries(database: Database): { database: Database; count: () => number } {
  let n = 0;
  const query: Database['query'] = (text, params) => {
    if (text.includes('taxon_status') || text.includes('taxon_listings')) n++;
    return database.query(text, params);
  };
  return { database: { ...database, query }, count: () => n };
}

describeEachDatabase('current listings in country species and name matches', (get) => {
  let api: ApiClient;
  let counted: ReturnType<typeof countingListingQueries>;
  beforeAll(async () => {
    const steps: [string, string][] = [
      ['country-codes', dataPath('country-codes', 'country-codes.csv')],
      ['checklist-csv', await checklistSlice(['Ursus', 'Monodon'])],
      ['arctic-cms', dataPath('arctic-tracker-cms', 'cms_arctic_species_data.json')],
    ];
    for (const [format, file] of steps) {
      const s = await runImport(get(), await importerFor(format), file, { progress: false });
      if (s.status !== 'succeeded') throw new Error(`${format}: ${s.error}`);
    }
    counted = countingListingQueries(get());
    api = await apiClient(counted.database);
  }, 180_000);
  afterAll(async () => { await api?.app.close(); });

  it('gives the UN M49 code as three digits', async () => {
    const ca = (await api.call('/api/v1/countries/CA?per_page=1')).json();
    expect(ca).toMatchObject({ iso2: 'CA', iso3: 'CAN', m49: '124' });
    const all = (await api.call('/api/v1/countries')).json();
    // country-codes.csv gives Afghanistan's M49 as '4'.
    expect(all.find((c: any) => c.iso2 === 'AF').m49).toBe('004');
    expect(all.every((c: any) => c.m49 === null || /^\d{3}$/.test(c.m49))).toBe(true);
  });

  it('lists Canada\'s species once each, with their status in both conventions: Ursus maritimus CITES II (2017 Checklist) and CMS II (2015), shared', async () => {
    const before = counted.count();
    const res = await api.call('/api/v1/countries/CA?per_page=500');
    expect(counted.count() - before).toBe(2); // the page and its counts, not one query per species
    const ca = res.json();
    const bear = ca.species.filter((s: any) => s.full_name === 'Ursus maritimus');
    // One species in both taxonomies is one row, under its CITES concept, with its CMS concept named.
    expect(bear).toEqual([expect.objectContaining({
      taxonomy: 'CITES', family: 'Ursidae', shared: true, cites_listing: 'II', cms_listing: 'II',
      cms_concept: expect.objectContaining({ full_name: 'Ursus maritimus', relation: 'equal' }),
    })]);
    // Ursus americanus: CITES II, no CMS listing; Balaena mysticetus: CMS I (1979), not in this CITES slice.
    expect(ca.species.find((s: any) => s.full_name === 'Ursus americanus')).toMatchObject({ taxonomy: 'CITES', shared: false, cites_listing: 'II', cms_listing: null, cms_concept: null });
    expect(ca.species.find((s: any) => s.full_name === 'Balaena mysticetus')).toMatchObject({ taxonomy: 'CMS', shared: false, cms_listing: 'I', cites_listing: null });
    // No species twice.
    expect(new Set(ca.species.map((s: any) => s.full_name)).size).toBe(ca.species.length);

    const shared = (await api.call('/api/v1/countries/CA?shared=true')).json();
    expect(shared.species.map((s: any) => `${s.full_name} CITES ${s.cites_listing} CMS ${s.cms_listing}`)).toEqual([
      'Monodon monoceros CITES II CMS II', 'Ursus maritimus CITES II CMS II',
    ]);
    expect(shared.shared_species_count).toBe(2);
  });

  it('filters the country\'s species by taxonomy, counts and Total-Count included', async () => {
    const all = (await api.call('/api/v1/countries/CA?per_page=500')).json();
    const cites = await api.call('/api/v1/countries/CA?taxonomy=cites&per_page=2');
    const body = cites.json();
    const expected = all.species.filter((s: any) => s.taxonomy === 'CITES');
    expect(body.species_count).toBe(expected.length);
    expect(cites.headers['total-count']).toBe(String(expected.length));
    expect(body.shared_species_count).toBe(2); // Monodon monoceros and Ursus maritimus: listed in both conventions
    expect(body.species.map((s: any) => s.id)).toEqual(expected.slice(0, 2).map((s: any) => s.id));
    expect((await api.call('/api/v1/countries/CA?taxonomy=CMS')).statusCode).toBe(400);
  });

  it('adds the accepted concept\'s listings to every match result and alternative, in one query', async () => {
    const before = counted.count();
    const res = await api.call({ method: 'POST', url: '/api/v1/names/match', payload: ['Thalarctos maritimus', 'Ursus maritimus', 'Monodon monoceros', 'Qwertyus nonexistens'] });
    expect(counted.count() - before).toBe(1);
    const [synonym, bear, narwhal, none] = res.json();
    // The Checklist gives Thalarctos maritimus as a synonym of Ursus maritimus (CITES II; CMS II since 2015).
    expect(synonym).toMatchObject({ matched_status: 'synonym', accepted_name: 'Ursus maritimus', taxonomy: 'CITES', cites_listing: 'II', cms_listing: 'II' });
    for (const [r, name] of [[bear, 'Ursus maritimus'], [narwhal, 'Monodon monoceros']]) {
      const byTaxonomy = Object.fromEntries([r, ...r.alternatives].map((c: any) => [c.taxonomy, c]));
      // Either concept gives the status in both conventions, through the link to the other.
      expect(byTaxonomy.CITES, name).toMatchObject({ accepted_name: name, cites_listing: 'II', cms_listing: 'II', cms_concept: { relation: 'equal' } });
      expect(byTaxonomy.CMS, name).toMatchObject({ accepted_name: name, cites_listing: 'II', cms_listing: 'II', cites_concept: { relation: 'equal' } });
    }
    expect(none).toMatchObject({ match_type: 'NONE', accepted_id: null, cites_listing: null, cms_listing: null });
  });
});
