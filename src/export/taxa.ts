// Streams every taxon concept with all its facts, in id order and in
// batches, for the exports (NDJSON, Checklist CSV, Darwin Core Archive).
import type { Database } from '../db/client.js';
import { taxonDetailBatch, type TaxonDetailRow } from '../db/repositories/taxa.js';

export interface TaxaStreamOptions { taxonomy?: 'CITES' | 'CMS'; acceptedOnly?: boolean; batchSize?: number }

export async function* streamTaxa(database: Database, opts: TaxaStreamOptions = {}): AsyncGenerator<TaxonDetailRow> {
  const limit = opts.batchSize ?? 1000;
  let afterId = 0;
  for (;;) {
    const rows = await taxonDetailBatch(database, { afterId, limit, taxonomy: opts.taxonomy, acceptedOnly: opts.acceptedOnly });
    for (const r of rows) yield r;
    if (rows.length < limit) return;
    afterId = rows[rows.length - 1].id;
  }
}
