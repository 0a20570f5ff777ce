/**
 * Name matcher: an in-memory index over any checklist (CITES, CMS, a Darwin
 * Core file) answering "which taxon does this name-string mean, and what is
 * its status?". Levels, tried in order: EXACT canonical, VARIANT key,
 * FUZZY (per-word bounded edit distance over genus candidates found by
 * one-deletion neighbours and a phonetic skeleton), PARTIAL (a shorter
 * name: species of a trinomial, or the genus). Several distinct accepted
 * targets at the best level make the result AMBIGUOUS.
 */
import {
  boundedLevenshtein, epithetBudget, epithetKey, genusBudget, genusKey, genusSkeleton, variantKey,
} from './normalise.js';
import { fastCanonical, parseAuthorship, parseName } from './parser.js';
import type { Authorship, ParsedName } from './types.js';

export type TaxonStatus = 'accepted' | 'synonym';

export interface ChecklistEntry {
  taxonId: string;
  /** Scientific name, may include the authorship. */
  scientificName: string;
  /**
   * Authorship kept apart (Darwin Core scientificNameAuthorship, CITES AuthorYear).
   * Giving it separately avoids misreading particles ("Hillopathes van Pesch 1914").
   */
  authorship?: string;
  status: TaxonStatus;
  acceptedId?: string | null;
  taxonomy?: string;
  kingdom?: string;
  rank?: string;
}

export type MatchType = 'EXACT' | 'VARIANT' | 'FUZZY' | 'PARTIAL' | 'AMBIGUOUS' | 'NONE';

export interface MatchCandidate {
  matchedName: string | null;
  matchedStatus: TaxonStatus | null;
  acceptedName: string | null;
  taxonomy: string | null;
  taxonId: string | null;
  acceptedId: string | null;
  kingdom: string | null;
  rank: string | null;
  /** Why this alternative is listed (e.g. "genus used in Plantae by 12 names"). */
  note?: string;
}

export interface MatchResult extends MatchCandidate {
  verbatim: string;
  matchType: MatchType;
  editDistance: number;
  /** 0–100, see SCORES. */
  score: number;
  /** Canonical form of the input that was matched. */
  canonical: string | null;
  alternatives: MatchCandidate[];
  warnings: string[];
}

export interface MatchOptions {
  /** Prefer (not restrict to) entries of this taxonomy when a name is in several. */
  taxonomy?: string;
}

/** Scores per match type (documented in docs/names.md). */
export const SCORES = {
  EXACT: 100,
  VARIANT: 90,
  /** FUZZY: 80 for one edit, minus 5 for each further edit (floor 60). */
  FUZZY: 80,
  PARTIAL_SPECIES: 60,
  PARTIAL_GENUS: 50,
  /** Subtracted from the level's score when the result is AMBIGUOUS. */
  AMBIGUITY_PENALTY: 30,
  /** Subtracted for "cf." (identification uncertain). */
  COMPARISON_PENALTY: 10,
} as const;

interface Rec {
  e: ChecklistEntry;
  canonical: string;
  /** The accepted record (itself when accepted), resolved once after loading; null when unresolvable. */
  acc?: Rec | null;
  /** Year and first author surname, for breaking ties between homonyms. */
  year?: string;
  author?: string;
}

interface SpeciesKeys {
  idx: number[];
  keys: string[];
  raw: string[];
  /** Letter-presence masks of keys and raw epithets: a cheap filter before edit distance. */
  keyMasks: number[];
  rawMasks: number[];
}

/** Bit per letter a–z (others share bit 26). */
function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) - 97;
    m |= c >= 0 && c < 26 ? 1 << c : 1 << 26;
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface GenusBucket {
  name: string;
  /** Uninomial entries whose canonical is this genus. */
  uninomials: number[];
  /** Epithet variant keys (space-joined) → entries and the spelled epithets (lower case) of the first. */
  species: Map<string, SpeciesKeys>;
  /** For big genera, built on first fuzzy use: one-deletion variants of the first epithet (key and spelling) → species. */
  firstEpithetDeletes?: Map<string, SpeciesKeys[]>;
  /** Kingdom → number of names using the genus (explicit or implied). */
  kingdoms: Map<string, number>;
}

const NO_KINGDOM = '';

function pushMap<K>(m: Map<K, number[]>, k: K, v: number): void {
  const a = m.get(k);
  if (a) { if (a[a.length - 1] !== v) a.push(v); } else m.set(k, [v]);
}

function deletes1(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

interface FuzzyState {
  q: QueryWords;
  joined: string;
  seen: Set<string>;
  best: number;
  bestIdx: number[];
}

interface QueryWords { keys: string[]; raw: string[]; budgets: number[]; keyMasks: number[]; rawMasks: number[] }

/**
 * Sum of per-word distances, or Infinity when a word exceeds its budget.
 * A word counts with the smaller of its key distance and its spelled distance
 * (a typo in the ending, "cyanopygias", breaks the key but not the spelling).
 * One edit changes at most two letters' presence, so letter masks reject most
 * candidates before any edit distance is computed.
 */
function epithetDistance(q: QueryWords, sp: SpeciesKeys, bound: number): number {
  const n = q.keys.length;
  if (sp.keys.length !== n) return Infinity;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.min(q.budgets[i], bound - total);
    if (b < 0) return Infinity;
    let d = b + 1;
    if (popcount(q.keyMasks[i] ^ sp.keyMasks[i]) <= 2 * b) d = boundedLevenshtein(q.keys[i], sp.keys[i], b);
    if (d > b && popcount(q.rawMasks[i] ^ sp.rawMasks[i]) <= 2 * b) d = boundedLevenshtein(q.raw[i], sp.raw[i], b);
    if (d > b) return Infinity;
    total += d;
  }
  return total;
}

const LONG_GENUS = 8;
/** Genera with more species than this get a deletion index for fuzzy epithets. */
const BIG_GENUS = 16;

/** Index keys of a long genus: its three thirds, tagged with length and position. */
function thirdKeys(g: string): string[] {
  const L = g.length;
  if (L < LONG_GENUS) return [];
  const a = Math.floor(L / 3);
  return [`${L}p${g.slice(0, a)}`, `${L}m${g.slice(a, 2 * a)}`, `${L}s${g.slice(2 * a)}`];
}

/** Keys to look up for a query: every candidate length within 2, the middle third shifted by up to 2. */
function queryThirdKeys(q: string): string[] {
  const out: string[] = [];
  const Lq = q.length;
  for (let L = Math.max(LONG_GENUS, Lq - 2); L <= Lq + 2; L++) {
    const a = Math.floor(L / 3);
    const sLen = L - 2 * a;
    out.push(`${L}p${q.slice(0, a)}`);
    if (sLen <= Lq) out.push(`${L}s${q.slice(Lq - sLen)}`);
    for (let d = -2; d <= 2; d++) {
      const off = a + d;
      if (off >= 0 && off + a <= Lq) out.push(`${L}m${q.slice(off, off + a)}`);
    }
  }
  return out;
}

function firstAuthorSurname(p: { authorship?: Authorship }): string | undefined {
  const a = p.authorship?.basionym?.authors[0] ?? p.authorship?.combination?.authors[0];
  if (!a) return undefined;
  const words = a.replace(/\./g, ' ').split(' ').filter((w) => w.length > 2);
  return words.length ? words[words.length - 1].toLowerCase() : undefined;
}

export class MatchIndex {
  private readonly recs: Rec[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly variant = new Map<string, number[]>();
  private readonly genera = new Map<string, GenusBucket>();
  private readonly skeletons = new Map<string, string[]>();
  private readonly deletes = new Map<string, string[]>();
  /** Thirds of long genera (length-tagged): with ≤ 2 edits one third survives intact (pigeonhole). */
  private readonly thirds = new Map<string, string[]>();
  private readonly genusMasks = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  /** Entries whose name could not be parsed (reported, not indexed). */
  readonly rejected: { entry: ChecklistEntry; reason: string }[] = [];

  constructor(entries: Iterable<ChecklistEntry>) {
    for (const e of entries) this.add(e);
    for (const r of this.recs) r.acc = this.resolveAccepted(r) ?? null;
    for (const g of this.genera.keys()) {
      this.genusMasks.set(g, letterMask(g));
      const sk = genusSkeleton(g);
      const a = this.skeletons.get(sk);
      if (a) a.push(g); else this.skeletons.set(sk, [g]);
      for (const d of deletes1(g)) {
        const b = this.deletes.get(d);
        if (b) b.push(g); else this.deletes.set(d, [g]);
      }
      for (const t of thirdKeys(g)) {
        const b = this.thirds.get(t);
        if (b) b.push(g); else this.thirds.set(t, [g]);
      }
    }
  }

  get size(): number {
    return this.recs.length;
  }

  private add(e: ChecklistEntry): void {
    const p = parseName(e.scientificName);
    if (!p.parsed || !p.canonical) {
      this.rejected.push({ entry: e, reason: p.warnings.join('; ') || 'not parsed' });
      return;
    }
    if (p.surrogate === 'APPROXIMATION') {
      // "Mantella aff. baroni" would collide with the genus: an approximate name is no key
      this.rejected.push({ entry: e, reason: 'approximate name (sp./aff./nr.) is not indexed' });
      return;
    }
    const canonical = p.canonical.simple;
    const idx = this.recs.length;
    const rec: Rec = { e, canonical };
    const auth = e.authorship ? { authorship: parseAuthorship(e.authorship) } : p;
    if (auth.authorship?.year) rec.year = auth.authorship.year.replace(/[()]/g, '');
    const au = firstAuthorSurname(auth);
    if (au) rec.author = au;
    this.recs.push(rec);
    this.byId.set(`${e.taxonomy ?? ''}\u0000${e.taxonId}`, idx);
    pushMap(this.exact, canonical, idx);
    if (p.hybrid === 'HYBRID_FORMULA') return;
    pushMap(this.variant, variantKey(canonical), idx);
    const words = canonical.split(' ');
    const g = genusKey(words[0]);
    let bucket = this.genera.get(g);
    if (!bucket) {
      bucket = { name: words[0], uninomials: [], species: new Map(), kingdoms: new Map() };
      this.genera.set(g, bucket);
    }
    const k = e.kingdom ?? NO_KINGDOM;
    bucket.kingdoms.set(k, (bucket.kingdoms.get(k) ?? 0) + 1);
    if (words.length === 1) bucket.uninomials.push(idx);
    else {
      const raw = words.slice(1).map((w) => w.toLowerCase());
      const keys = raw.map(epithetKey);
      const sk = keys.join(' ');
      const sp = bucket.species.get(sk);
      if (sp) sp.idx.push(idx);
      else bucket.species.set(sk, { idx: [idx], keys, raw, keyMasks: keys.map(letterMask), rawMasks: raw.map(letterMask) });
    }
  }

  /** Match one name-string. Never throws. */
  match(name: string, opts: MatchOptions = {}): MatchResult {
    try {
      return this.matchUnsafe(typeof name === 'string' ? name : String(name ?? ''), opts);
    } catch (err) {
      return none(String(name), null, [`Internal matcher error: ${(err as Error).message}`]);
    }
  }

  private matchUnsafe(name: string, opts: MatchOptions): MatchResult {
    // plain canonical input: one hash lookup
    const direct = this.exact.get(name);
    if (direct) return this.result(name, name, 'EXACT', 0, direct, opts, []);
    // plain "Genus epithet" input: its variant key can only hit names of the index
    if (plainShape(name)) {
      const va = this.variant.get(variantKey(name));
      if (va) return this.result(name, name, 'VARIANT', 0, va, opts, []);
    }
    // authored names take the full parser: the matcher compares authorships
    const fast = fastCanonical(name, { stems: false, authorship: false });
    let parsed: ParsedName | undefined;
    let canonical: string;
    if (fast) {
      canonical = name; // plain names are their own canonical form, already looked up above
    } else {
      parsed = parseName(name);
      if (!parsed.parsed || !parsed.canonical) {
        return none(name, null, parsed.warnings.length ? parsed.warnings : ['Not a scientific name']);
      }
      canonical = parsed.canonical.simple;
    }
    const warnings: string[] = [];
    if (parsed?.tail) warnings.push(`Ignored unparsed tail "${parsed.tail}"`);
    if (parsed?.hybrid === 'HYBRID_FORMULA') return this.matchFormula(name, canonical, parsed, opts, warnings);
    // plain input was already looked up as EXACT and VARIANT above
    let r = this.matchCanonical(name, canonical, opts, warnings, parsed, fast !== undefined && plainShape(name));
    if (parsed?.surrogate === 'APPROXIMATION') r = this.approximate(r, name);
    else if (parsed?.surrogate === 'COMPARISON' && r.matchType !== 'NONE') {
      r.warnings.push('"cf.": identification uncertain, compared with the named taxon');
      r.score = Math.max(0, r.score - SCORES.COMPARISON_PENALTY);
    }
    return r;
  }

  private matchCanonical(name: string, canonical: string, opts: MatchOptions, warnings: string[], parsed?: ParsedName, looked = false): MatchResult {
    if (!looked) {
      const ex = this.exact.get(canonical);
      if (ex) return this.result(name, canonical, 'EXACT', 0, ex, opts, warnings, parsed);
      const va = this.variant.get(variantKey(canonical));
      if (va) return this.result(name, canonical, 'VARIANT', 0, va, opts, warnings, parsed);
    }
    const fz = this.fuzzy(canonical);
    if (fz) return this.result(name, canonical, 'FUZZY', fz.distance, fz.idx, opts, warnings, parsed);
    return this.partial(name, canonical, opts, warnings, parsed);
  }

  /** Shorter names: the species of an unknown trinomial, then the genus. */
  private partial(name: string, canonical: string, opts: MatchOptions, warnings: string[], parsed?: ParsedName): MatchResult {
    const words = canonical.split(' ');
    if (words.length === 1) {
      const b = this.genera.get(genusKey(words[0]));
      if (b) return this.impliedGenus(name, b, warnings);
    }
    for (let k = words.length - 1; k >= 1; k--) {
      const sub = words.slice(0, k).join(' ');
      const hit = this.exact.get(sub) ?? this.variant.get(variantKey(sub)) ?? (k === 1 ? this.fuzzy(sub)?.idx : undefined);
      if (hit) {
        const r = this.result(name, sub, 'PARTIAL', 0, hit, opts, warnings, parsed);
        r.warnings.push(`Only "${sub}" is known: matched at ${k === 1 ? 'genus' : 'species'} level`);
        if (r.matchType === 'PARTIAL') r.score = k === 1 ? SCORES.PARTIAL_GENUS : SCORES.PARTIAL_SPECIES;
        if (r.matchedName && genusKey(r.matchedName.split(' ')[0]) !== genusKey(words[0])) {
          r.editDistance = boundedLevenshtein(words[0].toLowerCase(), r.matchedName.split(' ')[0].toLowerCase(), 2);
        }
        return r;
      }
      if (k === 1) {
        const b = this.genera.get(genusKey(words[0]));
        if (b) return this.impliedGenus(name, b, warnings);
      }
    }
    return none(name, canonical, warnings.length ? warnings : ['No match in the checklist']);
  }

  /** A genus known only as part of species names (no genus entry). */
  private impliedGenus(name: string, b: GenusBucket, warnings: string[]): MatchResult {
    const alts = this.genusAlternatives(b, new Set());
    const r = none(name, b.name, warnings);
    r.matchedName = b.name;
    if (alts.length > 1) {
      r.matchType = 'AMBIGUOUS';
      r.score = SCORES.PARTIAL_GENUS - SCORES.AMBIGUITY_PENALTY;
      r.alternatives = alts;
      r.warnings.push(`Genus "${b.name}" is used in several kingdoms: ${alts.map((a) => a.kingdom).join(', ')}`);
    } else {
      r.matchType = 'PARTIAL';
      r.score = SCORES.PARTIAL_GENUS;
      r.kingdom = alts[0]?.kingdom ?? null;
      r.warnings.push(`Genus "${b.name}" has no entry of its own; it is the genus of ${alts[0]?.note ?? 'other names'}`);
    }
    return r;
  }

  private genusAlternatives(b: GenusBucket, covered: Set<string>): MatchCandidate[] {
    const out: MatchCandidate[] = [];
    for (const [kingdom, n] of b.kingdoms) {
      if (covered.has(kingdom)) continue;
      out.push({
        matchedName: b.name, matchedStatus: null, acceptedName: null, taxonomy: null, taxonId: null, acceptedId: null,
        kingdom: kingdom || null, rank: 'GENUS', note: `${n} name(s) in ${kingdom || 'an unknown kingdom'}`,
      });
    }
    return out;
  }

  /**
   * Fuzzy candidates: least total edits over genus and epithets, within
   * per-word budgets. Genera are visited nearest first and lazily: the
   * spelled genus, then genera one edit away (deletion neighbours, phonetic
   * skeleton), then — for long genera only — two edits away (thirds).
   */
  private fuzzy(canonical: string): { idx: number[]; distance: number } | undefined {
    const words = canonical.split(' ');
    const g = genusKey(words[0]);
    const gBudget = genusBudget(g.length);
    const qraw = words.slice(1).map((w) => w.toLowerCase());
    const qk = qraw.map(epithetKey);
    const budgets = qraw.map((w) => epithetBudget(w.length));
    const st: FuzzyState = {
      q: { keys: qk, raw: qraw, budgets, keyMasks: qk.map(letterMask), rawMasks: qraw.map(letterMask) },
      joined: qk.join(' '), seen: new Set<string>(), best: Infinity, bestIdx: [],
    };
    if (this.genera.has(g)) this.visitGenus(st, g, 0);
    if (gBudget > 0 && st.best > 0) {
      // one edit away
      const gMask = letterMask(g);
      const two: string[] = [];
      const twoD: number[] = [];
      for (const d of deletes1(g)) {
        const cs = this.deletes.get(d);
        if (cs) for (const c of cs) this.nearGenus(st, g, gMask, c, gBudget, two, twoD);
      }
      const sk = this.skeletons.get(genusSkeleton(g));
      if (sk) for (const c of sk) this.nearGenus(st, g, gMask, c, gBudget, two, twoD);
      // two edits away (long genera only), skipped when one edit already gave a total of 2 or less
      if (gBudget >= 2 && st.best > 2) {
        for (const t of queryThirdKeys(g)) {
          const cs = this.thirds.get(t);
          if (cs) for (const c of cs) this.nearGenus(st, g, gMask, c, 2, two, twoD);
        }
      }
      for (let i = 0; i < two.length; i++) this.visitGenus(st, two[i], twoD[i]);
    }
    return st.bestIdx.length ? { idx: st.bestIdx, distance: st.best } : undefined;
  }

  /** A genus within budget: one edit away is visited now, two edits away later (nearest first). */
  private nearGenus(st: FuzzyState, g: string, gMask: number, c: string, max: number, two: string[], twoD: number[]): void {
    if (st.seen.has(c) || popcount(gMask ^ (this.genusMasks.get(c) ?? 0)) > 2 * max) return;
    const d = boundedLevenshtein(g, c, max);
    if (d === 1) this.visitGenus(st, c, 1);
    else if (d <= max) { two.push(c); twoD.push(d); }
  }

  private visitGenus(st: FuzzyState, gk: string, gd: number): void {
    if (st.seen.has(gk)) return;
    st.seen.add(gk);
    if (gd > st.best) return;
    const bucket = this.genera.get(gk)!;
    const q = st.q;
    if (q.keys.length === 0) {
      if (gd > 0 && bucket.uninomials.length > 0) {
        if (gd < st.best) { st.best = gd; st.bestIdx = [...bucket.uninomials]; } else st.bestIdx.push(...bucket.uninomials);
      }
      return;
    }
    if (gd === st.best) {
      // a farther genus can only tie, and only with the epithets spelled as keyed
      const sp = bucket.species.get(st.joined);
      if (sp && gd > 0) st.bestIdx.push(...sp.idx);
      return;
    }
    for (const sp of this.speciesCandidates(bucket, q)) {
      const d = gd + epithetDistance(q, sp, st.best - gd);
      if (!Number.isFinite(d) || d === 0) continue;
      if (d < st.best) { st.best = d; st.bestIdx = [...sp.idx]; } else if (d === st.best) st.bestIdx.push(...sp.idx);
    }
  }

  /**
   * Species of a genus worth an edit-distance check. Small genera are scanned;
   * big ones (Dendrobium, Bulbophyllum …) are looked up by one-deletion
   * variants of the first epithet, which find every key or spelling within
   * one edit (symmetric deletion).
   */
  private speciesCandidates(bucket: GenusBucket, q: QueryWords): Iterable<SpeciesKeys> {
    if (bucket.species.size <= BIG_GENUS) return bucket.species.values();
    let del = bucket.firstEpithetDeletes;
    if (!del) {
      del = new Map();
      for (const sp of bucket.species.values()) {
        for (const v of new Set([...deletes1(sp.keys[0]), ...deletes1(sp.raw[0])])) {
          const a = del.get(v);
          if (a) a.push(sp); else del.set(v, [sp]);
        }
      }
      bucket.firstEpithetDeletes = del;
    }
    const out = new Set<SpeciesKeys>();
    for (const v of deletes1(q.keys[0])) for (const sp of del.get(v) ?? []) out.add(sp);
    for (const v of deletes1(q.raw[0])) for (const sp of del.get(v) ?? []) out.add(sp);
    return out;
  }

  private matchFormula(name: string, canonical: string, parsed: ParsedName, opts: MatchOptions, warnings: string[]): MatchResult {
    const ex = this.exact.get(canonical);
    if (ex) return this.result(name, canonical, 'EXACT', 0, ex, opts, warnings, parsed);
    const parents = canonical.split(' × ').filter((s) => s.length > 0);
    const found = parents.map((p) => this.matchCanonical(p, p, opts, []));
    const hits = found.filter((f) => f.matchType !== 'NONE');
    if (hits.length === 0) return none(name, canonical, [...warnings, 'Hybrid formula: no parent found in the checklist']);
    const r = hits[0];
    r.verbatim = name;
    r.canonical = canonical;
    r.matchType = 'PARTIAL';
    r.score = SCORES.PARTIAL_SPECIES;
    r.alternatives = hits.slice(1).map(candidateOf);
    r.warnings = [...warnings, `Hybrid formula: matched ${hits.length} of ${parents.length} parent(s); hybrids fall under their parents' listings`];
    return r;
  }

  /** sp./aff./nr. name an unknown species: only the higher taxon is matched. */
  private approximate(r: MatchResult, name: string): MatchResult {
    const spp = name.split(' ').some((w) => w === 'spp' || w === 'spp.');
    if (r.matchType === 'NONE') return r;
    if (spp) {
      r.warnings.push('"spp.": all species of the taxon; matched the taxon itself');
      return r;
    }
    if (r.matchType !== 'AMBIGUOUS') {
      r.matchType = 'PARTIAL';
      r.score = r.matchedName && r.matchedName.indexOf(' ') > 0 ? SCORES.PARTIAL_SPECIES : SCORES.PARTIAL_GENUS;
    }
    r.warnings.push('Approximate name (sp./aff./nr.): an unnamed taxon within the matched one');
    return r;
  }

  private accepted(rec: Rec): Rec | undefined {
    return rec.acc === undefined ? this.resolveAccepted(rec) : rec.acc ?? undefined;
  }

  private resolveAccepted(rec: Rec): Rec | undefined {
    if (rec.e.status !== 'synonym') return rec;
    if (!rec.e.acceptedId) return undefined;
    const i = this.byId.get(`${rec.e.taxonomy ?? ''}\u0000${rec.e.acceptedId}`);
    return i === undefined ? undefined : this.recs[i];
  }

  /** Build the result for a set of candidate entries, deciding ambiguity. */
  private result(
    name: string, canonical: string, type: MatchType, distance: number, idx: number[], opts: MatchOptions,
    warnings: string[], parsed?: ParsedName,
  ): MatchResult {
    if (idx.length === 1) {
      const only = this.recs[idx[0]];
      const genusLevel = canonical.indexOf(' ') < 0;
      const b = genusLevel ? this.genera.get(genusKey(canonical)) : undefined;
      if (!b || b.kingdoms.size <= 1) {
        const acc = this.accepted(only);
        if (only.e.status === 'synonym' && !acc) warnings.push(`Synonym ${only.e.taxonId} has no resolvable accepted name`);
        const e = only.e;
        return {
          verbatim: name, canonical, matchType: type, editDistance: distance, score: scoreOf(type, distance, genusLevel),
          matchedName: only.canonical, matchedStatus: e.status, acceptedName: acc ? acc.canonical : null,
          taxonomy: e.taxonomy ?? null, taxonId: e.taxonId, acceptedId: e.status === 'synonym' ? e.acceptedId ?? null : e.taxonId,
          kingdom: e.kingdom ?? null, rank: e.rank ?? null, alternatives: [], warnings,
        };
      }
    }
    let cands = idx.map((i) => this.recs[i]);
    // targets: distinct accepted names per kingdom
    const targetOf = (r: Rec): string => {
      const a = this.accepted(r);
      return `${r.e.kingdom ?? ''}\u0000${a ? a.canonical : r.canonical + '?'}`;
    };
    let targets = new Set(cands.map(targetOf));
    if (targets.size > 1 && parsed?.authorship) {
      // homonyms: the authorship of the input may single one out
      const year = parsed.authorship.year?.replace(/[()]/g, '');
      const au = firstAuthorSurname(parsed);
      const fit = (r: Rec): number => (year !== undefined && r.year === year ? 1 : 0) + (au !== undefined && r.author === au ? 1 : 0);
      const top = Math.max(...cands.map(fit));
      const same = top > 0 ? cands.filter((r) => fit(r) === top) : [];
      if (same.length > 0 && new Set(same.map(targetOf)).size === 1) {
        cands = same;
        targets = new Set(cands.map(targetOf));
        warnings.push('Homonym resolved by the authorship');
      }
    }
    if (targets.size > 1) {
      // an accepted name also listed as a (pro parte) synonym elsewhere in the same kingdom: the accepted name wins
      const acc = cands.filter((r) => r.e.status === 'accepted');
      const kingdoms = new Set(cands.map((r) => r.e.kingdom ?? NO_KINGDOM));
      if (acc.length > 0 && new Set(acc.map(targetOf)).size === 1 && kingdoms.size === 1) {
        const others = cands.filter((r) => r.e.status === 'synonym').map((r) => this.accepted(r)?.canonical ?? '?');
        warnings.push(`Also recorded as a synonym of ${[...new Set(others)].join(', ')}`);
        targets = new Set(acc.map(targetOf));
      }
    }
    // prefer the requested taxonomy, then accepted over synonym, then input order
    cands = [...cands].sort((a, b) => rankRec(a, opts) - rankRec(b, opts));
    const best = cands[0];
    const isGenusLevel = canonical.indexOf(' ') < 0;
    const covered = new Set(cands.map((r) => r.e.kingdom ?? NO_KINGDOM));
    const bucket = isGenusLevel ? this.genera.get(genusKey(canonical)) : undefined;
    const implied = bucket ? this.genusAlternatives(bucket, covered) : [];
    const ambiguous = targets.size > 1 || implied.length > 0;
    const base = scoreOf(type, distance, isGenusLevel);
    const r: MatchResult = {
      verbatim: name,
      canonical,
      matchType: type,
      editDistance: distance,
      score: base,
      ...candidateOfRec(best, this.accepted(best)),
      alternatives: cands.slice(1).map((c) => candidateOfRec(c, this.accepted(c))),
      warnings,
    };
    if (best.e.status === 'synonym' && !this.accepted(best)) warnings.push(`Synonym ${best.e.taxonId} has no resolvable accepted name`);
    if (ambiguous) {
      r.matchType = 'AMBIGUOUS';
      r.score = Math.max(1, base - SCORES.AMBIGUITY_PENALTY);
      r.alternatives = [...cands.map((c) => candidateOfRec(c, this.accepted(c))), ...implied];
      r.matchedStatus = null; r.acceptedName = null; r.taxonId = null; r.acceptedId = null; r.taxonomy = null; r.kingdom = null; r.rank = null;
      const accNames = [...new Set(r.alternatives.map((a) => a.acceptedName ?? `${a.matchedName} (${a.kingdom ?? '?'})`))];
      r.warnings.push(`${type} match is ambiguous between ${accNames.join(' | ')}`);
    }
    return r;
  }
}

/** "Genus epithet …": ASCII letters, capitalised first word, single spaces, up to 4 words. */
function plainShape(s: string): boolean {
  const n = s.length;
  if (n < 2 || n > 120) return false;
  let c = s.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  let words = 1;
  let prevSpace = false;
  for (let i = 1; i < n; i++) {
    c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace || i === n - 1 || ++words > 4) return false;
      prevSpace = true;
    } else if (c >= 97 && c <= 122) prevSpace = false;
    else return false;
  }
  return true;
}

function scoreOf(type: MatchType, distance: number, genusLevel: boolean): number {
  return type === 'EXACT' ? SCORES.EXACT : type === 'VARIANT' ? SCORES.VARIANT
    : type === 'FUZZY' ? Math.max(60, SCORES.FUZZY - 5 * (distance - 1))
      : genusLevel ? SCORES.PARTIAL_GENUS : SCORES.PARTIAL_SPECIES;
}

function rankRec(r: Rec, opts: MatchOptions): number {
  let s = 0;
  if (opts.taxonomy && r.e.taxonomy !== opts.taxonomy) s += 2;
  if (r.e.status === 'synonym') s += 1;
  return s;
}

function candidateOfRec(r: Rec, acc: Rec | undefined): MatchCandidate {
  return {
    matchedName: r.canonical,
    matchedStatus: r.e.status,
    acceptedName: acc ? acc.canonical : null,
    taxonomy: r.e.taxonomy ?? null,
    taxonId: r.e.taxonId,
    acceptedId: r.e.status === 'synonym' ? r.e.acceptedId ?? null : r.e.taxonId,
    kingdom: r.e.kingdom ?? null,
    rank: r.e.rank ?? null,
  };
}

function candidateOf(m: MatchResult): MatchCandidate {
  const { matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank } = m;
  return { matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank };
}

function none(verbatim: string, canonical: string | null, warnings: string[]): MatchResult {
  return {
    verbatim, canonical, matchType: 'NONE', editDistance: 0, score: 0, matchedName: null, matchedStatus: null, acceptedName: null,
    taxonomy: null, taxonId: null, acceptedId: null, kingdom: null, rank: null, alternatives: [], warnings,
  };
}

/** Build a match index from checklist entries. */
export function buildMatchIndex(entries: Iterable<ChecklistEntry>): MatchIndex {
  return new MatchIndex(entries);
}
