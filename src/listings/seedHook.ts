// Registers the listing recompute as the seed's last step. Imported for its
// effect by whoever runs the seed (src/ingest/seed.ts).
import { afterSeed } from '../ingest/seed.js';
import { recomputeAllListings } from './recompute.js';

afterSeed(async (database, log) => {
  const r = await recomputeAllListings(database);
  log(`listings: ${r.written} statuses of ${r.computed} taxon concepts recomputed in ${(r.milliseconds / 1000).toFixed(1)} s`);
});
