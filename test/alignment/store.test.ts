// The alignment in the database, on a knowledge base built by the real
// importers: links written and kept in step, curated links override and
// survive, incremental recompute, and the joint list / report queries.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { realign, realignAll, uncurateLink } from '../../src/alignment/store.js';
import { curateConcept, curateLink } from '../../src/commands/linkCurator.js';
import { CommandError } from '../../src/commands/errors.js';
import { alignmentReport, alignmentSummary, jointList, jointMatrix } from '../../src/alignment/repository.js';
import { describeEachDatabase } from '../support/databases.js';
import { seedForAlignment } from './seeded.js';

async function cmsId(db: Database, name: string): Promise<number> {
  const [r] = await db.query<{ id: number }>(`select id from taxon_concepts where taxonomy_id = 'CMS' and full_name = $1 and name_status = 'A'`, [name]);
  if (!r) throw new Error(`no CMS concept ${name}`);
  return Number(r.id);
}

async function linksOf(db: Database, name: string) {
  return db.query<{ id: number; cites_name: string | null; speciesplus_id: number | null; relation: string; basis: string; origin: string; review: boolean; evidence: Record<string, unknown>; updated_at: string }>(`
    select l.id, c.full_name as cites_name, c.speciesplus_id, l.relation, l.basis, l.origin, l.review, l.evidence, l.updated_at::text
      from concept_links l left join taxon_concepts c on c.id = l.cites_taxon_concept_id
     where l.cms_taxon_concept_id = $1 order by l.id`, [await cmsId(db, name)]);
}

const secretariat = { userId: null, label: 'secretariat@cms' };

describeEachDatabase('alignment in the database', (get) => {
  beforeAll(async () => { await seedForAlignment(get()); }, 180_000);

  it('imports keep the links current (realignAll then has nothing to write) and link the named cases as the pure core does', async () => {
    const first = await realignAll(get());
    expect(first).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(first.unchanged).toBeGreaterThan(1000);
    expect(await linksOf(get(), 'Phoenicopterus andinus')).toMatchObject([{ cites_name: 'Phoenicoparrus andinus', speciesplus_id: 6528, relation: 'equal', basis: 'synonym', origin: 'automatic' }]);
    expect(await linksOf(get(), 'Brotogeris pyrrhopterus')).toMatchObject([{ cites_name: 'Brotogeris pyrrhoptera', relation: 'equal', basis: 'variant' }]);
    expect(await linksOf(get(), 'Tursiops truncatus ponticus')).toMatchObject([{ cites_name: 'Tursiops truncatus', relation: 'included_in', basis: 'rank' }]);
    expect(await linksOf(get(), 'Thalassarche melanophris')).toMatchObject([{ cites_name: null, relation: 'disjunct' }]);
    await get().query('delete from concept_links');
    const again = await realignAll(get());
    expect(again).toMatchObject({ inserted: first.unchanged, updated: 0, deleted: 0 });
  });

  it('a curated link overrides the automatic ones, survives recomputes, and can be withdrawn', async () => {
    const id = await cmsId(get(), 'Brotogeris pyrrhopterus');
    const curated = await get().db.transaction((tx) => curateConcept(tx, { actor: secretariat, cmsId: id, citesId: null, relation: 'disjunct', comment: 'test decision' }));
    expect(curated).toMatchObject({ cmsTaxonConceptId: id, citesTaxonConceptId: null, relation: 'disjunct', origin: 'curated', createdBy: 'secretariat@cms' });
    await realignAll(get());
    expect(await linksOf(get(), 'Brotogeris pyrrhopterus')).toMatchObject([{ cites_name: null, relation: 'disjunct', basis: 'curated', origin: 'curated' }]);
    const [row] = (await alignmentReport(get(), { all: true })).filter((r) => r.cms.id === id);
    // No CITES counterpart of its own, yet CITES covers it: Psittaciformes spp. are in Appendix II, so the genus Brotogeris is.
    expect(row).toMatchObject({ origin: 'curated', relation: 'disjunct', cites: { name: 'Brotogeris', rank: 'GENUS', viaHigherTaxon: true, appendices: ['II'] }, comment: 'test decision' });
    await get().db.transaction((tx) => uncurateLink(tx, { cmsId: id, citesId: null }));
    expect(await linksOf(get(), 'Brotogeris pyrrhopterus')).toMatchObject([{ cites_name: 'Brotogeris pyrrhoptera', origin: 'automatic' }]);
  });

  it('refuses curation that names the wrong taxonomy or relation, naming the field', async () => {
    const id = await cmsId(get(), 'Brotogeris pyrrhopterus');
    const decision = { actor: secretariat, comment: 'x' };
    const cases: [Parameters<typeof curateConcept>[1], string][] = [
      [{ ...decision, cmsId: id, citesId: id, relation: 'equal' }, 'citesId'],
      [{ ...decision, cmsId: id, citesId: null, relation: 'equal' }, 'citesId'],
      [{ ...decision, cmsId: id, citesId: null, relation: 'same' as never }, 'relation'],
      [{ ...decision, cmsId: -1, citesId: null, relation: 'disjunct' }, 'cmsId'],
      [{ ...decision, cmsId: id, citesId: null, relation: 'disjunct', comment: ' ' }, 'comment'],
    ];
    for (const [props, field] of cases) {
      const err = await get().db.transaction((tx) => curateConcept(tx, props)).catch((e: unknown) => e);
      expect(err, JSON.stringify(props)).toBeInstanceOf(CommandError);
      expect((err as CommandError).field).toBe(field);
    }
  });

  it('curation, one command: a split is decided link by link from the queue, a concept-wide decision replaces the rest; recomputes keep it; all audited', async () => {
    const x = await cmsId(get(), 'Brotogeris pyrrhopterus');
    const [real] = await get().query<{ id: number }>(`select id from taxon_concepts where taxonomy_id = 'CITES' and name_status = 'A' and full_name = 'Brotogeris pyrrhoptera'`);
    const [other] = await get().query<{ id: number }>(`select id from taxon_concepts where taxonomy_id = 'CITES' and name_status = 'A' and full_name like 'Brotogeris %' and id <> $1 order by full_name limit 1`, [real.id]);
    class Rollback extends Error {}
    const err = await get().db.transaction(async (tx) => {
      const q = async <T>(query: ReturnType<typeof sql>) => ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
      const links = () => q<{ id: number; cites: number | null; relation: string; origin: string; review: boolean }>(sql`
        select id, cites_taxon_concept_id as cites, relation, origin, review from concept_links where cms_taxon_concept_id = ${x} order by id`);
      const [{ since }] = await q<{ since: number }>(sql`select coalesce(max(id), 0) as since from audit_events`);
      // A CITES split waiting for review: two automatic 'includes' links of one CMS concept.
      const split = async () => {
        await tx.execute(sql`delete from concept_links where cms_taxon_concept_id = ${x}`);
        return (await q<{ id: number }>(sql`insert into concept_links (cms_taxon_concept_id, cites_taxon_concept_id, relation, basis, origin, confidence, review, evidence, created_by)
          values (${x}, ${real.id}, 'includes', 'split_lump', 'automatic', 0.5, true, '{}'::jsonb, 'concord'), (${x}, ${other.id}, 'includes', 'split_lump', 'automatic', 0.5, true, '{}'::jsonb, 'concord') returning id`)).map((r) => Number(r.id));
      };
      // Confirm one half: the other stays in the queue; reject it: it goes, the concept keeps its curated counterpart through a recompute.
      let [a, b] = await split();
      expect(await curateLink(tx, { actor: secretariat, linkId: a, decision: 'confirm', comment: 'This half.' })).toMatchObject({ id: a, origin: 'curated', relation: 'includes', basis: 'split_lump', review: false });
      expect(await links()).toEqual([{ id: a, cites: real.id, relation: 'includes', origin: 'curated', review: false }, { id: b, cites: other.id, relation: 'includes', origin: 'automatic', review: true }]);
      expect(await curateLink(tx, { actor: secretariat, linkId: b, decision: 'reject', comment: 'Not this half.' })).toMatchObject({ id: b, removed: true });
      await realign(tx, { cmsIds: [x] });
      expect(await links()).toEqual([{ id: a, cites: real.id, relation: 'includes', origin: 'curated', review: false }]);
      // Reject first: 'no counterpart' for now, the other half still in the queue; confirming it replaces the 'no counterpart'.
      [a, b] = await split();
      expect(await curateLink(tx, { actor: secretariat, linkId: a, decision: 'reject', comment: 'Not this one.' })).toMatchObject({ id: a, citesTaxonConceptId: null, relation: 'disjunct', origin: 'curated' });
      expect((await links()).map((l) => [l.id, l.origin])).toEqual([[a, 'curated'], [b, 'automatic']]);
      await curateLink(tx, { actor: secretariat, linkId: b, decision: 'replace', citesTaxonConceptId: other.id, relation: 'equal', comment: 'Only this one.' });
      expect(await links()).toEqual([{ id: b, cites: other.id, relation: 'equal', origin: 'curated', review: false }]);
      // A decision on the concept as a whole ('no counterpart') replaces its counterparts; the same decision again reuses the row.
      const none = await curateConcept(tx, { actor: secretariat, cmsId: x, citesId: null, relation: 'disjunct', comment: 'Not in CITES.' });
      expect((await curateConcept(tx, { actor: secretariat, cmsId: x, citesId: null, relation: 'disjunct', comment: 'Still not.' })).id).toBe(none.id);
      expect(await links()).toEqual([{ id: none.id, cites: null, relation: 'disjunct', origin: 'curated', review: false }]);
      expect(none.evidence).toMatchObject({ curation: { decision: 'replace', by: 'secretariat@cms', previous: null, replaced: [{ id: b, citesTaxonConceptId: other.id, origin: 'curated' }] } });
      const audit = await q<{ action: string }>(sql`select action from audit_events where id > ${since} and resource_type = 'conceptLink' order by id`);
      expect(audit.map((e) => e.action)).toEqual(['conceptLink.confirm', 'conceptLink.reject', 'conceptLink.reject', 'conceptLink.replace', 'conceptLink.replace', 'conceptLink.replace']);
      throw new Rollback();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Rollback);
  });

  it('realign({cmsIds}) recomputes only the concepts asked for, inside the caller\'s transaction', async () => {
    const andinus = await cmsId(get(), 'Phoenicopterus andinus');
    const before = await linksOf(get(), 'Phoenicopterus andinus');
    const bystander = await linksOf(get(), 'Tursiops truncatus ponticus');
    class Rollback extends Error {}
    // Drop the CITES synonym that carries the genus transfer: only a near spelling is left (a fuzzy
    // link, for review) — then roll it all back.
    const err = await get().db.transaction(async (tx) => {
      await tx.execute(sql`delete from taxon_relationships r using taxon_concepts s, taxon_concepts a
        where r.other_taxon_concept_id = s.id and r.taxon_concept_id = a.id and a.taxonomy_id = 'CITES'
          and a.full_name = 'Phoenicoparrus andinus' and s.full_name = 'Phoenicopterus andinus'`);
      const res = await realign(tx, { cmsIds: [andinus] });
      expect(res).toMatchObject({ inserted: 0, deleted: 0, updated: 1 });
      const now = (await tx.execute(sql`select relation, basis, review from concept_links where cms_taxon_concept_id = ${andinus}`)) as unknown as { rows: unknown[] };
      expect(now.rows).toEqual([{ relation: 'equal', basis: 'fuzzy', review: true }]);
      throw new Rollback();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Rollback);
    expect(await linksOf(get(), 'Phoenicopterus andinus')).toEqual(before);
    expect(await linksOf(get(), 'Tursiops truncatus ponticus')).toEqual(bystander);
  });

  it('jointList: CMS Appendix I species in any CITES Appendix, with both names, statuses, link type; filters by range State and class', async () => {
    await realignAll(get());
    const rows = await jointList(get(), {});
    const row = rows.find((r) => r.cms.name === 'Brotogeris pyrrhopterus')!;
    expect(row).toMatchObject({
      cms: { name: 'Brotogeris pyrrhopterus', rank: 'SPECIES', listing: 'I' },
      cites: { name: 'Brotogeris pyrrhoptera', rank: 'SPECIES', listing: 'II' },
      relation: 'equal', basis: 'variant', review: false,
    });
    expect(row.cms.reasons.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.cms.appendices, r.cms.name).toContain('I');
      expect(r.cites?.appendices.some((a) => ['I', 'II', 'III'].includes(a)), r.cms.name).toBe(true);
    }
    // Brotogeris pyrrhoptera occurs in EC and PE (2017 Checklist distribution).
    expect((await jointList(get(), { country: 'PE' })).map((r) => r.cms.name)).toContain('Brotogeris pyrrhopterus');
    expect((await jointList(get(), { country: 'FR' })).map((r) => r.cms.name)).not.toContain('Brotogeris pyrrhopterus');
    expect((await jointList(get(), { className: 'Mammalia' })).every((r) => r.className === 'Mammalia')).toBe(true);
    // Loxodonta africana: CMS II (and the West African Elephants MoU), CITES I and II by population.
    const elephants = await jointList(get(), { cms: 'II', cites: 'split' });
    expect(elephants.find((r) => r.cms.name === 'Loxodonta africana')).toMatchObject({ cites: { name: 'Loxodonta africana', category: 'split' } });
  });

  it('jointMatrix counts every CMS concept once per cell of CMS x CITES categories', async () => {
    const m = await jointMatrix(get());
    const total = Object.values(m).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    const [{ n }] = await get().query<{ n: string }>(`select count(*) n from taxon_concepts where taxonomy_id = 'CMS' and name_status = 'A'`);
    expect(total).toBeGreaterThanOrEqual(Number(n));
    expect(m.I.II).toBeGreaterThanOrEqual(1); // Brotogeris pyrrhopterus
    expect(m.none.none).toBeGreaterThan(0); // CMS higher taxa and unlisted names
  });

  it('alignmentReport lists the pairs whose names differ, classified, and CMS-listed taxa without a counterpart', async () => {
    const report = await alignmentReport(get());
    const by = (n: string) => report.find((r) => r.cms.name === n);
    expect(by('Brotogeris pyrrhopterus')).toMatchObject({ difference: 'variant' });
    expect(by('Phoenicopterus andinus')).toMatchObject({ difference: 'genus_transfer', cites: { name: 'Phoenicoparrus andinus' } });
    expect(by('Tursiops truncatus ponticus')).toMatchObject({ difference: 'rank', relation: 'included_in' });
    expect(by('Thalassarche melanophris')).toMatchObject({ cites: null, relation: 'disjunct', difference: 'no_counterpart' });
    expect(report.every((r) => r.difference !== 'none')).toBe(true);
    const all = await alignmentReport(get(), { all: true });
    expect(all.length).toBeGreaterThan(report.length);
    expect(all.find((r) => r.cms.name === 'Chelonia mydas')).toMatchObject({ relation: 'equal', basis: 'name', cites: { name: 'Chelonia mydas' } });
    const summary = await alignmentSummary(get());
    const aves = summary.byClass.find((c) => c.className === 'Aves')!;
    expect(aves.cmsConcepts).toBeGreaterThan(100);
    expect(aves.alignedPercent).toBeGreaterThan(0);
    expect(summary.dataIssues.some((d) => d.kind === 'duplicate_cms_concepts' && /Kogia sima, Kogia simus/.test(d.detail))).toBe(true);
  });
});
