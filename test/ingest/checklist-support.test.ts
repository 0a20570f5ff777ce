// The Checklist's text conventions, table-driven, with strings taken from the
// 2017 file (each case names the taxon it comes from).
import { describe, expect, it } from 'vitest';
import { splitSynonyms, splitNameAuthor } from '../../src/ingest/cells/synonyms.js';
import { splitPlaceNames, alignPlaces } from '../../src/ingest/cells/places.js';
import { appendixSegments, parsePopulations, completeSplitListing } from '../../src/listings/annotations.js';
import { checklistRecords } from './checklist-fixtures.js';

describe('synonym lists', () => {
  const cases: [string, string, string[]][] = [
    ['Oophaga pumilio: authors with commas and a quoted year',
      'Dendrobates galindoi Trapido, 1953, Hylaplesia pumilio (Schmidt, 1857), Hylaplesia pumilio Günther, 1859 "1858"',
      ['Dendrobates galindoi Trapido, 1953', 'Hylaplesia pumilio (Schmidt, 1857)', 'Hylaplesia pumilio Günther, 1859 "1858"']],
    ['orchid: botanical authors', 'Habenaria kleyi Schltr., Kusibabella bractescens (Lindl.) Szlach.', ['Habenaria kleyi Schltr.', 'Kusibabella bractescens (Lindl.) Szlach.']],
    ['Andinobates abditus: an author list with "Barbosa de Souza" in it',
      'Minyobates abditus (Myers & Daly, 1976), Andinobates abditus Brown, Twomey, Amézquita, Barbosa de Souza, Caldwell, Lötters, von May, Melo-Sampaio, Mejía-Vargas, Perez-Peña, Pepper, Sanchez-Rodriguez & Summers, 2011, Minyobates abditus Myers, 1987',
      ['Minyobates abditus (Myers & Daly, 1976)', 'Andinobates abditus Brown, Twomey, Amézquita, Barbosa de Souza, Caldwell, Lötters, von May, Melo-Sampaio, Mejía-Vargas, Perez-Peña, Pepper, Sanchez-Rodriguez & Summers, 2011', 'Minyobates abditus Myers, 1987']],
    ['Cyathea tahitensis: an apostrophe in an epithet', "Hemitelia d'urvillei Mett. ex Kuhn 1869, Hemitelia tahitensis (Brack. 1854) Mett. 1859", ["Hemitelia d'urvillei Mett. ex Kuhn 1869", 'Hemitelia tahitensis (Brack. 1854) Mett. 1859']],
    ['a subgenus in parentheses', 'Scaphiophryne (scaphiophryne) gottlebei Grosjean, Glos, Teschke, Glaw & Vences, 2007', ['Scaphiophryne (scaphiophryne) gottlebei Grosjean, Glos, Teschke, Glaw & Vences, 2007']],
  ];
  for (const [why, text, want] of cases) it(`splits ${why}`, () => expect(splitSynonyms(text)).toEqual(want));

  const names: [string, ReturnType<typeof splitNameAuthor>][] = [
    ['Hylaplesia pumilio (Schmidt, 1857)', { fullName: 'Hylaplesia pumilio', author: '(Schmidt, 1857)', rank: 'SPECIES' }],
    ['Trionyx spiniferus ater LeSueur, 1827', { fullName: 'Trionyx spiniferus ater', author: 'LeSueur, 1827', rank: 'SUBSPECIES' }],
    ['Cattleya pumila auct. non Hook..; M.R.Schomb.', { fullName: 'Cattleya pumila', author: 'auct. non Hook..; M.R.Schomb.', rank: 'SPECIES' }],
    ['Scaphiophryne (scaphiophryne) gottlebei Grosjean, 2007', { fullName: 'Scaphiophryne gottlebei', author: 'Grosjean, 2007', rank: 'SPECIES' }],
    ["Hemitelia d'urvillei Mett. ex Kuhn 1869", { fullName: "Hemitelia d'urvillei", author: 'Mett. ex Kuhn 1869', rank: 'SPECIES' }],
    ['Pentisea (Lindl.) Szlach.', { fullName: 'Pentisea', author: '(Lindl.) Szlach.', rank: 'GENUS' }],
  ];
  for (const [text, want] of names) it(`reads name and author of '${text}'`, () => expect(splitNameAuthor(text)).toEqual(want));
});

describe('place lists', () => {
  it('keeps names with a comma whole, so every row of the 2017 file aligns names and codes', async () => {
    expect(splitPlaceNames('Guam, Hong Kong, SAR, India, Taiwan, Province of China, Thailand')).toEqual(['Guam', 'Hong Kong, SAR', 'India', 'Taiwan, Province of China', 'Thailand']);
    expect(splitPlaceNames('Republic of Korea, United Republic of Tanzania')).toEqual(['Republic of Korea', 'United Republic of Tanzania']);
    const { records } = await checklistRecords(() => true);
    const misaligned = records.filter((r) => !alignPlaces(r.All_DistributionISOCodes.split(',').map((c) => c.trim()).filter(Boolean), splitPlaceNames(r.All_DistributionFullNames)));
    expect(misaligned.map((r) => r.FullName)).toEqual([]);
  });
});

describe('listing annotations', () => {
  const geo = new Set(['BW', 'NA', 'ZA', 'ZW', 'BT', 'CN', 'MN', 'MX', 'IN', 'NP', 'PK', 'SZ', 'AR', 'BR', 'EG', 'ET']);
  const lookup = { isCode: (c: string) => geo.has(c), codeOfName: (n: string) => ({ Brazil: 'BR', 'Russian Federation': 'RU' } as Record<string, string>)[n] };
  const cases: [string, string, ReturnType<typeof parsePopulations>][] = [
    ['Loxodonta africana I', 'All populations except those of BW, NA, ZA, and ZW.', { included: [], excluded: ['BW', 'NA', 'ZA', 'ZW'] }],
    ['Loxodonta africana II', 'Populations of BW, NA, ZA, ZW', { included: ['BW', 'NA', 'ZA', 'ZW'], excluded: [] }],
    ['Ursus arctos I', 'Popns of BT, CN, MN, MX.', { included: ['BT', 'CN', 'MN', 'MX'], excluded: [] }],
    ['Canis lupus I (a second sentence follows)', 'Populations of BT, IN, NP, PK. Excludes the domesticated form and the dingo', { included: ['BT', 'IN', 'NP', 'PK'], excluded: [] }],
    ['Canis lupus II', 'All populations except those included in Appendix I. Excludes the domesticated form', { included: [], excluded: [], exceptAppendix: 'I' }],
    ['Ceratotherium simum simum II', 'SZ and ZA populations only. For the exclusive purpose of allowing international trade', { included: ['SZ', 'ZA'], excluded: [] }],
    ['Potamotrygon App III: a country by name', 'Population of Brazil', { included: ['BR'], excluded: [] }],
    ['Crocodylus niloticus II: codes without commas', 'Population of: BW, EG (with a zero quota for wild specimens) ET', { included: ['BW', 'EG', 'ET'], excluded: [] }],
    ['Caracal caracal I: a region, not countries', 'Only the population of Asia.', null],
    ['species, not populations', 'Except the species included in Appendix I.', null],
    ['subspecies, not populations', 'Except <i>O. a. hodgsonii</i> and <i>O. a. nigrimontana</i>', null],
    ['Crocodylus acutus II: part of a population', 'Part of the population of CO, and the population of CU.', null],
  ];
  for (const [why, text, want] of cases) it(`reads populations: ${why}`, () => expect(parsePopulations(text, lookup)).toEqual(want));

  it('splits the per-appendix segments and completes a split listing (Ursus arctos)', () => {
    const segments = appendixSegments('Appendix I:Popns of BT, CN, MN, MX. \nAppendix II:Included in Ursidae spp. ');
    expect([...segments]).toEqual([['I', 'Popns of BT, CN, MN, MX.'], ['II', 'Included in Ursidae spp.']]);
    const scopes = completeSplitListing(new Map([...segments].map(([a, t]) => [a, parsePopulations(t, lookup)])));
    expect(scopes.get('II')).toEqual({ included: [], excluded: ['BT', 'CN', 'MN', 'MX'] });
    expect([...appendixSegments('Appendix III: \nAppendix III: ')]).toEqual([['III', '']]);
  });
});
