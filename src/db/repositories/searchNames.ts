// The search_names table (schema.ts): every name a search starts from, mapped
// to its accepted concept and species record. Refreshed with the joined status,
// in its transaction, writing only the rows that changed.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { rows } from '../../listings/repository.js';

const COLUMNS = ['kind', 'source_id', 'name_key', 'name', 'language', 'priority', 'taxon_id', 'record_id', 'record_name', 'record_accepted'] as const;
const VALUES = COLUMNS.slice(2);

/** The names as they should be: a concept under its own name, a synonym under its accepted concept's, a common name. */
const WANTED = `
  with names as (
    select 'accepted' kind, c.id source_id, c.name_key, c.full_name name, null::text language, 0 priority, c.id taxon_id
      from taxon_concepts c where c.deleted_at is null
    union all
    select 'synonym', c.id, c.name_key, c.full_name, null, 1,
           coalesce((select r.taxon_concept_id from taxon_relationships r join taxon_concepts a on a.id = r.taxon_concept_id
                      where r.other_taxon_concept_id = c.id and a.name_status = 'A' order by r.id limit 1), c.id)
      from taxon_concepts c where c.deleted_at is null and c.name_status <> 'A'
    union all
    select 'common', cn.id, cn.name_key, cn.name, cn.language, 2, cn.taxon_concept_id from common_names cn)
  select n.kind, n.source_id, n.name_key, n.name, n.language, n.priority::smallint, n.taxon_id, rec.id record_id, rec.full_name record_name,
         rec.deleted_at is null and rec.name_status = 'A' record_accepted
    from names n left join taxon_status ts on ts.taxon_concept_id = n.taxon_id
    join taxon_concepts rec on rec.id = coalesce(ts.record_id, n.taxon_id)`;

export interface SearchNamesSummary { written: number; deleted: number }

export async function refreshSearchNames(q: Queryable): Promise<SearchNamesSummary> {
  await q.execute(sql.raw('drop table if exists pg_temp.search_names_wanted'));
  await q.execute(sql.raw(`create temp table search_names_wanted as ${WANTED}`));
  const changed = (a: string) => VALUES.map((c) => `${a}.${c}`).join(', ');
  const written = await count(q, `
    insert into search_names (${COLUMNS.join(', ')}) select ${COLUMNS.join(', ')} from search_names_wanted
    on conflict (kind, source_id) do update set ${VALUES.map((c) => `${c} = excluded.${c}`).join(', ')}
     where (${changed('search_names')}) is distinct from (${changed('excluded')}) returning 1`);
  const deleted = await count(q, `
    delete from search_names s where not exists (select 1 from search_names_wanted w where w.kind = s.kind and w.source_id = s.source_id) returning 1`);
  await q.execute(sql.raw('drop table search_names_wanted'));
  return { written, deleted };
}

/** How many rows a writing statement with `returning` touched (one form for both drivers). */
async function count(q: Queryable, statement: string): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(q, sql.raw(`with w as (${statement}) select count(*)::int n from w`));
  return Number(n);
}
