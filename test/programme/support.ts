// Shared helpers of the programme tests: the seed document, users, signed-in requests.
import path from 'node:path';

/** The work programme document lives beside the data folder, in ../seed. */
export const seedDocument = process.env.CONCORD_PROGRAMME_SEED
  ?? path.resolve(process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data'), '../seed/000_dc60ed6c43dd1e9c.txt');
