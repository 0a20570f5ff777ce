/**
 * Name matcher: an in-memory index over any checklist (CITES, CMS, a Darwin
 * Core file) answering "which taxon does this name-string mean, what is its
 * status, and why?". Levels, tried in order: EXACT canonical, VARIANT key,
 * VERNACULAR (a common name), FUZZY (per-word bounded Damerau distance over
 * genus candidates found by one-deletion neighbours and a phonetic
 * skeleton; a wider epithet distance when genus and authors agree), PARTIAL
 * (the nearest name one rank up or down, the species, the genus). Several
 * distinct accepted targets at the best level make the result AMBIGUOUS.
 * The authorship of the input, when given, is compared with the matched
 * name's (./authorship.ts) and weighs in the score; every result carries its
 * reasons (./reasons.ts).
 */
import {
  boundedDamerau, epithetBudget, epithetKey, genusBudget, genusKey, genusSkeleton, variantKey,
} from './normalise.js';
import { fastCanonical, parseAuthorship, parseName } from './parser.js';
import { compareAuthorship, type AuthorshipComparison, type AuthorshipMatch } from './authorship.js';
import { reason, type Reason, type ReasonCode, type ReasonParams } from './reasons.js';
import { vernacularKey, vernacularKeys } from './vernacular.js';
import type { Authorship, ParsedName } from './types.js';

export type TaxonStatus = 'accepted' | 'synonym';

/** Ranks above the genus that a checklist entry may name and a query may give as context. */
export type HigherRank = 'kingdom' | 'phylum' | 'class' | 'order' | 'family';
export const HIGHER_RANKS: readonly HigherRank[] = ['kingdom', 'phylum', 'class', 'order', 'family'];

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
  /** Phylum, class, order, family (a synonym without them takes its accepted name's). */
  higherTaxa?: Partial<Record<Exclude<HigherRank, 'kingdom'>, string>>;
}

/** A common name of an entry of the same index (taxonomy + taxonId). */
export interface VernacularEntry {
  taxonId: string;
  taxonomy?: string;
  name: string;
  /** ISO 639-1 code. */
  language: string;
}

export type MatchType = 'EXACT' | 'VARIANT' | 'VERNACULAR' | 'FUZZY' | 'PARTIAL' | 'AMBIGUOUS' | 'NONE';

export interface MatchCandidate {
  matchedName: string | null;
  matchedStatus: TaxonStatus | null;
  acceptedName: string | null;
  taxonomy: string | null;
  taxonId: string | null;
  acceptedId: string | null;
  kingdom: string | null;
  rank: string | null;
  /** Authorship of the matched name as the checklist gives it. */
  matchedAuthorship?: string | null;
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
  /** Authorship of the input (normalised), null when it has none. */
  authorship: string | null;
  matchedAuthorship: string | null;
  /** How the input's authors compare with the matched name's (unknown when either has none). */
  authorshipMatch: AuthorshipMatch;
  /** gnverifier's author score, 0–7 (1 when either side has no author). */
  authorshipScore: number;
  /** The common name matched (VERNACULAR), with the languages it is recorded in. */
  vernacular: { name: string; languages: string[] } | null;
  /** More than one taxon fits equally well: the alternatives list them. */
  ambiguous: boolean;
  alternatives: MatchCandidate[];
  warnings: string[];
  /** Why: the verdict first, then what qualifies it. */
  reasons: Reason[];
}

/** Classification the caller knows the names belong to (e.g. the class of a survey). */
export type MatchContext = Partial<Record<HigherRank, string>>;

export interface MatchOptions {
  /** Prefer (not restrict to) entries of this taxonomy when a name is in several. */
  taxonomy?: string;
  /** A kingdom, class … the names belong to: a candidate outside it is marked down and warned about. */
  context?: MatchContext;
}

/** Scores per match type and the penalties (documented in docs/names.md). */
export const SCORES = {
  EXACT: 100,
  VARIANT: 90,
  VERNACULAR: 85,
  /** FUZZY: 80 for one edit, minus 5 for each further edit (floor 60). */
  FUZZY: 80,
  /** PARTIAL one rank up or down from an infraspecific name. */
  PARTIAL_INFRASPECIFIC: 70,
  PARTIAL_SPECIES: 60,
  PARTIAL_GENUS: 50,
  /** Subtracted from the level's score when the result is AMBIGUOUS. */
  AMBIGUITY_PENALTY: 30,
  /** Subtracted for "cf." (identification uncertain). */
  COMPARISON_PENALTY: 10,
  /** Subtracted when the input's authors share no one with the matched name's. */
  AUTHORS_DIFFER_PENALTY: 30,
  /** Subtracted when the authors agree but the years are more than a year apart. */
  YEARS_DIFFER_PENALTY: 15,
  /** Subtracted for a compatible but not exact authorship. */
  AUTHORS_COMPATIBLE_PENALTY: 2,
  /** Subtracted when a fuzzy match changed the genus to one the input does not spell. */
  GENUS_UNKNOWN_PENALTY: 5,
  /** Subtracted when the given kingdom … family differs from the matched name's. */
  CONTEXT_PENALTY: { kingdom: 40, phylum: 30, class: 25, order: 15, family: 10 } as Record<HigherRank, number>,
} as const;

interface Rec {
  e: ChecklistEntry;
  canonical: string;
  /** The accepted record (itself when accepted), resolved once after loading; null when unresolvable. */
  acc?: Rec | null;
  /** Authorship as written (kept apart or read from the name at build time). */
  authText?: string;
  /** Parsed authorship, on first comparison. */
  auth?: Authorship | null;
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
  /** Genus edits of the best candidates. */
  bestGd: number;
  /** Genus or an epithet shorter than SHORT_NAME. */
  short: boolean;
  /** Candidates refused for a misspelt genus and epithet in a short name. */
  blocked: string[];
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
    if (popcount(q.keyMasks[i] ^ sp.keyMasks[i]) <= 2 * b) d = boundedDamerau(q.keys[i], sp.keys[i], b);
    if (d > b && popcount(q.rawMasks[i] ^ sp.rawMasks[i]) <= 2 * b) d = boundedDamerau(q.raw[i], sp.raw[i], b);
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

/** Taxamatch's epithet rule for the wider search: ≤ 4 edits, at most a third of the shorter word, same first letter from 2 edits, same first 3 from 4. */
function taxamatchEpithet(q: string, c: string): number {
  const min = Math.min(q.length, c.length);
  const max = Math.min(4, Math.floor(min / 3));
  if (max <= 0) return Infinity;
  const d = boundedDamerau(q, c, max);
  if (d > max || min < 2 * d) return Infinity;
  if (d >= 2 && q[0] !== c[0]) return Infinity;
  if (d >= 4 && q.slice(0, 3) !== c.slice(0, 3)) return Infinity;
  return d;
}

/** Genus or epithet shorter than this: a misspelt genus and a misspelt epithet together are not offered. */
const SHORT_NAME = 8;

/** Internal: a result being built. */
type Draft = MatchResult;
/** The level of a PARTIAL answer and the genus edits of a FUZZY one, kept beside the result (not in it). */
interface DraftInfo { level?: 'infraspecific' | 'species' | 'genus' | 'narrower'; genusEdits?: number }
const drafts = new WeakMap<MatchResult, DraftInfo>();
const info = (r: MatchResult): DraftInfo => { let i = drafts.get(r); if (!i) { i = {}; drafts.set(r, i); } return i; };

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
  /** Variant key of a name minus its last epithet → the entries one rank below it. */
  private readonly children = new Map<string, number[]>();
  /** Vernacular key → entries and the name and language recorded. */
  private readonly vernaculars = new Map<string, { idx: number; name: string; language: string }[]>();
  private readonly taxonomies: string[] = [];
  private readonly strings = new Map<string, string>();
  private readonly acceptedReasons = new Map<string, Reason>();
  /** Entries whose name could not be parsed (reported, not indexed). */
  readonly rejected: { entry: ChecklistEntry; reason: string }[] = [];
  /** Common names whose taxon is not in the index. */
  readonly rejectedVernaculars: VernacularEntry[] = [];

  constructor(entries: Iterable<ChecklistEntry>, vernaculars: Iterable<VernacularEntry> = []) {
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
    for (const v of vernaculars) this.addVernacular(v);
  }

  get size(): number {
    return this.recs.length;
  }

  /** Number of distinct common-name keys. */
  get vernacularSize(): number {
    return this.vernaculars.size;
  }

  /** One copy of repeated strings (kingdoms, classes, languages). */
  private intern(s: string | undefined): string | undefined {
    if (s === undefined) return s;
    const k = this.strings.get(s);
    if (k !== undefined) return k;
    this.strings.set(s, s);
    return s;
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
    if (e.kingdom) e.kingdom = this.intern(e.kingdom);
    if (e.taxonomy) {
      e.taxonomy = this.intern(e.taxonomy);
      if (!this.taxonomies.includes(e.taxonomy!)) this.taxonomies.push(e.taxonomy!);
    }
    if (e.higherTaxa) for (const k of Object.keys(e.higherTaxa) as (keyof typeof e.higherTaxa)[]) e.higherTaxa[k] = this.intern(e.higherTaxa[k]);
    const rec: Rec = { e, canonical };
    const authText = e.authorship?.trim() || p.authorship?.verbatim;
    if (authText) rec.authText = authText;
    this.recs.push(rec);
    this.byId.set(`${e.taxonomy ?? ''}\u0000${e.taxonId}`, idx);
    pushMap(this.exact, canonical, idx);
    if (p.hybrid === 'HYBRID_FORMULA') return;
    pushMap(this.variant, variantKey(canonical), idx);
    const words = canonical.split(' ');
    if (words.length >= 3) pushMap(this.children, variantKey(words.slice(0, -1).join(' ')), idx);
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

  private addVernacular(v: VernacularEntry): void {
    const idx = this.byId.get(`${v.taxonomy ?? ''}\u0000${v.taxonId}`);
    if (idx === undefined || !v.name?.trim()) { this.rejectedVernaculars.push(v); return; }
    const language = this.intern(v.language?.trim().toLowerCase() || 'und')!;
    for (const key of vernacularKeys(v.name)) {
      const list = this.vernaculars.get(key);
      const hit = { idx, name: v.name.trim(), language };
      if (!list) this.vernaculars.set(key, [hit]);
      else if (!list.some((h) => h.idx === idx && h.language === language)) list.push(hit);
    }
  }

  /** Match one name-string. Never throws. */
  match(name: string, opts: MatchOptions = {}): MatchResult {
    let r: Draft;
    try {
      r = this.matchUnsafe(typeof name === 'string' ? name : String(name ?? ''), opts);
    } catch (err) {
      r = none(String(name), null, [`Internal matcher error: ${(err as Error).message}`]);
      r.reasons.push(reason('not_a_name'));
    }
    return this.finish(r, opts);
  }

  private matchUnsafe(name: string, opts: MatchOptions): Draft {
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
        const vern = this.matchVernacular(name, opts);
        if (vern) return vern;
        const r = none(name, null, parsed.warnings.length ? parsed.warnings : ['Not a scientific name']);
        r.reasons.push(reason('not_a_name'));
        return r;
      }
      canonical = parsed.canonical.simple;
    }
    const warnings: string[] = [];
    const pre: Reason[] = [];
    if (parsed?.tail) {
      warnings.push(`Ignored unparsed tail "${parsed.tail}"`);
      pre.push(reason('tail_ignored', { tail: parsed.tail }));
    }
    let r: Draft;
    if (parsed?.hybrid === 'HYBRID_FORMULA') r = this.matchFormula(name, canonical, parsed, opts, warnings);
    else r = this.matchCanonical(name, canonical, opts, warnings, parsed, fast !== undefined && plainShape(name));
    r.reasons.unshift(...pre);
    if (parsed?.authorship) r.authorship = parsed.authorship.normalized;
    if (parsed?.surrogate === 'APPROXIMATION') r = this.approximate(r, name);
    else if (parsed?.surrogate === 'COMPARISON' && r.matchType !== 'NONE') {
      r.warnings.push('"cf.": identification uncertain, compared with the named taxon');
      r.reasons.push(reason('comparison'));
      r.score = Math.max(0, r.score - SCORES.COMPARISON_PENALTY);
    }
    return r;
  }

  private matchCanonical(name: string, canonical: string, opts: MatchOptions, warnings: string[], parsed?: ParsedName, looked = false): Draft {
    if (!looked) {
      const ex = this.exact.get(canonical);
      if (ex) return this.result(name, canonical, 'EXACT', 0, ex, opts, warnings, parsed);
      const va = this.variant.get(variantKey(canonical));
      if (va) return this.result(name, canonical, 'VARIANT', 0, va, opts, warnings, parsed);
    }
    const vern = this.matchVernacular(name, opts);
    if (vern) return vern;
    const blocked: string[] = [];
    const fz = this.fuzzy(canonical, blocked);
    if (fz) {
      const r = this.result(name, canonical, 'FUZZY', fz.distance, fz.idx, opts, warnings, parsed);
      info(r).genusEdits = fz.genusEdits;
      return r;
    }
    const qa = parsed?.authorship;
    if (qa) {
      const wide = this.fuzzyWithAuthors(canonical, qa, new Set());
      if (wide) return this.wideResult(name, canonical, wide, opts, warnings, parsed);
    }
    const r = this.partial(name, canonical, opts, warnings, parsed);
    if (blocked.length && (r.matchType === 'NONE' || drafts.get(r)?.level === 'genus')) {
      r.reasons.push(reason('fuzzy_genus_and_epithet', { nearest: blocked[0] }));
    }
    return r;
  }

  /** A common name, accent- and case-insensitive. */
  private matchVernacular(name: string, opts: MatchOptions): Draft | undefined {
    if (this.vernaculars.size === 0) return undefined;
    const hits = this.vernaculars.get(vernacularKey(name));
    if (!hits) return undefined;
    const idx = [...new Set(hits.map((h) => h.idx))];
    const languages = [...new Set(hits.map((h) => h.language))];
    const groups = this.taxonGroups(idx);
    const sorted = (list: number[]) => [...list].sort((a, b) => rankRec(this.recs[a], opts) - rankRec(this.recs[b], opts));
    const r = none(name, null, []);
    r.matchType = 'VERNACULAR';
    r.vernacular = { name: hits[0].name, languages };
    if (groups.length === 1) {
      const [best, ...rest] = sorted(groups[0]);
      Object.assign(r, this.candidateOfRec(this.recs[best]));
      r.score = SCORES.VERNACULAR;
      r.alternatives = rest.map((i) => this.candidateOfRec(this.recs[i]));
      r.reasons.push(reason('vernacular', { language: languages.join(', '), matched: r.acceptedName ?? r.matchedName ?? '' }));
      this.contextCheck(r, this.recs[best], opts);
      return r;
    }
    r.ambiguous = true;
    r.score = SCORES.VERNACULAR - SCORES.AMBIGUITY_PENALTY;
    r.alternatives = groups.flatMap((g) => sorted(g)).map((i) => this.candidateOfRec(this.recs[i]));
    const names = groups.map((g) => { const a = this.recs[sorted(g)[0]]; return this.accepted(a)?.canonical ?? a.canonical; });
    r.reasons.push(reason('ambiguous_vernacular', { count: groups.length, names: names.join(' | ') }));
    r.reasons.push(reason('vernacular', { language: languages.join(', '), matched: names.join(' | ') }));
    r.warnings.push(`Common name "${hits[0].name}" belongs to ${groups.length} taxa: ${names.join(' | ')}`);
    return r;
  }

  /**
   * Entries grouped by taxon: the same accepted name, or accepted names of
   * two taxonomies that name each other (CITES Panthera uncia = CMS Uncia
   * uncia when one taxonomy lists the other's name as its synonym).
   */
  private taxonGroups(idx: number[]): number[][] {
    const key = (i: number) => { const r = this.recs[i]; const a = this.accepted(r); return `${r.e.kingdom ?? ''}\u0000${a ? a.canonical : r.canonical + '?'}`; };
    const byTarget = new Map<string, number[]>();
    for (const i of idx) pushMap(byTarget, key(i), i);
    const groups = [...byTarget.values()];
    // merge targets that one taxonomy lists under the other's name
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        if (this.sameTaxon(groups[a][0], groups[b][0])) { groups[a].push(...groups[b]); groups.splice(b, 1); b--; }
      }
    }
    return groups;
  }

  private sameTaxon(i: number, j: number): boolean {
    const A = this.accepted(this.recs[i]) ?? this.recs[i];
    const B = this.accepted(this.recs[j]) ?? this.recs[j];
    if (A.e.taxonomy === B.e.taxonomy) return false;
    const names = (x: Rec, y: Rec) => (this.exact.get(x.canonical) ?? []).some((k) => {
      const r = this.recs[k];
      return r.e.taxonomy === y.e.taxonomy && this.accepted(r) === y;
    });
    return names(A, B) || names(B, A);
  }

  /** Shorter or longer names: one rank up or down from an infraspecific name, the species, then the genus. */
  private partial(name: string, canonical: string, opts: MatchOptions, warnings: string[], parsed?: ParsedName): Draft {
    const words = canonical.split(' ');
    if (words.length === 1) {
      const b = this.genera.get(genusKey(words[0]));
      if (b) return this.impliedGenus(name, b, warnings);
    }
    const narrower = words.length >= 2 ? this.narrower(name, canonical, opts, warnings, parsed) : undefined;
    if (narrower) return narrower;
    for (let k = words.length - 1; k >= 1; k--) {
      const sub = words.slice(0, k).join(' ');
      let hit = this.exact.get(sub) ?? this.variant.get(variantKey(sub));
      let distance = 0;
      let fuzzyGenus: string | undefined;
      if (!hit) {
        const fz = this.fuzzy(sub, []);
        if (fz && k === 1) fuzzyGenus = this.recs[fz.idx[0]].canonical;
        else if (fz) { hit = fz.idx; distance = fz.distance; }
      }
      if (fuzzyGenus) {
        // a genus near the input's, with nothing else in common: not a match ("Mantis religiosa" is no Manis)
        const edits = boundedDamerau(words[0].toLowerCase(), fuzzyGenus.toLowerCase(), 2);
        const r = none(name, canonical, [...warnings, `Genus "${words[0]}" is in no checklist; nearest genus ${fuzzyGenus} (${edits} edit(s)) not offered`]);
        r.reasons.push(reason('nearest_genus_not_offered', { genus: words[0], nearest: fuzzyGenus, edits }));
        return r;
      }
      if (hit) {
        const level = k === 1 ? 'genus' : k === 2 ? 'species' : 'infraspecific';
        // the input's authors are those of the full name: not compared with a shorter name's
        const r = this.result(name, sub, 'PARTIAL', distance, hit, opts, warnings);
        info(r).level = level;
        r.warnings.push(`Only "${r.matchedName ?? sub}" is known: matched at ${level === 'infraspecific' ? 'the rank above' : `${level} level`}`);
        if (r.matchType === 'PARTIAL') {
          r.score = level === 'genus' ? SCORES.PARTIAL_GENUS : level === 'species' ? SCORES.PARTIAL_SPECIES : SCORES.PARTIAL_INFRASPECIFIC;
          if (distance > 0) r.score -= 5 * distance;
        }
        return r;
      }
      if (k === 1) {
        const b = this.genera.get(genusKey(words[0]));
        if (b) return this.impliedGenus(name, b, warnings);
      }
    }
    const r = none(name, canonical, warnings.length ? [...warnings] : ['No match in the checklist']);
    return r;
  }

  /** Names one rank below the input (a trinomial asked, only quadrinomials known): the nominotypical one, or the only one. */
  private narrower(name: string, canonical: string, opts: MatchOptions, warnings: string[], parsed?: ParsedName): Draft | undefined {
    const kids = this.children.get(variantKey(canonical));
    if (!kids?.length) return undefined;
    const last = epithetKey(canonical.slice(canonical.lastIndexOf(' ') + 1));
    const nominate = kids.filter((i) => epithetKey(this.recs[i].canonical.slice(this.recs[i].canonical.lastIndexOf(' ') + 1)) === last);
    const pick = nominate.length ? nominate : kids;
    void parsed;
    const r = this.result(name, canonical, 'PARTIAL', 0, pick, opts, warnings);
    info(r).level = 'narrower';
    if (r.matchType === 'PARTIAL') {
      r.score = SCORES.PARTIAL_INFRASPECIFIC;
      r.warnings.push(`Only a narrower name is known: ${r.matchedName}`);
    }
    return r;
  }

  /** A genus known only as part of species names (no genus entry). */
  private impliedGenus(name: string, b: GenusBucket, warnings: string[]): Draft {
    const alts = this.genusAlternatives(b, new Set());
    const r = none(name, b.name, warnings);
    r.matchedName = b.name;
    info(r).level = 'genus';
    if (alts.length > 1) {
      r.matchType = 'AMBIGUOUS';
      r.ambiguous = true;
      r.score = SCORES.PARTIAL_GENUS - SCORES.AMBIGUITY_PENALTY;
      r.alternatives = alts;
      r.warnings.push(`Genus "${b.name}" is used in several kingdoms: ${alts.map((a) => a.kingdom).join(', ')}`);
      r.reasons.push(reason('ambiguous_kingdoms', { matched: b.name, kingdoms: alts.map((a) => a.kingdom ?? '?').join(', ') }));
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
   * A misspelt genus with a misspelt epithet in a short name is refused
   * (its name lands in `blocked`).
   */
  private fuzzy(canonical: string, blocked: string[]): { idx: number[]; distance: number; genusEdits: number } | undefined {
    const words = canonical.split(' ');
    const g = genusKey(words[0]);
    const gBudget = genusBudget(g.length);
    const qraw = words.slice(1).map((w) => w.toLowerCase());
    const qk = qraw.map(epithetKey);
    const budgets = qraw.map((w) => epithetBudget(w.length));
    const short = g.length < SHORT_NAME || qraw.some((w) => w.length < SHORT_NAME);
    const st: FuzzyState = {
      q: { keys: qk, raw: qraw, budgets, keyMasks: qk.map(letterMask), rawMasks: qraw.map(letterMask) },
      joined: qk.join(' '), seen: new Set<string>(), best: Infinity, bestIdx: [], bestGd: 0, short, blocked,
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
    return st.bestIdx.length ? { idx: st.bestIdx, distance: st.best, genusEdits: st.bestGd } : undefined;
  }

  /** A genus within budget: one edit away is visited now, two edits away later (nearest first). */
  private nearGenus(st: FuzzyState, g: string, gMask: number, c: string, max: number, two: string[], twoD: number[]): void {
    if (st.seen.has(c) || popcount(gMask ^ (this.genusMasks.get(c) ?? 0)) > 2 * max) return;
    const d = boundedDamerau(g, c, max);
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
        if (gd < st.best) { st.best = gd; st.bestGd = gd; st.bestIdx = [...bucket.uninomials]; } else st.bestIdx.push(...bucket.uninomials);
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
      if (gd > 0 && d > gd && st.short) {
        // misspelt genus and misspelt epithet in a short name: too little in common
        if (st.blocked.length === 0) st.blocked.push(`${bucket.name} ${sp.raw.join(' ')}`);
        continue;
      }
      if (d < st.best) { st.best = d; st.bestGd = gd; st.bestIdx = [...sp.idx]; } else if (d === st.best) st.bestIdx.push(...sp.idx);
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

  /**
   * Taxamatch's wider epithet search, used only when the input has authors:
   * within the spelled genus, epithets up to a third of their length away
   * (at most 4 edits in all) whose name has authors that agree.
   */
  private fuzzyWithAuthors(canonical: string, qa: Authorship, exclude: Set<number>): { idx: number; distance: number; cmp: AuthorshipComparison } | undefined {
    const words = canonical.split(' ');
    const bucket = this.genera.get(genusKey(words[0]));
    if (!bucket || words.length < 2) return undefined;
    const qraw = words.slice(1).map((w) => w.toLowerCase());
    const found: { idx: number; distance: number }[] = [];
    for (const sp of bucket.species.values()) {
      if (sp.raw.length !== qraw.length) continue;
      let total = 0;
      for (let i = 0; i < qraw.length && total <= 4; i++) total += Math.min(taxamatchEpithet(qraw[i], sp.raw[i]), qraw[i] === sp.raw[i] ? 0 : Infinity, epithetKey(qraw[i]) === sp.keys[i] ? 0 : Infinity);
      if (total > 4) continue;
      for (const i of sp.idx) if (!exclude.has(i)) found.push({ idx: i, distance: total });
    }
    found.sort((a, b) => a.distance - b.distance);
    for (const f of found) {
      const cmp = compareAuthorship(qa, this.authorshipOf(this.recs[f.idx]));
      if (cmp.match === 'exact' || cmp.match === 'compatible') return { ...f, cmp };
    }
    return undefined;
  }

  private wideResult(name: string, canonical: string, wide: { idx: number; distance: number }, opts: MatchOptions, warnings: string[], parsed?: ParsedName): Draft {
    const type: MatchType = wide.distance === 0 ? 'VARIANT' : 'FUZZY';
    const r = this.result(name, canonical, type, wide.distance, [wide.idx], opts, warnings, parsed);
    if (type === 'FUZZY') {
      r.reasons.unshift(reason('fuzzy_authors', { edits: wide.distance, matched: r.matchedName ?? '' }));
      r.warnings.push(`Epithet ${wide.distance} edit(s) away, accepted because genus and authors agree`);
    }
    return r;
  }

  private matchFormula(name: string, canonical: string, parsed: ParsedName, opts: MatchOptions, warnings: string[]): Draft {
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
    r.reasons = [reason('hybrid_parents', { found: hits.length, parents: parents.length })];
    if (drafts.has(r)) drafts.get(r)!.level = undefined;
    return r;
  }

  /** sp./aff./nr. name an unknown species: only the higher taxon is matched. */
  private approximate(r: Draft, name: string): Draft {
    const spp = name.split(' ').some((w) => w === 'spp' || w === 'spp.');
    if (r.matchType === 'NONE') return r;
    if (spp) {
      r.warnings.push('"spp.": all species of the taxon; matched the taxon itself');
      r.reasons.push(reason('all_species', { matched: r.matchedName ?? '' }));
      return r;
    }
    if (r.matchType !== 'AMBIGUOUS') {
      r.matchType = 'PARTIAL';
      r.score = r.matchedName && r.matchedName.indexOf(' ') > 0 ? SCORES.PARTIAL_SPECIES : SCORES.PARTIAL_GENUS;
    }
    r.warnings.push('Approximate name (sp./aff./nr.): an unnamed taxon within the matched one');
    r.reasons.push(reason('approximate', { matched: r.matchedName ?? '' }));
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

  private authorshipOf(rec: Rec): Authorship | undefined {
    if (rec.auth === undefined) rec.auth = rec.authText ? parseAuthorship(rec.authText) ?? null : null;
    return rec.auth ?? undefined;
  }

  /** A rank's name of an entry, from its accepted name when it has none itself. */
  private higher(rec: Rec, rank: HigherRank): string | undefined {
    const own = rank === 'kingdom' ? rec.e.kingdom : rec.e.higherTaxa?.[rank];
    if (own) return own;
    const acc = this.accepted(rec);
    return acc && acc !== rec ? (rank === 'kingdom' ? acc.e.kingdom : acc.e.higherTaxa?.[rank]) : undefined;
  }

  /** The highest rank at which the entry contradicts the given context. */
  private contextConflict(rec: Rec, context: MatchContext | undefined): { rank: HigherRank; given: string; found: string } | undefined {
    if (!context) return undefined;
    for (const rank of HIGHER_RANKS) {
      const given = context[rank]?.trim();
      if (!given) continue;
      const found = this.higher(rec, rank);
      if (found && found.toLowerCase() !== given.toLowerCase()) return { rank, given, found };
    }
    return undefined;
  }

  private contextCheck(r: Draft, rec: Rec, opts: MatchOptions): void {
    const c = this.contextConflict(rec, opts.context);
    if (!c) return;
    r.score -= SCORES.CONTEXT_PENALTY[c.rank];
    r.reasons.push(reason('context_mismatch', { rank: c.rank, given: c.given, found: c.found }));
    r.warnings.push(`${c.rank[0].toUpperCase()}${c.rank.slice(1)} differs: ${c.given} given, ${c.found} found`);
  }

  private candidateOfRec(r: Rec): MatchCandidate {
    const acc = this.accepted(r);
    return {
      matchedName: r.canonical,
      matchedStatus: r.e.status,
      acceptedName: acc ? acc.canonical : null,
      taxonomy: r.e.taxonomy ?? null,
      taxonId: r.e.taxonId,
      acceptedId: r.e.status === 'synonym' ? r.e.acceptedId ?? null : r.e.taxonId,
      kingdom: r.e.kingdom ?? null,
      rank: r.e.rank ?? null,
      matchedAuthorship: r.authText ?? null,
    };
  }

  /** Build the result for a set of candidate entries, deciding ambiguity and weighing the authors. */
  private result(
    name: string, canonical: string, type: MatchType, distance: number, idx: number[], opts: MatchOptions,
    warnings: string[], parsed?: ParsedName,
  ): Draft {
    const qa = parsed?.authorship;
    const genusLevel = canonical.indexOf(' ') < 0;
    if (idx.length === 1 && !qa) {
      const only = this.recs[idx[0]];
      const b = genusLevel ? this.genera.get(genusKey(canonical)) : undefined;
      if (!b || b.kingdoms.size <= 1) {
        const r = base(name, canonical, type, distance, scoreOf(type, distance, genusLevel), this.candidateOfRec(only), warnings);
        if (only.e.status === 'synonym' && !this.accepted(only)) warnings.push(`Synonym ${only.e.taxonId} has no resolvable accepted name`);
        this.contextCheck(r, only, opts);
        return r;
      }
    }
    let cands = idx.map((i) => this.recs[i]);
    const targetOf = (r: Rec): string => {
      const a = this.accepted(r);
      return `${r.e.kingdom ?? ''}\u0000${a ? a.canonical : r.canonical + '?'}`;
    };
    let targets = new Set(cands.map(targetOf));
    const pre: Reason[] = [];
    const cmps = qa ? new Map<Rec, AuthorshipComparison>() : undefined;
    const cmpOf = qa ? (r: Rec) => this.cmpCached(cmps!, qa, r) : undefined!;
    if (targets.size > 1 && qa) {
      // homonyms: the authorship of the input may single one out
      const top = Math.max(...cands.map((r) => cmpOf(r).score));
      const same = top > 1 ? cands.filter((r) => cmpOf(r).score === top) : [];
      if (same.length > 0 && new Set(same.map(targetOf)).size === 1) {
        cands = same;
        targets = new Set(cands.map(targetOf));
        warnings.push('Homonym resolved by the authorship');
        pre.push(reason('homonym_resolved'));
      }
    }
    if (targets.size > 1 && opts.context) {
      // the given kingdom, class … may single one out
      const fit = cands.filter((r) => !this.contextConflict(r, opts.context));
      if (fit.length > 0 && fit.length < cands.length && new Set(fit.map(targetOf)).size === 1) {
        const rank = HIGHER_RANKS.find((k) => opts.context?.[k]) ?? 'kingdom';
        cands = fit;
        targets = new Set(cands.map(targetOf));
        pre.push(reason('context_resolved', { rank, given: opts.context[rank] ?? '' }));
      }
    }
    let alsoSynonymOf: string[] = [];
    if (targets.size > 1) {
      // an accepted name also listed as a (pro parte) synonym elsewhere in the same kingdom: the accepted name wins
      const acc = cands.filter((r) => r.e.status === 'accepted');
      const kingdoms = new Set(cands.map((r) => r.e.kingdom ?? NO_KINGDOM));
      if (acc.length > 0 && new Set(acc.map(targetOf)).size === 1 && kingdoms.size === 1) {
        alsoSynonymOf = [...new Set(cands.filter((r) => r.e.status === 'synonym').map((r) => this.accepted(r)?.canonical ?? '?'))];
        warnings.push(`Also recorded as a synonym of ${alsoSynonymOf.join(', ')}`);
        targets = new Set(acc.map(targetOf));
      }
    }
    // prefer the requested taxonomy, then accepted over synonym, then agreeing authors, then input order
    if (cands.length > 1) cands = qa ? [...cands].sort((a, b) => rankRec(a, opts) - rankRec(b, opts) || cmpOf(b).score - cmpOf(a).score) : sortByRank(cands, opts);
    const r0 = pre;
    const covered = new Set(cands.map((r) => r.e.kingdom ?? NO_KINGDOM));
    const bucket = genusLevel ? this.genera.get(genusKey(canonical)) : undefined;
    let implied = bucket ? this.genusAlternatives(bucket, covered) : [];
    const givenKingdom = opts.context?.kingdom?.trim().toLowerCase();
    if (givenKingdom && implied.length) {
      // a genus used in two kingdoms: the given kingdom picks one
      const inKingdom = cands.filter((c) => (c.e.kingdom ?? '').toLowerCase() === givenKingdom);
      const impliedIn = implied.filter((a) => (a.kingdom ?? '').toLowerCase() === givenKingdom);
      if (inKingdom.length && new Set(inKingdom.map(targetOf)).size === 1) {
        cands = inKingdom; targets = new Set(cands.map(targetOf)); implied = [];
        r0.push(reason('context_resolved', { rank: 'kingdom', given: opts.context!.kingdom! }));
      } else if (!inKingdom.length && impliedIn.length === 1) {
        // only implied by the names of that kingdom: the genus there, without an entry of its own
        const r = none(name, canonical, warnings);
        Object.assign(r, { matchType: 'PARTIAL', matchedName: bucket!.name, kingdom: impliedIn[0].kingdom, rank: 'GENUS', score: SCORES.PARTIAL_GENUS });
        info(r).level = 'genus';
        r.warnings.push(`Genus "${bucket!.name}" has no entry of its own in ${impliedIn[0].kingdom}; it is the genus of ${impliedIn[0].note}`);
        r.reasons.push(reason('context_resolved', { rank: 'kingdom', given: opts.context!.kingdom! }));
        return r;
      }
    }
    const best = cands[0];
    const ambiguous = targets.size > 1 || implied.length > 0;
    const r = base(name, canonical, type, distance, scoreOf(type, distance, genusLevel), this.candidateOfRec(best), warnings);
    r.alternatives = cands.slice(1).map((c) => this.candidateOfRec(c));
    if (pre.length) r.reasons.push(...pre);
    if (alsoSynonymOf.length) r.reasons.push(reason('also_synonym', { names: alsoSynonymOf.join(', ') }));
    if (best.e.status === 'synonym' && !this.accepted(best)) warnings.push(`Synonym ${best.e.taxonId} has no resolvable accepted name`);
    if (ambiguous) {
      r.matchType = 'AMBIGUOUS';
      r.ambiguous = true;
      r.score = Math.max(1, r.score - SCORES.AMBIGUITY_PENALTY);
      r.alternatives = [...cands.map((c) => this.candidateOfRec(c)), ...implied];
      r.matchedStatus = null; r.acceptedName = null; r.taxonId = null; r.acceptedId = null; r.taxonomy = null; r.kingdom = null; r.rank = null;
      r.matchedAuthorship = null;
      const accNames = [...new Set(r.alternatives.map((a) => a.acceptedName ?? `${a.matchedName} (${a.kingdom ?? '?'})`))];
      r.warnings.push(`${type} match is ambiguous between ${accNames.join(' | ')}`);
      if (implied.length && targets.size <= 1) r.reasons.push(reason('ambiguous_kingdoms', { matched: canonical, kingdoms: [...new Set(r.alternatives.map((a) => a.kingdom ?? '?'))].join(', ') }));
      else r.reasons.push(reason('ambiguous', { count: accNames.length, names: accNames.join(' | ') }));
      return r;
    }
    if (qa) this.weighAuthors(r, cmpOf(best), parsed, opts, canonical);
    this.contextCheck(r, best, opts);
    return r;
  }

  /**
   * The input's authors against the matched name's: the score falls when
   * they differ, and a nearby name whose authors agree is preferred to an
   * exact name whose authors differ (the exact one becomes an alternative).
   */
  private weighAuthors(r: Draft, cmp: AuthorshipComparison, parsed: ParsedName | undefined, opts: MatchOptions, canonical: string): void {
    const qa = parsed?.authorship;
    r.authorshipMatch = cmp.match;
    r.authorshipScore = cmp.score;
    const q = qa?.normalized ?? '';
    const m = r.matchedAuthorship ?? '';
    if (cmp.match === 'exact') r.reasons.push(reason('authors_agree', { query: q }));
    else if (cmp.match === 'compatible') {
      r.score -= SCORES.AUTHORS_COMPATIBLE_PENALTY;
      r.reasons.push(reason('authors_compatible', { query: q, matched: m, notes: cmp.notes.join(', ') }));
    } else if (cmp.match === 'different') {
      const yearsOnly = cmp.authors !== 'none';
      r.score -= yearsOnly ? SCORES.YEARS_DIFFER_PENALTY : SCORES.AUTHORS_DIFFER_PENALTY;
      if (yearsOnly && cmp.yearPair) {
        r.reasons.push(reason('years_differ', { query_year: cmp.yearPair[0], matched_year: cmp.yearPair[1] }));
        r.warnings.push(`Years differ: ${cmp.yearPair[0]} vs ${cmp.yearPair[1]}`);
      } else {
        r.reasons.push(reason('authors_differ', { query: q, matched: m }));
        r.warnings.push(`Authors differ: ${q} vs ${m}`);
      }
      // a name nearby whose authors agree beats an exact name whose authors differ
      if (qa && (r.matchType === 'EXACT' || r.matchType === 'VARIANT' || r.matchType === 'FUZZY')) {
        const exclude = new Set<number>(this.exact.get(r.matchedName ?? '') ?? []);
        const wide = this.fuzzyWithAuthors(canonical, qa, exclude);
        if (wide && scoreOf(wide.distance === 0 ? 'VARIANT' : 'FUZZY', wide.distance, false) > r.score) {
          const alt = this.wideResult(r.verbatim, canonical, wide, opts, [...r.warnings.filter((w) => !w.startsWith('Authors differ') && !w.startsWith('Years differ'))], parsed);
          const { matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank, matchedAuthorship } = r;
          Object.assign(r, alt);
          r.alternatives = [{ matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank, matchedAuthorship, note: `exact name, authors differ (${m})` }, ...alt.alternatives];
          r.reasons.push(reason('exact_authors_differ', { exact: matchedName ?? '', authors: m }));
        }
      }
    }
  }

  /** The verdict and status reasons, score bounds; the internal fields dropped. */
  private finish(r: Draft, opts: MatchOptions): MatchResult {
    if ((r.matchType === 'EXACT' || r.matchType === 'VARIANT') && r.reasons.length === 0 && r.matchedStatus !== null) {
      // the common answer: no qualifier, an accepted name or a synonym
      const status = r.matchedStatus === 'accepted' ? this.acceptedReason(r.taxonomy ?? '')
        : r.acceptedName ? reason('synonym', { accepted: r.acceptedName, taxonomy: r.taxonomy ?? '' }) : reason('synonym_unresolved', { taxonomy: r.taxonomy ?? '' });
      r.reasons = [reason(r.matchType === 'EXACT' ? 'exact' : 'variant', { matched: r.matchedName ?? '' }), status];
      return r;
    }
    if (r.matchType === 'FUZZY' && r.reasons.length === 0 && r.matchedStatus === 'accepted') {
      r.reasons = [reason('fuzzy', { edits: r.editDistance, matched: r.matchedName ?? '' }), this.acceptedReason(r.taxonomy ?? '')];
      if ((drafts.get(r)?.genusEdits ?? 0) > 0) {
        r.reasons.push(reason('genus_unknown', { genus: (r.canonical ?? '').slice(0, (r.canonical ?? '').indexOf(' ') >>> 0) }));
        r.score = Math.max(1, r.score - SCORES.GENUS_UNKNOWN_PENALTY);
      }
      return r;
    }
    const level = drafts.get(r)?.level;
    const lead: Reason[] = [];
    const has = (c: ReasonCode) => r.reasons.some((x) => x.code === c);
    const matched = r.matchedName ?? r.canonical ?? '';
    switch (r.matchType) {
      case 'EXACT': lead.push(reason('exact', { matched })); break;
      case 'VARIANT': lead.push(reason('variant', { matched })); break;
      case 'FUZZY': if (!has('fuzzy_authors')) lead.push(reason('fuzzy', { edits: r.editDistance, matched })); break;
      case 'PARTIAL':
        if (has('hybrid_parents')) break;
        lead.push(reason(level === 'narrower' ? 'narrower_name' : level === 'infraspecific' ? 'infraspecific_nearest' : level === 'species' ? 'species_only' : 'genus_only', { matched }));
        break;
      case 'NONE':
        if (!has('not_a_name') && !has('nearest_genus_not_offered')) lead.push(reason('no_match', { where: this.where(opts) }));
        else if (has('nearest_genus_not_offered')) lead.push(reason('no_match', { where: this.where(opts) }));
        break;
      default: break;
    }
    if (!r.ambiguous && r.matchType !== 'NONE' && r.matchedStatus) {
      const taxonomy = r.taxonomy ?? '';
      if (r.matchedStatus === 'synonym') lead.push(r.acceptedName ? reason('synonym', { accepted: r.acceptedName, taxonomy }) : reason('synonym_unresolved', { taxonomy }));
      else if (r.matchType !== 'VERNACULAR') lead.push(this.acceptedReason(taxonomy));
    }
    if (r.matchType === 'FUZZY' && (drafts.get(r)?.genusEdits ?? 0) > 0) {
      const genus = (r.canonical ?? '').split(' ')[0];
      r.reasons.push(reason('genus_unknown', { genus }));
      r.score -= SCORES.GENUS_UNKNOWN_PENALTY;
    }
    // verdicts pushed while matching (vernacular, ambiguous, fuzzy_authors) stay in front of the qualifiers
    const verdictCodes: ReasonCode[] = ['vernacular', 'ambiguous', 'ambiguous_kingdoms', 'ambiguous_vernacular', 'fuzzy_authors', 'hybrid_parents', 'not_a_name'];
    const verdicts = r.reasons.filter((x) => verdictCodes.includes(x.code));
    const rest = r.reasons.filter((x) => !verdictCodes.includes(x.code));
    r.reasons = [...verdicts, ...lead, ...rest];
    if (r.matchType !== 'NONE') r.score = Math.max(1, Math.min(100, r.score));
    return r;
  }

  private cmpCached(cmps: Map<Rec, AuthorshipComparison>, qa: Authorship, r: Rec): AuthorshipComparison {
    let c = cmps.get(r);
    if (!c) { c = compareAuthorship(qa, this.authorshipOf(r)); cmps.set(r, c); }
    return c;
  }

  /** "accepted name in CITES": one frozen reason per taxonomy, shared by the results. */
  private acceptedReason(taxonomy: string): Reason {
    let r = this.acceptedReasons.get(taxonomy);
    if (!r) { r = Object.freeze(reason('accepted', { taxonomy })) as Reason; this.acceptedReasons.set(taxonomy, r); }
    return r;
  }

  /** "CITES or CMS", "the checklist". */
  private where(opts: MatchOptions): string {
    void opts;
    const t = this.taxonomies.filter((x) => x && x !== 'checklist' && x !== 'DwC');
    return t.length ? t.join(' or ') : 'the checklist';
  }
}

function base(name: string, canonical: string, type: MatchType, distance: number, score: number, c: MatchCandidate, warnings: string[]): Draft {
  return {
    verbatim: name, canonical, matchType: type, editDistance: distance, score,
    matchedName: c.matchedName, matchedStatus: c.matchedStatus, acceptedName: c.acceptedName, taxonomy: c.taxonomy, taxonId: c.taxonId,
    acceptedId: c.acceptedId, kingdom: c.kingdom, rank: c.rank, matchedAuthorship: c.matchedAuthorship ?? null,
    authorship: null, authorshipMatch: 'unknown', authorshipScore: 1, vernacular: null, ambiguous: false,
    alternatives: [], warnings, reasons: [],
  };
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

function sortByRank(cands: Rec[], opts: MatchOptions): Rec[] {
  const keyed = cands.map((r, i) => ({ r, k: rankRec(r, opts) * 1e6 + i }));
  keyed.sort(byK);
  return keyed.map(pickR);
}
const byK = (a: { k: number }, b: { k: number }) => a.k - b.k;
const pickR = (x: { r: Rec }) => x.r;

function rankRec(r: Rec, opts: MatchOptions): number {
  let s = 0;
  if (opts.taxonomy && r.e.taxonomy !== opts.taxonomy) s += 2;
  if (r.e.status === 'synonym') s += 1;
  return s;
}

function candidateOf(m: MatchResult): MatchCandidate {
  const { matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank, matchedAuthorship } = m;
  return { matchedName, matchedStatus, acceptedName, taxonomy, taxonId, acceptedId, kingdom, rank, matchedAuthorship };
}

function none(verbatim: string, canonical: string | null, warnings: string[]): Draft {
  return {
    verbatim, canonical, matchType: 'NONE', editDistance: 0, score: 0, matchedName: null, matchedStatus: null, acceptedName: null,
    taxonomy: null, taxonId: null, acceptedId: null, kingdom: null, rank: null, matchedAuthorship: null,
    authorship: null, authorshipMatch: 'unknown', authorshipScore: 1, vernacular: null, ambiguous: false,
    alternatives: [], warnings, reasons: [],
  };
}

/** Build a match index from checklist entries (and, optionally, their common names). */
export function buildMatchIndex(entries: Iterable<ChecklistEntry>, vernaculars: Iterable<VernacularEntry> = []): MatchIndex {
  return new MatchIndex(entries, vernaculars);
}
