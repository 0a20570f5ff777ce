// The whole reference data set seeded as `concord seed` does, then one fact
// checked through every view: search, taxon detail, name match, species
// group, `concord status` (in process; spawned too on the server). Plus the
// CMS data since 2014: every amendment row gives its taxon's current CMS
// status, the Parties, and re-imports that change nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { testServerUrl, type Backend } from '../support/databases.js';
import { dataPath, seedDir } from '../support/data.js';
import { seed } from '../../src/ingest/seed.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { statusReport } from '../../src/listings/report.js';
import { amendedName, amendmentAction } from '../../src/ingest/formats/cms-amendments.js';
import { Client, makeUser, programmeApp } from '../programme/support.js';
import { GOLDEN } from './facts.js';

interface Row { id: number; taxonomy: string; full_name: string; cites_listing: string | null; cms_listing: string | null; cites_concept: { id: number; full_name: string } | null; cms_concept: { id: number; full_name: string } | null; cms_instruments: { code: string }[] }

/** The suite; golden.pglite.test.ts and golden.postgres.test.ts run it, one backend each, in parallel. */
export function goldenFacts(get: () => Database, backend: Backend): void {
  let app: FastifyInstance;
  let seedSeconds = 0;
  beforeAll(async () => {
    const t0 = performance.now();
    const runs = await seed(get(), seedDir, { progress: false, log: () => {} });
    seedSeconds = (performance.now() - t0) / 1000;
    expect(runs.filter((r) => r.status !== 'succeeded').map((r) => `${r.format}: ${r.error}`)).toEqual([]);
    await makeUser(get(), 'cites@example.org', 'cites_secretariat');
    app = await programmeApp(get());
    console.log(`[${backend}] full seed in ${seedSeconds.toFixed(1)} s`);
  }, 900_000);

  const client = () => new Client(app);
  const getJson = async (url: string) => { const r = await client().request('GET', url); expect(r.statusCode, url).toBe(200); return r.json(); };
  const searchRow = async (name: string): Promise<{ rows: Row[]; row: Row }> => {
    const rows: Row[] = await getJson(`/api/v1/taxa?q=${encodeURIComponent(name)}&per_page=50`);
    const row = rows.find((r) => r.full_name === name || r.cites_concept?.full_name === name || r.cms_concept?.full_name === name);
    expect(row, `search ${name}`).toBeDefined();
    return { rows, row: row! };
  };

  it(`has at least 30 shared species, each with its status in both conventions the same in search, detail, match, species group and status`, async () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(30);
    const matched = (await client().request('POST', '/api/v1/names/match', GOLDEN.map((g) => g.alias ?? g.name))).json() as (Row & { verbatim: string })[];
    const groups = new Map<string, { taxa: { concepts: { full_name: string; cites_listing: string | null; cms_listing: string | null }[] }[] }>();
    for (const g of GOLDEN) {
      const want = { cites: g.cites, cms: g.cms };
      const { rows, row } = await searchRow(g.name);
      expect({ cites: row.cites_listing, cms: row.cms_listing }, `search ${g.name}`).toEqual(want);
      // One row per species: no second row for the same species from the other taxonomy.
      const same = rows.filter((r) => r.full_name === g.name || r.full_name === g.alias);
      expect(same.map((r) => r.full_name), `one search row for ${g.name}`).toHaveLength(1);
      const codes = row.cms_instruments.map((i) => i.code);
      for (const code of g.instruments ?? []) expect(codes, `${g.name} instruments`).toContain(code);
      const detail = await getJson(`/api/v1/taxa/${row.id}`);
      expect({ cites: detail.status.CITES.listing, cms: detail.status.CMS.listing }, `detail ${g.name}`).toEqual(want);
      expect({ cites: detail.cites_listing, cms: detail.cms_listing }, `detail fields ${g.name}`).toEqual(want);
      const m = matched.find((r) => r.verbatim === (g.alias ?? g.name))!;
      expect({ cites: m.cites_listing, cms: m.cms_listing }, `match ${g.alias ?? g.name}`).toEqual(want);
      if (!groups.has(g.group)) groups.set(g.group, await getJson(`/api/v1/species-groups/${g.group}`));
      const concepts = groups.get(g.group)!.taxa.flatMap((t) => t.concepts).filter((c) => c.full_name === g.name || (g.alias !== undefined && c.full_name === g.alias));
      expect(concepts.map((c) => ({ cites: c.cites_listing, cms: c.cms_listing })), `group ${g.group}: ${g.name}`).toEqual([want]);
      const report = await statusReport(get().db, g.name);
      expect({ cites: report.cites.listing, cms: report.cms.listing }, `status ${g.name}`).toEqual(want);
    }
  }, 300_000);

  it.runIf(backend === 'postgres')('`concord status` prints the same status, as a user runs it', async () => {
    const url = new URL(testServerUrl);
    url.pathname = `/${(await get().query<{ db: string }>('select current_database() db'))[0].db}`;
    for (const g of GOLDEN.filter((f) => ['Panthera uncia', 'Anguilla anguilla', 'Pongo pygmaeus'].includes(f.name))) {
      const res = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/cli/index.ts'), 'status', g.alias ?? g.name, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' }, timeout: 120_000 });
      expect(res.status, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout);
      expect({ cites: out.cites.listing, cms: out.cms.listing }, g.name).toEqual({ cites: g.cites, cms: g.cms });
    }
  }, 300_000);

  it('Loxodonta africana: each listing change once; Burundi, Djibouti, Gambia and Mauritania tagged extinct', async () => {
    const { row } = await searchRow('Loxodonta africana');
    const detail = await getJson(`/api/v1/taxa/${row.id}`);
    const key = (c: Record<string, unknown>) => JSON.stringify([c.convention, c.effective_at, c.appendix, c.change_type, c.party_iso2 ?? c.party, c.populations_included ?? c.populations, c.populations_excluded]);
    const keys = (detail.listing_history as Record<string, unknown>[]).map(key);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const tags = Object.fromEntries((detail.distributions as { iso2: string; tags: string[] }[]).map((d) => [d.iso2, d.tags]));
    for (const iso2 of ['BI', 'DJ', 'GM', 'MR']) expect(tags[iso2], iso2).toContain('EXTINCT');
    expect(tags.KE).not.toContain('EXTINCT');
  });

  it('every row of the CMS amendments file gives its taxon its current CMS status', async () => {
    const rows = parseCsv(fs.readFileSync(dataPath('cms-amendments-2014-2024', 'amendments.csv')), { columns: true, bom: true }) as Record<string, string>[];
    // The latest COP's row for a taxon states its status today.
    const latest = new Map<string, { cop: string; appendices: string[] }>();
    for (const r of rows) {
      const action = amendmentAction(r.action, r.appendix_after);
      expect(action, `${r.scientific_name}: ${r.action}`).not.toBeNull();
      const { name } = amendedName(r.scientific_name);
      // A population row lists part of the species: the species' status includes that appendix.
      const prev = latest.get(name);
      const appendices = prev && r.rank === 'population' ? [...new Set([...prev.appendices, ...action!.appendices])] : action!.appendices;
      latest.set(name, { cop: r.cop, appendices });
    }
    const wrong: string[] = [];
    for (const [name, want] of latest) {
      const found: Row[] = await getJson(`/api/v1/taxa?q=${encodeURIComponent(name)}&taxonomy=cms&per_page=50`);
      const row = found.find((r) => r.full_name === name || r.cms_concept?.full_name === name);
      if (!row) { wrong.push(`${name}: not found`); continue; }
      const status = (await getJson(`/api/v1/taxa/${row.id}`)).status.CMS;
      const listed = (status.listing ?? '').split('/');
      if (!want.appendices.every((a) => listed.includes(a))) wrong.push(`${name} (COP${want.cop}): expected ${want.appendices.join(' and ')}, got ${status.listing}`);
    }
    expect(wrong).toEqual([]);
    expect(latest.size).toBeGreaterThan(80);
  }, 300_000);

  it('Anguilla anguilla: CMS not listed on 2014-01-01, Appendix II from COP11 and today; CITES II on both days', async () => {
    const { row } = await searchRow('Anguilla anguilla');
    const before = await getJson(`/api/v1/taxa/${row.id}/status?on=2014-01-01`);
    const now = await getJson(`/api/v1/taxa/${row.id}/status?on=${new Date().toISOString().slice(0, 10)}`);
    expect([before.CMS.listing, now.CMS.listing]).toEqual([null, 'II']);
    expect([before.CITES.listing, now.CITES.listing]).toEqual(['II', 'II']);
    const cop11 = await getJson(`/api/v1/taxa/${row.id}/status?on=2015-02-08`);
    expect(cop11.CMS.listing).toBe('II');
  });

  it('Parties: Kenya CMS Party since 1999-05-01; the United States not a CMS Party according to the IEA Database', async () => {
    const ke = await getJson('/api/v1/countries/KE');
    expect(ke.parties.CMS).toMatchObject({ party: true, since: '1999-05-01', according_to: { source: 'ieadb-memberships' } });
    const us = await getJson('/api/v1/countries/US');
    expect(us.parties.CMS).toMatchObject({ party: false, since: null, according_to: { source: 'ieadb-memberships', as_of: expect.any(String) } });
    expect(us.parties.CITES).toMatchObject({ party: true, since: '1975-07-01' });
    const parties = (await getJson('/api/v1/cms-parties')).parties as { iso2: string }[];
    expect(parties.map((p) => p.iso2)).toContain('KE');
    expect(parties.map((p) => p.iso2)).not.toContain('US');
  });

  it('re-importing both new files changes nothing; a hand-recorded listing change survives them and a re-seed', async () => {
    // CoP19 Prop. 37: Carcharhinidae in CITES Appendix II, in effect 2023-11-25 (after the 2017 Checklist).
    const [family] = await get().query<{ id: number }>(`select id from taxon_concepts where taxonomy_id = 'CITES' and full_name = 'Carcharhinidae' and name_status = 'A'`);
    const cites = new Client(app);
    expect((await cites.signIn('cites@example.org')).statusCode).toBe(200);
    const res = await cites.request('POST', `/api/v1/taxa/${family.id}/listing-changes`, { convention: 'CITES', appendix: 'II', change_type: 'ADDITION', effective_at: '2023-11-25', source_document: 'CoP19 Prop. 37' });
    expect(res.statusCode, res.body).toBe(201);
    const dusky = async () => (await searchRow('Carcharhinus obscurus')).row.cites_listing;
    expect(await dusky()).toBe('II'); // a CMS species (COP12, Appendix II) now covered by the CITES family listing
    for (const [format, file] of [['cms-amendments', dataPath('cms-amendments-2014-2024')], ['ieadb-memberships', dataPath('cms-parties-ieadb', 'iea-memberships-cms-cites.csv')]]) {
      const s = await runImport(get(), await importerFor(format), file, { progress: false });
      expect({ format, status: s.status, accepted: s.accepted, updated: s.updated, rejected: s.rejected }).toEqual({ format, status: 'succeeded', accepted: 0, updated: 0, rejected: 0 });
    }
    if (backend === 'postgres') await seed(get(), seedDir, { progress: false, log: () => {} });
    expect(await dusky()).toBe('II');
    const [kept] = await get().query<{ n: number }>(`select count(*)::int n from listing_changes where taxon_concept_id = $1 and data->>'origin' = 'curated'`, [family.id]);
    expect(kept.n).toBe(1);
  }, 600_000);
}
