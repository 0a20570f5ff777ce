// Database side of the joined status (joined.ts): load every accepted concept
// of both taxonomies with its own status, the effective concept links and the
// CMS instrument coverage, compute, and write taxon_status where it changed.
// Called after the listing recompute and the realignment, in their transaction.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import type { Convention } from '../taxonomy/conventions.js';
import { joinStatuses, type InstrumentRef, type JoinedStatus, type JoinLink, type OwnStatus } from './joined.js';
import { rows } from './repository.js';
import { refreshSearchNames, type SearchNamesSummary } from '../db/repositories/searchNames.js';

export interface JoinedSummary { computed: number; written: number; deleted: number; milliseconds: number; searchNames: SearchNamesSummary }

/** Links as the joint list reads them: a CMS concept's curated links hide its automatic ones. */
export const EFFECTIVE_LINKS_SQL = sql`
  select l.* from concept_links l
   where l.origin = 'curated'
      or not exists (select 1 from concept_links c where c.cms_taxon_concept_id = l.cms_taxon_concept_id and c.origin = 'curated')`;

interface ConceptRow { id: number; taxonomy_id: Convention; full_name: string; rank: string; parent_id: number | null; listing: string | null; appendices: string[] | null }

export async function computeJoinedStatus(q: Queryable): Promise<JoinedStatus[]> {
  const concepts = await rows<ConceptRow>(q, sql`
    select c.id, c.taxonomy_id, c.full_name, c.rank, c.parent_id, tl.listing, tl.appendices
      from taxon_concepts c left join taxon_listings tl on tl.taxon_concept_id = c.id and tl.convention = c.taxonomy_id
     where c.deleted_at is null and c.name_status not in ('S', 'T')`);
  const links = await rows<{ cms_taxon_concept_id: number; cites_taxon_concept_id: number | null; relation: string; confidence: number }>(q, sql`
    select cms_taxon_concept_id, cites_taxon_concept_id, relation, confidence from (${EFFECTIVE_LINKS_SQL}) e`);
  const coverage = await rows<{ taxon_concept_id: number; instrument: string; since: string | null }>(q, sql`
    select taxon_concept_id, instrument, min(since)::text as since from instrument_coverage where is_current group by 1, 2`);
  const own = new Map<number, OwnStatus>();
  for (const c of concepts) if (c.listing != null || c.appendices?.length) own.set(Number(c.id), { listing: c.listing, appendices: c.appendices ?? [] });
  const byConcept = new Map<number, InstrumentRef[]>();
  for (const r of coverage) {
    const id = Number(r.taxon_concept_id);
    byConcept.set(id, [...(byConcept.get(id) ?? []), { code: r.instrument, since: r.since }]);
  }
  const joinLinks: JoinLink[] = links.map((l) => ({
    cmsId: Number(l.cms_taxon_concept_id), citesId: l.cites_taxon_concept_id == null ? null : Number(l.cites_taxon_concept_id),
    relation: l.relation, confidence: Number(l.confidence),
  }));
  return joinStatuses(concepts.map((c) => ({ id: Number(c.id), taxonomy: c.taxonomy_id, name: c.full_name, rank: c.rank, parentId: c.parent_id == null ? null : Number(c.parent_id) })),
    own, joinLinks, byConcept);
}

const COLUMNS = ['record_id', 'cites_concept_id', 'cites_concept_name', 'cites_relation', 'cites_listing', 'cites_appendices',
  'cms_concept_id', 'cms_concept_name', 'cms_relation', 'cms_listing', 'cms_appendices', 'cms_instruments'] as const;

function toRow(s: JoinedStatus) {
  return {
    taxon_concept_id: s.id, record_id: s.recordId,
    cites_concept_id: s.CITES.conceptId, cites_concept_name: s.CITES.conceptName, cites_relation: s.CITES.relation, cites_listing: s.CITES.listing, cites_appendices: s.CITES.appendices,
    cms_concept_id: s.CMS.conceptId, cms_concept_name: s.CMS.conceptName, cms_relation: s.CMS.relation, cms_listing: s.CMS.listing, cms_appendices: s.CMS.appendices,
    cms_instruments: s.instruments,
  };
}

const fingerprint = (r: Record<string, unknown>) => JSON.stringify(COLUMNS.map((c) => r[c] ?? null));

/**
 * Recompute the joined status of every accepted concept, and the search names that follow it; rows are written only where they changed.
 * `namesChanged: false` (a hand-recorded listing change) skips the search names unless a species record moved.
 */
export async function recomputeJoinedStatus(q: Queryable, opts: { namesChanged?: boolean } = {}): Promise<JoinedSummary> {
  const started = performance.now();
  const computed = (await computeJoinedStatus(q)).map(toRow);
  const stored = await rows<Record<string, unknown>>(q, sql`select taxon_concept_id, ${sql.raw(COLUMNS.join(', '))} from taxon_status`);
  const have = new Map(stored.map((r) => [Number(r.taxon_concept_id), fingerprint({ ...r, record_id: Number(r.record_id), cites_concept_id: r.cites_concept_id == null ? null : Number(r.cites_concept_id), cms_concept_id: r.cms_concept_id == null ? null : Number(r.cms_concept_id) })]));
  const want = new Set(computed.map((r) => r.taxon_concept_id));
  const gone = [...have.keys()].filter((id) => !want.has(id));
  const changed = computed.filter((r) => have.get(r.taxon_concept_id) !== fingerprint(r));
  for (let i = 0; i < gone.length; i += 10_000) {
    await q.execute(sql`delete from taxon_status where taxon_concept_id in (select (jsonb_array_elements_text(${JSON.stringify(gone.slice(i, i + 10_000))}::jsonb))::int)`);
  }
  for (let i = 0; i < changed.length; i += 2_000) {
    const chunk = JSON.stringify(changed.slice(i, i + 2_000));
    await q.execute(sql`
      insert into taxon_status (taxon_concept_id, ${sql.raw(COLUMNS.join(', '))})
      select taxon_concept_id, ${sql.raw(COLUMNS.join(', '))} from json_to_recordset(${chunk}::json) as v(taxon_concept_id int, record_id int,
        cites_concept_id int, cites_concept_name text, cites_relation text, cites_listing text, cites_appendices text[],
        cms_concept_id int, cms_concept_name text, cms_relation text, cms_listing text, cms_appendices text[], cms_instruments jsonb)
      on conflict (taxon_concept_id) do update set ${sql.raw(COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '))}`);
  }
  // Search maps every name to its species record: refreshed when names or records may have changed.
  const storedRecord = new Map(stored.map((r) => [Number(r.taxon_concept_id), Number(r.record_id)]));
  const recordsMoved = gone.length > 0 || changed.some((r) => storedRecord.get(r.taxon_concept_id) !== r.record_id);
  const searchNames = opts.namesChanged === false && !recordsMoved ? { written: 0, deleted: 0 } : await refreshSearchNames(q);
  return { computed: computed.length, written: changed.length, deleted: gone.length, milliseconds: performance.now() - started, searchNames };
}
