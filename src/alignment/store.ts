// The alignment in the database: load both taxonomies, run the pure core,
// write concept_links for what changed. Curated links (a person's decision,
// written by src/commands/linkCurator.ts) are never touched by a recompute,
// and hide the automatic ones of their CMS concept.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { alignTaxonomies, type ConceptInput, type Link } from './align.js';

async function rows<T>(db: Queryable, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

interface ConceptRow { id: number; full_name: string; rank: string; author_year: string | null; class_name: string | null; speciesplus_id: number | null; name_status: string }

/** Accepted animal concepts of one taxonomy with their synonym names (two scans joined here, cheap on any planner). */
export async function loadConcepts(db: Queryable, taxonomy: 'CMS' | 'CITES'): Promise<ConceptInput[]> {
  const found = await rows<ConceptRow>(db, sql`
    select id, full_name, rank, author_year, class_name, speciesplus_id, name_status from taxon_concepts
     where taxonomy_id = ${taxonomy} and name_status in ('A', 'S') and deleted_at is null
       and lower(coalesce(kingdom_name, 'animalia')) = 'animalia'`);
  const rels = await rows<{ a: number; s: number }>(db, sql`
    select r.taxon_concept_id as a, r.other_taxon_concept_id as s from taxon_relationships r where r.type = 'HAS_SYNONYM'`);
  const names = new Map(found.map((r) => [Number(r.id), r]));
  const synonyms = new Map<number, string[]>();
  for (const r of rels) {
    const syn = names.get(Number(r.s));
    if (!syn || syn.name_status !== 'S' || !names.has(Number(r.a))) continue;
    synonyms.set(Number(r.a), [...(synonyms.get(Number(r.a)) ?? []), syn.full_name]);
  }
  return found.filter((r) => r.name_status === 'A').map((r) => ({
    id: Number(r.id), name: r.full_name, rank: r.rank, author: r.author_year, className: r.class_name,
    synonyms: (synonyms.get(Number(r.id)) ?? []).sort(),
    // Of two same-name concepts, the one a current source (Checklist, API) names wins.
    weight: r.speciesplus_id != null ? 1 : 0,
  }));
}

export interface RealignOptions {
  /** Recompute only these CMS concepts (and the splits/lumps they share); all when omitted. */
  cmsIds?: number[];
}

export interface RealignResult { inserted: number; updated: number; deleted: number; unchanged: number; curatedKept: number }

interface StoredLink { id: number; cms_taxon_concept_id: number; cites_taxon_concept_id: number | null; relation: string; basis: string; origin: string; confidence: number; review: boolean; evidence: unknown }

const keyOf = (cmsId: number, citesId: number | null) => `${cmsId}|${citesId ?? '-'}`;

/**
 * Recompute the automatic links of the affected CMS concepts inside the
 * caller's transaction; only rows that change are written.
 */
export async function realign(tx: Queryable, opts: RealignOptions = {}): Promise<RealignResult> {
  const [cms, cites] = [await loadConcepts(tx, 'CMS'), await loadConcepts(tx, 'CITES')];
  const links = alignTaxonomies(cms, cites);
  const stored = await rows<StoredLink>(tx, sql`select id, cms_taxon_concept_id, cites_taxon_concept_id, relation, basis, origin, confidence, review, evidence from concept_links`);
  const curatedCms = new Set(stored.filter((s) => s.origin === 'curated').map((s) => Number(s.cms_taxon_concept_id)));
  const automatic = stored.filter((s) => s.origin !== 'curated');
  const affected = affectedCms(opts.cmsIds, links, automatic, cms);

  const want = new Map<string, Link>();
  for (const l of links) if (affected.has(l.cmsId) && !curatedCms.has(l.cmsId)) want.set(keyOf(l.cmsId, l.citesId), l);
  const result: RealignResult = { inserted: 0, updated: 0, deleted: 0, unchanged: 0, curatedKept: 0 };
  result.curatedKept = stored.length - automatic.length;
  const toDelete: number[] = [];
  for (const s of automatic) {
    const cmsId = Number(s.cms_taxon_concept_id);
    if (!affected.has(cmsId)) continue;
    const k = keyOf(cmsId, s.cites_taxon_concept_id == null ? null : Number(s.cites_taxon_concept_id));
    const l = want.get(k);
    if (!l) { toDelete.push(Number(s.id)); continue; }
    want.delete(k);
    if (sameLink(s, l)) { result.unchanged++; continue; }
    // origin guard: a curator may have taken the row over since it was read (the update waits for that lock, then re-checks).
    await tx.execute(sql`update concept_links set relation = ${l.relation}, basis = ${l.basis}, confidence = ${l.confidence}, review = ${l.review},
      evidence = ${JSON.stringify(l.evidence)}::jsonb, updated_at = now() where id = ${s.id} and origin = 'automatic'`);
    result.updated++;
  }
  if (toDelete.length) {
    await tx.execute(sql`delete from concept_links where id in (select unnest(${`{${toDelete.join(',')}}`}::int[])) and origin = 'automatic'`);
    result.deleted = toDelete.length;
  }
  const inserts = [...want.values()];
  for (let i = 0; i < inserts.length; i += 1000) {
    const chunk = inserts.slice(i, i + 1000).map((l) => ({
      cms: l.cmsId, cites: l.citesId, relation: l.relation, basis: l.basis, confidence: l.confidence, review: l.review, evidence: l.evidence,
    }));
    await tx.execute(sql`insert into concept_links (cms_taxon_concept_id, cites_taxon_concept_id, relation, basis, origin, confidence, review, evidence, created_by)
      select cms, cites, relation, basis, 'automatic', confidence, review, evidence, 'concord' from json_to_recordset(${JSON.stringify(chunk)}::json)
        as v(cms int, cites int, relation text, basis text, confidence real, review boolean, evidence jsonb)`);
  }
  result.inserted = inserts.length;
  return result;
}

/** The CMS concepts asked for plus those sharing a CITES concept with them (a split or lump moves as one). */
function affectedCms(cmsIds: number[] | undefined, links: Link[], stored: StoredLink[], cms: ConceptInput[]): Set<number> {
  if (!cmsIds) {
    const all = new Set(cms.map((c) => c.id));
    for (const s of stored) all.add(Number(s.cms_taxon_concept_id)); // concepts no longer accepted lose their links
    return all;
  }
  const affected = new Set(cmsIds);
  const citesOf = new Set<number>();
  for (const l of links) if (affected.has(l.cmsId) && l.citesId != null) citesOf.add(l.citesId);
  for (const s of stored) if (affected.has(Number(s.cms_taxon_concept_id)) && s.cites_taxon_concept_id != null) citesOf.add(Number(s.cites_taxon_concept_id));
  for (const l of links) if (l.citesId != null && citesOf.has(l.citesId)) affected.add(l.cmsId);
  for (const s of stored) if (s.cites_taxon_concept_id != null && citesOf.has(Number(s.cites_taxon_concept_id))) affected.add(Number(s.cms_taxon_concept_id));
  return affected;
}

function sameLink(s: StoredLink, l: Link): boolean {
  return s.relation === l.relation && s.basis === l.basis && Math.abs(Number(s.confidence) - l.confidence) < 1e-6
    && s.review === l.review && stableJson(s.evidence) === stableJson(l.evidence);
}

/** JSON with sorted keys: jsonb does not keep key order. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Recompute every automatic link in one transaction (after a seed or a full import). */
export async function realignAll(database: Database): Promise<RealignResult> {
  return database.db.transaction((tx) => realign(tx));
}

/** Withdraw a person's decision; the automatic links of that CMS concept come back. */
export async function uncurateLink(tx: Queryable, props: { cmsId: number; citesId: number | null }): Promise<number> {
  const gone = await rows<{ id: number }>(tx, sql`delete from concept_links where origin = 'curated' and cms_taxon_concept_id = ${props.cmsId}
    and cites_taxon_concept_id is not distinct from ${props.citesId}::int returning id`);
  await realign(tx, { cmsIds: [props.cmsId] });
  return gone.length;
}
