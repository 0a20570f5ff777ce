// The CMS COP11-COP14 amendments and the IEA Database memberships: the pure
// readers on every row of the real files, the importers on slices cut from
// them at test time (with bad rows added), re-imports and curated edits.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { amendedName, amendmentAction, entryIntoForceOf } from '../../src/ingest/formats/cms-amendments.js';
import { placeByName, type NamedPlace } from '../../src/ingest/cells/places.js';

const DIR = dataPath('cms-amendments-2014-2024');
const IEADB = dataPath('cms-parties-ieadb', 'iea-memberships-cms-cites.csv');
const read = (file: string) => parseCsv(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

describe('CMS amendments, read', () => {
  it('Article XI.5: ninety days after the COP, as the sourced COP12 date says', () => {
    const cop12 = read(path.join(DIR, 'cops.csv')).find((c) => c.cop === '12')!;
    expect(entryIntoForceOf(cop12.end)).toBe(cop12.entry_into_force); // 2017-10-28 -> 2018-01-26
    expect(entryIntoForceOf('2020-02-22')).toBe('2020-05-22');
    expect(entryIntoForceOf('2024-02-17')).toBe('2024-05-17');
  });

  it('names: the [sic] correction and the note are read, the verbatim kept', () => {
    expect(amendedName('Anoxypristis cuspidate [sic; = cuspidata]')).toEqual({ name: 'Anoxypristis cuspidata', verbatim: 'Anoxypristis cuspidate [sic; = cuspidata]' });
    expect(amendedName('Tursiops gephyreus (as named in source; CMS name not seen)').name).toBe('Tursiops gephyreus');
    expect(amendedName(' Anguilla anguilla ').name).toBe('Anguilla anguilla');
  });

  it('every row of the file gives appendices; uplistings and disputes are recognised', () => {
    const rows = read(path.join(DIR, 'amendments.csv'));
    for (const r of rows) {
      const a = amendmentAction(r.action, r.appendix_after);
      expect(a, `${r.scientific_name}: ${r.action}`).not.toBeNull();
      const named = r.appendix_after.startsWith('I and II') ? ['I', 'II'] : r.appendix_after.startsWith('II') ? ['II'] : ['I'];
      expect(a!.appendices, r.scientific_name).toEqual(named);
    }
    expect(amendmentAction('add to I (uplisted)', 'I')).toMatchObject({ appendices: ['I'], uplisted: true, dispute: null });
    const pelican = rows.find((r) => r.scientific_name === 'Pelecanus thagus')!;
    expect(amendmentAction(pelican.action, pelican.appendix_after)).toMatchObject({ appendices: ['I'], uplisted: false, dispute: expect.stringContaining('Peruvian sources say II') });
    expect(amendmentAction('add to III', 'III')).toBeNull();
  });
});

describe('IEA Database country names', () => {
  const places: NamedPlace[] = [
    { iso2: 'US', names: ['United States of America', 'United States'], sovereign: true, current: true },
    { iso2: 'CG', names: ['Congo'], sovereign: true, current: true },
    { iso2: 'CD', names: ['Democratic Republic of the Congo', 'Congo, Democratic Republic of the'], sovereign: true, current: true },
    { iso2: 'ZR', names: ['Zaire', 'Democratic Republic of the Congo'], sovereign: false, current: false },
    { iso2: 'KR', names: ['Republic of Korea', 'Korea, Republic of'], sovereign: true, current: true },
  ];
  it('reads a name by the names places are known by; never guesses', () => {
    expect(placeByName('United States', places)).toEqual({ iso2: 'US' });
    expect(placeByName('Korea, Republic of', places)).toEqual({ iso2: 'KR' });
    expect(placeByName('Democratic Republic of the Congo', places)).toEqual({ iso2: 'CD' }); // the current one, not Zaire
    expect(placeByName('Atlantis', places)).toMatchObject({ reason: expect.stringContaining("'Atlantis' is not") });
  });
});

describeEachDatabase('cms-amendments and ieadb-memberships importers', (get) => {
  const dir = tempDir('concord-amend-');
  const KEEP = ['Anguilla anguilla', 'Gyps africanus', 'Pelecanus thagus', 'Phocoena phocoena'];

  const slice = () => {
    const out = path.join(dir, 'amend');
    fs.mkdirSync(out, { recursive: true });
    fs.copyFileSync(path.join(DIR, 'cops.csv'), path.join(out, 'cops.csv'));
    const rows = read(path.join(DIR, 'amendments.csv')).filter((r) => KEEP.includes(r.scientific_name));
    fs.writeFileSync(path.join(out, 'amendments.csv'), stringify(rows, { header: true }));
    return out;
  };
  const cms = (name: string) => get().query<{ appendix: string; effective_at: string; is_current: boolean; data: Record<string, unknown> }>(`
    select lc.appendix, to_char(lc.effective_at, 'YYYY-MM-DD') effective_at, lc.is_current, lc.data from listing_changes lc
      join taxon_concepts t on t.id = lc.taxon_concept_id where t.taxonomy_id = 'CMS' and t.full_name = $1 and lc.convention = 'CMS' order by 2, 1`, [name]);

  it('writes the listing changes with entry into force (given or computed), sources, quote and dispute; creates missing CMS taxa; re-import changes nothing', async () => {
    for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')]]) await runImport(get(), await importerFor(format), file, { progress: false });
    const folder = slice();
    const first = await runImport(get(), await importerFor('cms-amendments'), folder, { progress: false });
    expect(first).toMatchObject({ status: 'succeeded', rejected: 0 });
    const eel = await cms('Anguilla anguilla');
    expect(eel.map(({ appendix, effective_at, is_current }) => ({ appendix, effective_at, is_current }))).toEqual([{ appendix: 'II', effective_at: '2015-02-08', is_current: true }]);
    expect(JSON.stringify(eel[0].data)).toContain('iea.uoregon.edu');
    const pelican = await cms('Pelecanus thagus');
    expect(pelican).toHaveLength(1);
    expect(pelican[0]).toMatchObject({ appendix: 'I', effective_at: '2024-05-17' });
    expect(pelican[0].data).toMatchObject({ entryIntoForceComputed: true });
    expect(eel[0].data).toMatchObject({ entryIntoForceComputed: false });
    expect(JSON.stringify(pelican[0].data)).toMatch(/Peruvian sources say II/);
    const [run] = await get().query<{ as_of: string }>(`select to_char(as_of, 'YYYY-MM-DD') as_of from import_runs where id = $1`, [first.runId]);
    expect(run.as_of).toBe('2024-05-17');
    const again = await runImport(get(), await importerFor('cms-amendments'), folder, { progress: false });
    expect(again).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, rejected: 0 });
  });

  it('rejects a row with an action it cannot read, naming file, line and field; refuses a folder without cops.csv', async () => {
    const folder = slice();
    const rows = read(path.join(folder, 'amendments.csv'));
    rows.push({ ...rows[0], scientific_name: 'Anguilla japonica', action: 'add to III', appendix_after: 'III' });
    fs.writeFileSync(path.join(folder, 'amendments.csv'), stringify(rows, { header: true }));
    const r = await runImport(get(), await importerFor('cms-amendments'), folder, { progress: false });
    expect(r.status).toBe('succeeded');
    expect(r.rejects).toEqual([expect.objectContaining({ line: rows.length + 1, field: expect.stringMatching(/action|appendix_after/) })]);
    expect(await cms('Anguilla japonica')).toEqual([]);
    fs.rmSync(path.join(folder, 'cops.csv'));
    const refused = await runImport(get(), await importerFor('cms-amendments'), folder, { progress: false });
    expect(refused.status).toBe('refused');
    expect(refused.error).toMatch(/cops\.csv/);
  });

  it('memberships: Kenya CMS since 1999-05-01, the United States not a Party as a sourced fact, an unknown name rejected; a curated date survives re-import', async () => {
    const lines = fs.readFileSync(IEADB, 'utf8').split(/\r?\n/);
    const keep = lines.filter((l, i) => i === 0 || /,(Kenya|United States|France),/.test(l));
    keep.push('CMS,2896,Atlantis,1979-06-23,,,1990-01-01,');
    const file = path.join(dir, 'ieadb.csv');
    fs.writeFileSync(file, `${keep.join('\n')}\n`);
    const r = await runImport(get(), await importerFor('ieadb-memberships'), file, { progress: false });
    expect(r.status).toBe('succeeded');
    expect(r.rejects).toEqual([expect.objectContaining({ line: keep.length, field: 'country', reason: expect.stringContaining("'Atlantis'") })]);
    const m = (iso2: string) => get().query<{ entry_into_force: string | null; is_party: boolean; origin: string }>(`
      select to_char(m.entry_into_force, 'YYYY-MM-DD') entry_into_force, m.is_party, m.origin from party_memberships m
        join geo_entities g on g.id = m.geo_entity_id where g.iso2 = $1 and m.convention = 'CMS'`, [iso2]);
    expect(await m('KE')).toEqual([{ entry_into_force: '1999-05-01', is_party: true, origin: 'imported' }]);
    expect(await m('US')).toEqual([{ entry_into_force: null, is_party: false, origin: 'imported' }]);
    await get().query(`update party_memberships set entry_into_force = '1999-06-01', origin = 'curated' where convention = 'CMS' and geo_entity_id = (select id from geo_entities where iso2 = 'KE')`);
    const again = await runImport(get(), await importerFor('ieadb-memberships'), file, { progress: false });
    expect(again).toMatchObject({ accepted: 0, updated: 0 });
    expect(await m('KE')).toEqual([{ entry_into_force: '1999-06-01', is_party: true, origin: 'curated' }]);
  });
});
