// Exports: NDJSON (every taxon), Checklist CSV layout, Darwin Core Archive
// (meta.xml checked against the DwC text guide rules, and a round trip
// through our own dwca importer into a fresh database).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, expect, it } from 'vitest';
import { describeEachDatabase, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { checklist2017, readLines, tempDir } from '../support/data.js';
import { seedApiData } from './fixtures.js';
import { apiClient, type ApiClient } from './support.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { readZip } from '../../src/ingest/formats/dwca.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { dataPath } from '../support/data.js';
import type { Database } from '../../src/db/client.js';

const KNOWN_ROW_TYPES = ['http://rs.tdwg.org/dwc/terms/Taxon', 'http://rs.gbif.org/terms/1.0/VernacularName', 'http://rs.gbif.org/terms/1.0/Distribution'];

/** The DwC text guide's rules for meta.xml, checked against the archive's files. Returns the violations. */
function metaViolations(files: Map<string, Buffer>): string[] {
  const v: string[] = [];
  const meta = files.get('meta.xml')?.toString('utf8') ?? '';
  if (!/<archive\b[^>]*xmlns="http:\/\/rs\.tdwg\.org\/dwc\/text\/"/.test(meta)) v.push('root element archive in the dwc/text namespace');
  const metadata = /<archive\b[^>]*metadata="([^"]+)"/.exec(meta)?.[1];
  if (!metadata || !files.has(metadata)) v.push(`metadata file ${metadata} in the archive`);
  const blocks = [...meta.matchAll(/<(core|extension)\b([^>]*)>([\s\S]*?)<\/\1>/g)];
  if (blocks.filter((b) => b[1] === 'core').length !== 1) v.push('exactly one core');
  for (const [, kind, attrs, inner] of blocks) {
    const rowType = /rowType="([^"]+)"/.exec(attrs)?.[1] ?? '';
    if (!KNOWN_ROW_TYPES.includes(rowType)) v.push(`${kind}: known rowType, got ${rowType}`);
    if (!/encoding="UTF-8"/.test(attrs)) v.push(`${kind}: encoding UTF-8`);
    const location = /<location>([^<]+)<\/location>/.exec(inner)?.[1];
    const data = location ? files.get(location)?.toString('utf8') : undefined;
    if (!data) { v.push(`${kind}: data file ${location} in the archive`); continue; }
    const delimiter = (/fieldsTerminatedBy="([^"]*)"/.exec(attrs)?.[1] ?? ',').replace('\\t', '\t');
    const header = data.split('\n')[0].split(delimiter);
    const idTag = kind === 'core' ? 'id' : 'coreid';
    const idIndex = Number(new RegExp(`<${idTag} index="(\\d+)"`).exec(inner)?.[1]);
    if (!Number.isInteger(idIndex) || idIndex >= header.length) v.push(`${kind} ${location}: <${idTag}> index within the columns`);
    const fields = [...inner.matchAll(/<field index="(\d+)" term="([^"]+)"\/>/g)].map((m) => ({ index: Number(m[1]), term: m[2] }));
    const indices = fields.map((f) => f.index);
    if (new Set(indices).size !== indices.length) v.push(`${location}: field indices unique`);
    for (const f of fields) {
      if (!/^https?:\/\//.test(f.term)) v.push(`${location}: term ${f.term} a full URI`);
      if (f.index >= header.length) v.push(`${location}: field ${f.index} within ${header.length} columns`);
      else if (header[f.index] !== f.term.slice(f.term.lastIndexOf('/') + 1)) v.push(`${location}: column ${f.index} header '${header[f.index]}' names term ${f.term}`);
    }
    const lines = data.split('\n').filter(Boolean);
    for (const [i, l] of lines.entries()) if (l.split(delimiter).length !== header.length) { v.push(`${location}:${i + 1} has ${l.split(delimiter).length} columns, header ${header.length}`); break; }
  }
  const eml = metadata ? files.get(metadata)?.toString('utf8') ?? '' : '';
  if (!/<eml:eml\b[\s\S]*<dataset>[\s\S]*<title[^>]*>[^<]+<\/title>[\s\S]*<\/eml:eml>/.test(eml)) v.push('eml.xml with a dataset title');
  return v;
}

/** Comparable facts of a database: concepts, synonym pairs, common names, distributions. */
async function facts(db: Database) {
  const q = async (sql: string) => (await db.query<{ k: string }>(sql)).map((r) => r.k).sort();
  return {
    concepts: await q(`select concat_ws('|', taxonomy_id, full_name, author_year, rank, name_status) k from taxon_concepts where deleted_at is null`),
    synonyms: await q(`select concat_ws('|', a.full_name, s.full_name) k from taxon_relationships r join taxon_concepts a on a.id = r.taxon_concept_id join taxon_concepts s on s.id = r.other_taxon_concept_id`),
    commonNames: await q(`select concat_ws('|', t.full_name, c.language, c.name) k from common_names c join taxon_concepts t on t.id = c.taxon_concept_id`),
    distributions: await q(`select concat_ws('|', t.full_name, g.iso2, array_to_string(d.tags, ';')) k from distributions d join taxon_concepts t on t.id = d.taxon_concept_id join geo_entities g on g.id = d.geo_entity_id`),
    parents: await q(`select concat_ws('|', t.full_name, p.full_name) k from taxon_concepts t join taxon_concepts p on p.id = t.parent_id`),
  };
}

describeEachDatabase('exports', (get) => {
  let api: ApiClient;
  beforeAll(async () => { await seedApiData(get()); api = await apiClient(get()); }, 120_000);
  afterAll(async () => { await api?.app.close(); });

  it('NDJSON: one line per taxon concept of both conventions, each a full document', async () => {
    const res = await api.app.inject('/exports/ndjson');
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const [{ n }] = await get().query<{ n: string }>('select count(*) n from taxon_concepts where deleted_at is null');
    expect(lines).toHaveLength(Number(n));
    expect(new Set(lines.map((l) => l.taxonomy))).toEqual(new Set(['CITES', 'CMS']));
    const elephant = lines.find((l) => l.full_name === 'Loxodonta africana');
    expect(elephant.status.CITES.appendices).toEqual(['I', 'II']);
    expect(elephant.distributions.length).toBeGreaterThan(30);
    expect(elephant.distributions[0].provenance.source_file).toMatch(/spp_distributions/);
    const again = await api.app.inject({ url: '/exports/ndjson', headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });

  it('Checklist CSV: the 2017 Checklist header, a BOM, one row per accepted taxon of the convention', async () => {
    let realHeader = '';
    for await (const line of readLines(checklist2017)) { realHeader = line; break; }
    const res = await api.app.inject('/exports/checklist.csv?convention=cites');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body.slice(1, res.body.indexOf('\r\n'))).toBe(realHeader);
    const records = parseCsv(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CITES' and name_status = 'A' and deleted_at is null`);
    expect(records).toHaveLength(Number(n));
    expect(records.find((r) => r.TaxonId === '4521')).toMatchObject({ Kingdom: 'Animalia', Family: 'Elephantidae', Genus: 'Loxodonta', Species: 'africana', FullName: 'Loxodonta africana', AuthorYear: '(Blumenbach, 1797)', RankName: 'SPECIES', CurrentListing: 'I/II', SynonymsWithAuthors: 'Loxodonta cyclotis (Matschie, 1900)' });
    const cms = parseCsv((await api.app.inject('/exports/checklist.csv?convention=cms')).body, { bom: true, columns: true }) as Record<string, string>[];
    const [{ c }] = await get().query<{ c: string }>(`select count(*) c from taxon_concepts where taxonomy_id = 'CMS' and name_status = 'A'`);
    expect(cms).toHaveLength(Number(c));
  });

  it('Darwin Core Archive: meta.xml follows the DwC text guide, and the archive round-trips through the dwca importer', async () => {
    const res = await api.app.inject('/exports/dwca.zip');
    expect(res.headers['content-type']).toBe('application/zip');
    const files = readZip(res.rawPayload, 'dwca.zip');
    expect([...files.keys()].sort()).toEqual(['distribution.txt', 'eml.xml', 'meta.xml', 'taxon.txt', 'vernacularname.txt']);
    expect(metaViolations(files)).toEqual([]);
    // The checker bites: a meta.xml naming a column that does not exist is reported.
    const broken = new Map(files);
    broken.set('meta.xml', Buffer.from(files.get('meta.xml')!.toString().replace('<field index="2" term="http://purl.org/dc/terms/language"/>', '<field index="7" term="http://purl.org/dc/terms/language"/>')));
    expect(metaViolations(broken)).toEqual(['vernacularname.txt: field 7 within 3 columns']);

    const file = path.join(tempDir(), 'concord-dwca.zip');
    fs.writeFileSync(file, res.rawPayload);
    let fresh: TestDatabase | undefined;
    try {
      fresh = await createTestDatabase('pglite');
      await runImport(fresh.database, await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
      const s = await runImport(fresh.database, await importerFor('dwca'), file, { progress: false });
      expect(s.status, s.error).toBe('succeeded');
      expect(s.rejected).toBe(0);
      expect(await facts(fresh.database)).toEqual(await facts(get()));
      const again = await runImport(fresh.database, await importerFor('dwca'), file, { progress: false });
      expect(again).toMatchObject({ accepted: 0, updated: 0 });
    } finally { await fresh?.drop(); }
  });
});
