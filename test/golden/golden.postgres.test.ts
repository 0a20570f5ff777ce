// The golden facts (golden.ts) on the PostgreSQL server; its own file so both backends seed in parallel.
import { describeOnDatabase } from '../support/databases.js';
import { goldenFacts } from './golden.js';

describeOnDatabase('golden facts on the full seed', 'postgres', goldenFacts);
