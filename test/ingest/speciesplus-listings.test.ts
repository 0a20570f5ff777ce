// Species+ "Listings" CSV downloads, rendered at test time from real rows:
// CITES from the 2017 Checklist (App III Parties from the 2013 legislation's
// current App III rows), CMS from the Arctic Tracker's 2025 Species+ CMS
// export. The source files carry no Species+ CMS ids, so CMS rows get ids
// of their own (900000 + position).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import type { Database } from '../../src/db/client.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { checklistRecords, type Rec } from './checklist-fixtures.js';

const CITES_HEADER = ['Id', 'Kingdom', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'Species', 'Subspecies', 'Scientific Name', 'Author', 'Rank', 'Listing', 'Party', 'Listed under', 'Full note', '# Full note',
  'All_DistributionFullNames', 'All_DistributionISOCodes', 'NativeDistributionFullNames', 'Introduced_Distribution', 'Introduced(?)_Distribution', 'Reintroduced_Distribution', 'Extinct_Distribution', 'Extinct(?)_Distribution', 'Distribution_Uncertain'];
const CMS_HEADER = ['Id', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'ScientificName', 'Author', 'Rank', 'Agreement', 'Listing', 'Listed under', 'Date', 'Note', 'All_DistributionISOCodes'];
const CITES_TAXA = ['Loxodonta africana', 'Odobenus rosmarus', 'Crax rubra', 'Panthera leo', 'Felidae', 'Caretta caretta'];

const legacy = (name: string) => parse(fs.readFileSync(dataPath('sapi-legacy-2013', 'lib', 'files', 'animals', name), 'utf8'), { columns: true, bom: true }) as Rec[];

/** name -> Parties of its current App III listing in the 2013 legislation. */
function appendixIIIParties(): Map<string, string[]> {
  const taxa = new Map(legacy('animalia_taxa_utf8.csv').map((t) => [`${t.Rank.toUpperCase()}|${t.RecID}`, t]));
  const fullName = (t: Rec): string => {
    const rank = t.Rank.toUpperCase();
    return rank === 'SPECIES' || rank === 'SUBSPECIES' ? `${fullName(taxa.get(`${t.ParentRank.toUpperCase()}|${t.ParentRecID}`)!)} ${t['Scientific name']}` : t['Scientific name'];
  };
  const out = new Map<string, string[]>();
  for (const l of legacy('animalia_legislation_utf8.csv')) {
    const t = taxa.get(`${l.rank_name.toUpperCase()}|${l.rec_id}`);
    if (!t || l.listing !== 'III' || l.is_current !== '1') continue;
    const n = fullName(t);
    out.set(n, [...(out.get(n) ?? []), l.party_iso2]);
  }
  return out;
}

function write(name: string, header: string[], rows: Rec[], delimiter = ','): string {
  const file = path.join(tempDir('concord-splistings-'), name);
  fs.writeFileSync(file, stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], { delimiter }));
  return file;
}

async function citesRows(): Promise<Rec[]> {
  const parties = appendixIIIParties();
  const { records } = await checklistRecords((r) => CITES_TAXA.includes(r.FullName) || r.Genus === 'Crax');
  return records.map((r) => ({
    Id: r.TaxonId, Kingdom: r.Kingdom, Phylum: r.Phylum, Class: r.Class, Order: r.Order, Family: r.Family, Genus: r.Genus, Species: r.Species, Subspecies: r.Subspecies,
    'Scientific Name': r.FullName, Author: r.AuthorYear, Rank: r.RankName, Listing: r.CurrentListing, Party: (parties.get(r.FullName) ?? []).join(', '),
    'Listed under': r.FullName, 'Full note': r.AnnotationEnglish, '# Full note': r['#Annotation'],
    ...Object.fromEntries(CITES_HEADER.slice(17).map((c) => [c, r[c]])),
  }));
}

function cmsRows(): Rec[] {
  const data = JSON.parse(fs.readFileSync(dataPath('arctic-tracker-cms', 'cms_arctic_species_data.json'), 'utf8')) as { species_data: Record<string, unknown>[] };
  return data.species_data.map((s, i) => {
    const tax = s.taxonomic_info as Record<string, string>;
    return {
      Id: String(900000 + i), Phylum: tax.phylum, Class: tax.class, Order: tax.order, Family: tax.family, Genus: tax.genus,
      ScientificName: s.species_name as string, Author: tax.author, Rank: 'SPECIES', Agreement: s.agreement as string, Listing: s.cms_listing as string,
      'Listed under': s.listed_under as string, Date: s.date_listed as string, Note: s.notes as string,
      All_DistributionISOCodes: (s.all_distribution_codes as string[]).join(', '),
    };
  });
}

async function currentListings(db: Database, taxonomy: string, name: string) {
  return db.query<{ convention: string; appendix: string; party: string | null; effective_at: string | null; annotation_en: string | null; populations_included: string[]; populations_excluded: string[] }>(`
    select l.convention, l.appendix, trim(l.party_iso2) party, l.effective_at::text effective_at, l.annotation_en, l.populations_included, l.populations_excluded
      from listing_changes l join taxon_concepts c on c.id = l.taxon_concept_id
     where c.taxonomy_id = $1 and c.full_name = $2 and l.is_current order by l.appendix, l.party_iso2`, [taxonomy, name]);
}

describeEachDatabase('speciesplus-listings-csv importer', (get) => {
  beforeAll(async () => {
    for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')], ['cites-parties', dataPath('citesdb', 'cites_parties.tsv')]]) {
      expect((await runImport(get(), await importerFor(format), file, { progress: false })).status).toBe('succeeded');
    }
  });

  it('reads the CITES layout: App III listings name their Parties, split listings their populations; the semicolon file is the same data', async () => {
    const rows = await citesRows();
    const imp = await importerFor('speciesplus-listings-csv');
    const first = await runImport(get(), imp, write('cites.csv', CITES_HEADER, rows), { progress: false });
    expect(first.status).toBe('succeeded');
    expect(first.notes).toContain('layout: CITES');
    expect(first.accepted + first.rejects.filter((r) => ['Id', 'Rank', 'Listing', 'Party'].includes(r.field)).length).toBe(rows.length);
    expect((await currentListings(get(), 'CITES', 'Crax rubra')).map((l) => [l.appendix, l.party])).toEqual([['III', 'CO'], ['III', 'CR'], ['III', 'GT'], ['III', 'HN']]);
    expect((await currentListings(get(), 'CITES', 'Odobenus rosmarus')).map((l) => [l.appendix, l.party])).toEqual([['III', 'CA']]);
    expect((await currentListings(get(), 'CITES', 'Loxodonta africana')).map((l) => [l.appendix, l.populations_included, l.populations_excluded])).toEqual([
      ['I', [], ['BW', 'NA', 'ZA', 'ZW']], ['II', ['BW', 'NA', 'ZA', 'ZW'], []],
    ]);
    const semicolons = await runImport(get(), imp, write('cites-semicolon.csv', CITES_HEADER, rows, ';'), { progress: false });
    expect(semicolons).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: first.accepted });
  });

  it('reads the CMS layout into the CMS taxonomy with appendix, date and note', async () => {
    const rows = cmsRows();
    const imp = await importerFor('speciesplus-listings-csv');
    const first = await runImport(get(), imp, write('cms.csv', CMS_HEADER, rows), { progress: false });
    expect(first.status).toBe('succeeded');
    expect(first.notes).toContain('layout: CMS');
    // The export's one code no place list knows: 'S1' (Sudan before South Sudan); the row is kept without it.
    const withS1 = rows.filter((r) => r.All_DistributionISOCodes.split(', ').includes('S1'));
    expect(withS1.length).toBeGreaterThan(0);
    expect(first.rejects.map((r) => [r.field, r.reason])).toEqual(withS1.map(() => ['All_DistributionISOCodes', "a known ISO code (import country-codes and cites-parties first); 'S1' is not a geo entity"]));
    expect(first.accepted).toBe(rows.length);
    expect(await currentListings(get(), 'CMS', 'Balaena mysticetus')).toMatchObject([{ convention: 'CMS', appendix: 'I', effective_at: '1979-01-01' }]);
    expect((await currentListings(get(), 'CMS', 'Branta ruficollis')).map((l) => [l.appendix, l.effective_at])).toEqual([['I', '1997-07-15'], ['II', '1994-01-01']]);
    expect(await currentListings(get(), 'CMS', 'Ziphius cavirostris')).toMatchObject([{ appendix: 'I', annotation_en: 'Mediterranean population only' }]);
    const [ursus] = await get().query<{ n: string; class_name: string }>(`
      select count(d.*) n, c.class_name from taxon_concepts c left join distributions d on d.taxon_concept_id = c.id
       where c.taxonomy_id = 'CMS' and c.full_name = 'Ursus maritimus' group by c.class_name`);
    expect(Number(ursus.n)).toBe(rows.find((r) => r.ScientificName === 'Ursus maritimus')!.All_DistributionISOCodes.split(', ').length);
    const again = await runImport(get(), imp, write('cms.csv', CMS_HEADER, rows), { progress: false });
    expect(again).toMatchObject({ accepted: 0, updated: 0, unchanged: rows.length });
  });

  it('refuses a header of neither layout, and rejects bad rows by line', async () => {
    const imp = await importerFor('speciesplus-listings-csv');
    const refused = await runImport(get(), imp, write('other.csv', ['Id', 'Rank', 'Listing', 'Listed under', 'Name'], [{ Id: '1', Rank: 'SPECIES', Listing: 'I', 'Listed under': 'x', Name: 'x' }]), { progress: false });
    expect(refused).toMatchObject({ status: 'refused', error: expect.stringMatching(/other\.csv:1: the header of a Species\+ listings CSV/) });
    const rows = cmsRows().slice(0, 2);
    const summary = await runImport(get(), imp, write('bad.csv', CMS_HEADER, [...rows, { ...rows[0], Id: '1', Listing: 'III' }, { ...rows[1], Id: 'x' }, { ...rows[1], Id: '2', Date: '**I** 31/02/1999' }]), { progress: false });
    expect(summary.rejects).toEqual([
      { file: 'bad.csv', line: 4, field: 'Listing', reason: "CMS appendices I or II separated by '/', got 'III'" },
      { file: 'bad.csv', line: 5, field: 'Id', reason: "a numeric Species+ taxon id, got 'x'" },
      { file: 'bad.csv', line: 6, field: 'Date', reason: "a date DD/MM/YYYY, got '**I** 31/02/1999'" },
    ]);
  });

  it('imports a real download without loss: an unknown Party alone is rejected, a subspecies creates its missing species, "Listed under" a higher taxon is an inherited listing', async () => {
    const imp = await importerFor('speciesplus-listings-csv');
    const rows = await citesRows();
    const walrus = rows.find((r) => r['Scientific Name'] === 'Odobenus rosmarus')!;
    const { records } = await checklistRecords((r) => r.FullName === 'Panthera leo persica' || r.FullName === 'Felis silvestris');
    const asRow = (r: Rec, listedUnder: string) => ({
      Id: r.TaxonId, Kingdom: r.Kingdom, Phylum: r.Phylum, Class: r.Class, Order: r.Order, Family: r.Family, Genus: r.Genus, Species: r.Species, Subspecies: r.Subspecies,
      'Scientific Name': r.FullName, Author: r.AuthorYear, Rank: r.RankName, Listing: r.CurrentListing.replace('/NC', ''), Party: '', 'Listed under': listedUnder, 'Full note': r.AnnotationEnglish, '# Full note': '',
      All_DistributionISOCodes: r.All_DistributionISOCodes, All_DistributionFullNames: r.All_DistributionFullNames,
    });
    const lion = asRow(records.find((r) => r.FullName === 'Panthera leo persica')!, 'Panthera leo persica');
    const wildcat = asRow(records.find((r) => r.FullName === 'Felis silvestris')!, 'Felidae spp.');
    const felidae = rows.find((r) => r['Scientific Name'] === 'Felidae')!;
    // A subspecies whose species is neither in the file nor in the database (the Asiatic lion's row, renamed under a species absent here).
    const summary = await runImport(get(), imp, write('real.csv', CITES_HEADER, [{ ...walrus, Party: 'Canada, Atlantis' }, felidae, wildcat, { ...lion, Id: '990001', 'Scientific Name': 'Panthera spelaea persica', Species: 'spelaea', 'Listed under': 'Panthera spelaea persica' }]), { progress: false });
    expect(summary.status).toBe('succeeded');
    expect(summary.rejects).toEqual([{ file: 'real.csv', line: 2, field: 'Party', reason: "a Party as an ISO code or country name; 'Atlantis' is neither (the row is kept without it)" }]);
    expect((await currentListings(get(), 'CITES', 'Odobenus rosmarus')).map((l) => [l.appendix, l.party])).toEqual([['III', 'CA']]);
    // The subspecies row made its species from the Genus and Species columns.
    const [made] = await get().query<{ rank: string; parent: string }>(`select s.rank, p.full_name as parent from taxon_concepts s join taxon_concepts p on p.id = s.parent_id where s.taxonomy_id = 'CITES' and s.full_name = 'Panthera spelaea'`);
    expect(made).toEqual({ rank: 'SPECIES', parent: 'Panthera' });
    // Listed under Felidae spp.: the listing is Felidae's, and the status says so.
    const [cat] = await get().query<{ reasons: { kind: string; from?: { name: string } }[] }>(`select tl.reasons from taxon_listings tl join taxon_concepts c on c.id = tl.taxon_concept_id where c.taxonomy_id = 'CITES' and c.full_name = 'Felis silvestris' and tl.convention = 'CITES'`);
    expect(cat.reasons[0]).toMatchObject({ kind: 'inherited', from: { name: 'Felidae' } });
  });
});
