// What derives from the imported facts, in the importing transaction: sources
// reconciled (facts of synonyms to their accepted concept, one fact per listing
// change), current listings, cross-convention links, and the joined status of
// every taxon in both conventions. No nightly job.
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { recomputeListings } from '../listings/recompute.js';
import { recomputeJoinedStatus } from '../listings/joinedStore.js';
import { realign } from '../alignment/store.js';
import { reconcile } from './write/reconcile.js';

export interface DeriveResult { notes: string[] }

/**
 * After an import touched these concepts (or, without ids, after a seed):
 * reconcile, recompute the listings of what changed, realign, join.
 * `namesChanged: false` when the write changed no name (a listing change recorded by hand).
 */
export async function derive(tx: Queryable, opts: { conceptIds?: number[]; namesChanged?: boolean } = {}): Promise<DeriveResult> {
  const t0 = performance.now();
  const rec = await reconcile(tx, { conceptIds: opts.conceptIds });
  const t1 = performance.now();
  const listings = await recomputeListings(tx, opts.conceptIds ? { taxonConceptIds: [...opts.conceptIds, ...rec.touched] } : {});
  const links = await realign(tx);
  const joined = await recomputeJoinedStatus(tx, { namesChanged: opts.namesChanged });
  return {
    notes: [
      `sources reconciled in ${((t1 - t0) / 1000).toFixed(1)} s: facts of ${rec.moved.length} synonyms moved to their accepted concept, ${rec.duplicates} listing changes marked as another source of the same change`,
      `listings recomputed for ${listings.computed} taxon concepts (${listings.written} written) in ${(listings.milliseconds / 1000).toFixed(1)} s`,
      `concept links: ${links.inserted} new, ${links.updated} updated, ${links.deleted} removed, ${links.curatedKept} curated kept`,
      `joined status of ${joined.computed} taxa (${joined.written} written, ${joined.deleted} removed; search names: ${joined.searchNames.written} written, ${joined.searchNames.deleted} removed) in ${(joined.milliseconds / 1000).toFixed(1)} s`,
    ],
  };
}

/** Everything, in one transaction: the seed's last step, and after an upgrade that changed what is derived. */
export async function deriveAll(database: Database): Promise<DeriveResult> {
  return database.db.transaction(async (tx) => {
    const result = await derive(tx);
    await markDerived(tx);
    return result;
  });
}

/**
 * Bump when what derive() computes changes meaning (a new rule of the listing
 * engine, a new derived table): a database derived by an older version is
 * derived again once, at start-up.
 */
export const DERIVED_VERSION = 4; // 4: search_names
const DERIVED_KEY = 'derived.version';

/** Derive everything again when the stored data were derived by another version. Returns the notes, or null when up to date. */
export async function ensureDerived(database: Database): Promise<string[] | null> {
  const [row] = await database.query<{ value: unknown }>('select value from meta where key = $1', [DERIVED_KEY]);
  const [{ n }] = await database.query<{ n: string }>('select count(*) n from taxon_concepts');
  if (Number(row?.value) === DERIVED_VERSION || Number(n) === 0) return null;
  const { notes } = await deriveAll(database);
  return notes;
}

/** Record that the data are derived by this version (after a seed or ensureDerived). */
export async function markDerived(q: Queryable): Promise<void> {
  await q.execute(sql`insert into meta (key, value) values (${DERIVED_KEY}, ${JSON.stringify(DERIVED_VERSION)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`);
}
