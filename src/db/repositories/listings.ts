// The current listing of taxon concepts in each convention, as the API's lists
// give it (search results, country species, name matches): the concept's own
// listing in that convention, never a linked concept's.
import type { Database } from '../client.js';

export type Convention = 'CITES' | 'CMS';

/** SQL for the current listing summary ('I/II', 'III', null) of the concept aliased `t`: the listing engine's result, else the source's current listings. */
export const currentListingSql = (convention: Convention, t = 't') => `coalesce(
  (select tl.listing from taxon_listings tl where tl.taxon_concept_id = ${t}.id and tl.convention = '${convention}'),
  (select string_agg(distinct lc.appendix, '/' order by lc.appendix) from listing_changes lc
     where lc.taxon_concept_id = ${t}.id and lc.convention = '${convention}' and lc.is_current and lc.change_type = 'ADDITION'))`;

export interface CurrentListing { cites_listing: string | null; cms_listing: string | null }

/** Both current listings of many concepts, in one query; ids that are not concepts are absent from the map. */
export async function currentListings(database: Database, ids: Iterable<number>): Promise<Map<number, CurrentListing>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await database.query<CurrentListing & { id: number }>(
    `select t.id, ${currentListingSql('CITES')} cites_listing, ${currentListingSql('CMS')} cms_listing
       from taxon_concepts t where t.id = any($1::int[])`, [unique]);
  return new Map(rows.map(({ id, ...listing }) => [Number(id), listing]));
}
