import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportSummary } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import type { Database } from '../../src/db/client.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { checklistRecords, writeChecklist, type Rec } from './checklist-fixtures.js';

const GENERA = new Set(['Loxodonta', 'Panthera', 'Falco', 'Saiga', 'Ovis', 'Caretta', 'Ursus', 'Canis']);
const HIGHER = new Set(['Felidae', 'Ursidae', 'Cheloniidae']);
const golden = (r: Rec) => GENERA.has(r.Genus) || HIGHER.has(r.FullName) || r.Genus === 'Vicugna';
const inGoldenSlice = (r: Rec) => GENERA.has(r.Genus) || HIGHER.has(r.FullName);

/** Row-level problems that refuse the whole row (others, e.g. one unknown distribution code, keep the row). */
const ROW_FIELDS = new Set(['TaxonId', 'RankName', 'FullName', 'Kingdom', 'CurrentListing', 'Species']);
const rowRejects = (s: ImportSummary) => s.rejects.filter((r) => ROW_FIELDS.has(r.field));

async function importFile(db: Database, format: string, file: string) {
  return runImport(db, await importerFor(format), file, { progress: false });
}

async function setupPlaces(db: Database) {
  expect((await importFile(db, 'country-codes', dataPath('country-codes', 'country-codes.csv'))).status).toBe('succeeded');
  expect((await importFile(db, 'cites-parties', dataPath('citesdb', 'cites_parties.tsv'))).status).toBe('succeeded');
}

/** Row counts of every table the importer writes. */
async function tableCounts(db: Database) {
  const [row] = await db.query<Record<string, string>>(`select
    (select count(*) from taxon_concepts) concepts, (select count(*) from taxon_relationships) relationships,
    (select count(*) from common_names) names, (select count(*) from distributions) distributions,
    (select count(*) from listing_changes) listings, (select count(*) from listing_changes where is_current) current_listings,
    (select max(updated_at) from taxon_concepts)::text last_update`);
  return row;
}

async function listingsOf(db: Database, name: string) {
  return db.query<{ appendix: string; change_type: string; is_current: boolean; populations_included: string[]; populations_excluded: string[]; annotation_en: string | null; hash_symbol: string | null; data: Record<string, unknown> }>(
    `select l.appendix, l.change_type, l.is_current, l.populations_included, l.populations_excluded, l.annotation_en, l.hash_symbol, l.data
       from listing_changes l join taxon_concepts c on c.id = l.taxon_concept_id
      where c.full_name = $1 and c.taxonomy_id = 'CITES' and l.is_current order by l.appendix`, [name]);
}

async function concept(db: Database, name: string) {
  const [c] = await db.query<{ id: number; speciesplus_id: number; author_year: string; rank: string; name_status: string; parent_id: number | null; data: Record<string, unknown>; class_name: string | null }>(
    `select id, speciesplus_id, author_year, rank, name_status, parent_id, data, class_name from taxon_concepts where full_name = $1 and taxonomy_id = 'CITES' and name_status = 'A'`, [name]);
  return c;
}

describeEachDatabase('checklist-csv importer', (get) => {
  let slice: { header: string[]; records: Rec[] };
  let sliceFile: string;

  beforeAll(async () => {
    await setupPlaces(get());
    slice = await checklistRecords(golden);
    sliceFile = writeChecklist('golden.csv', slice.header, slice.records.filter(inGoldenSlice));
  });

  it('imports a slice of real rows: every row accepted or rejected with a reason, re-import writes nothing', async () => {
    const first = await importFile(get(), 'checklist-csv', sliceFile);
    expect(first.status).toBe('succeeded');
    expect(first.accepted + first.updated + first.unchanged + rowRejects(first).length).toBe(slice.records.filter(inGoldenSlice).length);
    const before = await tableCounts(get());
    const second = await importFile(get(), 'checklist-csv', sliceFile);
    expect(second).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: first.accepted });
    expect(await tableCounts(get())).toEqual(before);
  });

  it('splits listings by population (Loxodonta africana, Ursus arctos, Canis lupus)', async () => {
    expect((await listingsOf(get(), 'Loxodonta africana')).map((l) => [l.appendix, l.populations_included, l.populations_excluded])).toEqual([
      ['I', [], ['BW', 'NA', 'ZA', 'ZW']],
      ['II', ['BW', 'NA', 'ZA', 'ZW'], []],
    ]);
    expect((await listingsOf(get(), 'Ursus arctos')).map((l) => [l.appendix, l.populations_included, l.populations_excluded])).toEqual([
      ['I', ['BT', 'CN', 'MN', 'MX'], []],
      ['II', [], ['BT', 'CN', 'MN', 'MX']],
    ]);
    expect((await listingsOf(get(), 'Canis lupus')).map((l) => [l.appendix, l.populations_included, l.populations_excluded])).toEqual([
      ['I', ['BT', 'IN', 'NP', 'PK'], []],
      ['II', [], ['BT', 'IN', 'NP', 'PK']],
    ]);
    const lox = await concept(get(), 'Loxodonta africana');
    expect(lox).toMatchObject({ speciesplus_id: 4521, author_year: '(Blumenbach, 1797)', rank: 'SPECIES', name_status: 'A' });
    expect(lox.data).toMatchObject({ currentListing: 'I/II', citesAccepted: true, listingFromDescendants: [] });
  });

  it('keeps appendices that come from descendants out of the taxon\'s own listing (Panthera leo, Ovis ammon)', async () => {
    const leo = await listingsOf(get(), 'Panthera leo');
    expect(leo.map((l) => [l.appendix, l.change_type, l.annotation_en])).toEqual([['II', 'ADDITION', 'Included in Felidae spp.']]);
    expect((await concept(get(), 'Panthera leo')).data).toMatchObject({ currentListing: 'I/II', listingFromDescendants: ['I'] });
    expect((await listingsOf(get(), 'Panthera leo persica')).map((l) => l.appendix)).toEqual(['I']);
    expect((await listingsOf(get(), 'Ovis ammon'))).toMatchObject([{ appendix: 'II', annotation_en: 'Except <i>O. a. hodgsonii</i> and <i>O. a. nigrimontana</i>' }]);
    expect((await concept(get(), 'Ovis ammon')).data).toMatchObject({ currentListing: 'I/II', listingFromDescendants: ['I'] });
    expect((await listingsOf(get(), 'Ovis ammon hodgsonii')).map((l) => l.appendix)).toEqual(['I']);
  });

  it('lists a higher taxon with its annotation (Felidae spp.) and places species under it', async () => {
    const felidae = await listingsOf(get(), 'Felidae');
    expect(felidae.map((l) => l.appendix)).toEqual(['II']);
    expect(felidae[0].annotation_en).toMatch(/^Except the species included in Appendix I/);
    const chain = await get().query<{ full_name: string; rank: string }>(`
      with recursive up as (select id, parent_id, full_name, rank, 0 d from taxon_concepts where full_name = 'Panthera leo persica' and taxonomy_id = 'CITES'
        union all select c.id, c.parent_id, c.full_name, c.rank, up.d + 1 from taxon_concepts c join up on c.id = up.parent_id)
      select full_name, rank from up order by d`);
    expect(chain.map((c) => `${c.rank} ${c.full_name}`)).toEqual([
      'SUBSPECIES Panthera leo persica', 'SPECIES Panthera leo', 'GENUS Panthera', 'FAMILY Felidae', 'ORDER Carnivora', 'CLASS Mammalia', 'PHYLUM Chordata', 'KINGDOM Animalia',
    ]);
  });

  it('stores distributions with tags, synonyms with authors containing commas, and common names (Falco cherrug, Saiga tatarica, Caretta caretta)', async () => {
    const dist = async (name: string) => Object.fromEntries((await get().query<{ iso2: string; tags: string[] }>(
      `select g.iso2, d.tags from distributions d join geo_entities g on g.id = d.geo_entity_id join taxon_concepts c on c.id = d.taxon_concept_id
        where c.full_name = $1 and c.name_status = 'A'`, [name])).map((d) => [d.iso2.trim(), d.tags]));
    const falco = await dist('Falco cherrug');
    const falcoRecord = slice.records.find((r) => r.FullName === 'Falco cherrug')!;
    expect(Object.keys(falco).sort()).toEqual(falcoRecord.All_DistributionISOCodes.split(', ').sort());
    expect(falco).toMatchObject({ TM: ['EXTINCT'], BI: ['DISTRIBUTION UNCERTAIN'], MN: [] });
    expect(await dist('Saiga tatarica')).toEqual({ CN: ['EXTINCT'], KZ: [], PL: ['EXTINCT'], MD: ['EXTINCT'], RU: [], TM: [], UA: ['EXTINCT'], UZ: [] });
    const synonyms = await get().query<{ full_name: string; author_year: string; rank: string }>(`
      select s.full_name, s.author_year, s.rank from taxon_relationships r join taxon_concepts a on a.id = r.taxon_concept_id
        join taxon_concepts s on s.id = r.other_taxon_concept_id where a.full_name = 'Caretta caretta' and r.type = 'HAS_SYNONYM' and s.name_status = 'S'`);
    expect(synonyms).toEqual(expect.arrayContaining([
      { full_name: 'Caretta gigas', author_year: 'Deraniyagala, 1933', rank: 'SPECIES' },
      { full_name: 'Testudo cephalo', author_year: 'Schneider, 1783', rank: 'SPECIES' },
      { full_name: 'Testudo caouana', author_year: 'Lacépède, 1788', rank: 'SPECIES' },
    ]));
    const source = slice.records.find((r) => r.FullName === 'Caretta caretta')!;
    expect(synonyms).toHaveLength(source.SynonymsWithAuthors.split(/, (?=[A-Z][a-z]+ [a-z])/).length);
    const names = await get().query<{ language: string; name: string }>(`
      select n.language, n.name from common_names n join taxon_concepts c on c.id = n.taxon_concept_id where c.full_name = 'Caretta caretta' order by 1, 2`);
    expect(names.filter((n) => n.language === 'en').map((n) => n.name)).toEqual(['Loggerhead']);
    expect(names.filter((n) => n.language === 'fr').map((n) => n.name)).toContain('Tortue caouanne');
    expect((await listingsOf(get(), 'Caretta caretta')).map((l) => [l.appendix, l.annotation_en])).toEqual([['I', 'Included in Cheloniidae spp.']]);
  });

  it('merges with a Species+ 2013 concept: matches by name, takes the Species+ id, supersedes the 2013 current listing', async () => {
    const db = get();
    // A 2013-seed concept (legacy id, no Species+ id) and its current 2013 listing, as the sapi importers leave them.
    const [c] = await db.query<{ id: number }>(`insert into taxon_concepts (taxonomy_id, legacy_id, full_name, author_year, rank, name_status, kingdom_name, name_key, data)
      values ('CITES', 'A:SPECIES:99001', 'Vicugna vicugna', 'Molina, 1782', 'SPECIES', 'A', 'Animalia', 'vicugna vicugna', '{"designation":"CITES_EU"}') returning id`);
    await db.query(`insert into listing_changes (taxon_concept_id, convention, appendix, change_type, effective_at, is_current, data)
      values ($1, 'CITES', 'I', 'ADDITION', '1975-07-01', true, '{"source":"sapi-2013"}')`, [c.id]);
    const records = slice.records.filter((r) => r.Genus === 'Vicugna');
    const file = writeChecklist('Index_of_CITES_Species_2017-04-21 vicugna.csv', slice.header, records);
    const summary = await importFile(db, 'checklist-csv', file);
    expect(summary.status).toBe('succeeded');
    const source = records.find((r) => r.FullName === 'Vicugna vicugna')!;
    const merged = await concept(db, 'Vicugna vicugna');
    expect(merged).toMatchObject({ id: c.id, speciesplus_id: Number(source.TaxonId), author_year: source.AuthorYear });
    expect(merged.data).toMatchObject({ designation: 'CITES_EU', currentListing: source.CurrentListing });
    const rows = await db.query<{ appendix: string; is_current: boolean; effective_at: string | null; source: string; superseded_by: string | null }>(
      `select appendix, is_current, effective_at::text, data->>'source' source, data->>'supersededBy' superseded_by from listing_changes where taxon_concept_id = $1 order by id`, [c.id]);
    expect(rows).toEqual([
      { appendix: 'I', is_current: false, effective_at: '1975-07-01', source: 'sapi-2013', superseded_by: 'checklist-2017' },
      { appendix: 'I', is_current: true, effective_at: null, source: 'checklist-2017', superseded_by: null },
      { appendix: 'II', is_current: true, effective_at: null, source: 'checklist-2017', superseded_by: null },
    ]);
    expect((await importFile(db, 'checklist-csv', file))).toMatchObject({ accepted: 0, updated: 0 });
  });

  it('rejects bad rows with file, line, field and reason, and keeps the good ones', async () => {
    const base = slice.records.filter((r) => r.Genus === 'Caretta' || r.FullName === 'Cheloniidae');
    const good = base[0];
    const bad: Rec[] = [
      { ...good, TaxonId: '99000001', FullName: 'Caretta fakeus', Species: 'fakeus', RankName: 'SUPERSPECIES' },
      { ...good, TaxonId: good.TaxonId, FullName: 'Caretta duplicata', Species: 'duplicata' },
      { ...good, TaxonId: '99000003', FullName: 'Caretta nova', Species: 'nova', All_DistributionISOCodes: 'QQ', All_DistributionFullNames: 'Nowhere', NativeDistributionFullNames: 'Nowhere', Extinct_Distribution: '' },
      { ...good, TaxonId: '99000004', FullName: 'Lepidochelys absentia orphana', Genus: 'Lepidochelys', Species: 'absentia', Subspecies: 'orphana', RankName: 'SUBSPECIES' },
      { ...good, TaxonId: '99000005', FullName: 'Caretta quarta', Species: 'quarta', CurrentListing: 'IV' },
    ];
    const file = writeChecklist('bad-rows.csv', slice.header, [...base, ...bad]);
    const summary = await importFile(get(), 'checklist-csv', file);
    expect(summary.status).toBe('succeeded');
    const lines = summary.rejects.map((r) => ({ field: r.field, reason: r.reason }));
    expect(lines).toEqual(expect.arrayContaining([
      { field: 'RankName', reason: "a known rank (KINGDOM ... SPECIES, SUBSPECIES, VARIETY), got 'SUPERSPECIES'" },
      { field: 'TaxonId', reason: expect.stringMatching(new RegExp(`^a unique TaxonId; ${good.TaxonId} is already on line \\d+$`)) },
      { field: 'All_DistributionISOCodes', reason: expect.stringContaining("'QQ' is not a geo entity") },
      { field: 'Species', reason: 'a parent taxon: SPECIES Lepidochelys absentia is neither in the file nor in the database' },
      { field: 'CurrentListing', reason: "appendices I, II, III or NC separated by '/', got 'IV'" },
    ]));
    expect(summary.rejects.every((r) => r.file === 'bad-rows.csv' && r.line > 1)).toBe(true);
    expect(rowRejects(summary)).toHaveLength(4);
    expect(await concept(get(), 'Caretta nova')).toBeDefined(); // kept, without the unknown place
    expect(await concept(get(), 'Lepidochelys absentia orphana')).toBeUndefined();
  });

  it('refuses broken files with file, line and what was expected, leaving the database exactly as it was', async () => {
    const before = await tableCounts(get());
    const header = slice.header.join(',');
    const one = fs.readFileSync(writeChecklist('one.csv', slice.header, slice.records.slice(0, 3)), 'utf8');
    const dir = tempDir();
    const write = (name: string, content: string | Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, content); return f; };
    const cases: [string, string | Buffer, RegExp][] = [
      ['wrong-header.csv', one.replace('RankName', 'Rank'), /wrong-header\.csv:1 \[RankName\].*missing RankName/],
      ['not-checklist.csv', 'a,b,c\n1,2,3\n', /not-checklist\.csv:1 \[TaxonId\]/],
      ['empty.csv', '', /empty\.csv.*empty/],
      ['header-only.csv', `${header}\n`, /header-only\.csv.*at least one data row/],
      ['unbalanced.csv', `${one}"${one.split('\n')[1]}\n`, /unbalanced\.csv:\d+.*quote/i],
      ['bad-utf8.csv', Buffer.concat([Buffer.from(one), Buffer.from([0x34, 0x35, 0xc3, 0x28, 0x2c]), Buffer.from(one.split('\n').slice(1).join('\n'))]), /bad-utf8\.csv:\d+.*UTF-8/],
      ['truncated.csv.gz', zlib.gzipSync(fs.readFileSync(sliceFile)).subarray(0, 3000), /truncated\.csv\.gz.*gzip/],
    ];
    for (const [name, content, message] of cases) {
      const summary = await importFile(get(), 'checklist-csv', write(name, content));
      expect(summary.status, name).toBe('refused');
      expect(summary.error, name).toMatch(message);
    }
    expect(await tableCounts(get())).toEqual(before);
  });
});

describe('concord import checklist-csv (CLI)', () => {
  it('exits 1 with file, line, field and what was expected when it refuses a file', async () => {
    const { header, records } = await checklistRecords((r) => r.Genus === 'Caretta');
    const file = writeChecklist('cli-wrong-header.csv', header.map((h) => (h === 'TaxonId' ? 'Id' : h)), records.map((r) => ({ ...r, Id: r.TaxonId })));
    const r = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'import', 'checklist-csv', file], {
      env: { ...process.env, CONCORD_DATA_DIR: tempDir('concord-cli-'), DATABASE_URL: '' }, encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/checklist-csv cli-wrong-header\.csv: refused: cli-wrong-header\.csv:1 \[TaxonId\]: header columns .*missing TaxonId\nThe database is unchanged\./);
  }, 120_000);
});
