// The golden facts (golden.ts) on PGlite; its own file so both backends seed in parallel.
import { describeOnDatabase } from '../support/databases.js';
import { goldenFacts } from './golden.js';

describeOnDatabase('golden facts on the full seed', 'pglite', goldenFacts);
