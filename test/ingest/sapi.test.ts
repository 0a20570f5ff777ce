// Species+ 2013 seed importers on slices of the real files: golden facts are
// checked against the rows of the files (line numbers in comments).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { tempDir } from '../support/data.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import type { Database } from '../../src/db/client.js';
import { LEGACY, readRecords, runSapiSeed, sliceSeed } from './sapi-support.js';

// Saiga tatarica, Ovis ammon, Falco cherrug, Caretta caretta (CITES and CMS records),
// Loxodonta africana, Acinonyx jubatus, Barbastella barbastellus (EUROBATS).
const ANIMALS = ['SPECIES:19832', 'SPECIES:15733', 'SPECIES:8449', 'SPECIES:3897', 'SPECIES:200200', 'SPECIES:12392', 'SPECIES:219', 'SPECIES:2553'];
const PLANTS = ['VARIETY:9762']; // an App III listing by Nepal with # annotation CoP15 #1

interface Change { appendix: string; change_type: string; effective_at: string; party_iso2: string | null; is_current: boolean; populations_included: string[]; populations_excluded: string[]; annotation_en: string | null; hash_symbol: string | null; inclusion: string | null; data: Record<string, unknown> }

/** CMS Agreements and MOUs covering a CMS concept, as the source names them (codes of src/taxonomy/instruments.ts). */
async function instruments(db: Database, fullName: string): Promise<{ instrument: string; since: string }[]> {
  return db.query(`select i.instrument, to_char(i.since, 'YYYY-MM-DD') since from instrument_coverage i join taxon_concepts tc on tc.id = i.taxon_concept_id
    where tc.taxonomy_id = 'CMS' and tc.full_name = $1 order by i.instrument`, [fullName]);
}

async function history(db: Database, taxonomy: string, fullName: string, convention: string): Promise<Change[]> {
  return db.query<Change>(
    `select lc.appendix, lc.change_type, to_char(lc.effective_at, 'YYYY-MM-DD') effective_at, trim(lc.party_iso2) party_iso2, lc.is_current,
            lc.populations_included, lc.populations_excluded, lc.annotation_en, lc.hash_symbol, inc.full_name inclusion, lc.data
       from listing_changes lc join taxon_concepts tc on tc.id = lc.taxon_concept_id
       left join taxon_concepts inc on inc.id = lc.inclusion_taxon_concept_id
      where tc.taxonomy_id = $1 and tc.full_name = $2 and lc.convention = $3 order by lc.effective_at, lc.id`, [taxonomy, fullName, convention]);
}

describeEachDatabase('Species+ 2013 seed importers (slices)', (get) => {
  const seedDir = sliceSeed(ANIMALS, PLANTS);

  it('imports every slice row: counts reconcile with the files', async () => {
    const results = await runSapiSeed(get(), seedDir);
    for (const r of results) expect(r.status, `${r.format} ${r.file}: ${r.error}`).toBe('succeeded');
    const taxa = readRecords(path.join(seedDir, LEGACY, 'animals', 'animalia_taxa_utf8.csv'));
    const taxaRun = results.find((r) => r.file === 'animalia_taxa_utf8.csv')!;
    expect(taxaRun.accepted).toBe(taxa.length);
    const concepts = await get().query<{ taxonomy_id: string; n: string }>(
      `select taxonomy_id, count(*) n from taxon_concepts where legacy_id like 'A:%' and legacy_id not like 'A:SYN:%' group by 1`);
    const count = (t: string) => Number(concepts.find((c) => c.taxonomy_id === t)?.n ?? 0);
    expect(count('CITES')).toBe(taxa.filter((r) => r.Designation.includes('CITES')).length);
    expect(count('CMS')).toBe(taxa.filter((r) => r.Designation.includes('CMS')).length);
    const cms = readRecords(path.join(seedDir, LEGACY, 'animals', 'CMS_legislation_utf8.csv'));
    // Appendix I/II rows are listing changes; Agreement and MOU rows are instrument coverage.
    const [{ n }] = await get().query<{ n: string }>(`select (select count(*) from listing_changes where convention = 'CMS') + (select count(*) from instrument_coverage) n`);
    expect(Number(n)).toBe(cms.length);
    const [{ m }] = await get().query<{ m: string }>(`select count(*) m from listing_changes where convention = 'CMS' and appendix not in ('I', 'II')`);
    expect(Number(m)).toBe(0);
  });

  it('parses the CR-only countries file: territories under their sovereign, countries under their CITES region', async () => {
    const rows = await get().query<{ iso2: string; type: string; parent_iso2: string | null; is_current: boolean; name_en: string }>(
      `select trim(iso2) iso2, type, trim(parent_iso2) parent_iso2, is_current, name_en from geo_entities where iso2 in ('AS','S1','KE','R1','DD')`);
    const by = Object.fromEntries(rows.map((r) => [r.iso2, r]));
    expect(by.AS).toMatchObject({ type: 'TERRITORY', parent_iso2: 'US' }); // AS,American Samoa,Territory,US
    expect(by.S1).toMatchObject({ is_current: false, parent_iso2: 'R1' }); // Sudan before 2011, Current_name N
    expect(by.KE).toMatchObject({ type: 'COUNTRY', parent_iso2: 'R1' });
    expect(by.R1).toMatchObject({ type: 'REGION', name_en: '1- Africa' });
    expect(by.DD).toMatchObject({ is_current: false, name_en: 'Former East Germany' });
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from geo_entities where iso2 = 'AS'`);
    expect(Number(n)).toBe(1); // completed, not duplicated
  });

  it('builds full names from the parent chain, normalises capitals and keeps Designation', async () => {
    const rows = await get().query<{ taxonomy_id: string; full_name: string; rank: string; family_name: string; legacy_id: string; data: Record<string, string>; author_year: string }>(
      `select taxonomy_id, full_name, rank, family_name, legacy_id, data, author_year from taxon_concepts where full_name in ('Saiga tatarica', 'Felidae', 'Dalbergia cochinchinensis var. obovata') order by 1, 2`);
    expect(rows.filter((r) => r.full_name === 'Saiga tatarica').map((r) => r.taxonomy_id)).toEqual(['CITES', 'CMS']);
    const saiga = rows.find((r) => r.full_name === 'Saiga tatarica')!;
    expect(saiga).toMatchObject({ rank: 'SPECIES', family_name: 'Bovidae', legacy_id: 'A:SPECIES:19832', author_year: '(Linnaeus, 1766)' });
    expect(saiga.data).toMatchObject({ designation: 'CITES_EU,CMS', sourceName: 'tatarica' });
    const felidae = rows.find((r) => r.full_name === 'Felidae')!;
    expect(felidae.data.sourceName).toBe('FELIDAE');
    const variety = await get().query<{ full_name: string; kingdom_name: string }>(`select full_name, kingdom_name from taxon_concepts where legacy_id = 'P:VARIETY:9762'`);
    expect(variety[0].full_name).toMatch(/^[A-Z][a-z]+ [a-z]+ var\. obovata$/);
    expect(variety[0].kingdom_name).toBe('Plantae'); // the file says Flora; the Checklist (which merges by kingdom) says Plantae
  });

  it('Saiga tatarica: CITES App II since 1995, CMS App II since 2002 and the Saiga MoU', async () => {
    expect(await history(get(), 'CITES', 'Saiga tatarica', 'CITES')).toMatchObject([{ appendix: 'II', change_type: 'ADDITION', effective_at: '1995-02-16', is_current: true }]);
    expect((await history(get(), 'CMS', 'Saiga tatarica', 'CMS')).map((c) => [c.appendix, c.effective_at])).toEqual([['II', '2002-12-23']]);
    expect(await instruments(get(), 'Saiga tatarica')).toEqual([{ instrument: 'SAIGA', since: '2006-01-01' }]);
  });

  it('Ovis ammon CITES II (1997, current) and CMS II (2012); Falco cherrug CMS I, II and the Raptors MoU', async () => {
    const ovis = await history(get(), 'CITES', 'Ovis ammon', 'CITES');
    expect(ovis.at(-1)).toMatchObject({ appendix: 'II', effective_at: '1997-09-18', is_current: true });
    expect((await history(get(), 'CMS', 'Ovis ammon', 'CMS')).map((c) => c.appendix)).toEqual(['II']);
    expect((await history(get(), 'CMS', 'Falco cherrug', 'CMS')).map((c) => c.appendix).sort()).toEqual(['I', 'II']);
    expect((await instruments(get(), 'Falco cherrug')).map((i) => i.instrument)).toEqual(['RAPTORS']);
  });

  it('Caretta caretta: CMS App I and two turtle MoUs (the 2013 file has no App II row); CITES App I as part of Cheloniidae spp.', async () => {
    const cms = await history(get(), 'CMS', 'Caretta caretta', 'CMS');
    expect(cms.map((c) => c.appendix).sort()).toEqual(['I']);
    expect((await instruments(get(), 'Caretta caretta')).map((i) => i.instrument)).toEqual(['ATLANTIC_TURTLES', 'IOSEA']);
    const cites = await history(get(), 'CITES', 'Caretta caretta', 'CITES');
    expect(cites.at(-1)).toMatchObject({ appendix: 'I', effective_at: '1981-06-06', is_current: true, inclusion: 'Cheloniidae' });
    expect(cites.find((c) => c.change_type === 'RESERVATION')).toMatchObject({ appendix: 'II', party_iso2: 'GB', annotation_en: 'On behalf of HK.' });
  });

  it('Loxodonta africana: App III by Ghana 1976, App I 1990 with reservations, split listing 1997', async () => {
    const h = await history(get(), 'CITES', 'Loxodonta africana', 'CITES');
    expect(h[0]).toMatchObject({ appendix: 'III', change_type: 'ADDITION', party_iso2: 'GH', effective_at: '1976-02-26' });
    expect(h).toContainEqual(expect.objectContaining({ appendix: 'I', change_type: 'ADDITION', effective_at: '1990-01-18', populations_included: [], populations_excluded: [] }));
    // Zimbabwe's reservation of 18/01/1990 and its withdrawal of 17/09/1997 (lines 2266, 2273).
    expect(h).toContainEqual(expect.objectContaining({ appendix: 'I', change_type: 'RESERVATION', party_iso2: 'ZW', effective_at: '1990-01-18' }));
    expect(h).toContainEqual(expect.objectContaining({ appendix: 'I', change_type: 'RESERVATION_WITHDRAWAL', party_iso2: 'ZW', effective_at: '1997-09-17' }));
    const split1997 = h.filter((c) => c.effective_at === '1997-09-18' && c.change_type === 'ADDITION');
    expect(split1997).toEqual(expect.arrayContaining([
      expect.objectContaining({ appendix: 'I', populations_excluded: ['BW', 'NA', 'ZW'] }),
      expect.objectContaining({ appendix: 'II', populations_included: ['BW', 'NA', 'ZW'] }),
    ]));
    expect(h.filter((c) => c.is_current).map((c) => c.appendix).sort()).toEqual(['I', 'I', 'II']); // I, II of 2007 and Malawi's reservation
  });

  it('Acinonyx jubatus: CMS App I except the populations of BW, NA and ZW (rec 219); a EUROBATS listing; a plant App III with # annotation', async () => {
    expect(await history(get(), 'CMS', 'Acinonyx jubatus', 'CMS')).toMatchObject([{ appendix: 'I', populations_excluded: ['BW', 'NA', 'ZW'], effective_at: '2009-03-05' }]);
    expect(await history(get(), 'CMS', 'Barbastella barbastellus', 'CMS')).toEqual([]);
    expect((await instruments(get(), 'Barbastella barbastellus')).map((i) => i.instrument)).toEqual(['EUROBATS']);
    const [plant] = await get().query<{ n: string }>(
      `select count(*) n from listing_changes lc join taxon_concepts tc on tc.id = lc.taxon_concept_id
        where tc.legacy_id = 'P:VARIETY:9762' and lc.appendix = 'III' and lc.party_iso2 = 'NP' and lc.hash_symbol = '#1' and lc.hash_annotation_en like 'All parts and derivatives%'`);
    expect(Number(plant.n)).toBeGreaterThan(0);
  });

  it('maps 3-letter languages to ISO 639-1 and puts names in the designated taxonomy', async () => {
    const names = await get().query<{ taxonomy_id: string; language: string; name: string }>(
      `select tc.taxonomy_id, cn.language, cn.name from common_names cn join taxon_concepts tc on tc.id = cn.taxon_concept_id where tc.full_name = 'Acinonyx jubatus'`);
    expect(names).toContainEqual({ taxonomy_id: 'CITES', language: 'af', name: 'Jagluiperd' }); // AFR, "CITES,EU"
    expect(new Set(names.map((n) => n.language)).has('en')).toBe(true);
    // NLD has no ISO-1 cell in languages_utf8.csv; Dutch is 'nl' all the same.
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from common_names where language in ('nld', 'NLD')`);
    expect(Number(n)).toBe(0);
    const [{ nl }] = await get().query<{ nl: string }>(`select count(*) nl from common_names where language = 'nl'`);
    expect(Number(nl)).toBeGreaterThan(0);
  });

  it('re-importing everything changes nothing', async () => {
    const again = await runSapiSeed(get(), seedDir);
    for (const r of again) expect({ f: r.file, a: r.accepted, u: r.updated }).toEqual({ f: r.file, a: 0, u: 0 });
  });

  it('keeps the name and author of a concept the 2017 Checklist named (speciesplus_id set)', async () => {
    await get().query(`update taxon_concepts set speciesplus_id = 4567, full_name = 'Saiga tatarica (Checklist)', author_year = 'L.' where taxonomy_id = 'CITES' and legacy_id = 'A:SPECIES:19832'`);
    const imp = await importerFor('sapi-taxa');
    const r = await runImport(get(), imp, path.join(seedDir, LEGACY, 'animals', 'animalia_taxa_utf8.csv'), { progress: false });
    expect(r).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0 });
    const [row] = await get().query<{ full_name: string; author_year: string }>(`select full_name, author_year from taxon_concepts where taxonomy_id = 'CITES' and legacy_id = 'A:SPECIES:19832'`);
    expect(row).toEqual({ full_name: 'Saiga tatarica (Checklist)', author_year: 'L.' });
  });

  it('rejects bad rows naming file, line, field and reason', async () => {
    const dir = tempDir();
    const taxa = path.join(dir, 'animalia_taxa_utf8.csv');
    fs.writeFileSync(taxa, [
      'Scientific name,Rank,RecID,ParentRank,ParentRecID,Status,Species Author,notes,Designation',
      'Animalia,Kingdom,1,,,A,,,"CITES_EU,CMS"',
      'CHORDATA,Phylum,3,Kingdom,1,A,,,CITES_EU',
      'oddity,Tribe2,5,Phylum,3,A,,,CITES_EU',
      'orphan,Species,6,Genus,999,A,,,CITES_EU',
      'CHORDATA,Phylum,3,Kingdom,1,A,,,CITES_EU',
      'nowhere,Class,7,Phylum,3,A,,,EU_ONLY_TYPO',
    ].join('\n') + '\n');
    const r = await runImport(get(), await importerFor('sapi-taxa'), taxa, { progress: false });
    expect(r.rejects).toEqual([
      { file: 'animalia_taxa_utf8.csv', line: 4, field: 'Rank', reason: "a known rank (KINGDOM ... VARIETY), got 'Tribe2'" },
      { file: 'animalia_taxa_utf8.csv', line: 6, field: 'RecID', reason: 'a unique PHYLUM RecID; 3 is already on line 3' },
      { file: 'animalia_taxa_utf8.csv', line: 7, field: 'Designation', reason: "CITES_EU, CMS or both, got 'EU_ONLY_TYPO'" },
      { file: 'animalia_taxa_utf8.csv', line: 5, field: 'ParentRecID', reason: 'the parent A:GENUS:999 is not in the file' },
    ]);
    const leg = path.join(dir, 'animalia_legislation_utf8.csv');
    const header = 'rank_name,rec_id,listing,effective_from,party_iso2,is_current,populations_iso2,EXCLUDEDpopulations_iso,is_inclusion,included_in_RecID,RankforInclusions,excluded_rec_ids,short_note_en,short_note_es,short_note_fr,full_note_en,SpeciesIndexAnnotation,HistoryAnnotation,hash_note,Notes';
    fs.writeFileSync(leg, [header,
      'SPECIES,19832,IV,16/02/1995,,1,,,0,,,,,,,,,,,',
      'SPECIES,19832,II,16/02/1995,,1,Q9,,0,,,,,,,,,,,',
      'SPECIES,19832,II,31/02/1995,,1,,,0,,,,,,,,,,,',
    ].join('\n') + '\n');
    const l = await runImport(get(), await importerFor('sapi-cites-legislation'), leg, { progress: false });
    expect(l.rejects.map((x) => [x.line, x.field])).toEqual([[2, 'listing'], [3, 'populations_iso2'], [4, 'effective_from']]);
    expect(l.rejects[0].reason).toMatch(/got 'IV'/);
  });
});
