// Sources reconciled into one concept per accepted name per taxonomy, run
// after every import (for what it touched) and at the end of a seed:
//  1. the facts of a synonym with one accepted concept move to that concept
//     (a newer source made the name a synonym after an older one gave it facts);
//  2. a listing change two sources state (same taxon, day, appendix, change
//     type, Party and populations) is one fact: the other rows point to it
//     with `same_as` and stay as its sources; views read only the fact.
// Importers then find their own rows where reconciliation left them: they
// resolve a synonym to its accepted concept (loadFactTargets) before writing.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { loadFactTargets } from './concepts.js';
import { selectRows } from './rows.js';

export interface ReconcileResult {
  /** Synonym concepts whose facts moved, and the accepted concepts they moved to. */
  moved: { from: number; to: number }[];
  /** Listing-change rows marked as another source of an existing fact. */
  duplicates: number;
  /** Accepted concepts whose facts changed (for the listing recompute). */
  touched: number[];
}

/** Reconcile everything, or only what concerns these concepts. */
export async function reconcile(tx: Queryable, opts: { conceptIds?: number[] } = {}): Promise<ReconcileResult> {
  const moved = await moveSynonymFacts(tx);
  const scope = opts.conceptIds ? [...new Set([...opts.conceptIds, ...moved.map((m) => m.to)])] : undefined;
  const duplicates = await markDuplicateListingChanges(tx, scope);
  return { moved, duplicates: duplicates.marked, touched: [...new Set([...moved.map((m) => m.to), ...duplicates.concepts])] };
}

const pairsJson = (pairs: { from: number; to: number }[]) => JSON.stringify(pairs.map((p) => ({ s: p.from, a: p.to })));

/** Facts of synonyms with one accepted concept move to it; facts it has already are merged, not repeated. */
async function moveSynonymFacts(tx: Queryable): Promise<{ from: number; to: number }[]> {
  const targets = await loadFactTargets(tx);
  if (!targets.size) return [];
  const withFacts = await selectRows<{ id: number }>(tx, sql`
    select distinct taxon_concept_id as id from (
      select taxon_concept_id from distributions union all select taxon_concept_id from common_names
      union all select taxon_concept_id from listing_changes union all select taxon_concept_id from taxon_references
      union all select taxon_concept_id from instrument_coverage union all select taxon_concept_id from conservation_statuses) f
     where taxon_concept_id in (select (jsonb_array_elements_text(${JSON.stringify([...targets.keys()])}::jsonb))::int)`);
  const pairs = withFacts.map((r) => ({ from: Number(r.id), to: targets.get(Number(r.id))! }));
  if (!pairs.length) return [];
  const t = sql`(select s, a from json_to_recordset(${pairsJson(pairs)}::json) as p(s int, a int))`;
  // Distributions: tags merged into the accepted concept's row for the same place, references follow.
  await tx.execute(sql`
    update distributions d set tags = array(select distinct x from unnest(d.tags || o.tags) x order by x)
      from distributions o join ${t} t on o.taxon_concept_id = t.s
     where d.taxon_concept_id = t.a and d.geo_entity_id = o.geo_entity_id and not (o.tags <@ d.tags)`);
  await tx.execute(sql`
    insert into distribution_references (distribution_id, citation, import_run_id, source_file, source_line)
    select d.id, r.citation, r.import_run_id, r.source_file, r.source_line
      from distribution_references r join distributions o on o.id = r.distribution_id join ${t} t on o.taxon_concept_id = t.s
      join distributions d on d.taxon_concept_id = t.a and d.geo_entity_id = o.geo_entity_id
    on conflict (distribution_id, citation) do nothing`);
  await tx.execute(sql`
    delete from distributions o using ${t} t, distributions d
     where o.taxon_concept_id = t.s and d.taxon_concept_id = t.a and d.geo_entity_id = o.geo_entity_id`);
  await tx.execute(sql`update distributions o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  // Names, references and conservation statuses: a row the accepted concept has already is dropped.
  await tx.execute(sql`
    delete from common_names o using ${t} t, common_names d
     where o.taxon_concept_id = t.s and d.taxon_concept_id = t.a and d.language = o.language and d.name = o.name`);
  await tx.execute(sql`update common_names o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  await tx.execute(sql`
    delete from taxon_references o using ${t} t, taxon_references d
     where o.taxon_concept_id = t.s and d.taxon_concept_id = t.a and d.reference_id = o.reference_id`);
  await tx.execute(sql`update taxon_references o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  await tx.execute(sql`
    delete from conservation_statuses o using ${t} t, conservation_statuses d
     where o.taxon_concept_id = t.s and d.taxon_concept_id = t.a and d.source = o.source and d.assessment_id = o.assessment_id`);
  await tx.execute(sql`update conservation_statuses o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  // Listing changes and instrument coverage move as they are; duplicates are marked next.
  await tx.execute(sql`update listing_changes o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  await tx.execute(sql`update instrument_coverage o set taxon_concept_id = t.a from ${t} t where o.taxon_concept_id = t.s`);
  return pairs;
}

interface ChangeRow {
  id: number; taxon_concept_id: number; convention: string; effective_at: string; appendix: string; change_type: string;
  party_iso2: string | null; populations_included: string[]; populations_excluded: string[]; same_as: number | null; texts: number;
}

/** A row's populations as one key; '' when it states none. */
const popsKey = (r: ChangeRow) => (r.populations_included.length || r.populations_excluded.length
  ? `+${[...r.populations_included].sort().join(',')}-${[...r.populations_excluded].sort().join(',')}` : '');

/**
 * Which rows state the same change. Rows of one (taxon, convention, day,
 * appendix, type, Party) are one fact when their populations agree; a row
 * that states no populations (the Species+ API's history, whose annotations
 * name them in French) joins them when the others agree among themselves.
 * The fact is the row that says most (populations, then annotation texts),
 * then the oldest.
 */
export function duplicateGroups(rows: ChangeRow[]): Map<number, number | null> {
  const groups = new Map<string, ChangeRow[]>();
  for (const r of rows) {
    const k = [r.taxon_concept_id, r.convention, r.effective_at, r.appendix, r.change_type, (r.party_iso2 ?? '').trim()].join('|');
    const g = groups.get(k);
    if (g) g.push(r); else groups.set(k, [r]);
  }
  const sameAs = new Map<number, number | null>();
  for (const g of groups.values()) {
    const stated = new Set(g.map(popsKey).filter(Boolean));
    const classes = stated.size <= 1 ? [g] : [...stated].map((k) => g.filter((r) => popsKey(r) === k)).concat(g.filter((r) => !popsKey(r)).map((r) => [r]));
    for (const c of classes) {
      const fact = [...c].sort((a, b) => Number(!!popsKey(b)) - Number(!!popsKey(a)) || b.texts - a.texts || a.id - b.id)[0];
      for (const r of c) sameAs.set(r.id, r.id === fact.id ? null : fact.id);
    }
  }
  return sameAs;
}

async function markDuplicateListingChanges(tx: Queryable, conceptIds?: number[]): Promise<{ marked: number; concepts: number[] }> {
  const scope = conceptIds ? sql`and taxon_concept_id in (select (jsonb_array_elements_text(${JSON.stringify(conceptIds)}::jsonb))::int)` : sql``;
  const rows = await selectRows<ChangeRow>(tx, sql`
    select id, taxon_concept_id, convention, effective_at::text as effective_at, appendix, change_type, party_iso2,
           populations_included, populations_excluded, same_as,
           (annotation_en is not null)::int + (annotation_es is not null)::int + (annotation_fr is not null)::int + (full_annotation_en is not null)::int as texts
      from listing_changes where effective_at is not null ${scope}`);
  for (const r of rows) { r.id = Number(r.id); r.taxon_concept_id = Number(r.taxon_concept_id); r.texts = Number(r.texts); r.same_as = r.same_as == null ? null : Number(r.same_as); }
  const want = duplicateGroups(rows);
  const changes = rows.filter((r) => (want.get(r.id) ?? null) !== r.same_as);
  if (changes.length) {
    const body = JSON.stringify(changes.map((r) => ({ id: r.id, same_as: want.get(r.id) ?? null })));
    // Facts first (same_as null), so no row ever points at a row that points on.
    await tx.execute(sql`update listing_changes l set same_as = v.same_as from json_to_recordset(${body}::json) as v(id int, same_as int) where l.id = v.id and v.same_as is null`);
    await tx.execute(sql`update listing_changes l set same_as = v.same_as from json_to_recordset(${body}::json) as v(id int, same_as int) where l.id = v.id and v.same_as is not null`);
  }
  return { marked: changes.filter((r) => want.get(r.id) != null).length, concepts: [...new Set(changes.map((r) => r.taxon_concept_id))] };
}
