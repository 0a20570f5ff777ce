import { buildMatchIndex, citesIndexToEntries, sapiLegacyToEntries } from './src/names/index.js';
import { readCitesRows, readSapiLegacyAnimals } from './test/names/seedData.js';
const rows = await readCitesRows();
const legacy = readSapiLegacyAnimals();
const t0 = Date.now();
const idx = buildMatchIndex([...citesIndexToEntries(rows), ...sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'CMS', designation: 'CMS' })]);
console.log('built', Date.now() - t0);
for (const n of process.argv.slice(2)) {
  const r = idx.match(n);
  console.log(JSON.stringify({ n, t: r.matchType, s: r.score, m: r.matchedName, a: r.acceptedName, am: r.authorshipMatch, ma: r.matchedAuthorship, why: r.reasons.map((x) => x.text), alts: r.alternatives.length }));
}
