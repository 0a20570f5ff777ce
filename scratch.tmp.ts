import { buildMatchIndex, citesIndexToEntries, sapiLegacyToEntries } from './src/names/index.js';
import { readCitesRows, readSapiLegacyAnimals } from './test/names/seedData.js';
const rows = await readCitesRows();
const legacy = readSapiLegacyAnimals();
const idx = buildMatchIndex([...citesIndexToEntries(rows), ...sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'CMS', designation: 'CMS' })]);
const qs = `Loxodonta afrikana
Acynonix jubatus
Loxodonta afircana
Acinonxy jubatus
Pantehra leo
Saiga tatraica
Loxodonta africana (Blumenbach, 1797)
Loxodonta africana Blumenbach, 1797
Loxodonta africana (Blumenbach, 1798)
Loxodonta africana (Blumenbach, 1850)
Loxodonta africana Smith, 1950
Panthera leo L.
Panthera leo (Linnaeus 1758)
Panthera leo (Linneaus, 1758)
Panthera leo Kurtz
Uncia uncia (Schreber, 1775)
Panthera uncia (Schreber, 1775)
Aa argyrolepis Rchb.f.
Aa argyrolepis H.G.Reichenb.
Aa argyrolepis Rchb.
Aa argyrolepis Lindl.
Aa lehmannii Szlach. & Kolan.
Aa lehmannii Rchb.f. ex Szlach. & Kolan.
Aa calceata (Rchb.f.) Schltr.
Aa calceata Schltr.
Aa calceata (Rchb. f.) Schlechter
Acipenser schypa
Acipenser schypa Gmelin, 1789
Acipenser schypa Bonnaterre, 1788
Acipenser rostratus Heckel in Fitzinger & Heckel, 1836
Acipenser rostratus Fischer in Fitzinger & Heckel, 1836
Loxodonta cyclotis (Matschie, 1900)
Loxodonta cyclotis
Falco altaicus (Menzbier, 1891)
Acinonyx jubotos (Schreber, 1775)
Acinonyx jubotos
Acinonyx jubotos Linnaeus, 1758
Mantis religiosa
Mants javanica
Mants javenica
Manis javanica
Ovis ammon hodgsonii hodgsonii
Ovis ammon hodgsonii
Panthera leo fakeus
Dracaena
Falco cherrug
Saker Falcon`.split('\n');
for (const n of qs) {
  const r = idx.match(n);
  console.log([n, r.matchType, r.score, r.matchedName, r.acceptedName, r.authorshipMatch, r.authorshipScore, r.reasons.map((x) => x.code).join(','), r.reasons.map(x=>x.text).join('; ')].join('\t'));
}
for (const [n, c] of [['Dracaena', { kingdom: 'Plantae' }], ['Falco cherrug', { class: 'Insecta' }], ['Dracaena', { class: 'Reptilia' }]] as const) {
  const r = idx.match(n, { context: c });
  console.log([n, JSON.stringify(c), r.matchType, r.score, r.matchedName, r.acceptedName, r.reasons.map((x) => x.code).join(','), r.reasons.map(x=>x.text).join('; ')].join('\t'));
}
