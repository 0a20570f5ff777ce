// The Species+-compatible API answers, for the same taxa, JSON that parses
// into the same shapes (keys and types) as the recorded Species+ responses.
import { beforeAll, afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { recorded } from './fixtures.js';
import { openSeededApi, type ApiClient } from './support.js';

type Shapes = Map<string, { types: Set<string>; always: boolean }>;

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** path -> types seen there, and whether every object at the parent had the key. */
function shapes(value: unknown, path = '$', out: Shapes = new Map()): Shapes {
  if (Array.isArray(value)) { for (const v of value) shapes(v, `${path}[]`, out); return out; }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = `${path}.${k}`;
      const s = out.get(p) ?? { types: new Set<string>(), always: true };
      s.types.add(typeOf(v));
      out.set(p, s);
      shapes(v, p, out);
    }
    // keys seen elsewhere at this path but missing here are optional
    for (const [p, s] of out) if (p.startsWith(`${path}.`) && !p.slice(path.length + 1).includes('.') && !p.slice(path.length + 1).includes('[') && !(p.slice(path.length + 1) in value)) s.always = false;
  }
  return out;
}

/** Differences between ours and theirs: keys they do not have, types they never use, keys they always send that we lack. */
function compare(ours: unknown, theirs: unknown, allowExtra: string[] = []): string[] {
  const a = shapes(ours); const b = shapes(theirs); const diffs: string[] = [];
  for (const [p, s] of a) {
    const t = b.get(p);
    if (!t) { if (!allowExtra.some((x) => p.startsWith(x))) diffs.push(`extra key ${p}`); continue; }
    for (const ty of s.types) if (!t.types.has(ty) && !(ty === 'null' || t.types.has('null'))) diffs.push(`${p}: ${ty}, Species+ sends ${[...t.types].join('|')}`);
  }
  for (const [p, t] of b) {
    const parent = p.slice(0, p.lastIndexOf('.'));
    if (t.always && !a.has(p) && (parent === '$' || a.has(parent) || [...a.keys()].some((k) => k.startsWith(`${parent}.`)))) diffs.push(`missing key ${p}`);
  }
  return diffs;
}

describeEachDatabase('Species+-compatible API', (get) => {
  let api: ApiClient;
  let elephant: number;
  beforeAll(async () => { ({ api, elephant } = await openSeededApi(get())); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('taxon_concepts?name= has the shape of the recorded response, with the same names and listing', async () => {
    const theirs = recorded('taxonconcept_def')[0].body;
    const res = await api.call('/api/speciesplus/v1/taxon_concepts.json?name=Loxodonta%20africana&page=1&per_page=500');
    expect(res.headers['total-count']).toBe('1');
    const ours = res.json();
    expect(compare(ours, theirs)).toEqual([]);
    // The comparison bites: a missing key, a wrong type and an unknown key are all reported.
    const broken = structuredClone(ours);
    delete broken.taxon_concepts[0].active;
    broken.taxon_concepts[0].id = String(broken.taxon_concepts[0].id);
    broken.taxon_concepts[0].colour = 'grey';
    expect(compare(broken, theirs).sort()).toEqual(['$.taxon_concepts[].id: string, Species+ sends integer', 'extra key $.taxon_concepts[].colour', 'missing key $.taxon_concepts[].active']);
    const [o, t] = [ours.taxon_concepts[0], theirs.taxon_concepts[0]];
    expect(o).toMatchObject({ full_name: t.full_name, author_year: t.author_year, rank: t.rank, name_status: t.name_status, cites_listing: t.cites_listing, higher_taxa: t.higher_taxa });
    expect(o.synonyms.map((s: any) => s.full_name)).toEqual(t.synonyms.map((s: any) => s.full_name));
    expect(o.common_names.length).toBe(new Set(t.common_names.map((c: any) => `${c.language}|${c.name}`)).size);
    expect(o.cites_listings.map((l: any) => l.appendix).sort()).toEqual(t.cites_listings.map((l: any) => l.appendix).sort());
  });

  it('taxonomy=CMS pages like Species+, plus cms_listings', async () => {
    const theirs = recorded('taxonconcept_cms');
    for (const [i, page] of theirs.entries()) {
      const ours = (await api.call(`/api/speciesplus/v1/taxon_concepts.json?taxonomy=CMS&language=EN&page=${i + 1}&per_page=10`)).json();
      expect(compare(ours, { ...page.body, pagination: { ...page.body.pagination } }, ['$.taxon_concepts[].cms_listing'])).toEqual([]);
      expect(ours.pagination.total_entries).toBe(theirs.flatMap((p) => p.body.taxon_concepts).length);
      expect(ours.taxon_concepts.every((t: any) => Array.isArray(t.cms_listings))).toBe(true);
    }
  });

  it('distributions, cites_legislation (all scopes) and references have the recorded shapes', async () => {
    const pairs: [string, string, RegExp][] = [
      ['distributions_bat', `/api/speciesplus/v1/taxon_concepts/${elephant}/distributions.json`, /4521\/distributions/],
      ['distributions_lan', `/api/speciesplus/v1/taxon_concepts/${elephant}/distributions.json?language=fr`, /4521\/distributions/],
      ['cites_legislation_sco', `/api/speciesplus/v1/taxon_concepts/${elephant}/cites_legislation.json?language=fr&scope=all`, /4521\/cites_legislation/],
      ['cites_legislation_def', `/api/speciesplus/v1/taxon_concepts/${elephant}/cites_legislation.json`, /4521\/cites_legislation/],
      ['references_bat', `/api/speciesplus/v1/taxon_concepts/${elephant}/references.json`, /4521\/references/],
    ];
    for (const [fixture, url, which] of pairs) {
      const theirs = recorded(fixture).find((r) => which.test(r.uri))!.body;
      const ours = (await api.call(url)).json();
      // Quotas and suspensions are not held: empty arrays of the right type.
      const trimmed = fixture.startsWith('cites_legislation') ? { ...theirs, cites_quotas: [], cites_suspensions: [] } : theirs;
      expect(compare(ours, trimmed), fixture).toEqual([]);
      if (fixture === 'distributions_lan') expect(ours.map((d: any) => d.name)).toContain('Guinée équatoriale');
      if (fixture === 'cites_legislation_sco') expect(ours.cites_listings.length).toBe(theirs.cites_listings.length);
      if (fixture === 'references_bat') expect(ours.map((r: any) => r.id).sort()).toEqual(theirs.map((r: any) => r.id).sort());
    }
  });

  it('accepts but does not require X-Authentication-Token', async () => {
    for (const headers of [{}, { 'x-authentication-token': 'not-a-real-token' }]) {
      expect((await api.app.inject({ url: '/api/speciesplus/v1/taxon_concepts?per_page=1', headers })).statusCode).toBe(200);
    }
  });
});
