import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';

const parties = dataPath('citesdb', 'cites_parties.tsv');
const manual = dataPath('citesdb', 'cites_manual_country_code_entries.csv');
const lines = fs.readFileSync(parties, 'utf8').split('\n').filter(Boolean);
const header = lines[0];
const rows = lines.slice(1).map((l) => l.split('\t'));
const withDate = rows.filter((r) => r[4] !== 'NA');

function write(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describeEachDatabase('cites-parties importer', (get) => {
  beforeAll(async () => {
    expect((await runImport(get(), await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false })).status).toBe('succeeded');
  });

  it('records every Party with its entry into force, creating former and non-ISO places, and re-import changes nothing', async () => {
    const imp = await importerFor('cites-parties');
    const m = await runImport(get(), imp, manual, { progress: false });
    expect(m.status).toBe('succeeded');
    expect(m.accepted + m.unchanged).toBe(10);
    const first = await runImport(get(), imp, parties, { progress: false });
    expect(first.status).toBe('succeeded');
    expect(first.accepted + first.updated + first.unchanged + first.rejected).toBe(rows.length);
    const [n] = await get().query<{ n: string }>(`select count(*) n from party_memberships where convention = 'CITES'`);
    expect(Number(n.n)).toBe(withDate.length);
    const place = async (iso2: string) => (await get().query<{ type: string; is_current: boolean; name_en: string; entry_into_force: string | null }>(
      `select g.type, g.is_current, g.name_en, p.entry_into_force::text entry_into_force from geo_entities g
         left join party_memberships p on p.geo_entity_id = g.id and p.convention = 'CITES' where g.iso2 = $1`, [iso2]))[0];
    expect(await place('AF')).toMatchObject({ type: 'COUNTRY', entry_into_force: '1986-01-28' });
    expect(await place('ZR')).toEqual({ type: 'COUNTRY', is_current: false, name_en: 'Democratic Republic of the Congo', entry_into_force: '1976-10-18' });
    expect(await place('XF')).toEqual({ type: 'REGION', is_current: true, name_en: 'Africa', entry_into_force: null });
    expect(await place('ZC')).toMatchObject({ type: 'COUNTRY', is_current: false, name_en: 'Former Czechoslovakia' });
    expect(await place('YD')).toMatchObject({ type: 'COUNTRY', is_current: false, entry_into_force: null });
    expect(await place('AX')).toMatchObject({ entry_into_force: null }); // Åland Islands: NA, not a Party
    const second = await runImport(get(), imp, parties, { progress: false });
    expect(second).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: rows.length });
  });

  it('rejects a bad date or code with its line, refuses a file without the columns', async () => {
    const imp = await importerFor('cites-parties');
    const bad = [header, ['Atlantis', 'Q1', 'FALSE', 'FALSE', '1999-02-30', 'test'].join('\t'), ['Nowhere', 'ABC', 'FALSE', 'FALSE', 'NA', 'test'].join('\t'), lines[1]].join('\n') + '\n';
    const summary = await runImport(get(), imp, write('bad.tsv', bad), { progress: false });
    expect(summary.status).toBe('succeeded');
    expect(summary.rejects).toEqual([
      { file: 'bad.tsv', line: 2, field: 'date', reason: "a date YYYY-MM-DD or NA, got '1999-02-30'" },
      { file: 'bad.tsv', line: 3, field: 'code', reason: "a two-character place code, got 'ABC'" },
    ]);
    const refused = await runImport(get(), imp, write('wrong.tsv', 'name\tiso\nFrance\tFR\n'), { progress: false });
    expect(refused.status).toBe('refused');
    expect(refused.error).toMatch(/wrong\.tsv:1 \[country\].*missing country, code, former_code, non_ISO_code/);
  });
});
