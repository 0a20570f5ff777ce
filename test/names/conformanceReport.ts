/** Dev helper: print every mismatch against gnparser's suite (npx tsx test/names/conformanceReport.ts [field]). */
import { parseName } from '../../src/names/parser.js';
import { fieldOf, loadGnCases, TIER1, TIER2, type Field } from './gnparserCases.js';

const only = process.argv[2] as Field | undefined;
const cases = loadGnCases();
for (const f of [...TIER1, ...TIER2]) {
  if (only && f !== only) continue;
  let bad = 0;
  for (const c of cases) {
    const got = fieldOf(parseName(c.name), f);
    const exp = fieldOf(c.expected, f);
    if (got !== exp) {
      bad++;
      if (only || process.argv[3] === 'all') console.log(`${f}\t${JSON.stringify(c.name)}\texp=${JSON.stringify(exp)}\tgot=${JSON.stringify(got)}`);
    }
  }
  console.log(`## ${f}: ${cases.length - bad}/${cases.length} (${(((cases.length - bad) / cases.length) * 100).toFixed(1)}%)`);
}
