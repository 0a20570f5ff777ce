// The work-programme importer on the real seed document (UNEP/CMS/StC52/Doc.17).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { parseSeedDocument } from '../../src/programme/seedDocument.js';
import { describeEachDatabase } from '../support/databases.js';
import { tempDir } from '../support/data.js';
import { seedDocument } from './support.js';
import { seedPlan } from '../../src/ingest/seed.js';
import { seedDir } from '../support/data.js';

const text = fs.readFileSync(seedDocument, 'utf8');

describe('seed document parser', () => {
  const doc = parseSeedDocument(text);
  const [p2015, p2021] = doc.programmes;

  it('reads the 37 activities of Annex 2 by theme, in order', () => {
    expect(p2021.code).toBe('2021-2025');
    const codes = p2021.activities.map((a) => a.code);
    const expected = [['A', 3], ['B', 20], ['C', 5], ['D', 5], ['E', 4]].flatMap(([t, n]) => Array.from({ length: n as number }, (_, i) => `${t}${i + 1}`));
    expect(codes).toEqual(expected);
    expect(p2021.themes.map((t) => `${t.code}. ${t.title}`)).toEqual([
      'A. Harmonization of species-specific information', 'B. Joint activities addressing shared species',
      'C. Joint activities on issues of common interest', 'D. Implementation and fundraising', 'E. Outreach and capacity building',
    ]);
  });

  it('joins sentences broken over lines and pages, keeps bullet lists inside their activity', () => {
    const byCode = new Map(p2021.activities.map((a) => [a.code, a]));
    expect(byCode.get('B15')!.text).toMatch(/^Collaborate on the implementation of the Medium-Term International Work Programme under the Saiga MOU .* population restoration and conservation efforts\.$/);
    expect(byCode.get('B15')!.heading).toBe('Saiga antelope');
    expect(byCode.get('D2')!.text.split('\n')).toHaveLength(5); // lead-in + 4 bullets
    expect(byCode.get('E4')!.heading).toBe('Capacity-building'); // a heading glued to the previous page's last line
    expect(byCode.get('C2')!.mandates).toEqual(['CITES Resolution Conf. 13.3']);
  });

  it('reads the ten shared species groups with their scientific names, and links theme B activities to them', () => {
    expect(p2021.speciesGroups.map((g) => g.name)).toEqual([
      'African and Asian elephant', 'African-Eurasian vultures', 'Anguillid eels', 'Argali sheep', 'Big cats',
      'Great apes', 'Marine turtles', 'Saiga antelope', 'Saker falcon', 'Sharks and rays',
    ]);
    const vultures = p2021.speciesGroups[1];
    expect(vultures.taxa.map((t) => t.name)).toEqual(['Neophron percnopterus', 'Trigonoceps occipitalis', 'Necrosyrtes monachus', 'Gyps africanus', 'Gyps rueppelli', 'Torgos tracheliotos']);
    expect(p2021.speciesGroups.find((g) => g.slug === 'saiga-antelope')!.taxa.map((t) => t.name)).toEqual(['Saiga']);
    const groupsOf = (c: string) => p2021.activities.find((a) => a.code === c)!.groupSlugs;
    expect(groupsOf('B5')).toEqual(['african-eurasian-vultures']);
    expect(groupsOf('B3')).toEqual(['african-and-asian-elephant']);
    expect(groupsOf('B1')).toHaveLength(10);
  });

  it('reads Annex 1: the 2015-2020 activities and the results beside them, and the USD 20,000 raised in 2020', () => {
    expect(p2015.code).toBe('2015-2020');
    expect(p2015.activities).toHaveLength(2 + 21 + 5 + 5);
    const resultOf = (c: string) => p2015.results.filter((r) => r.activityCodes.includes(c)).map((r) => r.text);
    expect(resultOf('B3')).toEqual(resultOf('B4'));
    expect(resultOf('B4')[0]).toMatch(/^The CITES and CMS collaboration was effective, and generated new saiga Decisions at CITES COP17 and COP18/);
    expect(resultOf('C2')).toEqual(['Regular exchange of information took place as part of the above meetings.']);
    expect(p2015.funding).toEqual([expect.objectContaining({ activityCode: 'C5', amount: 20000, currency: 'USD', year: 2020, donor: 'Law Division of UNEP' })]);
    expect(p2015.funding[0].purpose).toMatch(/trade information regarding vultures/);
  });

  it('says what it could not place instead of guessing', () => {
    expect(doc.notes.map((n) => n.text)).toEqual(["2021-2025 B20: heading 'Other species issues' names no shared species group; activity left without a group"]);
    // Drop B7 (lines 929-931) and put a stray sentence after E4: both are reported with their lines.
    const lines = text.split('\n');
    const b7 = lines.findIndex((l) => l.startsWith('B7. Maximise'));
    expect(b7 + 1).toBe(929);
    const damaged = [...lines.slice(0, b7), ...lines.slice(b7 + 3, 1108), '', 'Stray sentence without a home.', ''].join('\n');
    const notes = parseSeedDocument(damaged).notes.map((n) => n.text);
    expect(notes).toContain('2021-2025 theme B: expected activity B7, found B8');
    expect(notes).toContain("2021-2025 after E4: text not placed: 'Stray sentence without a home.'");
  });
});

describeEachDatabase('work-programme importer', (get) => {
  it('is in the seed plan at order 100, reading the document beside the data folder', async () => {
    const step = (await seedPlan(seedDir)).find((s) => s.format === 'work-programme');
    expect(step).toMatchObject({ order: 100 });
    expect(path.resolve(step!.file)).toBe(path.resolve(seedDocument));
    expect(fs.existsSync(step!.file)).toBe(true);
  });

  it('imports both programmes from the seed, and a re-import changes nothing', async () => {
    const imp = await importerFor('work-programme');
    const first = await runImport(get(), imp, seedDocument, { progress: false });
    expect(first.status).toBe('succeeded');
    const rows = await get().query<{ code: string; n: number }>(`select p.code, count(a.id)::int n from programmes p join activities a on a.programme_id = p.id group by p.code order by p.code`);
    expect(rows).toEqual([{ code: '2015-2020', n: 33 }, { code: '2021-2025', n: 37 }]);
    const [fund] = await get().query<{ amount: string; currency: string; donor: string; code: string }>(
      `select f.amount::text amount, f.currency, f.donor, a.code from funding_records f join activities a on a.id = f.activity_id`);
    expect(fund).toEqual({ amount: '20000.00', currency: 'USD', donor: 'Law Division of UNEP', code: 'C5' });
    const [b4] = await get().query<{ n: number }>(`select count(*)::int n from progress_entries e join activities a on a.id = e.activity_id join programmes p on p.id = a.programme_id where p.code = '2015-2020' and a.code = 'B3'`);
    expect(b4.n).toBe(1); // filed on the first activity of its row, linked to B4
    expect(first.notes.some((n) => /:995: .*B20/.test(n))).toBe(true);
    const second = await runImport(get(), imp, seedDocument, { progress: false });
    expect(second).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: first.accepted });
  });

  it('refuses an empty file and a file that is not the work programme, leaving the database unchanged', async () => {
    const imp = await importerFor('work-programme');
    const dir = tempDir();
    const before = await get().query<{ n: number }>('select count(*)::int n from activities');
    const empty = path.join(dir, 'empty.txt'); fs.writeFileSync(empty, '');
    const other = path.join(dir, 'other.txt'); fs.writeFileSync(other, 'Minutes of a meeting\n\nNothing here.\n');
    expect((await runImport(get(), imp, empty, { progress: false })).error).toMatch(/empty\.txt: .*empty/);
    expect((await runImport(get(), imp, other, { progress: false })).error).toMatch(/other\.txt: .*found no activity/);
    expect(await get().query('select count(*)::int n from activities')).toEqual(before);
  });
});
