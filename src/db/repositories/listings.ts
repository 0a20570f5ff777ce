// The current status of taxon concepts in both conventions, as every list
// gives it (search results, country species, name matches, species groups):
// the joined status (src/listings/current.ts), one query for many concepts.
import type { Database } from '../client.js';
import { joinedColumns, joinedFields, type JoinedFields, type JoinedRow } from '../../listings/current.js';

export type { JoinedFields as CurrentListing } from '../../listings/current.js';

/** The joined status of many concepts in one query; ids that are not concepts are absent from the map. */
export async function currentListings(database: Database, ids: Iterable<number>): Promise<Map<number, JoinedFields>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await database.query<JoinedRow & { id: number }>(
    `select t.id, ${joinedColumns('ts')} from taxon_concepts t left join taxon_status ts on ts.taxon_concept_id = t.id where t.id = any($1::int[])`, [unique]);
  return new Map(rows.map((r) => [Number(r.id), joinedFields(r)]));
}
