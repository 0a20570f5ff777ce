/**
 * Match keys. EXACT compares canonical.simple. VARIANT folds the spelling
 * variation the Catalogue of Life treats as the same name: case, diacritics
 * and ligatures (done by the parser), Latin gender and genitive endings of
 * epithets, y/i, hyphens and doubled letters in epithets. The genus
 * keeps its spelling (only case-folded), so a misspelt genus is a FUZZY match.
 * The phonetic skeleton of a genus buckets fuzzy candidates.
 */

/** De-double letters ("ammon" → "amon", "villosa" → "vilosa"). */
export function dedouble(w: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

/** Latin gender and genitive endings folded in VARIANT keys (longest first). */
const GENDER_ENDINGS = ['ius', 'ium', 'ia', 'ii', 'us', 'um', 'ae', 'is', 'a', 'e', 'i'];

/** Endings grouped by last letter, longest first (the same choice as scanning GENDER_ENDINGS in order). */
const ENDINGS_BY_LAST: Record<string, string[]> = {};
for (const e of GENDER_ENDINGS) (ENDINGS_BY_LAST[e[e.length - 1]] ??= []).push(e);

/** Strip one gender ending, keeping a stem of at least 3 letters ("leo" and "lea" stay apart). */
export function genderStem(w: string): string {
  const ends = ENDINGS_BY_LAST[w[w.length - 1]];
  if (ends === undefined) return w;
  for (const end of ends) {
    if (w.length - end.length >= 3 && w.endsWith(end)) return w.slice(0, w.length - end.length);
  }
  return w;
}

/** Variant key of one epithet: gender ending folded, y→i, no hyphens, no doubled letters. */
export function epithetKey(word: string): string {
  let w = word.toLowerCase();
  if (w.indexOf('-') >= 0) w = w.replace(/-/g, '');
  w = genderStem(w);
  // y→i and de-doubling in one pass, copying unchanged runs as slices
  let out = '';
  let seg = 0;
  let prev = 0;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    if (c === 121) {
      c = 105;
      out += w.slice(seg, i);
      seg = i + 1;
      if (prev !== 105) out += 'i';
    } else if (c === prev) {
      out += w.slice(seg, i);
      seg = i + 1;
    }
    prev = c;
  }
  return seg === 0 ? w : out + w.slice(seg);
}

export function genusKey(genus: string): string {
  return genus.toLowerCase();
}

/** VARIANT key of a canonical.simple string ("Saiga tatarica" → "saiga tataric"). */
export function variantKey(canonicalSimple: string): string {
  const words = canonicalSimple.split(' ');
  let key = genusKey(words[0]);
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    key += ' ' + (w === '×' ? w : epithetKey(w));
  }
  return key;
}

/**
 * Phonetic skeleton of a genus: first letter, then consonants with
 * y/i/vowels dropped, ph→f, k/c/ck→c, z/s→s and doubles collapsed
 * ("Acynonix" and "Acinonyx" both → "acnx").
 */
export function genusSkeleton(genus: string): string {
  const g = genus.toLowerCase();
  let out = g[0] ?? '';
  let prev = '';
  for (let i = 1; i < g.length; i++) {
    let ch = g[i];
    if ('aeiouy-'.indexOf(ch) >= 0) continue;
    if (ch === 'h' && (prev === 'p' || prev === 'c' || prev === 't' || prev === 'r')) continue;
    if (ch === 'k' || ch === 'q') ch = 'c';
    if (ch === 'z') ch = 's';
    if (ch === prev) continue;
    out += ch;
    prev = ch;
  }
  return out;
}

/**
 * Levenshtein distance, or max+1 as soon as it must exceed `max`
 * (banded: only cells within `max` of the diagonal are computed).
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  if (max <= 0) return 1;
  if (lb + 1 > rowA.length) { rowA = new Int32Array(lb + 16); rowB = new Int32Array(lb + 16); }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const from = i - max > 1 ? i - max : 1;
    const to = i + max < lb ? i + max : lb;
    cur[0] = i;
    if (from > 1) cur[from - 1] = max + 1;
    let rowMin = i <= max ? i : max + 1;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (j <= i - 1 + max ? prev[j] : max + 1) + 1;
      const ins = cur[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < lb) cur[to + 1] = max + 1;
    if (rowMin > max) return max + 1;
    const t = prev; prev = cur; cur = t;
  }
  return prev[lb] > max ? max + 1 : prev[lb];
}

/** Reused DP rows (the matcher is single-threaded and never re-enters). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Damerau distance (optimal string alignment: an adjacent transposition is
 * one edit, as in Taxamatch), or max+1 as soon as it must exceed `max`.
 * Banded like boundedLevenshtein, with one more row for the transposition.
 */
export function boundedDamerau(a: string, b: string, max: number): number {
  if (max === 1) {
    // the common budget: Levenshtein's answer unless the two differ by one adjacent swap
    const d = boundedLevenshtein(a, b, 1);
    return d <= 1 ? d : oneSwap(a, b) ? 1 : 2;
  }
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  if (max <= 0) return 1;
  if (lb + 1 > dRow0.length) { dRow0 = new Int32Array(lb + 16); dRow1 = new Int32Array(lb + 16); dRow2 = new Int32Array(lb + 16); }
  let pp = dRow0; // row i-2
  let prev = dRow1; // row i-1
  let cur = dRow2;
  const big = max + 1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const from = i - max > 1 ? i - max : 1;
    const to = i + max < lb ? i + max : lb;
    cur[0] = i;
    if (from > 1) cur[from - 1] = big;
    let rowMin = i <= max ? i : big;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      const del = (j <= i - 1 + max ? prev[j] : big) + 1;
      const ins = cur[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && caPrev === cb && ca !== cb) {
        const t = (Math.abs(i - 2 - (j - 2)) <= max ? pp[j - 2] : big) + 1;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < lb) cur[to + 1] = big;
    if (rowMin > max) return big;
    const t = pp; pp = prev; prev = cur; cur = t;
  }
  return prev[lb] > max ? big : prev[lb];
}

/** Equal but for one adjacent transposition ("afircana" / "africana"). */
function oneSwap(a: string, b: string): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= n - 1 || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  for (let j = i + 2; j < n; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
  return true;
}

let dRow0 = new Int32Array(64);
let dRow1 = new Int32Array(64);
let dRow2 = new Int32Array(64);

/** Edits allowed on a genus: none under 5 letters, 1 up to 7, 2 from 8. */
export function genusBudget(len: number): number {
  return len < 5 ? 0 : len < 8 ? 1 : 2;
}

/** Edits allowed on an epithet: 1 from 5 letters, otherwise none. */
export function epithetBudget(len: number): number {
  return len >= 5 ? 1 : 0;
}
