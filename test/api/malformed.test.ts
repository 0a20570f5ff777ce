// A corpus of malformed requests: wrong types, huge values, SQL and HTML in
// names, NUL bytes, invalid UTF-8, deep JSON, oversized bodies. None may
// answer 5xx; every 4xx is problem+json.
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { describeEachDatabase } from '../support/databases.js';
import { seedApiData } from './fixtures.js';
import { apiClient, type ApiClient } from './support.js';

const GETS = [
  '/api/v1/taxa?q=%27%20OR%201%3D1%20--', "/api/v1/taxa?q=Loxodonta'; drop table taxon_concepts; --", '/api/v1/taxa?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '/api/v1/taxa?q=%00', '/api/v1/taxa?q=%C3%28', '/api/v1/taxa?q=%FF%FE', '/api/v1/taxa?q=%', '/api/v1/taxa?q=%25%5F%5C', '/api/v1/taxa?q=' + 'a'.repeat(5000),
  '/api/v1/taxa?q=', '/api/v1/taxa?q=%20%20', '/api/v1/taxa?q=a&q=b', '/api/v1/taxa?page=0', '/api/v1/taxa?page=-1', '/api/v1/taxa?page=1e400',
  '/api/v1/taxa?page=99999999999999999999', '/api/v1/taxa?per_page=abc', '/api/v1/taxa?per_page[]=1', '/api/v1/taxa?rank=KINGDOM%00',
  '/api/v1/taxa?taxonomy=CITES%27', '/api/v1/taxa?range_state=%E2%82%AC%E2%82%AC', '/api/v1/taxa?higher_taxon=' + 'x'.repeat(101),
  '/api/v1/taxa?cites_appendix=I%27%20OR%20%271', '/api/v1/taxa?updated_since=0000-01-01', '/api/v1/taxa?updated_since=2020-13-45',
  '/api/v1/taxa?updated_since=99999-01-01', '/api/v1/taxa?__proto__=1', '/api/v1/taxa?constructor[prototype][x]=1',
  '/api/v1/taxa/0', '/api/v1/taxa/-1', '/api/v1/taxa/1.5', '/api/v1/taxa/1e3', '/api/v1/taxa/99999999999999', '/api/v1/taxa/%20', '/api/v1/taxa/abc%00',
  '/api/v1/taxa/1?x=1', '/api/v1/taxa/1/status', '/api/v1/taxa/1/status?on=', '/api/v1/taxa/1/status?on=0000-00-00', '/api/v1/taxa/1/status?on=2023-02-29',
  '/api/v1/taxa/1/status?on=20230101', '/api/v1/taxa/1/status?on=2023-01-01T00:00:00Z', '/api/v1/taxa/1/status?on[]=2020-01-01',
  '/api/v1/countries/%E2%82%AC', '/api/v1/countries/a', '/api/v1/countries/ABC', '/api/v1/countries/%00%00', '/api/v1/countries?party=WTO',
  '/api/v1/countries/ML?page=0', '/api/v1/countries/ML?shared=maybe',
  '/api/v1/changes?updated_since=', '/api/v1/changes?updated_since=%00', '/api/v1/changes?updated_since=2020-01-01T25:61:00Z', '/api/v1/changes?updated_since=0000-01-01',
  '/api/v1/joint-list?cms=%3Cb%3E', '/api/v1/joint-list?country=%C3', '/api/v1/joint-list?class=' + '%00', '/api/v1/alignment?all=yes', '/api/v1/alignment?format=xml',
  '/api/speciesplus/v1/taxon_concepts?name=%00', '/api/speciesplus/v1/taxon_concepts?taxonomy=EU', '/api/speciesplus/v1/taxon_concepts?per_page=1000000',
  '/api/speciesplus/v1/taxon_concepts?updated_since=yesterday', '/api/speciesplus/v1/taxon_concepts?language=english', '/api/speciesplus/v1/taxon_concepts?with_descendants=2',
  '/api/speciesplus/v1/taxon_concepts.json?name=%27%3B%20select%20pg_sleep(1)%3B--', '/api/speciesplus/v1/taxon_concepts/0/distributions.json',
  '/api/speciesplus/v1/taxon_concepts/abc/references', '/api/speciesplus/v1/taxon_concepts/1/cites_legislation?scope=future',
  '/exports/checklist.csv?convention=eu', '/exports/ndjson?x=1', '/no/such/route', '/api/v1/../../etc/passwd', '/api/v1/taxa/%2e%2e%2f',
];

const POSTS: InjectOptions[] = [
  { method: 'POST', url: '/api/v1/names/parse', headers: { 'content-type': 'application/json' }, payload: '{"a":' },
  { method: 'POST', url: '/api/v1/names/parse', headers: { 'content-type': 'application/json' }, payload: '[' .repeat(50_000) + ']'.repeat(50_000) },
  { method: 'POST', url: '/api/v1/names/parse', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ deep: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) }) },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/json' }, payload: '[1, true, null, {"x": 1}]' },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/json' }, payload: '"Loxodonta africana"' },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(['\u0000', '<img src=x onerror=alert(1)>', "'; drop table taxon_concepts; --", 'x'.repeat(999), '\uD800']) },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(['x'.repeat(5000)]) },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'text/csv' }, payload: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x41, 0x0a]) },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'text/csv' }, payload: 'name\n"unclosed\n' },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/xml' }, payload: '<names/>' },
  { method: 'POST', url: '/api/v1/names/match', headers: { 'content-type': 'application/json' }, payload: Buffer.alloc(17 * 1024 * 1024, 0x20) },
  { method: 'POST', url: '/api/v1/names/parse?format=pdf', headers: { 'content-type': 'application/json' }, payload: '[]' },
  { method: 'POST', url: '/api/v1/taxa', headers: { 'content-type': 'application/json' }, payload: '{}' },
  { method: 'DELETE', url: '/api/v1/taxa/1' },
  { method: 'GET', url: '/api/v1/taxa', headers: { 'x-request-id': '<script>'.repeat(20), 'if-none-match': '"' + 'x'.repeat(5000), 'accept-encoding': 'zstd, ???' } },
  { method: 'GET', url: '/api/speciesplus/v1/taxon_concepts', headers: { 'x-authentication-token': 'x'.repeat(10_000) } },
];

describeEachDatabase('malformed requests never cause a 5xx', (get) => {
  let api: ApiClient;
  beforeAll(async () => { await seedApiData(get()); api = await apiClient(get()); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('answers every malformed request with a 4xx problem (or a harmless 2xx), never 5xx', async () => {
    const failures: string[] = [];
    for (const req of [...GETS.map((url) => ({ method: 'GET' as const, url })), ...POSTS]) {
      const res = await api.app.inject(req);
      const label = `${req.method} ${String(req.url).slice(0, 80)}`;
      if (res.statusCode >= 500) failures.push(`${label} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && !/application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${label} -> ${res.statusCode} not problem+json`);
    }
    expect(failures).toEqual([]);
    const [{ n }] = await get().query<{ n: string }>('select count(*) n from taxon_concepts');
    expect(Number(n)).toBeGreaterThan(0); // the "drop table" names did nothing
  });

  it('names the parameter and what was expected', async () => {
    const cases: [string, string, RegExp][] = [
      ['/api/v1/taxa?page=0', 'page', />= 1/], ['/api/v1/taxa?per_page=abc', 'per_page', /integer/], ['/api/v1/taxa?q=%00', 'q', /NUL/],
      ['/api/v1/taxa/1/status?on=2023-02-29', 'on', /YYYY-MM-DD/], ['/api/v1/taxa?rank=GENERA', 'rank', /SPECIES/], ['/api/v1/changes?updated_since=0000-01-01', 'updated_since', /ISO 8601/],
    ];
    for (const [url, parameter, detail] of cases) {
      const body = (await api.app.inject(url)).json();
      expect(body, url).toMatchObject({ status: 400, parameter });
      expect(body.detail, url).toMatch(detail);
    }
  });
});
