// The change feed: taxon concepts changed since a moment, and tombstones for
// the ones removed, in one time-ordered stream.
import type { Database } from '../client.js';

export interface ChangeRow {
  kind: 'updated' | 'removed'; id: number; taxonomy_id: string; full_name: string; at: string;
  rank: string | null; name_status: string | null;
}

export async function changesSince(database: Database, since: Date, opts: { page: number; perPage: number }): Promise<{ rows: ChangeRow[]; total: number }> {
  const feed = `select 'updated' kind, t.id, t.taxonomy_id, t.full_name, t.updated_at at, t.rank, t.name_status
                  from taxon_concepts t where t.updated_at >= $1 and t.deleted_at is null
                union all
                select 'removed', s.taxon_concept_id, s.taxonomy_id, s.full_name, s.deleted_at, null, null
                  from tombstones s where s.deleted_at >= $1`;
  const rows = await database.query<ChangeRow>(`${feed} order by at, id limit $2 offset $3`, [since.toISOString(), opts.perPage, (opts.page - 1) * opts.perPage]);
  const [{ n }] = await database.query<{ n: string }>(`select count(*) n from (${feed}) f`, [since.toISOString()]);
  return { rows, total: Number(n) };
}

/** A string that changes whenever the data behind the exports does (imports, edits, derived listings, links). */
export async function dataVersion(database: Database): Promise<string> {
  const [r] = await database.query<{ v: string }>(`
    select concat_ws('|', (select max(finished_at) from import_runs), (select max(id) from import_runs), (select max(updated_at) from taxon_concepts),
      (select max(updated_at) from concept_links), (select max(computed_at) from taxon_listings), (select count(*) from tombstones),
      -- Writes by hand (a recorded listing change, a curated Party date) are audited: each one is a new version.
      (select max(id) from listing_changes), (select max(id) from audit_events)) v`);
  return r.v;
}
