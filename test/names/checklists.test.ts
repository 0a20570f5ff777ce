/** Checklist converters, the Darwin Core reader, streams and CSV rows, on real rows. */
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMatchIndex, citesIndexToEntries, csvHeader, MATCH_CSV_HEADER, matchStream, PARSE_CSV_HEADER, parseStream,
  readDwcChecklist, splitSynonyms, toCsvRow,
} from '../../src/names/index.js';
import { readCitesRows, type Row } from './seedData.js';

let slice: Row[] = [];
beforeAll(async () => {
  slice = await readCitesRows((r) => ['Galaxea', 'Abeillia', 'Uncia', 'Saiga'].includes(r.Genus));
}, 120_000);
const rowsWhere = async (f: (r: Row) => boolean): Promise<Row[]> => slice.filter(f);

describe('SynonymsWithAuthors splitting', () => {
  it('splits at commas between names, not inside authorships', async () => {
    const rows = await rowsWhere((r) => r.FullName === 'Galaxea fascicularis' || r.FullName === 'Abeillia abeillei');
    const galaxea = rows.find((r) => r.FullName === 'Galaxea fascicularis')!;
    const parts = splitSynonyms(galaxea.SynonymsWithAuthors);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => /^[A-Z][a-z]+ [a-z]/.test(p))).toBe(true);
    expect(parts.some((p) => p.startsWith('Sarcinula fascicularis (Linnaeus, '))).toBe(true);
    const abeillia = rows.find((r) => r.FullName === 'Abeillia abeillei')!;
    expect(splitSynonyms(abeillia.SynonymsWithAuthors)).toEqual(['Ornismya abeillei Lesson & DeLattre, 1839']);
  });

  it('turns CITES rows into accepted entries plus synonyms pointing at them', async () => {
    const rows = await rowsWhere((r) => r.FullName === 'Uncia uncia');
    const entries = citesIndexToEntries(rows);
    expect(entries[0]).toMatchObject({ scientificName: 'Uncia uncia', authorship: '(Schreber, 1775)', status: 'accepted', kingdom: 'Animalia' });
    expect(entries.slice(1).map((e) => [e.scientificName, e.status, e.acceptedId])).toEqual([['Panthera uncia (Schreber, 1775)', 'synonym', rows[0].TaxonId]]);
  });
});

describe('Darwin Core reader', () => {
  async function dwcFromCites(): Promise<string> {
    const rows = await rowsWhere((r) => r.Genus === 'Saiga' || r.Genus === 'Uncia');
    const lines = ['taxonID,scientificName,taxonomicStatus,acceptedNameUsageID,kingdom'];
    for (const e of citesIndexToEntries(rows)) {
      lines.push([e.taxonId, `"${e.scientificName}"`, e.status, e.acceptedId ?? '', e.kingdom].join(','));
    }
    return lines.join('\n');
  }

  it('reads text and async lines alike into a working index', async () => {
    const text = await dwcFromCites();
    const a = await readDwcChecklist(text, { taxonomy: 'DwC test' });
    async function* lines(): AsyncGenerator<string> { for (const l of text.split('\n')) yield l; }
    const b = await readDwcChecklist(lines(), { taxonomy: 'DwC test' });
    expect(a.problems).toEqual([]);
    expect(b.entries).toEqual(a.entries);
    const index = buildMatchIndex(a.entries);
    const r = index.match('Panthera uncia');
    expect(r.matchedStatus).toBe('synonym');
    expect(r.acceptedName).toBe('Uncia uncia');
    expect(r.taxonomy).toBe('DwC test');
  });

  it('reports bad rows with line, field and what was expected', async () => {
    const text = 'taxonID,scientificName,taxonomicStatus,acceptedNameUsageID\n1,Saiga tatarica,accepted,\n2,,accepted,\n3,Saiga borealis,synonym,\n4,Uncia uncia,maybe,';
    const { entries, problems } = await readDwcChecklist(text);
    expect(entries.map((e) => e.taxonId)).toEqual(['1', '3', '4']);
    expect(problems).toEqual([
      { line: 3, field: 'scientificName', expected: 'a scientific name', value: '' },
      { line: 4, field: 'acceptedNameUsageID', expected: 'the taxonID of the accepted name for a synonym' },
      { line: 5, field: 'taxonomicStatus', expected: 'accepted, synonym (or a kind of synonym)', value: 'maybe' },
    ]);
  });

  it('a missing column is one problem on line 1', async () => {
    const { problems } = await readDwcChecklist('id,name\n1,Saiga tatarica');
    expect(problems.map((p) => p.field)).toEqual(['taxonID', 'scientificName']);
  });
});

describe('streams and CSV rows', () => {
  it('parseStream and matchStream keep the input order, one result per line', async () => {
    const input = ['Saiga tatarica (Linnaeus, 1766)', '', 'Uncia uncia', 'not a name at all\r'];
    const parsed = [];
    for await (const p of parseStream(input)) parsed.push(p);
    expect(parsed.map((p) => p.verbatim)).toEqual(['Saiga tatarica (Linnaeus, 1766)', '', 'Uncia uncia', 'not a name at all']);
    expect(parsed.map((p) => p.parsed)).toEqual([true, false, true, false]);
    const index = buildMatchIndex([{ taxonId: 'u', scientificName: 'Uncia uncia', status: 'accepted' }]);
    const matched = [];
    for await (const m of matchStream(index, input)) matched.push(m.matchType);
    expect(matched).toEqual(['NONE', 'NONE', 'EXACT', 'NONE']);
  });

  it('CSV rows have one field per header and round-trip through a CSV parser', async () => {
    const results = [];
    for await (const r of parseStream(['Saiga tatarica (Linnaeus, 1766)', 'a, "quoted" name'])) results.push(r);
    const text = [csvHeader('parse'), ...results.map((r) => toCsvRow(r))].join('\n');
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...PARSE_CSV_HEADER]);
    expect(rows[0]).toMatchObject({ verbatim: 'Saiga tatarica (Linnaeus, 1766)', canonical_simple: 'Saiga tatarica', authorship: '(Linnaeus 1766)', parsed: 'true' });
    expect(rows[1].verbatim).toBe('a, "quoted" name');
    const index = buildMatchIndex(citesIndexToEntries(await rowsWhere((r) => r.Genus === 'Uncia')));
    const m = index.match('Panthera uncia');
    const mrow = parseCsv([csvHeader('match'), toCsvRow(m)].join('\n'), { columns: true })[0] as Record<string, string>;
    expect(Object.keys(mrow)).toEqual([...MATCH_CSV_HEADER]);
    expect(mrow).toMatchObject({ match_type: 'EXACT', matched_status: 'synonym', accepted_name: 'Uncia uncia' });
  });
});
