// The Checklist "History" layout has no sample file: the fixture renders REAL
// listing changes (Species+ 2013 CITES legislation, joined to its taxa for
// names) with the 2017 Checklist's TaxonId and taxon columns, into that layout.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { HISTORY_COLUMNS } from '../../src/ingest/formats/checklist-history-csv.js';
import type { Database } from '../../src/db/client.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { checklistRecords, type Rec } from './checklist-fixtures.js';

const TAXA = ['Loxodonta africana', 'Panthera leo', 'Caretta caretta', 'Falco peregrinus', 'Crocodylus niloticus', 'Balaenoptera acutorostrata'];
const legacy = (name: string) => parse(fs.readFileSync(dataPath('sapi-legacy-2013', 'lib', 'files', 'animals', name), 'utf8'), { columns: true, bom: true }) as Rec[];

/** 'II' / 'DELII' / 'II/r' / 'II/w' -> appendix and change type. */
function change(listing: string): [string, string] {
  const m = /^(DEL)?(I{1,3})(?:\/([rw]))?$/.exec(listing)!;
  return [m[2], m[1] ? 'DELETION' : m[3] === 'r' ? 'RESERVATION' : m[3] === 'w' ? 'RESERVATION_WITHDRAWAL' : 'ADDITION'];
}

interface Fixture { file: string; lines: Rec[] }

async function renderHistory(names: string[]): Promise<Fixture> {
  const taxa = new Map(legacy('animalia_taxa_utf8.csv').map((t) => [`${t.Rank.toUpperCase()}|${t.RecID}`, t]));
  const fullName = (t: Rec): string => {
    const parent = taxa.get(`${t.ParentRank.toUpperCase()}|${t.ParentRecID}`);
    const rank = t.Rank.toUpperCase();
    return rank === 'SPECIES' || rank === 'SUBSPECIES' ? `${fullName(parent!)} ${t['Scientific name']}` : t['Scientific name'];
  };
  const { records } = await checklistRecords((r) => names.includes(r.FullName));
  const byName = new Map(records.map((r) => [r.FullName, r]));
  const lines: Rec[] = [];
  for (const l of legacy('animalia_legislation_utf8.csv')) {
    const t = taxa.get(`${l.rank_name.toUpperCase()}|${l.rec_id}`);
    const taxon = t && byName.get(fullName(t));
    if (!taxon) continue;
    const [appendix, changeType] = change(l.listing);
    lines.push({
      ...Object.fromEntries(HISTORY_COLUMNS.slice(0, 12).map((c) => [c, taxon[c]])),
      Appendix: appendix, PartyIsoCode: l.party_iso2, PartyFullName: '', ChangeType: changeType, EffectiveAt: l.effective_from,
      IsCurrent: l.is_current === '1' ? 'true' : 'false', '#AnnotationSymbol': '', '#Annotation': l.hash_note,
      FullAnnotationEnglish: l.full_note_en, AnnotationEnglish: l.short_note_en, AnnotationSpanish: l.short_note_es, AnnotationFrench: l.short_note_fr,
      NomenclatureNote: '',
    });
  }
  return { file: writeHistory('history.csv', lines), lines };
}

function writeHistory(name: string, lines: Rec[]): string {
  const file = path.join(tempDir('concord-history-'), name);
  fs.writeFileSync(file, stringify([HISTORY_COLUMNS, ...lines.map((l) => HISTORY_COLUMNS.map((c) => l[c] ?? ''))]));
  return file;
}

async function historyOf(db: Database, name: string) {
  return db.query<{ appendix: string; change_type: string; party: string | null; effective_at: string; is_current: boolean }>(`
    select l.appendix, l.change_type, trim(l.party_iso2) party, l.effective_at::text effective_at, l.is_current
      from listing_changes l join taxon_concepts c on c.id = l.taxon_concept_id
     where c.full_name = $1 and l.data->>'importer' = 'checklist-history-csv' order by l.effective_at, l.id`, [name]);
}

describeEachDatabase('checklist-history-csv importer', (get) => {
  let fixture: Fixture;
  beforeAll(async () => {
    for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')], ['cites-parties', dataPath('citesdb', 'cites_parties.tsv')]]) {
      expect((await runImport(get(), await importerFor(format), file, { progress: false })).status).toBe('succeeded');
    }
    fixture = await renderHistory(TAXA);
  });

  it('imports every listing change of real taxa, and re-import writes nothing', async () => {
    const imp = await importerFor('checklist-history-csv');
    const first = await runImport(get(), imp, fixture.file, { progress: false });
    expect(first.status).toBe('succeeded');
    expect(first.rejects).toEqual([]);
    expect(first.accepted).toBe(fixture.lines.length);
    const [n] = await get().query<{ n: string }>(`select count(*) n from listing_changes where data->>'importer' = 'checklist-history-csv'`);
    expect(Number(n.n)).toBe(fixture.lines.length);
    const second = await runImport(get(), imp, fixture.file, { progress: false });
    expect(second).toMatchObject({ accepted: 0, updated: 0, unchanged: fixture.lines.length });
  });

  it('keeps App III listings with their Party, reservations and deletions (Loxodonta africana, Panthera leo)', async () => {
    const lox = await historyOf(get(), 'Loxodonta africana');
    expect(lox).toHaveLength(fixture.lines.filter((l) => l.FullName === 'Loxodonta africana').length);
    expect(lox).toContainEqual({ appendix: 'III', change_type: 'ADDITION', party: 'GH', effective_at: '1976-02-26', is_current: false });
    expect(lox).toContainEqual({ appendix: 'III', change_type: 'DELETION', party: 'GH', effective_at: '1977-02-04', is_current: false });
    expect(lox).toContainEqual({ appendix: 'I', change_type: 'RESERVATION', party: 'MW', effective_at: '1990-01-18', is_current: true });
    expect(lox.filter((l) => l.is_current && l.change_type === 'ADDITION').map((l) => [l.appendix, l.effective_at])).toEqual([['I', '2007-09-13'], ['II', '2007-09-13']]);
    expect(await historyOf(get(), 'Panthera leo')).toEqual([
      { appendix: 'III', change_type: 'ADDITION', party: 'GH', effective_at: '1976-02-26', is_current: false },
      { appendix: 'II', change_type: 'ADDITION', party: null, effective_at: '1977-02-04', is_current: true },
      { appendix: 'III', change_type: 'DELETION', party: 'GH', effective_at: '1977-02-04', is_current: false },
    ]);
  });

  it('rejects unknown change types, bad dates, unknown Parties and reservations without a Party, line by line', async () => {
    const base = fixture.lines.filter((l) => l.FullName === 'Caretta caretta');
    const lines = [
      ...base,
      { ...base[0], ChangeType: 'AMENDMENT' },
      { ...base[0], EffectiveAt: '31/02/1990' },
      { ...base[0], PartyIsoCode: 'QQ' },
      { ...base[0], ChangeType: 'RESERVATION', PartyIsoCode: '' },
      { ...base[0], FullName: 'Caretta gigas' },
    ];
    const summary = await runImport(get(), await importerFor('checklist-history-csv'), writeHistory('bad.csv', lines), { progress: false });
    expect(summary.status).toBe('succeeded');
    const first = base.length + 2;
    expect(summary.rejects).toEqual([
      { file: 'bad.csv', line: first, field: 'ChangeType', reason: "one of ADDITION, DELETION, RESERVATION, RESERVATION_WITHDRAWAL, EXCEPTION, got 'AMENDMENT'" },
      { file: 'bad.csv', line: first + 1, field: 'EffectiveAt', reason: "a date DD/MM/YYYY, got '31/02/1990'" },
      { file: 'bad.csv', line: first + 2, field: 'PartyIsoCode', reason: "a known ISO code; 'QQ' is not a geo entity" },
      { file: 'bad.csv', line: first + 3, field: 'PartyIsoCode', reason: 'the Party entering or withdrawing the reservation' },
      { file: 'bad.csv', line: first + 4, field: 'FullName', reason: `the same taxon as line 2 for TaxonId ${base[0].TaxonId} (SPECIES Caretta caretta), got SPECIES Caretta gigas` },
    ]);
    expect(summary.unchanged).toBe(base.length);
    const noType = writeHistory('no-type.csv', base);
    fs.writeFileSync(noType, fs.readFileSync(noType, 'utf8').replace('ChangeType', 'Change'));
    const refused = await runImport(get(), await importerFor('checklist-history-csv'), noType, { progress: false });
    expect(refused).toMatchObject({ status: 'refused', error: expect.stringMatching(/no-type\.csv:1 \[ChangeType\].*missing ChangeType/) });
  });
});
