// The public API on real data (ISO countries + recorded Species+ responses),
// on PGlite and PostgreSQL; every JSON response checked against /openapi.json.
import zlib from 'node:zlib';
import { beforeAll, afterAll, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/alignment/format.js';
import { describeEachDatabase } from '../support/databases.js';
import { checklistListings, seedGenusHistory, recorded } from './fixtures.js';
import { apiClient, openSeededApi, type ApiClient } from './support.js';

describeEachDatabase('public API /api/v1', (get) => {
  let api: ApiClient;
  let elephant: number;
  beforeAll(async () => { ({ api, elephant } = await openSeededApi(get())); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('finds a taxon by accepted name prefix, synonym, and common name in any language, ignoring accents and case', async () => {
    const cases: [string, string][] = [['loxodonta afr', 'accepted'], ['Loxodonta cyclo', 'synonym'], ['ELEPHANT D', 'common'], ['éléphant africain', 'common'], ['ndovo', 'common']];
    for (const [q, kind] of cases) {
      const res = await api.call(`/api/v1/taxa?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const hit = res.json().find((t: any) => t.id === elephant);
      expect(hit, q).toBeTruthy();
      expect(hit.matched.kind, q).toBe(kind);
      expect(hit.full_name).toBe('Loxodonta africana');
    }
  });

  it('filters by taxonomy, higher taxon, appendix and range State, and pages with Link and Total-Count', async () => {
    const cmsTaxa = recorded('taxonconcept_cms').flatMap((r) => r.body.taxon_concepts).filter((t: any) => t.name_status === 'A');
    const page1 = await api.call('/api/v1/taxa?taxonomy=cms&per_page=2');
    expect(page1.headers['total-count']).toBe(String(cmsTaxa.length));
    const next = String(page1.headers.link).split(', ').find((l) => l.endsWith('rel="next"'));
    expect(new URL(next!.slice(1, next!.indexOf('>')), 'http://x').searchParams.get('page')).toBe('2');
    expect(page1.json().every((t: any) => t.taxonomy === 'CMS')).toBe(true);
    const last = Math.ceil(cmsTaxa.length / 2);
    const lastPage = await api.call(`/api/v1/taxa?taxonomy=cms&per_page=2&page=${last}`);
    expect(lastPage.headers.link).not.toMatch(/rel="next"/);
    const names = new Set<string>();
    for (let p = 1; p <= last; p++) for (const t of (await api.call(`/api/v1/taxa?taxonomy=cms&per_page=2&page=${p}`)).json()) names.add(t.full_name);
    expect([...names].sort()).toEqual(cmsTaxa.map((t: any) => t.full_name).sort());

    const bears = (await api.call('/api/v1/taxa?higher_taxon=Ursidae&cites_appendix=I&rank=SPECIES')).json().map((t: any) => t.full_name);
    expect(bears).toContain('Ailuropoda melanoleuca');
    const app3 = (await api.call('/api/v1/taxa?cites_appendix=III&higher_taxon=Procyonidae')).json().map((t: any) => t.full_name);
    expect(app3).toContain('Potos flavus');
    expect(app3).not.toContain('Ailuropoda melanoleuca');
    const inMali = (await api.call('/api/v1/taxa?range_state=ml')).json().map((t: any) => t.full_name);
    expect(inMali).toEqual(['Loxodonta africana']);
  });

  it('shows one taxon with names, distributions, current status, full history and the import runs behind every fact', async () => {
    const res = await api.call(`/api/v1/taxa/${elephant}`);
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t.names.synonyms.map((s: any) => `${s.full_name} ${s.author_year}`)).toEqual(['Loxodonta cyclotis (Matschie, 1900)']);
    expect(t.names.common_names.fr.map((c: any) => c.name)).toContain("Éléphant d'Afrique");
    const recordedDistributions = recorded('distributions_bat').find((r) => /4521\/distributions/.test(r.uri))!.body;
    expect(t.distributions.map((d: any) => d.iso2).sort()).toEqual(recordedDistributions.map((d: any) => d.iso_code2).sort());
    expect(t.status.CITES.listed).toBe(true);
    expect(t.status.CITES.appendices).toEqual(['I', 'II']);
    const history = new Set([...recorded('cites_legislation_sco')[0].body.cites_listings.map((l: any) => l.id), ...recorded('taxonconcept_def')[0].body.taxon_concepts[0].cites_listings.map((l: any) => l.id)]);
    expect(t.listing_history).toHaveLength(history.size);
    expect(t.listing_history.filter((l: any) => l.change_type === 'RESERVATION').length).toBeGreaterThan(0);
    const runIds = new Set(t.import_runs.map((r: any) => r.id));
    for (const fact of [t, ...t.distributions, ...t.listing_history, ...t.names.synonyms]) expect(runIds.has(fact.provenance.import_run_id)).toBe(true);
    expect(t.import_runs.map((r: any) => r.source)).toContain('speciesplus-api');
  });

  it('gives the status in both conventions on a date from the listing history', async () => {
    const on1980 = (await api.call(`/api/v1/taxa/${elephant}/status?on=1980-01-01`)).json();
    expect(on1980.CITES.appendices).toEqual(['II']); // App II from 1977-02-04 (recorded history)
    expect(on1980.CMS.listed).toBe(false);
    const on1976 = (await api.call(`/api/v1/taxa/${elephant}/status?on=1976-06-01`)).json();
    expect(on1976.CITES.appendices).toEqual(['III']); // Ghana's App III listing of 1976-02-26
    const before = (await api.call(`/api/v1/taxa/${elephant}/status?on=1975-01-01`)).json();
    expect(before.CITES.listed).toBe(false);
  });

  it('answers countries with Party membership and the species occurring there', async () => {
    const ml = (await api.call('/api/v1/countries/ml')).json();
    // M49 466 (country-codes.csv); the elephant's CITES listing summary I/II (recorded Species+ cites_listing).
    expect(ml).toMatchObject({ iso2: 'ML', m49: '466', name: { en: 'Mali' }, species_count: 1, species: [{ full_name: 'Loxodonta africana', taxonomy: 'CITES', shared: false, cites_listing: 'I/II', cms_listing: null }] });
    expect((await api.call('/api/v1/countries')).json().length).toBeGreaterThan(240);
    expect((await api.call('/api/v1/countries/qq')).statusCode).toBe(404);
  });

  it('feeds changes since a date, and refuses a bad date naming the parameter', async () => {
    const res = await api.call('/api/v1/changes?updated_since=2000-01-01&per_page=500');
    const [{ n }] = await get().query<{ n: string }>('select count(*) n from taxon_concepts');
    expect(res.headers['total-count']).toBe(String(n));
    expect((await api.call('/api/v1/changes?updated_since=2999-01-01')).json()).toEqual([]);
    const bad = await api.call('/api/v1/changes?updated_since=last%20week');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json()).toMatchObject({ status: 400, parameter: 'updated_since' });
  });

  it('answers problems: unknown parameter 400, bad date 400, unknown id 404, too many names 413', async () => {
    const unknown = await api.call('/api/v1/taxa?colour=red');
    expect(unknown.json()).toMatchObject({ status: 400, parameter: 'colour' });
    const date = await api.call(`/api/v1/taxa/${elephant}/status?on=2023-02-30`);
    expect(date.json()).toMatchObject({ status: 400, parameter: 'on', detail: expect.stringMatching(/YYYY-MM-DD/) });
    expect((await api.call('/api/v1/taxa/2147483647')).statusCode).toBe(404);
    expect((await api.call('/api/v1/taxa?per_page=501')).json()).toMatchObject({ status: 400, parameter: 'per_page', detail: expect.stringMatching(/500/) });
    const big = await api.call({ method: 'POST', url: '/api/v1/names/match', payload: Array(10_001).fill('Loxodonta africana') });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/10000 names/);
  });

  it('parses and matches names against both taxonomies, JSON or CSV in and out', async () => {
    const parsed = (await api.call({ method: 'POST', url: '/api/v1/names/parse', payload: ['Loxodonta africana (Blumenbach, 1797)'] })).json();
    expect(parsed[0]).toMatchObject({ parsed: true, canonical: { simple: 'Loxodonta africana' }, authorship: { year: '1797' } });
    const matched = (await api.call({ method: 'POST', url: '/api/v1/names/match', payload: ['Loxodonta cyclotis', 'Ailuropoda melanoleuca'] })).json();
    expect(matched[0]).toMatchObject({ match_type: 'EXACT', matched_status: 'synonym', accepted_name: 'Loxodonta africana', accepted_id: elephant, cites_listing: 'I/II', cms_listing: null });
    expect(matched[1]).toMatchObject({ match_type: 'EXACT', taxonomy: 'CITES' });
    const csv = await api.call({ method: 'POST', url: '/api/v1/names/match?format=csv', headers: { 'content-type': 'text/csv' }, payload: 'scientificName\nLoxodonta africana\n' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[1]).toMatch(/^Loxodonta africana,Loxodonta africana,EXACT,/);
  });

  it('sends ETags (304 on If-None-Match), compresses, allows cross-origin reading', async () => {
    const first = await api.call(`/api/v1/taxa/${elephant}`);
    expect(first.headers.etag).toBeTruthy();
    const again = await api.app.inject({ url: `/api/v1/taxa/${elephant}`, headers: { 'if-none-match': first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    const br = await api.app.inject({ url: `/api/v1/taxa/${elephant}`, headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8')).id).toBe(elephant);
    const cors = await api.app.inject({ url: '/api/v1/countries', headers: { origin: 'https://example.org' } });
    expect(cors.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['x-request-id']).toBeTruthy();
  });

  it('exports joint list and alignment as JSON and CSV', async () => {
    const json = (await api.call('/api/v1/joint-list?cms=all&cites=all')).json();
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS' and name_status = 'A'`);
    expect(new Set(json.map((r: any) => r.cms.id)).size).toBe(Number(n));
    const csv = await api.app.inject({ url: '/api/v1/alignment?all=true', headers: { accept: 'text/csv' } });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    // The CLI's layout: one presenter and one CSV layout for both (src/alignment/format.ts).
    expect(csv.body.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(CSV_COLUMNS.slice(0, 5)).toEqual(['cms_id', 'cms_name', 'cms_rank', 'cms_listing', 'cms_category']);
  });
});

// Alligator: the 2017 Checklist has the genus I/II, A. mississippiensis II and
// A. sinensis I. The 2013 history: both species App I from 1975-07-01,
// CROCODYLIA spp. App II from 1977-02-04, A. mississippiensis App II from 1979-06-28.
let alligatorChecklist: Promise<Map<string, string>> | undefined;
const ALLIGATORS = ['Alligator', 'Alligator mississippiensis', 'Alligator sinensis'];

describeEachDatabase('status on a date of a higher taxon, from its descendants', (get) => {
  let api: ApiClient;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    alligatorChecklist ??= checklistListings('Alligator');
    await seedGenusHistory(get(), 'Alligator');
    api = await apiClient(get());
    for (const { id, full_name } of await get().query<{ id: number; full_name: string }>(
      `select id, full_name from taxon_concepts where full_name = any($1) and taxonomy_id = 'CITES' and name_status = 'A'`, [ALLIGATORS])) ids.set(full_name, Number(id));
  }, 120_000);
  afterAll(async () => { await api?.app.close(); });
  const cites = async (name: string, on?: string) =>
    (await api.call(on ? `/api/v1/taxa/${ids.get(name)}/status?on=${on}` : `/api/v1/taxa/${ids.get(name)}`)).json()[on ? 'CITES' : 'status'];
  const brief = (s: { listed: boolean; listing: string | null; appendices: string[] }) => ({ listed: s.listed, listing: s.listing, appendices: s.appendices });

  it("gives a genus its species' appendices on a date, as the current status does", async () => {
    const checklist = await alligatorChecklist!;
    const today = new Date().toISOString().slice(0, 10);
    for (const name of ALLIGATORS) {
      const on = await cites(name, today);
      expect(on.listing, name).toBe(checklist.get(name));
      expect(brief(on), name).toEqual(brief((await cites(name)).CITES));
    }
    // App II as part of CROCODYLIA spp., App I from its species.
    expect((await cites('Alligator', today)).reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'inherited', appendix: 'II', from: expect.objectContaining({ name: 'Crocodylia' }) }),
      expect.objectContaining({ kind: 'descendants', appendices: ['I'] })]));
    for (const name of ALLIGATORS) expect(brief(await cites(name, '1975-01-01')), name).toEqual({ listed: false, listing: null, appendices: [] });
  });

  it("follows the species' history: in 1978 both species were in Appendix I", async () => {
    expect((await cites('Alligator', '1978-01-01')).listing).toBe('I');
    expect((await cites('Alligator', '1980-01-01')).listing).toBe('I/II');
    // A species' answer is its own history, as before.
    expect(brief(await cites('Alligator mississippiensis', '1978-01-01'))).toEqual({ listed: true, listing: 'I', appendices: ['I'] });
    expect(brief(await cites('Alligator mississippiensis', '1980-01-01'))).toEqual({ listed: true, listing: 'II', appendices: ['II'] });
    expect(brief(await cites('Alligator sinensis', '1980-01-01'))).toEqual({ listed: true, listing: 'I', appendices: ['I'] });
  });
});

describeEachDatabase('rate limits', (get) => {
  it('answers 429 with Retry-After past the limit, and a problem naming the limit', async () => {
    const api = await apiClient(get(), { rateLimit: { max: 3, tokenMax: 100, timeWindow: 60_000 } });
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) { last = await api.app.inject('/api/v1/countries?party=CMS'); codes.push(last.statusCode); }
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json()).toMatchObject({ status: 429, detail: expect.stringMatching(/At most 3 requests/) });
    await api.app.close();
  });
});
