// A cheap data version for the names, so the API's in-memory match index is
// rebuilt only when the data changed.
import type { Database } from '../client.js';

/** Changes whenever taxon concepts or relationships are written. */
export async function namesVersion(database: Database): Promise<string> {
  const [r] = await database.query<{ v: string }>(`
    select concat_ws('|', (select count(*) from taxon_concepts), (select max(updated_at) from taxon_concepts),
      (select count(*) from taxon_relationships), (select max(id) from import_runs where status = 'succeeded')) v`);
  return r.v;
}
