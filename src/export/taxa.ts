// Streams every taxon concept with all its facts, in id order and in
// batches, for the exports (NDJSON, Checklist CSV, Darwin Core Archive).
// The next batch is fetched while the current one is being written.
import type { Database } from '../db/client.js';
import { taxonDetailBatch, type TaxonDetailRow } from '../db/repositories/taxa.js';

export interface TaxaStreamOptions { taxonomy?: 'CITES' | 'CMS'; acceptedOnly?: boolean; batchSize?: number }

export async function* streamTaxa(database: Database, opts: TaxaStreamOptions = {}): AsyncGenerator<TaxonDetailRow> {
  const limit = opts.batchSize ?? 1000;
  const fetchAfter = (afterId: number) => {
    const p = taxonDetailBatch(database, { afterId, limit, taxonomy: opts.taxonomy, acceptedOnly: opts.acceptedOnly });
    p.catch(() => undefined); // a reader that stops early must not leave an unhandled rejection behind
    return p;
  };
  let pending = fetchAfter(0);
  for (;;) {
    const rows = await pending;
    const more = rows.length === limit;
    if (more) pending = fetchAfter(rows[rows.length - 1].id);
    for (const r of rows) yield r;
    if (!more) return;
  }
}
