import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';

const source = dataPath('country-codes', 'country-codes.csv');
const text = fs.readFileSync(source, 'utf8');
const [header, ...rows] = text.split(/\r?\n/).filter(Boolean);
const expectedRows = rows.length; // one record a line in this file (checked below)

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describeEachDatabase('country-codes importer', (get) => {
  it('imports every country of the real file, and re-import changes nothing', async () => {
    const imp = await importerFor('country-codes');
    const first = await runImport(get(), imp, source, { progress: false });
    expect(first.status).toBe('succeeded');
    expect(first.accepted + first.rejected).toBe(expectedRows);
    const [fr] = await get().query<{ iso3: string; name_fr: string; name_es: string; type: string }>(
      `select iso3, name_fr, name_es, type from geo_entities where iso2 = 'FR'`);
    expect(fr).toMatchObject({ iso3: 'FRA', name_fr: 'France', name_es: 'Francia', type: 'COUNTRY' });
    const second = await runImport(get(), imp, source, { progress: false });
    expect(second).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: first.accepted });
  });

  it('stores UN M49 as three digits (the file gives 4 for Afghanistan), and re-import fixes a stored short code', async () => {
    const imp = await importerFor('country-codes');
    const m49 = async () => Object.fromEntries((await get().query<{ iso2: string; m49: string | null }>(
      `select iso2, m49 from geo_entities where iso2 in ('AF', 'FR', 'CA')`)).map((r) => [r.iso2, r.m49]));
    await runImport(get(), imp, source, { progress: false });
    expect(await m49()).toEqual({ AF: '004', FR: '250', CA: '124' });
    await get().query(`update geo_entities set m49 = '4' where iso2 = 'AF'`); // as imported before codes were padded
    expect(await runImport(get(), imp, source, { progress: false })).toMatchObject({ updated: 1 });
    expect((await m49()).AF).toBe('004');
    const cols = header.split(',');
    const bad = rows.find((r) => r.startsWith('AFG,'))!.split(',');
    bad[cols.indexOf('M49')] = 'x4';
    const summary = await runImport(get(), imp, write('bad-m49.csv', `${header}\n${bad.join(',')}\n`), { progress: false });
    expect(summary).toMatchObject({ status: 'succeeded', rejected: 0, notes: expect.arrayContaining([expect.stringMatching(/line 2: M49 'x4'.*left empty/)]) });
    expect((await m49()).AF).toBeNull();
  });

  it('refuses bad files with file, line and what was expected, leaving the database as it was', async () => {
    const imp = await importerFor('country-codes');
    const before = await get().query<{ n: string }>('select count(*) n from geo_entities');
    const cases: [string, string | Buffer, RegExp][] = [
      ['missing-header.csv', header.replace('ISO3166-1-Alpha-2', 'ISO2') + '\n' + rows[0] + '\n', /missing-header\.csv:1 \[ISO3166-1-Alpha-2\].*missing ISO3166-1-Alpha-2/],
      ['empty.csv', '', /empty\.csv.*empty/],
      ['unbalanced.csv', `${header}\n${rows[0]}\n${rows[1].replace(',', ',"')}\n`, /unbalanced\.csv:3.*quote/],
      ['bad-utf8.csv', Buffer.concat([Buffer.from(`${header}\n${rows[0]}\n`), Buffer.from([0x41, 0xff, 0xfe, 0x2c]), Buffer.from(`${rows[1]}\n`)]), /bad-utf8\.csv:3.*UTF-8/],
      ['truncated.csv.gz', zlib.gzipSync(text).subarray(0, 4000), /truncated\.csv\.gz.*gzip/],
    ];
    for (const [name, content, message] of cases) {
      const summary = await runImport(get(), imp, write(name, content), { progress: false });
      expect(summary.status, name).toBe('refused');
      expect(summary.error, name).toMatch(message);
    }
    const after = await get().query<{ n: string }>('select count(*) n from geo_entities');
    expect(after[0].n).toBe(before[0].n);
  });

  it('rejects rows with a bad code and keeps the others', async () => {
    const imp = await importerFor('country-codes');
    const bad = rows[5].split(',');
    const col = header.split(',').indexOf('ISO3166-1-Alpha-2');
    bad[col] = 'X1';
    const summary = await runImport(get(), imp, write('one-bad.csv', `${header}\n${rows[4]}\n${bad.join(',')}\n`), { progress: false });
    expect(summary.status).toBe('succeeded');
    expect(summary.rejects).toEqual([{ file: 'one-bad.csv', line: 3, field: 'ISO3166-1-Alpha-2', reason: "a two-letter ISO code, got 'X1'" }]);
  });
});
