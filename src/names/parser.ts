/**
 * Scientific-name parser: a hand-written recursive-descent parser over the
 * token list (no regex over the whole name). It follows gnparser's output
 * conventions: canonical simple/full/stemmed, cardinality, rank, authorship
 * with basionym and combination authors kept apart, hybrids, surrogates,
 * warnings and quality.
 */
import { capitalize, isLetter, isLower, isUpper, transliterate } from './chars.js';
import { junkReason, prepare } from './preprocess.js';
import { stem } from './stemmer.js';
import { isPunct, tokenize, type Token } from './tokenizer.js';
import type { Authorship, AuthorTeam, ParsedName, ParseOptions } from './types.js';
import { uuidV5 } from './uuid.js';
import {
  APPROX, AUTHOR_PREFIXES, COMPARISON, EPITHET_NOT_PREFIX, GREEK_LETTERS, INFRA_RANKS, LATIN_NUMBERS,
  STOP_WORDS, STOP_WORDS_CASED, UNINOMIAL_RANKS,
} from './vocab.js';

/** Quality of each warning (gnparser's table; unknown warnings count as 2). */
export const WARNING_QUALITY: Record<string, number> = {
  'Unparsed tail': 4,
  'Abbreviated uninomial word': 4,
  'Name is approximate': 4,
  'Name comparison': 4,
  'Hybrid formula': 2,
  'Named hybrid': 2,
  'Hybrid char is not separated by space': 3,
  'Non-standard characters in canonical': 2,
  'Not an ASCII apostrophe': 3,
  'HTML tags or entities in the name': 3,
  'Non-standard space characters': 2,
  'Non-standard dash characters': 2,
  'Combination of two uninomials': 2,
  'Uninomial prepended by its rank': 2,
  'Ambiguity: ICN author or subgenus': 2,
  'Author in upper case': 2,
  'Year with question mark': 2,
  'Year with parentheses': 2,
  'Years range': 3,
  '`ex` authors are not required (ICZN only)': 2,
  '`in` authors are not required': 2,
  'Emend authors are not required': 2,
  "Spanish 'y' is used instead of '&'": 2,
  'Numeric prefix': 3,
  'Bacterial `Candidatus` name': 2,
  'Ignored annotation `mihi`': 3,
  'Authorship is missing one parenthesis': 4,
  'Invalid UTF-8 (U+FFFD replacement characters)': 4,
  'Genus with question mark': 3,
  'Uninomial in all caps': 2,
  'Dagger character': 2,
};

interface Infra { rank?: string; word: string; hybrid?: boolean }

interface NameElement {
  genus?: string;
  genusAbbr?: boolean;
  hybridGenus?: boolean;
  subgenus?: string;
  species?: string;
  speciesHybrid?: boolean;
  infras: Infra[];
  comboRank?: string;
  comboWord?: string;
  candidatus?: boolean;
  virus?: boolean;
  approx?: boolean;
  comparison?: boolean;
  authStart?: number;
  authEnd?: number;
  basionym?: AuthorTeam;
  combination?: AuthorTeam;
}

// ---- token predicates ------------------------------------------------------------------

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) { const c = w.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
  return false;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if ('aeiouyAEIOUY'.indexOf(w[i]) >= 0 || w.charCodeAt(i) > 127) return true;
  return false;
}

function isAllCaps(w: string): boolean {
  let letters = 0;
  for (const ch of w) {
    if (isLetter(ch)) { if (!isUpper(ch)) return false; letters++; }
  }
  return letters > 0;
}

/** A genus / uninomial word: capitalised, letters and hyphens, no CamelCase. */
function genusWord(t: string): string | undefined {
  if (t.length < 2 || !isUpper(t[0])) return undefined;
  const caps = t.length >= 3 && isAllCaps(t);
  let hyphens = 0;
  for (let i = 1; i < t.length; i++) {
    const ch = t[i];
    if (ch === '-') {
      if (i === t.length - 1 || t[i - 1] === '-') return undefined;
      hyphens++;
      continue;
    }
    if (!isLetter(ch) || ch === '\uFFFD') return undefined;
    if (!caps && isUpper(ch) && t[i - 1] !== '-') return undefined;
  }
  if (hyphens > 2) return undefined;
  if (hyphens > 0) for (const part of t.split('-')) if (!hasVowel(part)) return undefined;
  let w = transliterate(t);
  w = w[0].toUpperCase() + w.slice(1).toLowerCase();
  return w;
}

/** Abbreviated genus: "M.", "Mo.", "Col.". */
function genusAbbr(t: string): boolean {
  if (t.length < 2 || t.length > 4 || t[t.length - 1] !== '.' || !isUpper(t[0])) return false;
  for (let i = 1; i < t.length - 1; i++) if (!isLower(t[i])) return false;
  return true;
}

/** A specific or infraspecific epithet, normalised; undefined when not one. */
function epithetWord(t: string): string | undefined {
  if (t.length < 2) return undefined;
  const first = t[0];
  if (!isLetter(first) || !isLower(first)) return undefined;
  const last = t[t.length - 1];
  if (!isLetter(last)) return undefined;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "'") continue;
    if (ch === '.') { if (t[i + 1] === '-') continue; return undefined; }
    if (ch === '-') { out += ch; continue; }
    if (ch === '\uFFFD') { out += ch; continue; }
    if (!isLetter(ch) || !isLower(ch) || (ch >= '\u0370' && ch <= '\u03ff')) {
      if (ch === 'ß' || ch === 'ſ') { out += ch; continue; }
      return undefined;
    }
    out += ch;
  }
  return transliterate(out);
}

/** Epithet with a legacy numeric prefix: "4-gibbus", "13punctatus". */
function numericEpithet(t: string): string | undefined {
  let i = 0;
  while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  if (i === 0 || i > 2) return undefined;
  const num = LATIN_NUMBERS[t.slice(0, i)];
  if (!num) return undefined;
  let rest = t.slice(i);
  if (rest[0] === '-' || rest[0] === '.') rest = rest.slice(1);
  const ep = epithetWord(rest);
  return ep ? num + ep : undefined;
}

interface Year { year: string; approx: boolean; end: number; range?: boolean; question?: boolean }

function isYearCore(t: string): boolean {
  if (t.length < 4) return false;
  const c0 = t.charCodeAt(0);
  if (c0 !== 49 && c0 !== 50) return false;
  for (let i = 1; i < 4; i++) {
    const c = t.charCodeAt(i);
    if (!(c >= 48 && c <= 57) && !(t[i] === '?' && i >= 2)) return false;
  }
  const q = t.indexOf('?');
  const digits = q >= 0 && q < 4 ? t.slice(0, q) + '0'.repeat(4 - q) : t.slice(0, 4);
  const y = parseInt(digits, 10);
  return y >= 1500 && y <= 2100;
}

function isAuthorWord(t: string): boolean {
  if (STOP_WORDS_CASED.has(t) || t === 'X') return false;
  const c = t[0];
  if (!isLetter(c)) return t.length > 1 && c === "'" && isLetter(t[1]) && isLower(t[1]) && t.length <= 3;
  if (hasDigit(t)) return false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (!(isLetter(ch) || ch === '.' || ch === '-' || ch === "'")) return false;
  }
  if (isUpper(c)) return true;
  if (t === 'anon.') return true;
  for (let i = 1; i < t.length; i++) if (isUpper(t[i])) return t.length > 3; // duPont, deVries
  // "d'Orbigny", "l'Herminier": particle glued by an apostrophe
  return t.length > 3 && t[1] === "'" && isUpper(t[2]);
}

function normaliseAuthorWord(t: string, p: { warn(w: string): void }): string {
  let w = t;
  // only words starting with two capitals can be all-caps names ("KURNAKOV", "GÓMEZ-BOLEA")
  if (w.length < 3 || !isUpper(w[0]) || !isUpper(w[1])) return w;
  const letters = w.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && isAllCaps(w)) {
    p.warn('Author in upper case');
    w = capitalize(w);
  }
  return w;
}

function joinAuthors(list: string[]): string {
  if (list.length <= 1) return list.join('');
  return list.slice(0, -1).join(', ') + ' & ' + list[list.length - 1];
}

function teamString(t: AuthorTeam): string {
  let s = joinAuthors(t.authors);
  if ((t as TeamX).etAl) s += ' et al.';
  if (t.year) s += ' ' + (t.approximateYear ? `(${t.year})` : t.year);
  if (t.exAuthors) s += ' ex ' + teamString(t.exAuthors);
  if (t.inAuthors) s += ((t as TeamX).apud ? ' apud ' : ' in ') + teamString(t.inAuthors);
  if (t.emendAuthors) s += ' emend. ' + teamString(t.emendAuthors);
  return s;
}

interface TeamX extends AuthorTeam { etAl?: boolean; apud?: boolean }

function allAuthors(t: AuthorTeam | undefined, out: string[]): void {
  if (!t) return;
  out.push(...t.authors);
  allAuthors(t.exAuthors, out);
  allAuthors(t.inAuthors, out);
  allAuthors(t.emendAuthors, out);
}

// ---- the parser --------------------------------------------------------------------------

class Parser {
  i = 0;
  readonly warnings: string[] = [];
  constructor(readonly toks: Token[], readonly text: string, readonly canonicalOnly: boolean) {}

  warn(w: string): void {
    if (!this.warnings.includes(w)) this.warnings.push(w);
  }

  peek(k = 0): string | undefined {
    return this.toks[this.i + k]?.t;
  }

  /** Parse one name element (uninomial, binomial, trinomial…) starting at the cursor. */
  element(inherit?: NameElement): NameElement | undefined {
    const el: NameElement = { infras: [] };
    let t = this.peek();
    if (t === undefined) return undefined;
    // named-hybrid sign before the genus: "× Agropogon", "x Agropogon", "xAgropogon"
    if ((t === '×' || t === 'x' || t === 'X') && this.peek(1) !== undefined && (genusWord(this.peek(1)!) || (t === '×' && genusAbbr(this.peek(1)!)))) {
      el.hybridGenus = true;
      this.i++;
      t = this.peek()!;
    } else if (t.length > 2 && (t[0] === 'x' || t[0] === 'X') && isUpper(t[1]) && genusWord(t.slice(1))) {
      el.hybridGenus = true;
      this.toks[this.i] = { ...this.toks[this.i], t: t.slice(1), s: this.toks[this.i].s + 1 };
      t = t.slice(1);
    }
    if (el.hybridGenus) this.warn('Named hybrid');
    // rank before a uninomial: "subgen. Psammophrynopsis"
    const preRank = UNINOMIAL_RANKS[t];
    if (preRank && this.peek(1) && genusWord(this.peek(1)!)) {
      this.i++;
      el.comboRank = preRank;
      el.comboWord = genusWord(this.peek()!)!;
      this.i++;
      this.warn('Uninomial prepended by its rank');
      this.authorship(el);
      return el;
    }
    if (t === 'Candidatus' && this.peek(1) && genusWord(this.peek(1)!)) {
      el.candidatus = true;
      this.warn('Bacterial `Candidatus` name');
      this.i++;
      t = this.peek()!;
    }
    const g = genusWord(t);
    if (g) {
      el.genus = g;
      if (transliterate(t) !== t) this.warn('Non-standard characters in canonical');
      if (t.length >= 3 && isAllCaps(t)) this.warn('Uninomial in all caps');
      this.i++;
    } else if (genusAbbr(t) && this.toks[this.i + 1]?.sp !== false && (inherit || epithetWord(this.peek(1) ?? '') || this.peek(1) === '(')) {
      el.genus = t;
      el.genusAbbr = true;
      this.warn('Abbreviated uninomial word');
      this.i++;
    } else if (inherit && inherit.genus && t === inherit.genus.toLowerCase()) {
      el.genus = inherit.genus; // "A b x a c": the genus repeated in lower case
      this.i++;
    } else if (inherit && (epithetWord(t) || t === '?')) {
      el.genus = inherit.genus;
    } else {
      return undefined;
    }
    if (el.genus && inherit && el.genusAbbr && inherit.genus && inherit.genus.startsWith(el.genus.slice(0, -1))) {
      el.genus = inherit.genus;
      el.genusAbbr = inherit.genusAbbr;
    }
    if (el.genus!.endsWith('virus') && !el.genusAbbr) {
      const v = this.peek();
      if (v && /^[A-Za-z][A-Za-z0-9]*$/.test(v) && (hasDigit(v) || isAllCaps(v))) {
        el.virus = true;
        el.species = v;
        this.i++;
        return el;
      }
    }
    // glued question mark or dagger after the genus
    while (this.peek() === '†' || (this.peek() === '?' && !this.toks[this.i].sp && epithetWord(this.peek(1) ?? ''))) {
      if (this.peek() === '?') this.warn('Genus with question mark');
      else this.warn('Dagger character');
      this.i++;
    }
    this.afterGenus(el);
    return el;
  }

  /** Everything after the genus word. */
  afterGenus(el: NameElement): void {
    let t = this.peek();
    // subgenus in parentheses
    if (t === '(' && this.peek(2) === ')') {
      const inner = this.peek(1)!;
      const sg = genusWord(inner) ?? (isUpper(inner[0]) && inner.endsWith('.') && (inner.length === 2 || genusWord(inner.slice(0, -1))) ? inner : undefined) ?? (epithetWord(inner) && this.followsEpithet(3) ? inner : undefined);
      if (sg) {
        const next = this.peek(3);
        const speciesFollows = next !== undefined && (this.speciesEpithetAt(this.i + 3) || ((next === 'x' || next === '×') && epithetWord(this.peek(4) ?? '')));
        if (speciesFollows) {
          el.subgenus = sg;
          this.i += 3;
        } else if (genusWord(inner) && (inner === el.genus || inner.length >= 8)) {
          el.comboRank = 'subgen.';
          el.comboWord = genusWord(inner)!;
          this.warn('Combination of two uninomials');
          this.i += 3;
          this.authorship(el);
          return;
        } else if (genusWord(inner)) {
          this.warn('Ambiguity: ICN author or subgenus');
        }
      }
    }
    t = this.peek();
    if (t === undefined) return;
    // uninomial combination: "Agaricus tr. Hypholoma", "Cordia (Adans.) Kuntze sect. Salimori"
    if (this.comboAt(this.i)) {
      el.comboRank = UNINOMIAL_RANKS[t];
      el.comboWord = genusWord(this.peek(1)!)!;
      this.i += 2;
      this.warn('Combination of two uninomials');
      this.authorship(el);
      return;
    }
    // comparison / approximation right after the genus
    if (COMPARISON.has(t)) {
      el.comparison = true;
      this.warn('Name comparison');
      this.i++;
      if (this.peek() === '×' || this.peek() === 'x') {
        if (epithetWord(this.peek(1) ?? '')) { el.speciesHybrid = true; this.i++; this.warn('Named hybrid'); }
      }
      const sp = epithetWord(this.peek() ?? '');
      if (sp && !STOP_WORDS.has(this.peek()!)) {
        el.species = sp;
        this.i++;
        this.authorship(el);
        el.comparison = true;
        if (this.peek() === '×' || this.peek() === 'x' || this.peek() === 'X') return;
      }
      return;
    }
    if (APPROX.has(t) || (t === '?' && this.toks[this.i].sp) || ((t === 'Bold' || t === 'BOLD') && this.peek(1) === ':')) {
      el.approx = true;
      this.warn('Name is approximate');
      this.i = this.toks.length;
      return;
    }
    // named hybrid sign before the species epithet
    if ((t === '×' || t === 'x' || t === 'X') && epithetWord(this.peek(1) ?? '')) {
      el.speciesHybrid = true;
      this.warn('Named hybrid');
      if (t === '×' && !this.toks[this.i + 1].sp) this.warn('Hybrid char is not separated by space');
      this.i++;
      t = this.peek()!;
    }
    // species epithet
    if (this.speciesEpithetAt(this.i)) {
      el.species = this.takeEpithet();
      this.species(el);
      return;
    }
    if (el.speciesHybrid) { el.speciesHybrid = false; this.i--; }
    this.authorship(el);
    // "Aconitum W. Mucher nothosect. Acopellus": uninomial author then combo rank
    if (this.comboAt(this.i)) {
      el.comboRank = UNINOMIAL_RANKS[this.peek()!];
      el.comboWord = genusWord(this.peek(1)!)!;
      el.authStart = undefined; el.basionym = undefined; el.combination = undefined;
      this.i += 2;
      if (!el.comboRank.startsWith('notho')) this.warn('Combination of two uninomials');
      this.authorship(el);
    }
  }

  /** A uninomial rank marker at k followed by a uninomial ("sect. Salimori"). */
  comboAt(k: number): boolean {
    const r = this.toks[k]?.t;
    return r !== undefined && UNINOMIAL_RANKS[r] !== undefined && r !== 'gen.' && this.toks[k + 1] !== undefined && genusWord(this.toks[k + 1].t) !== undefined;
  }

  /** Epithet reading of token k, memoised on the token. */
  epAt(k: number): string | undefined {
    const tok = this.toks[k];
    if (tok === undefined) return undefined;
    if (tok.ep === undefined) tok.ep = epithetWord(tok.t) ?? null;
    return tok.ep ?? undefined;
  }

  followsEpithet(k: number): boolean {
    return epithetWord(this.peek(k) ?? '') !== undefined;
  }

  /** Is the token at `k` a specific epithet (not an author particle, rank or annotation)? */
  speciesEpithetAt(k: number): boolean {
    const t = this.toks[k]?.t;
    if (t === undefined) return false;
    const ep = this.epAt(k);
    if (!ep) {
      if (t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) {
        if (numericEpithet(t)) return true;
        if (t.endsWith('.') && this.toks[k + 1] && !this.toks[k + 1].sp && numericEpithet(t + this.toks[k + 1].t)) return true;
      }
      return false;
    }
    const next = this.toks[k + 1]?.t;
    if (next === ',' && this.toks[k + 2] && this.epAt(k + 2) && !AUTHOR_PREFIXES.has(this.toks[k + 2].t)) return false;
    if (t === 'not' || t === 'spec') return next !== undefined && (isAuthorWord(next) || next === '(');
    if (STOP_WORDS.has(t) || t === 'mihi') return false;
    if (INFRA_RANKS[t] && t !== 'ab' && next !== undefined && this.epAt(k + 1)) return false;
    if (AUTHOR_PREFIXES.has(t) && !EPITHET_NOT_PREFIX.has(t)) {
      return !(next !== undefined && (isAuthorWord(next) || AUTHOR_PREFIXES.has(next)));
    }
    if (EPITHET_NOT_PREFIX.has(t) && AUTHOR_PREFIXES.has(t) && next !== undefined && AUTHOR_PREFIXES.has(next)) return false;
    return true;
  }

  /** Is the token at `k` an infraspecific epithet without a rank? */
  infraEpithetAt(k: number): boolean {
    const t = this.toks[k]?.t;
    if (t === undefined) return false;
    if (!this.epAt(k)) return false;
    if (STOP_WORDS.has(t) || INFRA_RANKS[t] || UNINOMIAL_RANKS[t]) return false;
    if (t === 'mihi' && !(this.toks[k + 1] && isAuthorWord(this.toks[k + 1].t))) return false;
    if (AUTHOR_PREFIXES.has(t) || t === 'et' || t === 'and' || t === 'in' || t === 'apud' || t === 'emend' || t === 'fil.') return false;
    return true;
  }

  takeEpithet(): string {
    let t = this.peek()!;
    this.i++;
    if (t.endsWith('.') && this.toks[this.i] && !this.toks[this.i].sp && numericEpithet(t + this.toks[this.i].t)) {
      t += this.toks[this.i].t;
      this.i++;
    }
    const num = numericEpithet(t);
    if (num) { this.warn('Numeric prefix'); return num; }
    const ep = this.epAt(this.i - 1)!;
    if (ep !== t.replace(/'/g, '').replace('.-', '-')) this.warn('Non-standard characters in canonical');
    return ep;
  }

  /** After the specific epithet: authorship, then infraspecific epithets. */
  species(el: NameElement): void {
    this.skipMihi();
    this.authorship(el);
    for (;;) {
      this.skipMihi();
      const t = this.peek();
      if (t === undefined) return;
      let k = this.i;
      let cmp = false;
      if (APPROX.has(t)) {
        el.approx = true;
        this.warn('Name is approximate');
        this.i = this.toks.length;
        return;
      }
      if (COMPARISON.has(t)) { k++; cmp = true; }
      else if (t.length === 1 && t >= 'A' && t <= 'W' && el.authEnd === undefined && this.infraEpithetAt(k + 1)) k++;
      else if (t === '?' && this.toks[k].sp && epithetWord(this.peek(1) ?? '')) k++;
      const r = this.toks[k]?.t;
      if (r === undefined) { if (cmp) this.i = k; return; }
      let rank: string | undefined;
      let at = k;
      if (r === 'ab.' && this.toks[k + 1]?.t === 'n.') { rank = 'ab. n.'; at = k + 2; }
      else if (INFRA_RANKS[r] && (r !== 'ab.' || this.toks[k + 1]?.sp)) {
        rank = INFRA_RANKS[r];
        at = k + 1;
      }
      if (rank) {
        // Greek letter markers: "var. δ. microphylla"
        let g = this.toks[at]?.t;
        if (g && GREEK_LETTERS.has(g.replace('.', ''))) { at++; g = this.toks[at]?.t; }
        if (g && epithetWord(g) && !STOP_WORDS.has(g) && !(AUTHOR_PREFIXES.has(g) && this.toks[at + 1] && isAuthorWord(this.toks[at + 1].t))) {
          this.i = at;
          const word = this.takeEpithet();
          el.infras.push({ rank, word });
          if (cmp) { el.comparison = true; this.warn('Name comparison'); }
          this.resetAuth(el);
          this.authorship(el);
          continue;
        }
        // a rank marker with nothing usable after it ("Alyxia reinwardti var."): consumed at the end, else a tail
        if (g === undefined) this.i = at;
        return;
      }
      if (this.toks[k].t === '×' && this.infraEpithetAt(k + 1)) {
        this.i = k + 1;
        el.infras.push({ word: this.takeEpithet(), hybrid: true });
        this.resetAuth(el);
        this.authorship(el);
        continue;
      }
      const lastAuth = el.authEnd !== undefined ? this.toks[el.authEnd - 1].t : undefined;
      if (this.infraEpithetAt(k) && (lastAuth === undefined || lastAuth.endsWith('.') || lastAuth === ')')) {
        // a lower-case word right after an author particle run belongs to the author
        this.i = k;
        el.infras.push({ word: this.takeEpithet() });
        if (cmp) { el.comparison = true; this.warn('Name comparison'); }
        this.resetAuth(el);
        this.authorship(el);
        continue;
      }
      return;
    }
  }

  skipMihi(): void {
    while (this.peek() === 'mihi.' || (this.peek() === 'mihi' && (this.peek(1) === undefined || INFRA_RANKS[this.peek(1)!]))) {
      this.warn('Ignored annotation `mihi`');
      this.i++;
    }
  }

  resetAuth(el: NameElement): void {
    el.authStart = undefined;
    el.authEnd = undefined;
    el.basionym = undefined;
    el.combination = undefined;
  }

  // ---- authorship ---------------------------------------------------------------------------

  /** Parse optional authorship at the cursor into `el`. */
  authorship(el: NameElement): void {
    const start = this.i;
    let t = this.peek();
    if (t === undefined) return;
    if (t === ',' && this.peek(1) !== undefined && (isYearCore(this.peek(1)!) || this.peek(1) === '(')) { this.i++; t = this.peek(); }
    let basionym: AuthorTeam | undefined;
    let combination: AuthorTeam | undefined;
    if (t === '(') {
      const save = this.i;
      this.i++;
      let extra = 0;
      while (this.peek() === '(') { extra++; this.i++; }
      const team = this.team({ inParens: true });
      if (team && this.peek() === ')') {
        this.i++;
        for (; extra > 0 && this.peek() === ')'; extra--) this.i++;
        basionym = team;
        // "(Chatanay), 1914": year outside the parentheses
        if (!team.year) {
          let k = this.i;
          if (this.toks[k]?.t === ',') k++;
          const y = this.toks[k] && this.yearAt(k);
          if (y && (this.toks[y.end] === undefined || !isAuthorWord(this.toks[y.end].t))) {
            team.year = y.year; team.approximateYear = y.approx; this.i = y.end;
          }
        }
      } else if (team && (team.year || team.authors.length > 0) && this.peek() !== ')' && (this.peek() === undefined || isAuthorWord(this.peek()!))) {
        // "(Dejean, 1831 Mill." — the closing parenthesis is missing
        this.warn('Authorship is missing one parenthesis');
        basionym = team;
      } else {
        this.i = save;
        return;
      }
      if (this.peek() !== undefined && (isAuthorWord(this.peek()!) || AUTHOR_PREFIXES.has(this.peek()!) || this.peek() === 'anon.') && !this.rankAhead()) {
        combination = this.team({ inParens: false });
      }
    } else {
      combination = this.team({ inParens: false });
      if (combination && this.peek() === ')') {
        this.warn('Authorship is missing one parenthesis');
        this.i++;
        basionym = combination;
        combination = undefined;
      }
    }
    if (!basionym && !combination) { this.i = start; return; }
    el.basionym = basionym;
    el.combination = combination;
    el.authStart = this.toks[start].t === ',' ? start + 1 : start;
    el.authEnd = this.i;
    // year in brackets after a year: "Ando, 1973 [1974]"
    if (this.peek() === '[' && this.toks[this.i + 1] && isYearCore(this.toks[this.i + 1].t) && this.peek(2) === ']') this.i += 3;
  }

  rankAhead(): boolean {
    const t = this.peek();
    return t !== undefined && (INFRA_RANKS[t] !== undefined || UNINOMIAL_RANKS[t] !== undefined) && !isAuthorWord(t);
  }

  /** A year (possibly in brackets, with suffix letter, range or page) at token k. */
  yearAt(k: number): Year | undefined {
    let t = this.toks[k]?.t;
    if (t === undefined) return undefined;
    let approx = false;
    let close: string | undefined;
    if ((t === '(' || t === '[') && this.toks[k + 1]) {
      close = t === '(' ? ')' : ']';
      k++;
      t = this.toks[k].t;
      approx = true;
    }
    let glued = 0;
    if (t.length === 3 && isYearCore(t + '?') && this.toks[k + 1]?.t === '?' && !this.toks[k + 1].sp) { t += '?'; glued = 1; }
    else if (t.length === 4 && isYearCore(t) && this.toks[k + 1]?.t === '?' && !this.toks[k + 1].sp) { t += '?'; glued = 1; }
    if (t.length === 5 && t.endsWith('.') && isYearCore(t)) t = t.slice(0, 4);
    if (!isYearCore(t)) return undefined;
    let year = t.slice(0, 4);
    let rest = t.slice(4);
    let question = year.includes('?');
    let range = false;
    if (rest.length > 0 && (rest[0] === '?' || (isLower(rest[0]) && rest[0] <= 'z'))) {
      if (rest[0] === '?') { question = true; year += '?'; }
      rest = rest.slice(1);
    }
    if (rest.length > 0) {
      if (rest[0] === '-' && rest.length > 1 && !hasDigit(rest.slice(1)) === false) { range = true; rest = ''; }
      else return undefined;
    }
    let end = k + 1 + glued;
    // "1858/59"
    if (this.toks[end]?.t === '/' && this.toks[end + 1] && hasDigit(this.toks[end + 1].t) && !this.toks[end].sp) { range = true; end += 2; }
    if (close) {
      if (this.toks[end]?.t !== close) return undefined;
      end++;
    }
    // page number after a colon: "1998a: 29"
    if (this.toks[end]?.t === ':' && this.toks[end + 1] && /^\d+$/.test(this.toks[end + 1].t)) end += 2;
    if (question) this.warn('Year with question mark');
    if (range) this.warn('Years range');
    if (close === ')') this.warn('Year with parentheses');
    return { year, approx: approx || question || range, end, range, question };
  }

  /** An author team: authors, optional year, then ex/in/emend sub-teams. */
  team(opts: { inParens: boolean }): TeamX | undefined {
    const team: TeamX = { authors: [] };
    const start = this.i;
    for (;;) {
      const a = this.author();
      if (a === undefined) break;
      team.authors.push(a);
      const t = this.peek();
      const n = this.peek(1);
      if (t === ',' && n === 'P.' && this.peek(2) === 'P.') break; // ", P. P." = pro parte
      if (t === ',' && n !== undefined && (isAuthorWord(n) || AUTHOR_PREFIXES.has(n)) && !STOP_WORDS_CASED.has(n)) { this.i++; continue; }
      if (t === ',' && (n === '&' || n === 'and' || n === 'et') && this.peek(2) !== undefined && this.peek(2) !== 'al.' && this.peek(2) !== 'al') { this.i += 2; continue; }
      if (t === '&' || t === 'et' || t === 'and' || t === 'y') {
        if (n === 'al.' || n === 'al') { team.etAl = true; this.i += 2; break; }
        if (n !== undefined && (isAuthorWord(n) || AUTHOR_PREFIXES.has(n))) {
          if (t === 'y') this.warn("Spanish 'y' is used instead of '&'");
          this.i++;
          continue;
        }
      }
      if (t === 'et' && n === 'al.') { team.etAl = true; this.i += 2; break; }
      break;
    }
    if (team.authors.length === 0) {
      if (opts.inParens) {
        const t = this.peek();
        if (t === '?' || t === 'anon.' || t === 'auct.' || t === 'anon') {
          this.i++;
          team.authors.push('anon.');
          return team;
        }
      }
      this.i = start;
      return undefined;
    }
    // year
    let k = this.i;
    if (this.toks[k]?.t === ',') k++;
    const y = this.yearAt(k);
    if (y) {
      team.year = y.year;
      if (y.approx) team.approximateYear = true;
      this.i = y.end;
    }
    // sub-teams
    let t = this.peek();
    if (t === 'ms' && this.peek(1) === 'in') { this.i++; t = 'in'; }
    if (t === ',' && this.peek(1) === 'in') { this.i++; t = 'in'; }
    if (t === 'ex' || t === 'ex.') {
      const save = this.i;
      this.i++;
      const sub = this.team(opts);
      if (sub) { team.exAuthors = sub; this.warn('`ex` authors are not required (ICZN only)'); } else this.i = save;
    } else if (t === 'in' || t === 'apud') {
      const save = this.i;
      this.i++;
      const sub = this.team(opts);
      if (sub) { team.inAuthors = sub; if (t === 'apud') team.apud = true; else this.warn('`in` authors are not required'); } else this.i = save;
    } else if (t === 'emend.' || t === 'emend') {
      const save = this.i;
      this.i++;
      const sub = this.team(opts);
      if (sub) { team.emendAuthors = sub; this.warn('Emend authors are not required'); } else this.i = save;
    }
    return team;
  }

  /** One author: particles, initials and name words, optional "fil.". */
  author(): string | undefined {
    const words: string[] = [];
    const start = this.i;
    let sawName = false;
    for (;;) {
      const tok = this.toks[this.i];
      if (tok === undefined) break;
      const t = tok.t;
      if (sawName && (t === 'f.' || t === 'fil.' || t === 'filius' || t === 'f')) {
        const next = this.peek(1);
        if (t === 'f.' && next !== undefined && epithetWord(next) && !AUTHOR_PREFIXES.has(next) && !STOP_WORDS.has(next) && next !== 'et' && next !== 'in') break; // rank "f."
        words.push('fil.');
        this.i++;
        continue;
      }
      if (sawName && (t === 'bis' || t === 'ter') && (this.peek(1) === undefined || !isAuthorWord(this.peek(1)!))) {
        words.push(t);
        this.i++;
        continue;
      }
      if (AUTHOR_PREFIXES.has(t) && t !== 'y' && t !== 'i' || (t === 'i' && sawName && this.peek(1) && isAuthorWord(this.peek(1)!))) {
        // a particle must lead to a capitalised word
        let k = this.i + 1;
        while (this.toks[k] && AUTHOR_PREFIXES.has(this.toks[k].t) && this.toks[k].t !== 'y') k++;
        if (this.toks[k] && isAuthorWord(this.toks[k].t)) {
          for (let j = this.i; j < k; j++) words.push(this.toks[j].t);
          this.i = k;
          continue;
        }
        break;
      }
      if (isAuthorWord(t)) {
        if (t.length === 1 && this.toks[this.i + 1] && epithetWord(this.toks[this.i + 1].t) && !AUTHOR_PREFIXES.has(this.toks[this.i + 1].t)) break;
        if (!sawName && STOP_WORDS.has(t.toLowerCase()) && !t.endsWith('.') && t !== t.toUpperCase()) break;
        // "L.f." — filius glued to an initial
        if (t.length === 4 && t.endsWith('.f.') && isUpper(t[0])) {
          words.push(t.slice(0, 2), 'fil.');
          this.i++;
          sawName = true;
          continue;
        }
        words.push(this.canonicalOnly ? t : normaliseAuthorWord(t, this));
        this.i++;
        sawName = true;
        continue;
      }
      break;
    }
    if (!sawName) { this.i = start; return undefined; }
    return words.join(' ');
  }

}

function canonicalOf(el: NameElement, first: NameElement | undefined): { simple: string; full: string; stemmed: string; card: number; rank?: string } {
  if (el.comboWord) {
    const g = el.genus ? el.genus + ' ' : '';
    const hx = el.hybridGenus ? '× ' : '';
    return { simple: el.comboWord, full: `${hx}${g}${el.comboRank} ${el.comboWord}`, stemmed: el.comboWord, card: 1, rank: el.comboRank };
  }
  let genus = el.genus ?? first?.genus ?? '';
  if (el.genusAbbr && first && first.genus && !first.genusAbbr && first !== el) genus = first.genus;
  const hx = el.hybridGenus ? '× ' : '';
  let simple = genus;
  let full = hx + genus;
  let stemmed = genus;
  let card = 1;
  let rank: string | undefined;
  if (el.species) {
    simple += ' ' + el.species;
    full += (el.speciesHybrid ? ' × ' : ' ') + el.species;
    stemmed += ' ' + (el.virus || genus.endsWith('virus') ? el.species : stem(el.species));
    card = 2;
    rank = el.virus ? 'Species' : 'sp.';
  }
  for (const inf of el.infras) {
    simple += ' ' + inf.word;
    full += ' ' + (inf.rank ? inf.rank + ' ' : '') + (inf.hybrid ? '× ' : '') + inf.word;
    stemmed += ' ' + stem(inf.word);
    card++;
    rank = inf.rank;
  }
  if (el.candidatus) full = 'Candidatus ' + full;
  return { simple, full, stemmed, card, rank };
}

function authorshipOf(el: NameElement, p: Parser): Authorship | undefined {
  if (el.authStart === undefined || el.authEnd === undefined || (!el.basionym && !el.combination)) return undefined;
  const s = p.toks[el.authStart].s;
  const e = p.toks[el.authEnd - 1].e;
  let normalized = '';
  if (el.basionym) normalized = `(${teamString(el.basionym)})`;
  if (el.combination) normalized += (normalized ? ' ' : '') + teamString(el.combination);
  const authors: string[] = [];
  allAuthors(el.basionym, authors);
  allAuthors(el.combination, authors);
  // gnparser: the year of the original (basionym) authors when present, else of the combination
  let yt: AuthorTeam | undefined = el.basionym ?? el.combination;
  if (yt && !yt.year) yt = yt.exAuthors ?? yt.inAuthors;
  const year = yt?.year ? (yt.approximateYear ? `(${yt.year})` : yt.year) : undefined;
  const a: Authorship = { verbatim: p.text.slice(s, e), normalized, authors };
  if (year) a.year = year;
  if (el.basionym) a.basionym = cleanTeam(el.basionym);
  if (el.combination) a.combination = cleanTeam(el.combination);
  return a;
}

function cleanTeam(t: TeamX): AuthorTeam {
  const out: AuthorTeam = { authors: t.etAl ? [...t.authors.slice(0, -1), t.authors[t.authors.length - 1] + ' et al.'] : t.authors };
  if (t.year) out.year = t.year;
  if (t.approximateYear) out.approximateYear = true;
  if (t.exAuthors) out.exAuthors = cleanTeam(t.exAuthors);
  if (t.inAuthors) out.inAuthors = cleanTeam(t.inAuthors);
  if (t.emendAuthors) out.emendAuthors = cleanTeam(t.emendAuthors);
  return out;
}

function unparsed(verbatim: string, warnings: string[], opts: ParseOptions = {}): ParsedName {
  return { verbatim, parsed: false, quality: 0, cardinality: 0, warnings, id: opts.canonicalOnly ? '' : uuidV5(verbatim) };
}

function namedHybridInfra(infras: Infra[]): boolean {
  for (const x of infras) if (x.hybrid || x.rank?.startsWith('notho') || x.rank === 'nvar.') return true;
  return false;
}

function qualityOf(warnings: string[]): number {
  let q = 1;
  for (const w of warnings) q = Math.max(q, WARNING_QUALITY[w] ?? 2);
  return q;
}

/** Parse a scientific name-string. Never throws: bad input gives parsed=false with warnings. */
export function parseName(verbatim: string, opts: ParseOptions = {}): ParsedName {
  try {
    return parseUnsafe(typeof verbatim === 'string' ? verbatim : String(verbatim ?? ''), opts);
  } catch (err) {
    return unparsed(String(verbatim), [`Internal parser error: ${(err as Error).message}`]);
  }
}

function parseUnsafe(verbatim: string, opts: ParseOptions): ParsedName {
  const prep = prepare(verbatim);
  if (prep.reject) return unparsed(verbatim, [...prep.warnings, prep.reject], opts);
  const junk = junkReason(prep.text);
  if (junk) return unparsed(verbatim, [...prep.warnings, junk], opts);
  const toks = tokenize(prep.text);
  const p = new Parser(toks, prep.text, opts.canonicalOnly === true);
  for (const w of prep.warnings) p.warn(w);
  const first = p.element();
  if (!first) return unparsed(verbatim, [...prep.warnings, 'Not a scientific name'], opts);
  const elements = [first];
  // hybrid formula: "A b L. × A c"
  while (p.i < toks.length && (p.peek() === '×' || p.peek() === 'x' || p.peek() === 'X')) {
    const save = p.i;
    p.i++;
    if (p.i >= toks.length || p.peek() === '?') {
      if (p.peek() === '?') p.i++;
      elements.push({ infras: [] });
      break;
    }
    const next = p.element(elements[0]);
    if (!next) { p.i = save; break; }
    elements.push(next);
  }
  const formula = elements.length > 1;
  const warnings = p.warnings;
  let tail: string | undefined;
  if (p.i < toks.length) {
    tail = prep.text.slice(toks[p.i].s).trim();
    warnings.push('Unparsed tail');
  }
  let simple: string;
  let full: string;
  let stemmed: string;
  let card: number;
  let rank: string | undefined;
  if (formula) {
    warnings.push('Hybrid formula');
    const parts = elements.map((el) => (el.genus || el.comboWord ? canonicalOf(el, elements[0]) : undefined));
    simple = parts.map((c) => (c ? c.simple : '')).join(' × ').trim();
    full = parts.map((c) => (c ? c.full : '')).join(' × ').trim();
    stemmed = parts.map((c) => (c ? c.stemmed : '')).join(' × ').trim();
    card = 0;
    rank = parts[parts.length - 1]?.rank;
    if (rank === 'sp.') rank = undefined;
  } else {
    const c = canonicalOf(first, undefined);
    ({ simple, full, stemmed, card } = c);
    rank = c.rank;
    if (first.approx) { card = 0; rank = undefined; }
  }
  const result: ParsedName = {
    verbatim,
    parsed: true,
    quality: qualityOf(warnings),
    canonical: { simple, full, stemmed },
    cardinality: card,
    warnings,
    id: opts.canonicalOnly ? '' : uuidV5(verbatim),
  };
  if (rank) result.rank = rank;
  if (!formula && !opts.canonicalOnly) {
    const a = authorshipOf(first, p);
    if (a) result.authorship = a;
    result.normalized = a ? `${full} ${a.normalized}` : full;
  } else if (!opts.canonicalOnly) {
    result.normalized = full;
  }
  if (formula) result.hybrid = 'HYBRID_FORMULA';
  else if (first.hybridGenus || first.speciesHybrid || (first.infras.length > 0 && namedHybridInfra(first.infras))) result.hybrid = 'NAMED_HYBRID';
  if (first.approx) result.surrogate = 'APPROXIMATION';
  else if (first.comparison) result.surrogate = 'COMPARISON';
  if (first.virus) result.virus = true;
  if (first.candidatus) result.candidatus = true;
  if (tail !== undefined) result.tail = tail;
  return result;
}

// ---- canonical-only fast path ---------------------------------------------------------------

export interface CanonicalResult {
  simple: string;
  full: string;
  stemmed: string;
  cardinality: number;
}

const NOT_PLAIN = new Set([
  'mihi', 'not', 'spec', 'and', 'et', 'in', 'apud', 'emend', 'fil', 'filius', 'anon',
  ...AUTHOR_PREFIXES, ...Object.keys(INFRA_RANKS), ...Object.keys(UNINOMIAL_RANKS), ...STOP_WORDS, ...APPROX, ...COMPARISON,
]);

function plainEpithet(w: string): boolean {
  return w.length >= 2 && !NOT_PLAIN.has(w);
}

/** Lowercase words an authorship may hold between author names ("Lindl. ex Rchb.f.", "van Pesch"). */
const TAIL_PARTICLES = new Set(['ex', 'de', 'del', 'della', 'der', 'den', 'des', 'di', 'du', 'da', 'dos', 'la', 'le', 'van', 'von', 'ten', 'ter', 'zu', 'y']);

const upperCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const letterCode = (c: number): boolean => upperCode(c) || (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);

/**
 * Whether s[from..] is a plain authorship: author words ("L.", "Rchb.f.",
 * "Lacépède"), four-digit years, '&', commas, one level of parentheses and a
 * few particles. Anything richer ("var.", "non", "?", quotes) is not plain.
 */
function plainAuthorship(s: string, from: number): boolean {
  let depth = 0;
  let authors = 0;
  let i = from;
  const n = s.length;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c === 40) { if (depth) return false; depth = 1; i++; c = s.charCodeAt(i); }
    const start = i;
    while (i < n && (c = s.charCodeAt(i)) !== 32 && c !== 44 && c !== 41) i++;
    if (!plainAuthorWord(s, start, i, authors > 0)) return false;
    if (upperCode(s.charCodeAt(start))) authors++;
    if (c === 41) { if (!depth) return false; depth = 0; i++; c = s.charCodeAt(i); }
    if (c === 44) { i++; c = s.charCodeAt(i); }
    if (i === n) break;
    if (c !== 32 || i + 1 === n || s.charCodeAt(i + 1) === 32) return false;
    i++;
  }
  return depth === 0 && authors > 0;
}

function plainAuthorWord(s: string, start: number, end: number, afterAuthor: boolean): boolean {
  if (end === start) return false;
  const c0 = s.charCodeAt(start);
  if (c0 >= 48 && c0 <= 57) {
    if (!afterAuthor || end - start !== 4 || (c0 !== 49 && c0 !== 50)) return false;
    for (let k = start + 1; k < end; k++) { const c = s.charCodeAt(k); if (c < 48 || c > 57) return false; }
    return true;
  }
  if (c0 === 38) return end - start === 1 && afterAuthor;
  if (!upperCode(c0)) return TAIL_PARTICLES.has(s.slice(start, end));
  for (let k = start; k < end; k++) {
    // a bare X is the hybrid sign written in capitals ("Schltr.X", "J.J.X Smith"); "Xu" is an author
    if (s.charCodeAt(k) === 88 && !(k + 1 < end && s.charCodeAt(k + 1) >= 97 && s.charCodeAt(k + 1) <= 122)) return false;
  }
  for (let k = start + 1; k < end; k++) {
    const c = s.charCodeAt(k);
    if (!letterCode(c) && c !== 46 && c !== 45 && c !== 39) return false;
    // after a dot only a capital ("H.Sm.") or filius ("Rchb.f."): "Sm.te" may hide an epithet
    if (c === 46 && k + 1 < end && !upperCode(s.charCodeAt(k + 1)) && !(k + 3 === end && s.charCodeAt(k + 1) === 102 && s.charCodeAt(k + 2) === 46)) return false;
  }
  return true;
}

/**
 * Plain names ("Genus epithet [epithet …]", ASCII, single spaces), alone or
 * followed by a plain authorship, are the bulk of real input; they skip
 * tokenizing. Anything else falls back to the full parser, so both paths
 * agree (test/names/fastCanonical.test.ts checks it on real names).
 */
export function fastCanonical(s: string, opts: { stems?: boolean; authorship?: boolean } = {}): CanonicalResult | undefined {
  const n = s.length;
  if (n < 2 || n > 200) return undefined;
  let c = s.charCodeAt(0);
  if (c < 65 || c > 90) return undefined;
  const words: string[] = [];
  let start = 0;
  let end = n;
  for (let i = 1; i <= n; i++) {
    c = i < n ? s.charCodeAt(i) : 32;
    if (c === 32) {
      if (i === start) return undefined;
      words.push(s.slice(start, i));
      start = i + 1;
      if (words.length > 4) return undefined;
      continue;
    }
    if (i === start && words.length >= 2 && opts.authorship !== false && (c === 40 || upperCode(c))) {
      if (!plainAuthorship(s, i)) return undefined;
      end = i - 1;
      break;
    }
    if (c < 97 || c > 122) return undefined;
  }
  if (words.length === 0) return undefined;
  if (junkReason(s) !== undefined) return undefined;
  const genus = words[0];
  if (genus.length < 2 || genus === 'Candidatus' || (genus.endsWith('virus') && words.length > 1)) return undefined;
  const stems = opts.stems !== false;
  let stemmed = genus;
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (!plainEpithet(w)) return undefined;
    if (stems) stemmed += ' ' + stem(w);
  }
  const name = end === n ? s : s.slice(0, end);
  return { simple: name, full: name, stemmed: stems ? stemmed : '', cardinality: words.length };
}

/** Canonical forms only (no authorship, no id): the fast path for matching. */
export function parseCanonical(name: string): CanonicalResult | undefined {
  if (typeof name !== 'string') return undefined;
  const fast = fastCanonical(name);
  if (fast) return fast;
  const r = parseName(name, { canonicalOnly: true });
  if (!r.parsed || !r.canonical) return undefined;
  return { ...r.canonical, cardinality: r.cardinality };
}

/** Parse an authorship string on its own ("(Schreber, 1775)", "van Pesch 1914"); undefined when it is not one. */
export function parseAuthorship(text: string): Authorship | undefined {
  if (typeof text !== 'string') return undefined;
  const prep = prepare(text);
  if (prep.reject) return undefined;
  const toks = tokenize(prep.text);
  if (toks.length === 0) return undefined;
  const p = new Parser(toks, prep.text, false);
  const el: NameElement = { infras: [] };
  p.authorship(el);
  return authorshipOf(el, p);
}
