// The Species+ sync client against a local HTTP server on 127.0.0.1 that
// replays the recorded Species+ responses (links rewritten to itself).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { syncSpeciesplus, nextLink, lastSync } from '../../src/ingest/sync/speciesplus.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath } from '../support/data.js';
import { sppFixture } from '../api/fixtures.js';

interface Recording { status: number; headers: Record<string, string>; body: string }

/** Request key: path without .json and the query sorted; language=EN is the API's default, so it is left out. */
const keyOf = (u: URL) => `${u.pathname.replace(/^\/api\/v1/, '').replace(/\.json$/, '')}?${[...u.searchParams].filter(([k, v]) => !(k === 'language' && v === 'EN')).sort().map(([k, v]) => `${k}=${v}`).join('&')}`;

class ReplayServer {
  recordings = new Map<string, Recording>();
  requests: { url: string; token: string | undefined }[] = [];
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, this.base);
    this.requests.push({ url: req.url!, token: req.headers['x-authentication-token'] as string | undefined });
    const rec = this.recordings.get(keyOf(url));
    if (!rec) { res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not recorded"}}'); return; }
    res.writeHead(rec.status, rec.headers).end(rec.body);
  });
  base = '';

  async start() {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
  }

  /** Load a cassette; `edit` may change a body (used only to model a removal). */
  load(fixture: string, edit?: (body: any) => any) {
    const doc = JSON.parse(fs.readFileSync(sppFixture(fixture), 'utf8'));
    for (const i of doc.http_interactions) {
      const h = i.response.headers;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (h.link) headers.link = String(h.link).replaceAll('https://api.speciesplus.net/api/v1', this.base);
      if (h['total-count']) headers['total-count'] = String(h['total-count']);
      const body = edit ? JSON.stringify(edit(JSON.parse(i.response.body.string))) : i.response.body.string;
      this.recordings.set(keyOf(new URL(i.request.uri)), { status: i.response.status.status_code, headers, body });
    }
  }
}

const replay = new ReplayServer();
beforeAll(async () => { await replay.start(); });
afterAll(() => { replay.server.close(); });

it('reads rel="next" from a Link header', () => {
  expect(nextLink('<https://x/t.json?page=2>; rel="next", <https://x/t.json?page=9>; rel="last"', 'https://x/t.json')).toBe('https://x/t.json?page=2');
  expect(nextLink('<https://x/t.json?page=9>; rel="last"', 'https://x/t.json')).toBeNull();
});

describeEachDatabase('Species+ sync client', (get) => {
  beforeAll(async () => {
    await runImport(get(), await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
    replay.recordings.clear();
    for (const f of ['taxonconcept_def', 'taxonconcept_cms', 'distributions_def', 'references_def', 'cites_legislation_sco']) replay.load(f);
  });

  it('syncs one name with its details, sending the token', async () => {
    // The recorded legislation was asked with language=fr; serve it for the client's scope=all request too.
    replay.recordings.set('/taxon_concepts/4521/cites_legislation?scope=all', replay.recordings.get('/taxon_concepts/4521/cites_legislation?language=fr&scope=all')!);
    replay.requests.length = 0;
    const s = await syncSpeciesplus(get(), { token: 'secret-token', baseUrl: replay.base, name: 'Loxodonta africana', details: true });
    expect(s.status, s.error).toBe('succeeded');
    expect(replay.requests.every((r) => r.token === 'secret-token')).toBe(true);
    expect(replay.requests.map((r) => r.url.split('?')[0])).toEqual(['/api/v1/taxon_concepts.json', '/api/v1/taxon_concepts/4521/distributions.json', '/api/v1/taxon_concepts/4521/references.json', '/api/v1/taxon_concepts/4521/cites_legislation.json']);
    const [t] = await get().query<any>(`select id from taxon_concepts where speciesplus_id = 4521`);
    const [{ d }] = await get().query<{ d: string }>(`select count(*) d from distributions where taxon_concept_id = $1`, [t.id]);
    expect(Number(d)).toBeGreaterThan(30);
    expect(await lastSync(get(), 'CITES')).toBeNull(); // a one-name sync is not a full sync
  });

  it('follows Link pages (bounded by max pages), and refuses the whole sync when a page is missing', async () => {
    const before = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS'`);
    const refused = await syncSpeciesplus(get(), { token: 't', baseUrl: replay.base, taxonomy: 'CMS', perPage: 10 });
    expect(refused.status).toBe('refused');
    expect(refused.error).toMatch(/page=3.*HTTP 200, got 404/);
    const still = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS'`);
    expect(still[0].n).toEqual(before[0].n);
    const ok = await syncSpeciesplus(get(), { token: 't', baseUrl: replay.base, taxonomy: 'CMS', perPage: 10, maxPages: 2 });
    expect(ok.status, ok.error).toBe('succeeded');
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS' and name_status = 'A'`);
    expect(Number(n)).toBe(20);
    expect(ok.notes.join(' ')).toMatch(/more remain/);
  });

  it('sends updated_since and turns active:false into a tombstone in the change feed', async () => {
    // Model a removal at the source: the recorded elephant record, now inactive.
    replay.load('taxonconcept_def', (body) => ({ ...body, taxon_concepts: body.taxon_concepts.map((t: any) => ({ ...t, active: false })) }));
    const key = '/taxon_concepts?name=Loxodonta africana&page=1&per_page=500';
    const rec = replay.recordings.get(key)!;
    replay.recordings.set('/taxon_concepts?page=1&per_page=500&updated_since=2022-11-01T00:00:00Z', rec);
    replay.requests.length = 0;
    const s = await syncSpeciesplus(get(), { token: 't', baseUrl: replay.base, updatedSince: '2022-11-01T00:00:00Z' });
    expect(s.status, s.error).toBe('succeeded');
    expect(decodeURIComponent(replay.requests[0].url)).toMatch(/updated_since=2022-11-01T00:00:00Z/);
    const [t] = await get().query<any>(`select id, deleted_at from taxon_concepts where speciesplus_id = 4521`);
    expect(t.deleted_at).not.toBeNull();
    const [tomb] = await get().query<any>(`select full_name from tombstones where taxon_concept_id = $1`, [t.id]);
    expect(tomb.full_name).toBe('Loxodonta africana');
    expect(await lastSync(get(), 'CITES')).not.toBeNull(); // a complete sync sets the next starting point
  });
});
