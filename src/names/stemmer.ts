/**
 * Latin noun stemmer (Schinke et al. 1996), as used by gnparser for
 * `canonical.stemmed`: j→i, v→u, strip enclitic -que, then the longest
 * noun suffix, keeping at least two letters of stem.
 */

const QUE_WORDS = new Set([
  'atque', 'quoque', 'neque', 'itaque', 'absque', 'apsque', 'abusque', 'adaeque', 'adusque', 'denique',
  'deque', 'susque', 'oblique', 'peraeque', 'plenisque', 'quandoque', 'quisque', 'quaeque', 'cuiusque',
  'cuique', 'quemque', 'quamque', 'quaque', 'quique', 'quorumque', 'quarumque', 'quibusque', 'quosque',
  'quasque', 'quotusquisque', 'quousque', 'ubique', 'undique', 'usque', 'uterque', 'utique', 'utroque',
  'utribique', 'torque', 'coque', 'concoque', 'contorque', 'detorque', 'decoque', 'excoque', 'extorque',
  'obtorque', 'optorque', 'retorque', 'recoque', 'attorque', 'incoque', 'intorque', 'praetorque',
]);

/** Noun suffixes, longest first so the first hit is the longest match. */
const NOUN_SUFFIXES = [
  'ibus', 'ius', 'ii', 'ae', 'am', 'as', 'em', 'es', 'ia', 'is', 'nt', 'os', 'ud', 'um', 'us', 'a', 'e', 'i', 'o', 'u',
];

/** Stem one lower-case Latin word. */
export function stem(word: string): string {
  let w = word;
  if (w.includes('j') || w.includes('v')) w = w.replace(/j/g, 'i').replace(/v/g, 'u');
  if (w.endsWith('que')) {
    if (QUE_WORDS.has(w)) return w;
    w = w.slice(0, -3);
  }
  for (const suffix of NOUN_SUFFIXES) {
    if (w.endsWith(suffix)) {
      const rest = w.length - suffix.length;
      return rest >= 2 ? w.slice(0, rest) : w;
    }
  }
  return w;
}
