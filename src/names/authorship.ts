/**
 * Comparing the authorships of two names (Taxamatch's authority matching,
 * T. Rees 2014, with gnverifier's author scores). Pure.
 *
 * Each side's authors are the basionym (parenthesised) authors, the
 * combination authors and their "ex" authors; "in" authors name the
 * publication, not the author, and are left out. An author is reduced to a
 * key: letters only, diacritics folded, initials and particles dropped
 * ("H.G. Reichenb. fil." → reichenb + filius). Two authors are the same when
 * their keys are equal, when one is a standard abbreviation of the other
 * (L. = Linnaeus, DC. = de Candolle, R.Br. = Brown), a prefix of at least 3
 * letters (Linn. = Linnaeus), a botanical contraction (Rchb. = Reichenbach:
 * the letters after the common prefix are consonants found in order), or
 * within Taxamatch's author edit distance (Linneaus = Linnaeus).
 */
import type { Authorship, AuthorTeam } from './types.js';
import { boundedDamerau } from './normalise.js';

export type AuthorshipMatch = 'exact' | 'compatible' | 'different' | 'unknown';
export type AuthorOverlap = 'identical' | 'inclusion' | 'overlap' | 'none' | 'incomparable';
export type YearMatch = 'equal' | 'close' | 'far' | 'unknown';

export interface AuthorshipComparison {
  match: AuthorshipMatch;
  /** gnverifier's author score, 0 (no common author) … 7 (same authors, same year). */
  score: number;
  authors: AuthorOverlap;
  years: YearMatch;
  /** The two years compared, when both are known. */
  yearPair?: [number, number];
  /** Why an otherwise equal authorship is only compatible. */
  notes: string[];
}

interface AuthorKey {
  key: string;
  /** Written abbreviated ("Linn.", "Rchb.", "L."). */
  abbreviated: boolean;
  filius: boolean;
}

/** Abbreviations too short (or too unlike the name) for the prefix and contraction rules. */
const STANDARD_ABBREVIATIONS: Record<string, string> = {
  l: 'linnaeus', dc: 'candolle', sm: 'smith', sw: 'swartz', bl: 'blume', br: 'brown', hbk: 'kunth', hk: 'hooker',
};

const PARTICLES = new Set(['de', 'der', 'den', 'des', 'du', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'vander', 'zu', 'y', 'e', 'et', 'ten', 'ter', 't', 'd']);
const FILIUS = new Set(['f', 'fil', 'filius', 'fils', 'jr', 'jun', 'junior']);

/** ASCII, lower case: diacritics dropped, ß → ss, æ → ae, ø → o. */
function fold(s: string): string {
  let out = s;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(out)) {
    out = out.replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return out.toLowerCase();
}

/** Key of one author as the parser gives it ("Rchb. fil.", "de Candolle", "L."). */
export function authorKey(author: string): AuthorKey {
  const words = fold(author).replace(/['’`]/g, ' ').replace(/[^a-z.\- ]/g, ' ').split(/[\s]+/).filter(Boolean);
  let filius = false;
  const kept: { w: string; dot: boolean }[] = [];
  for (const raw of words) {
    const dot = raw.endsWith('.');
    // "H.G.Reichenb." splits into its dotted parts
    const parts = raw.split('.').filter(Boolean);
    parts.forEach((p, k) => {
      const w = p.replace(/-/g, '');
      if (!w) return;
      if (FILIUS.has(w) && (kept.length > 0 || k > 0)) { filius = true; return; }
      if (PARTICLES.has(w)) return;
      kept.push({ w, dot: dot || k < parts.length - 1 });
    });
  }
  // initials (one letter) go when a longer word remains
  const long = kept.filter((k) => k.w.length > 1);
  const chosen = long.length ? long : kept;
  if (!chosen.length) return { key: '', abbreviated: false, filius };
  const last = chosen[chosen.length - 1];
  const key = chosen.map((k) => k.w).join('');
  return { key: STANDARD_ABBREVIATIONS[key] ?? key, abbreviated: last.dot && !STANDARD_ABBREVIATIONS[key], filius };
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** "rchb" in "reichenbach": after the common prefix, only consonants, found in order. */
function contraction(short: string, long: string): boolean {
  if (short.length < 3 || short[0] !== long[0]) return false;
  let p = 0;
  while (p < short.length && short[p] === long[p]) p++;
  let j = p;
  for (let i = p; i < short.length; i++) {
    const c = short[i];
    if (VOWELS.has(c)) return false;
    while (j < long.length && long[j] !== c) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

/** Taxamatch's author edit rule: ≤ 3 edits, shorter name longer than twice the edits, same first letter from 2 edits. */
function nearSpelling(a: string, b: string): boolean {
  const min = Math.min(a.length, b.length);
  const ed = boundedDamerau(a, b, 3);
  return ed <= 3 && min > ed * 2 && (ed < 2 || a[0] === b[0]);
}

/**
 * Whether two author keys name the same person (filius aside): 'same' (equal
 * or one abbreviates the other), 'spelling' (a misspelling, Linneaus), or false.
 */
export function sameAuthor(a: AuthorKey, b: AuthorKey): 'same' | 'spelling' | false {
  if (!a.key || !b.key) return false;
  if (a.key === b.key) return 'same';
  const [short, long] = a.key.length <= b.key.length ? [a, b] : [b, a];
  if (short.key.length >= 3 && long.key.startsWith(short.key)) return 'same';
  if (short.abbreviated && contraction(short.key, long.key)) return 'same';
  return !short.abbreviated && !long.abbreviated && nearSpelling(short.key, long.key) ? 'spelling' : false;
}

function teamAuthors(t: AuthorTeam | undefined): string[] {
  if (!t) return [];
  return [...t.authors, ...(t.exAuthors?.authors ?? [])];
}

function yearOf(y: string | undefined): number | undefined {
  const m = y ? /\d{4}/.exec(y) : null;
  return m ? Number(m[0]) : undefined;
}

interface Side { authors: AuthorKey[]; basionym: boolean; combination: boolean; origYear?: number; combYear?: number }

function sideOf(a: Authorship): Side {
  const seen = new Set<string>();
  const authors: AuthorKey[] = [];
  for (const name of [...teamAuthors(a.basionym), ...teamAuthors(a.combination)]) {
    const k = authorKey(name);
    if (!k.key || seen.has(k.key + (k.filius ? '~f' : ''))) continue;
    seen.add(k.key + (k.filius ? '~f' : ''));
    authors.push(k);
  }
  return {
    authors, basionym: !!a.basionym, combination: !!a.combination,
    origYear: yearOf(a.basionym?.year) ?? yearOf(a.combination?.year) ?? yearOf(a.year),
    combYear: a.basionym ? yearOf(a.combination?.year) : undefined,
  };
}

function overlapOf(q: AuthorKey[], m: AuthorKey[], notes: string[]): AuthorOverlap {
  if (!q.length || !m.length) return 'incomparable';
  const used = new Set<number>();
  let found = 0;
  for (const a of q) {
    const j = m.findIndex((b, k) => !used.has(k) && sameAuthor(a, b));
    if (j < 0) continue;
    used.add(j);
    found++;
    if (sameAuthor(a, m[j]) === 'spelling') notes.push('an author spelt differently');
    if (a.filius !== m[j].filius) notes.push('father and son (filius) confused');
  }
  if (found === q.length && found === m.length) return 'identical';
  if (found === Math.min(q.length, m.length)) return 'inclusion';
  return found > 0 ? 'overlap' : 'none';
}

function yearsOf(q: Side, m: Side): { years: YearMatch; pair?: [number, number] } {
  if (q.origYear === undefined || m.origYear === undefined) return { years: 'unknown' };
  let d = Math.abs(q.origYear - m.origYear);
  if (q.combYear !== undefined && m.combYear !== undefined) d = Math.max(d, Math.abs(q.combYear - m.combYear));
  return { years: d === 0 ? 'equal' : d === 1 ? 'close' : 'far', pair: [q.origYear, m.origYear] };
}

/** gnverifier's author score (0–7) by author overlap and year agreement. */
const SCORE: Record<AuthorOverlap, Record<YearMatch, number>> = {
  identical: { equal: 7, close: 6, unknown: 5, far: 4 },
  inclusion: { equal: 6, close: 5, unknown: 4, far: 3 },
  overlap: { equal: 5, close: 4, unknown: 3, far: 2 },
  none: { equal: 0, close: 0, unknown: 0, far: 0 },
  incomparable: { equal: 1, close: 1, unknown: 1, far: 1 },
};

/**
 * Compare the authorship of a name-string with that of a checklist name.
 * `unknown` when either side has no author; `different` when no author is
 * shared, or the years are more than a year apart; `exact` when the same
 * authors, in the same parentheses, with the same year (or no year on either
 * side); `compatible` otherwise (an author or an "ex" author left out, a
 * year a year off or given on one side only, parentheses missing).
 */
export function compareAuthorship(query: Authorship | undefined, matched: Authorship | undefined): AuthorshipComparison {
  const q = query ? sideOf(query) : undefined;
  const m = matched ? sideOf(matched) : undefined;
  if (!q || !m || !q.authors.length || !m.authors.length) {
    return { match: 'unknown', score: SCORE.incomparable.unknown, authors: 'incomparable', years: 'unknown', notes: [] };
  }
  const notes: string[] = [];
  const authors = overlapOf(q.authors, m.authors, notes);
  const { years, pair } = yearsOf(q, m);
  if ((q.basionym !== m.basionym || q.combination !== m.combination) && authors !== 'none') notes.push('parentheses differ');
  if (authors !== 'identical' && authors !== 'none') notes.push(authors === 'inclusion' ? 'an author is left out on one side' : 'only some authors shared');
  if (years === 'unknown' && (q.origYear !== undefined) !== (m.origYear !== undefined)) notes.push('year given on one side only');
  if (years === 'close') notes.push('years a year apart');
  const score = SCORE[authors][years];
  let match: AuthorshipMatch;
  if (authors === 'none' || years === 'far') match = 'different';
  else if (authors === 'identical' && notes.length === 0 && (years === 'equal' || years === 'unknown')) match = 'exact';
  else match = 'compatible';
  return { match, score, authors, years, yearPair: pair, notes: [...new Set(notes)] };
}

/** The authorship as people read it in a message: normalised, without the tail. */
export function authorshipText(a: Authorship | undefined): string {
  return a?.normalized ?? '';
}
