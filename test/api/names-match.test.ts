// POST /api/v1/names/match on the seeded test data (the recorded Species+
// responses): common names, authors, why, CSV with listings, large batches
// streamed off the event loop, and 503 + Retry-After when the queue is full.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { describeEachDatabase } from '../support/databases.js';
import { apiClient, openSeededApi, type ApiClient } from './support.js';

const match = (api: ApiClient, names: string[], query = '') =>
  api.call({ method: 'POST', url: `/api/v1/names/match${query}`, payload: names });

describeEachDatabase('name matching API', (get) => {
  let api: ApiClient;
  let elephant: number;
  beforeAll(async () => { ({ api, elephant } = await openSeededApi(get())); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('matches common names in any language of the knowledge base, accents and case folded', async () => {
    const names = await get().query<{ name: string; language: string }>(
      `select name, language from common_names where taxon_concept_id = $1 order by language, name`, [elephant]);
    expect(names.length).toBeGreaterThan(1);
    const queries = names.map((n) => n.name.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    const res = (await match(api, queries)).json();
    res.forEach((r: any, i: number) => {
      // a name shared with another taxon is ambiguous; every other one is this elephant's
      if (r.ambiguous) expect(r.alternatives.map((a: any) => a.accepted_id), queries[i]).toContain(elephant);
      else expect(r, queries[i]).toMatchObject({ match_type: 'VERNACULAR', accepted_id: elephant, accepted_name: 'Loxodonta africana', cites_listing: 'I/II' });
      expect(r.vernacular.languages, queries[i]).toContain(names[i].language);
      expect(r.reasons[0].code, queries[i]).toMatch(/^(vernacular|ambiguous_vernacular)$/);
    });
  });

  it('weighs the authors and says why, with a code and the English text', async () => {
    const [agree, differ, none] = (await match(api, ['Loxodonta africana (Blumenbach, 1797)', 'Loxodonta africana Smith, 1950', 'Qwertyus nonexistens'])).json();
    const [{ author_year }] = await get().query<{ author_year: string }>('select author_year from taxon_concepts where id = $1', [elephant]);
    expect(author_year).toBe('(Blumenbach, 1797)');
    expect(agree).toMatchObject({ match_type: 'EXACT', score: 100, authorship_match: 'exact', authorship_score: 7, matched_authorship: '(Blumenbach, 1797)' });
    expect(differ).toMatchObject({ match_type: 'EXACT', authorship_match: 'different', authorship: 'Smith 1950' });
    expect(differ.score).toBeLessThan(agree.score);
    expect(differ.reasons.map((r: any) => r.code)).toContain('authors_differ');
    expect(differ.why).toContain('authors differ: Smith 1950 vs (Blumenbach, 1797)');
    expect(differ.warnings.join()).toMatch(/Authors differ/);
    expect(none).toMatchObject({ match_type: 'NONE', why: 'no match in CITES or CMS' });
    expect(none.reasons[0]).toEqual({ code: 'no_match', text: 'no match in CITES or CMS', params: { where: 'CITES or CMS' } });
  });

  it('gives the listings and the authorship fields in the CSV', async () => {
    const res = await api.call({ method: 'POST', url: '/api/v1/names/match?format=csv', payload: ['Loxodonta africana (Blumenbach, 1797)', 'Qwertyus nonexistens'] });
    const rows = parseCsv(res.body, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ match_type: 'EXACT', accepted_id: String(elephant), cites_listing: 'I/II', authorship_match: 'exact', matched_authorship: '(Blumenbach, 1797)', authorship_score: '7' });
    expect(rows[0].why).toMatch(/^exact name: Loxodonta africana; accepted name in CITES/);
    expect(rows[1]).toMatchObject({ match_type: 'NONE', why: 'no match in CITES or CMS', why_codes: 'no_match', cites_listing: '' });
  });

  it('gives every alternative its own listings, in JSON and in a streamed batch', async () => {
    const shared = await get().query<{ name: string }>(
      `select min(name) as name from common_names group by lower(name) having count(distinct taxon_concept_id) > 1 order by 1 limit 1`);
    expect(shared.length, 'a common name of two concepts in the seeded data').toBe(1);
    const [amb] = (await match(api, [shared[0].name])).json();
    expect(amb.ambiguous).toBe(true);
    expect(amb.alternatives.length).toBeGreaterThan(1);
    expect(amb.alternatives.some((a: any) => a.cites_listing || a.cms_listing), 'a listed alternative').toBe(true);
    // each alternative, matched on its own accepted name, has the same joined status
    const direct = (await match(api, amb.alternatives.map((a: any) => a.accepted_name))).json();
    amb.alternatives.forEach((a: any, i: number) => {
      expect(direct[i].accepted_id, a.accepted_name).toBe(a.accepted_id);
      expect({ cites: a.cites_listing, cms: a.cms_listing, concept: a.cites_concept }, a.accepted_name)
        .toEqual({ cites: direct[i].cites_listing, cms: direct[i].cms_listing, concept: direct[i].cites_concept });
    });
    // the same answer inside a batch of 600 (streamed in 250-result turns, two pool chunks)
    const batch = (await match(api, Array.from({ length: 600 }, (_, i) => (i % 2 ? shared[0].name : 'Loxodonta africana')))).json();
    expect(batch[599]).toEqual(amb);
    expect(batch[598]).toMatchObject({ accepted_id: elephant, cites_listing: 'I/II' });
    // and as CSV: every row has the header's columns, the listings last
    const csv = await api.call({ method: 'POST', url: '/api/v1/names/match?format=csv', payload: Array.from({ length: 600 }, (_, i) => (i % 2 ? shared[0].name : 'Loxodonta africana')) });
    const rows = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(600);
    expect(rows[598]).toMatchObject({ accepted_id: String(elephant), cites_listing: 'I/II', match_type: 'EXACT' });
    expect(rows[599]).toMatchObject({ ambiguous: 'true', accepted_id: '', cites_listing: '', cms_listing: '' });
  });

  it('a context (kingdom, class) marks down a match outside it', async () => {
    const [r] = (await match(api, ['Loxodonta africana'], '?class=Aves')).json();
    expect(r.score).toBeLessThan(100);
    expect(r.reasons.find((x: any) => x.code === 'context_mismatch')).toMatchObject({ params: { rank: 'class', given: 'Aves', found: 'Mammalia' } });
    expect((await match(api, ['Loxodonta africana'], '?class=')).statusCode).toBe(200);
  });

  it('streams a 10,000-name batch in input order while other routes keep answering', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? 'Loxodonta africana' : i % 3 === 1 ? 'Loxodonta afrikana' : `Qwertyus ${i}`));
    let batchDone = 0;
    const batch = match(api, names).then((res) => { batchDone = performance.now(); return res; });
    const detail = await api.app.inject(`/api/v1/taxa/${elephant}`);
    const detailDone = performance.now();
    expect(detail.statusCode).toBe(200);
    const res = await batch;
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out).toHaveLength(10_000);
    expect(out.map((r: any) => r.match_type).slice(0, 3)).toEqual(['EXACT', 'FUZZY', 'NONE']);
    expect(out.every((r: any, i: number) => r.verbatim === names[i])).toBe(true);
    expect(detailDone).toBeLessThan(batchDone);
  }, 120_000);
});

describeEachDatabase('name matching API with a full queue', (get) => {
  let api: ApiClient;
  const before = process.env.CONCORD_NAME_QUEUE;
  beforeAll(async () => {
    await openSeededApi(get()).then(({ api: a }) => a.app.close());
    process.env.CONCORD_NAME_QUEUE = '1';
    api = await apiClient(get());
  }, 120_000);
  afterAll(async () => {
    if (before === undefined) delete process.env.CONCORD_NAME_QUEUE; else process.env.CONCORD_NAME_QUEUE = before;
    await api?.app.close();
  });

  it('answers 503 with Retry-After (never a 5xx stack) when a batch would overflow the queue, and still takes a small one', async () => {
    const big = await match(api, Array(1_200).fill('Loxodonta africana'));
    expect(big.statusCode).toBe(503);
    expect(Number(big.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(big.json()).toMatchObject({ status: 503, title: 'Service unavailable', retry_after: Number(big.headers['retry-after']) });
    const small = await match(api, ['Loxodonta africana']);
    expect(small.statusCode).toBe(200);
  });
});
