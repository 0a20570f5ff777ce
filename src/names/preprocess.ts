/**
 * Pre-processing of a raw name-string before tokenizing: reject binary junk,
 * strip HTML, fold odd spaces/dashes/apostrophes (same length, so offsets
 * still point into the folded string) and spot strings that are not
 * scientific names at all (viruses, "incertae sedis", "None recorded" …).
 */
import { isApostropheCode, isControlCode, isDashCode, isSpaceCode } from './chars.js';

export const MAX_NAME_LENGTH = 1000;

export interface Prepared {
  text: string;
  warnings: string[];
  /** Set when the string must not be parsed; the reason becomes a warning. */
  reject?: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#160': ' ', '#215': '×',
};

function isTagName(s: string): boolean {
  if (s.length === 0 || s.length > 12) return false;
  let i = s[0] === '/' ? 1 : 0;
  if (i >= s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57 && i > 0) || c === 32 || c === 47;
    if (!ok) return false;
  }
  return true;
}

/** Remove simple HTML tags and decode the common entities. */
function stripHtml(s: string): { text: string; changed: boolean } {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '<') {
      const close = s.indexOf('>', i + 1);
      if (close > i && close - i <= 14 && isTagName(s.slice(i + 1, close))) {
        changed = true;
        i = close;
        continue;
      }
    } else if (ch === '&') {
      const semi = s.indexOf(';', i + 1);
      if (semi > i && semi - i <= 7) {
        const ent = ENTITIES[s.slice(i + 1, semi).toLowerCase()];
        if (ent !== undefined) {
          out += ent;
          changed = true;
          i = semi;
          continue;
        }
      }
    }
    out += ch;
  }
  return { text: out, changed };
}

export function prepare(verbatim: string): Prepared {
  const warnings: string[] = [];
  if (verbatim.length > MAX_NAME_LENGTH) {
    return { text: '', warnings, reject: `Name-string longer than ${MAX_NAME_LENGTH} characters` };
  }
  let hasUnderscore = false;
  let hasSpace = false;
  let nonSpace = 0;
  let replacement = 0;
  let oddChars = false;
  let combining = false;
  let markup = false;
  for (let i = 0; i < verbatim.length; i++) {
    const c = verbatim.charCodeAt(i);
    if (c < 128) {
      if (c === 32) { hasSpace = true; continue; }
      if (isControlCode(c)) return { text: '', warnings, reject: 'Control characters in the name-string (binary data?)' };
      if (c === 9 || c === 10 || c === 13) { hasSpace = true; oddChars = true; continue; }
      nonSpace++;
      if (c === 95) hasUnderscore = true;
      else if (c === 96) oddChars = true;
      else if (c === 60 || c === 38) markup = true;
      continue;
    }
    if (isControlCode(c)) return { text: '', warnings, reject: 'Control characters in the name-string (binary data?)' };
    if (isSpaceCode(c)) { hasSpace = true; oddChars = true; continue; }
    nonSpace++;
    if (c === 0xfffd) replacement++;
    if (c >= 0x300 && c <= 0x36f) combining = true;
    if (isDashCode(c) || isApostropheCode(c)) oddChars = true;
  }
  if (nonSpace === 0) return { text: '', warnings, reject: 'Empty name-string' };
  if (replacement > 0) {
    warnings.push('Invalid UTF-8 (U+FFFD replacement characters)');
    if (replacement * 4 > nonSpace) return { text: '', warnings, reject: 'Mostly invalid UTF-8' };
  }
  let s = verbatim;
  // combining diacritics (NFD input) are composed so letters stay single characters
  if (combining) s = s.normalize('NFC');
  if (markup) {
    const h = stripHtml(s);
    if (h.changed) {
      s = h.text;
      warnings.push('HTML tags or entities in the name');
    }
  }
  const underscoreAsSpace = hasUnderscore && !hasSpace;
  if (!oddChars && !underscoreAsSpace) return { text: s, warnings };
  // fold odd characters one-to-one so token offsets stay valid
  let folded = '';
  let oddSpace = false;
  let oddApostrophe = false;
  let oddDash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 && underscoreAsSpace) { folded += ' '; oddSpace = true; continue; }
    if (c !== 32 && isSpaceCode(c)) { folded += ' '; continue; }
    if (isDashCode(c)) { folded += '-'; oddDash = true; continue; }
    if (isApostropheCode(c)) { folded += "'"; oddApostrophe = true; continue; }
    folded += s[i];
  }
  if (oddSpace) warnings.push('Non-standard space characters');
  if (oddApostrophe) warnings.push('Not an ASCII apostrophe');
  if (oddDash) warnings.push('Non-standard dash characters');
  return { text: folded, warnings };
}

// ---- strings that are not scientific names ------------------------------------------------

const JUNK_FIRST = new Set(['none', 'unidentified', 'not', 'unnamed', 'unamed', 'gen.', 'genn.', 'satellite', 'viroids', 'viroid', 'viruses', 'virus']);
const JUNK_ANY = new Set([
  'virus', 'viruses', 'phage', 'phages', 'viroid', 'viroids', 'vector', 'plasmid', 'plasmids', 'prion', 'prions',
  'virophage', 'bacteriophage', 'npv', 'mnpv', 'snpv', 'particle', 'particles', 'rna', 'ssrna', 'dsrna', 'dna',
  'bacterium', 'ictv', 'symbiont', 'endosymbiont', 'phytoplasma',
]);
const JUNK_SUFFIX = ['virus', 'viruses', 'phage', 'phages', 'viroid', 'viroids', 'satellite', 'satellites', 'particles', 'phytoplasma', 'symbiont', 'bacterium', 'plasmid'];
/** Junk words that may still be a real specific epithet when an author follows. */
const EPITHET_OK = new Set(['bacterium', 'vector']);

function stripEdgePunct(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && !isWordChar(w.charCodeAt(a))) a++;
  while (b > a && !isWordChar(w.charCodeAt(b - 1))) b--;
  return w.slice(a, b);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) { const c = w.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
  return false;
}

function looksLikeAuthor(w: string | undefined): boolean {
  if (!w) return false;
  const c = w.charCodeAt(0);
  if (!(c >= 65 && c <= 90) && !(c > 127 && w[0] !== w[0].toLowerCase())) return false;
  if (hasDigit(w)) return false;
  return w.length < 2 || w.slice(1) !== w.slice(1).toUpperCase() || w.endsWith('.');
}

const JUNK_ENDINGS = new Set(JUNK_SUFFIX.map((x) => x.slice(-4)));

/** Reason why the folded string is not a scientific name, or undefined. */
export function junkReason(text: string): string | undefined {
  const lower = text.toLowerCase();
  const inc = lower.indexOf('inc');
  if (inc >= 0 && (lower.indexOf('incertae', inc) >= 0 || lower.indexOf('inc.sed', inc) >= 0 || lower.indexOf('inc. sed', inc) >= 0 || lower.indexOf('inc.   sed', inc) >= 0)) {
    return 'Incertae sedis is not a name';
  }
  if (text.indexOf('+') >= 0) return 'Graft-chimera formulae are not parsed';
  // walk the space-separated words without splitting the string up front
  const n = text.length;
  let k = 0;
  let i = 0;
  let prevRaw = '';
  let pending: { w: string; k: number; prev2: string } | undefined;
  let firstRaw = '';
  let count = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const a = i;
    while (i < n && text.charCodeAt(i) !== 32) i++;
    const raw = text.slice(a, i);
    count++;
    if (pending) {
      // a junk word in species position is still an epithet when an author follows
      if (!looksLikeAuthor(raw)) return 'Virus, plasmid, bacterium or other non-name';
      pending = undefined;
    }
    if (k === 0) {
      firstRaw = raw;
      const first = lower.slice(a, i);
      if (JUNK_FIRST.has(first) || first.indexOf('[') >= 0) return 'Not a scientific name';
      if (first.endsWith('phage') || (first.startsWith('beta') && first.endsWith('satellites'))) return 'Virus or genetic element';
      if (raw.indexOf("'") > 0) return 'Common name, not a scientific name';
    } else {
      if (raw.endsWith("'s")) return 'Common name, not a scientific name';
      if (k === 2 && firstRaw.toLowerCase().endsWith('virus') && !looksLikeAuthor(raw)) return 'Virus name with a strain or host';
      const w = stripEdgePunct(lower.slice(a, i));
      let junk = w.length >= 3 && (JUNK_ANY.has(w) || JUNK_ANY.has(leadingLetters(w)));
      if (!junk && w.length > 5 && JUNK_ENDINGS.has(w.slice(-4))) {
        for (const suf of JUNK_SUFFIX) if (w.length > suf.length && w.endsWith(suf)) { junk = true; break; }
      }
      if (!junk && (w.startsWith('alphasatellite') || w.startsWith('betasatellite'))) junk = true;
      if (junk) {
        const epithetSlot = k === 1 || (k === 2 && prevRaw[0] === '(');
        if (!(epithetSlot && (EPITHET_OK.has(w) || w.endsWith('virus')))) return 'Virus, plasmid, bacterium or other non-name';
        pending = { w, k, prev2: prevRaw };
      }
    }
    prevRaw = raw;
    k++;
  }
  if (pending) return 'Virus, plasmid, bacterium or other non-name';
  if (count === 1 && lower.trimEnd().endsWith(':')) return 'Not a scientific name';
  if (count === 0) return 'Empty name-string';
  return undefined;
}

function leadingLetters(w: string): string {
  let i = 0;
  while (i < w.length && w.charCodeAt(i) >= 97 && w.charCodeAt(i) <= 122) i++;
  return i < w.length && i > 0 ? w.slice(0, i) : '';
}
