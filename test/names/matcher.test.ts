/**
 * Hard cases against an index built from real names: a slice of the CITES
 * 2017 export (accepted names + SynonymsWithAuthors) and the CMS taxa and
 * synonyms of the legacy Species+ 2013 files, cut at test time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMatchIndex, citesIndexToEntries, sapiLegacyToEntries, type ChecklistEntry, type MatchIndex,
} from '../../src/names/index.js';
import { readCitesRows, readSapiLegacyAnimals, type Row } from './seedData.js';

const GENERA = new Set([
  'Acinonyx', 'Uncia', 'Panthera', 'Saiga', 'Ovis', 'Felidae', 'Dracaena', 'Aloe', 'Sarcinula', 'Galaxea', 'Specklinia',
  'Montastrea', 'Ornithoptera', 'Falco', 'Loxodonta', 'Acipenser', 'Huso', 'Hillopathes', 'Aotus', 'Mantella',
]);

const firstWord = (s: string): string => s.split(' ')[0];
const inSlice = (r: Row): boolean =>
  GENERA.has(firstWord(r.FullName)) || r.SynonymsWithAuthors.split(', ').some((s) => GENERA.has(firstWord(s.trim())));

let index: MatchIndex;
let cites: ChecklistEntry[];
let cms: ChecklistEntry[];
let legacy2013: ChecklistEntry[];
let citesRows: Row[];

beforeAll(async () => {
  citesRows = await readCitesRows(inSlice);
  cites = citesIndexToEntries(citesRows);
  const legacy = readSapiLegacyAnimals();
  const wanted = (e: ChecklistEntry): boolean => GENERA.has(firstWord(e.scientificName)) || firstWord(e.scientificName) === 'FELIDAE';
  cms = sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'CMS', designation: 'CMS' }).filter(wanted);
  legacy2013 = sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'Species+ 2013' }).filter(wanted);
  index = buildMatchIndex([...cites, ...cms, ...legacy2013]);
}, 120_000);

const idOf = (fullName: string): string => citesRows.find((r) => r.FullName === fullName)!.TaxonId;

describe('matcher on real CITES and CMS names', () => {
  it('indexes the whole slice', () => {
    expect(cites.length).toBeGreaterThan(100);
    expect(cms.length).toBeGreaterThan(10);
    expect(new Set(index.rejected.map((x) => x.reason))).toEqual(new Set(['approximate name (sp./aff./nr.) is not indexed']));
  });

  it('Acynonix jubatus → Acinonyx jubatus (FUZZY, misspelt genus, 2 edits)', () => {
    const r = index.match('Acynonix jubatus');
    expect(r.matchType).toBe('FUZZY');
    expect(r.editDistance).toBe(2);
    expect(r.matchedName).toBe('Acinonyx jubatus');
    expect(r.matchedStatus).toBe('accepted');
    expect(r.taxonId).toBe(idOf('Acinonyx jubatus'));
    expect(r.score).toBeLessThan(90);
  });

  it('one edit on a long epithet is FUZZY: Loxodonta afrikana', () => {
    const r = index.match('Loxodonta afrikana');
    expect(r.matchType).toBe('FUZZY');
    expect(r.editDistance).toBe(1);
    expect(r.acceptedName).toBe('Loxodonta africana');
  });

  it('never fuzzy on short words: Panthera lea is only a PARTIAL (genus) match', () => {
    const r = index.match('Panthera lea');
    expect(r.matchType).toBe('PARTIAL');
    expect(r.matchedName).toBe('Panthera');
  });

  it('Panthera uncia is a synonym of Uncia uncia in CITES 2017 and in the 2013 Species+ animal taxonomy', () => {
    const r = index.match('Panthera uncia');
    expect(r.matchType).toBe('EXACT');
    expect(r.matchedStatus).toBe('synonym');
    expect(r.acceptedName).toBe('Uncia uncia');
    expect(r.acceptedId).toBe(idOf('Uncia uncia'));
    // 2013: the synonym row is designated CITES_EU only, so it is absent from the CMS-only view
    const old = index.match('Panthera uncia', { taxonomy: 'Species+ 2013' });
    expect(old.taxonomy).toBe('Species+ 2013');
    expect(old.acceptedName).toBe('Uncia uncia');
    expect(cms.some((e) => e.scientificName.startsWith('Panthera uncia'))).toBe(false);
    const acc = index.match('Uncia uncia', { taxonomy: 'CMS' });
    expect(acc.matchedStatus).toBe('accepted');
    expect(acc.taxonomy).toBe('CMS');
  });

  it('Saiga tataricus → Saiga tatarica (VARIANT: gender ending)', () => {
    const r = index.match('Saiga tataricus');
    expect(r.matchType).toBe('VARIANT');
    expect(r.matchedName).toBe('Saiga tatarica');
    expect(r.score).toBe(90);
  });

  it('Ovis amon → Ovis ammon (VARIANT: doubled letter)', () => {
    const r = index.match('Ovis amon');
    expect(r.matchType).toBe('VARIANT');
    expect(r.matchedName).toBe('Ovis ammon');
  });

  it('"Felidae spp." and the all-caps "FELIDAE" find the family', () => {
    const spp = index.match('Felidae spp.');
    expect(spp.matchType).toBe('EXACT');
    expect(spp.matchedName).toBe('Felidae');
    expect(spp.warnings.join()).toMatch(/spp/);
    const caps = index.match('FELIDAE', { taxonomy: 'CMS' });
    expect(caps.matchType).toBe('EXACT');
    expect(caps.taxonomy).toBe('CMS');
  });

  it('authorship in the input is ignored for the canonical match', () => {
    const r = index.match('Acinonyx jubatus (Schreber, 1775)');
    expect(r.matchType).toBe('EXACT');
    expect(r.taxonId).toBe(idOf('Acinonyx jubatus'));
  });

  it('a hybrid formula recorded as a CITES synonym matches exactly', () => {
    const r = index.match('Ornithoptera priamos poseidon x Ornithoptera rothschildi');
    expect(r.matchType).toBe('EXACT');
    expect(r.matchedStatus).toBe('synonym');
    expect(r.acceptedName).toBe('Ornithoptera akakeae');
  });

  it('an unknown hybrid formula is matched through its parents (PARTIAL)', () => {
    const r = index.match('Falco rusticolus × Falco cherrug');
    expect(r.matchType).toBe('PARTIAL');
    expect([r.matchedName, ...r.alternatives.map((a) => a.matchedName)]).toEqual(['Falco rusticolus', 'Falco cherrug']);
  });

  it('"cf." keeps the named species with a lower score; "aff." only the genus', () => {
    const cf = index.match('Panthera cf. leo');
    expect(cf.matchType).toBe('EXACT');
    expect(cf.matchedName).toBe('Panthera leo');
    expect(cf.score).toBeLessThan(100);
    const aff = index.match('Panthera aff. leo');
    expect(aff.matchType).toBe('PARTIAL');
    expect(aff.matchedName).toBe('Panthera');
  });

  it('an unknown subspecies is a PARTIAL match at species level', () => {
    const r = index.match('Panthera leo fakeus');
    expect(r.matchType).toBe('PARTIAL');
    expect(r.matchedName).toBe('Panthera leo');
  });

  it('Dracaena is a lizard genus in Animalia and a plant genus (synonyms of Aloe) in Plantae → AMBIGUOUS', () => {
    const r = index.match('Dracaena');
    expect(r.matchType).toBe('AMBIGUOUS');
    expect(new Set(r.alternatives.map((a) => a.kingdom))).toEqual(new Set(['Animalia', 'Plantae']));
    // the full binomial is unique
    const m = index.match('Dracaena marginata');
    expect(m.matchType).toBe('EXACT');
    expect(m.acceptedName).toBe('Aloe purpurea');
    expect(m.kingdom).toBe('Plantae');
  });

  it('Sarcinula, a synonym genus of corals and of orchids → AMBIGUOUS', () => {
    const r = index.match('Sarcinula');
    expect(r.matchType).toBe('AMBIGUOUS');
    expect(new Set(r.alternatives.map((a) => a.kingdom))).toEqual(new Set(['Animalia', 'Plantae']));
  });

  it('a synonym pointing to two accepted names is AMBIGUOUS with both as alternatives', () => {
    const r = index.match('Acipenser shyp');
    expect(r.matchType).toBe('AMBIGUOUS');
    expect(new Set(r.alternatives.map((a) => a.acceptedName))).toEqual(new Set(['Acipenser nudiventris', 'Huso huso']));
    expect(r.score).toBeLessThan(100);
  });

  it('an accepted name that is also a pro parte synonym stays the accepted name', () => {
    // CITES 2017 lists "Aotus lemurinus" as accepted and among the synonyms of Aotus hershkovitzi
    const r = index.match('Aotus lemurinus');
    expect(r.matchType).toBe('EXACT');
    expect(r.matchedStatus).toBe('accepted');
    expect(r.acceptedName).toBe('Aotus lemurinus');
    expect(r.warnings).toContain('Also recorded as a synonym of Aotus hershkovitzi');
    expect(r.alternatives.some((a) => a.acceptedName === 'Aotus hershkovitzi')).toBe(true);
  });

  it('authorship kept apart is not misread ("Hillopathes" by van Pesch 1914 is a genus, not "Hillopathes van")', () => {
    const r = index.match('Hillopathes');
    expect(r.matchType).toBe('EXACT');
    expect(r.rank).toBe('GENUS');
    expect(r.taxonId).toBe(idOf('Hillopathes'));
  });

  it('approximate synonyms ("Mantella aff. baroni") are not indexed as the genus', () => {
    expect(index.rejected.map((x) => x.entry.scientificName)).toContain('Mantella aff. baroni Thominot, 1889');
    const r = index.match('Mantella');
    expect(r.matchType).toBe('EXACT');
    expect(r.matchedStatus).toBe('accepted');
  });

  it('the authorship of the input picks one of the homonymous synonyms', () => {
    // CITES 2017: "Acipenser schypa" Güldenstädt 1772 / Bonnaterre 1788 / Eichwald 1831 → A. nudiventris, Gmelin 1789 → Huso huso
    expect(index.match('Acipenser schypa').matchType).toBe('AMBIGUOUS');
    const gmelin = index.match('Acipenser schypa Gmelin, 1789');
    expect(gmelin.matchType).toBe('EXACT');
    expect(gmelin.acceptedName).toBe('Huso huso');
    expect(gmelin.warnings).toContain('Homonym resolved by the authorship');
    expect(index.match('Acipenser schypa Bonnaterre, 1788').acceptedName).toBe('Acipenser nudiventris');
    // same year 1836, different first author: Fischer → A. gueldenstaedtii, Heckel → A. stellatus
    expect(index.match('Acipenser rostratus Fischer in Fitzinger & Heckel, 1836').acceptedName).toBe('Acipenser gueldenstaedtii');
    expect(index.match('Acipenser rostratus Heckel in Fitzinger & Heckel, 1836').acceptedName).toBe('Acipenser stellatus');
  });

  it.each(['', 'Hello world', 'asdf qwer', 'None recorded', '<script>alert(1)</script>', '\u0000\u0001\u0002', 'Tobacco mosaic virus'])(
    'junk %j → NONE with a warning', (junk) => {
      const r = index.match(junk);
      expect(r.matchType).toBe('NONE');
      expect(r.score).toBe(0);
      expect(r.warnings.length).toBeGreaterThan(0);
    },
  );
});
