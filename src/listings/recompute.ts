// Keeps taxon_listings (the derived current status) in step with the
// listing-change log: everything after a seed, or only what a change touches,
// inside the caller's transaction. No nightly job.
import type { Database, Queryable } from '../db/client.js';
import { loadAffected, loadAll, loadLineage, writeListings } from './repository.js';
import { statusOn } from './status.js';
import type { TaxonStatus } from './types.js';

export interface RecomputeOptions {
  /** Concepts whose listing changes (or place in the tree) changed; omit to recompute everything. */
  taxonConceptIds?: number[];
  /** Status on this day (YYYY-MM-DD); default today (UTC). */
  date?: string;
}

export interface RecomputeSummary { computed: number; written: number; milliseconds: number; phases: { load: number; compute: number; write: number } }

/** Today in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Recompute the stored status of the affected concepts: the given ones, their
 * subtrees (inherited listings) and their ancestors (summaries), in `tx`.
 */
export async function recomputeListings(tx: Queryable, opts: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const started = performance.now();
  const all = opts.taxonConceptIds === undefined;
  if (!all && !opts.taxonConceptIds!.length) return { computed: 0, written: 0, milliseconds: 0, phases: { load: 0, compute: 0, write: 0 } };
  const loaded = all ? await loadAll(tx) : await loadAffected(tx, [...new Set(opts.taxonConceptIds)]);
  const t1 = performance.now();
  const status = statusOn(loaded.changes, loaded.nodes, opts.date ?? today());
  const t2 = performance.now();
  const written = await writeListings(tx, loaded.computed, status, { all });
  const t3 = performance.now();
  return { computed: loaded.computed.length, written, milliseconds: t3 - started, phases: { load: t1 - started, compute: t2 - t1, write: t3 - t2 } };
}

/** Everything, both conventions, in one transaction: the seed's last step. */
export async function recomputeAllListings(database: Database): Promise<RecomputeSummary> {
  return database.db.transaction((tx) => recomputeListings(tx));
}

/** One concept's status on a date (computed, not stored): its ancestors and descendants are read. */
export async function statusOfConcept(q: Queryable, taxonConceptId: number, date: string): Promise<TaxonStatus | null> {
  const loaded = await loadLineage(q, taxonConceptId);
  return statusOn(loaded.changes, loaded.nodes, date).get(taxonConceptId) ?? null;
}
