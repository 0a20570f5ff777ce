// The one full-file test: the whole 2017 Checklist, then a re-import.
import { expect, it } from 'vitest';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { describeEachDatabase } from '../support/databases.js';
import { checklist2017, dataPath } from '../support/data.js';

const ROW_FIELDS = new Set(['TaxonId', 'RankName', 'FullName', 'Kingdom', 'CurrentListing', 'Species']);

describeEachDatabase('checklist-csv, the full 2017 file', (get) => {
  it('accepts or rejects every one of the 38,079 rows, reproduces CurrentListing, and re-imports without a write', async () => {
    const db = get();
    for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')], ['cites-parties', dataPath('citesdb', 'cites_parties.tsv')]]) {
      expect((await runImport(db, await importerFor(format), file, { progress: false })).status).toBe('succeeded');
    }
    const imp = await importerFor('checklist-csv');
    const first = await runImport(db, imp, checklist2017, { progress: false, maxRejectLines: 100_000 });
    expect(first.status).toBe('succeeded');
    const rowRejects = first.rejects.filter((r) => ROW_FIELDS.has(r.field));
    expect(first.accepted + rowRejects.length).toBe(38_079);
    // The one row the file cannot place: its species is not a row of the file.
    expect(rowRejects.map((r) => r.reason)).toEqual(['a parent taxon: SPECIES Branta canadensis is neither in the file nor in the database']);
    // 'S1' (Sudan before the secession of South Sudan) is the only code no place list knows.
    expect(new Set(first.rejects.filter((r) => !ROW_FIELDS.has(r.field)).map((r) => r.reason.match(/'(\w+)' is not a geo entity/)?.[1]))).toEqual(new Set(['S1']));

    // Own listings plus descendants' reproduce the Checklist's CurrentListing.
    const rows = await db.query<{ id: number; parent_id: number | null; full_name: string; current: string | null; own: string[] | null }>(`
      select c.id, c.parent_id, c.full_name, c.data->>'currentListing' current,
             array(select l.appendix from listing_changes l where l.taxon_concept_id = c.id and l.is_current) own
        from taxon_concepts c where c.taxonomy_id = 'CITES' and c.name_status = 'A'`);
    const children = new Map<number, number[]>();
    for (const r of rows) if (r.parent_id != null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const memo = new Map<number, Set<string>>();
    const derived = (id: number): Set<string> => {
      const hit = memo.get(id);
      if (hit) return hit;
      const out = new Set(byId.get(id)!.own ?? []);
      for (const c of children.get(id) ?? []) for (const a of derived(c)) out.add(a);
      memo.set(id, out);
      return out;
    };
    const mismatches = rows.filter((r) => r.current != null).filter((r) => {
      const want = r.current!.split('/').filter((t) => t && t !== 'NC').sort().join('/');
      return [...derived(r.id)].sort().join('/') !== want;
    }).map((r) => r.full_name);
    // Lutrinae is a SUBFAMILY; the rows carry no subfamily column, so its otters hang under Mustelidae.
    expect(mismatches).toEqual(['Lutrinae']);

    const counts = async () => (await db.query(`select (select count(*) from taxon_concepts) a, (select count(*) from listing_changes) b,
      (select count(*) from distributions) c, (select count(*) from common_names) d, (select count(*) from taxon_relationships) e,
      (select max(updated_at)::text from taxon_concepts) f`))[0];
    const before = await counts();
    const second = await runImport(db, imp, checklist2017, { progress: false });
    expect(second).toMatchObject({ status: 'succeeded', accepted: 0, updated: 0, unchanged: first.accepted });
    expect(await counts()).toEqual(before);
  }, 900_000);
});
