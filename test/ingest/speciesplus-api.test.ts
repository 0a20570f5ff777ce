// The speciesplus-api importer on the recorded Species+ responses.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { dataPath, tempDir } from '../support/data.js';
import { recorded, sppFixture } from '../api/fixtures.js';
import { populationScope } from '../../src/ingest/formats/speciesplus-api.js';

const imp = () => importerFor('speciesplus-api');
const write = (name: string, content: string) => { const f = path.join(tempDir(), name); fs.writeFileSync(f, content); return f; };

it('reads population scopes from English Species+ annotations, and never guesses', () => {
  const countries = new Map([['botswana', 'BW'], ['namibia', 'NA'], ['south africa', 'ZA'], ['zimbabwe', 'ZW']]);
  const [appI, appII] = recorded('taxonconcept_def')[0].body.taxon_concepts[0].cites_listings.map((l: any) => l.annotation);
  const cases: [string | null, { included: string[]; excluded: string[] }, string][] = [
    [appI, { included: [], excluded: ['BW', 'NA', 'ZA', 'ZW'] }, 'recorded App I annotation of Loxodonta africana'],
    [appII, { included: ['BW', 'NA', 'ZA', 'ZW'], excluded: [] }, 'recorded App II annotation of Loxodonta africana'],
    ['Except the populations of Botswana and Atlantis, which are included in Appendix II.', { included: [], excluded: [] }, 'an unknown place: no scope'],
    ['[FAMILY listing Trochilidae spp.] ', { included: [], excluded: [] }, 'no population wording'],
    [null, { included: [], excluded: [] }, 'no annotation'],
  ];
  for (const [text, expected, why] of cases) expect(populationScope(text, countries), why).toEqual(expected);
});

describeEachDatabase('speciesplus-api importer', (get) => {
  it('imports taxon concepts with synonyms and common names into the right taxonomy, and re-import changes nothing', async () => {
    await runImport(get(), await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
    const first = await runImport(get(), await imp(), sppFixture('taxonconcept_def'), { progress: false });
    expect(first).toMatchObject({ status: 'succeeded', rejected: 0 });
    const t = recorded('taxonconcept_def')[0].body.taxon_concepts[0];
    const [row] = await get().query<any>(`select * from taxon_concepts where speciesplus_id = $1`, [t.id]);
    expect(row).toMatchObject({ taxonomy_id: 'CITES', full_name: t.full_name, author_year: t.author_year, rank: t.rank, name_status: 'A', family_name: t.higher_taxa.family });
    const syn = await get().query<any>(`select s.full_name, s.name_status from taxon_relationships r join taxon_concepts s on s.id = r.other_taxon_concept_id where r.taxon_concept_id = $1`, [row.id]);
    expect(syn).toEqual([{ full_name: 'Loxodonta cyclotis', name_status: 'S' }]);
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from common_names where taxon_concept_id = $1`, [row.id]);
    expect(Number(n)).toBe(new Set(t.common_names.map((c: any) => `${c.language}|${c.name}`)).size);
    const again = await runImport(get(), await imp(), sppFixture('taxonconcept_def'), { progress: false });
    expect(again).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0 });

    const cms = await runImport(get(), await imp(), sppFixture('taxonconcept_cms'), { progress: false });
    expect(cms.status).toBe('succeeded');
    const cmsIds = recorded('taxonconcept_cms').flatMap((r) => r.body.taxon_concepts.map((x: any) => x.id));
    const [{ c }] = await get().query<{ c: string }>(`select count(*) c from taxon_concepts where taxonomy_id = 'CMS' and speciesplus_id = any($1::int[])`, [cmsIds]);
    expect(Number(c)).toBe(cmsIds.length);
  });

  it('imports the listing history, distributions and references of a known concept; rejects those of unknown ones with the reason', async () => {
    const leg = await runImport(get(), await imp(), sppFixture('cites_legislation_bat'), { progress: false });
    expect(leg.status).toBe('succeeded');
    expect(leg.rejects.map((r) => r.reason)).toEqual([
      'a taxon concept already imported with Species+ id 3210; none found (import its taxon_concepts page first)',
      'a taxon concept already imported with Species+ id 8094; none found (import its taxon_concepts page first)',
    ]);
    const sco = await runImport(get(), await imp(), sppFixture('cites_legislation_sco'), { progress: false });
    expect(sco.rejected).toBe(0);
    const reservations = recorded('cites_legislation_sco')[0].body.cites_listings.filter((l: any) => l.change_type === 'R+').length;
    const [{ r }] = await get().query<{ r: string }>(`select count(*) r from listing_changes l join taxon_concepts t on t.id = l.taxon_concept_id where t.speciesplus_id = 4521 and l.change_type = 'RESERVATION'`);
    expect(Number(r)).toBe(reservations);
    // French annotations of the language=fr response go to annotation_fr.
    const [{ fr }] = await get().query<{ fr: string }>(`select count(*) fr from listing_changes where annotation_fr is not null`);
    expect(Number(fr)).toBeGreaterThan(0);
    const dist = await runImport(get(), await imp(), sppFixture('distributions_def'), { progress: false });
    const countries = recorded('distributions_def')[0].body.map((d: any) => d.iso_code2);
    expect(dist.accepted + dist.unchanged).toBe(countries.length);
    const refs = await runImport(get(), await imp(), sppFixture('references_def'), { progress: false });
    expect(refs.accepted).toBe(recorded('references_def')[0].body.length);
  });

  it('refuses a file that is not a cassette, naming file and field, and leaves the database as it was', async () => {
    const before = await get().query<{ n: string }>('select count(*) n from taxon_concepts');
    const cases: [string, string, RegExp][] = [
      ['empty.json', '', /empty\.json.*empty/],
      ['broken.json', '{"http_interactions": [', /broken\.json.*JSON/],
      ['shape.json', '{"interactions": []}', /shape\.json \[http_interactions\]/],
      ['nouri.json', '{"http_interactions": [{"response": {"body": {"string": "{}"}}}]}', /nouri\.json:1 \[request\.uri\]/],
    ];
    for (const [name, content, message] of cases) {
      const s = await runImport(get(), await imp(), write(name, content), { progress: false });
      expect(s.status, name).toBe('refused');
      expect(s.error, name).toMatch(message);
    }
    // A bad record inside a good cassette is a reject line, not a refusal.
    const doc = JSON.parse(fs.readFileSync(sppFixture('taxonconcept_pag'), 'utf8'));
    const body = JSON.parse(doc.http_interactions[0].response.body.string);
    body.taxon_concepts[1].rank = 'SUPERGENUS';
    doc.http_interactions[0].response.body.string = JSON.stringify(body);
    const s = await runImport(get(), await imp(), write('one-bad.json', JSON.stringify(doc)), { progress: false });
    expect(s.status).toBe('succeeded');
    expect(s.rejects[0]).toEqual({ file: 'one-bad.json', line: 1, field: 'taxon_concepts[1].rank', reason: 'a rank (KINGDOM ... VARIETY), got "SUPERGENUS"' });
    const after = await get().query<{ n: string }>('select count(*) n from taxon_concepts');
    expect(Number(after[0].n)).toBeGreaterThan(Number(before[0].n)); // the good records of one-bad.json
  });
});
