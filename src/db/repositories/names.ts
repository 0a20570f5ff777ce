// Names of both taxonomies for the name matcher, and a cheap data version so
// the in-memory index is rebuilt only when the data changed.
import type { Database } from '../client.js';

export interface NameEntryRow {
  id: number; full_name: string; author_year: string | null; name_status: string; taxonomy_id: string;
  kingdom_name: string | null; rank: string; accepted_id: number | null;
}

export async function matchableNames(database: Database): Promise<NameEntryRow[]> {
  // One pass over the relationships (a correlated subquery per synonym let the
  // planner walk the primary key: 50 s on the full data).
  return database.query<NameEntryRow>(`
    with accepted as (
      select distinct on (other_taxon_concept_id) other_taxon_concept_id as id, taxon_concept_id
        from taxon_relationships order by other_taxon_concept_id, id)
    select t.id, t.full_name, t.author_year, t.name_status, t.taxonomy_id, t.kingdom_name, t.rank,
      case when t.name_status = 'A' then null else a.taxon_concept_id end accepted_id
    from taxon_concepts t left join accepted a on a.id = t.id
    where t.deleted_at is null and t.name_status in ('A', 'S', 'N')`);
}

/** Changes whenever taxon concepts or relationships are written. */
export async function namesVersion(database: Database): Promise<string> {
  const [r] = await database.query<{ v: string }>(`
    select concat_ws('|', (select count(*) from taxon_concepts), (select max(updated_at) from taxon_concepts),
      (select count(*) from taxon_relationships), (select max(id) from import_runs where status = 'succeeded')) v`);
  return r.v;
}
