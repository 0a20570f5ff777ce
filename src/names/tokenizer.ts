/**
 * Tokenizer: one pass over the (already folded) name string, no regex.
 * Punctuation that matters to the grammar becomes its own token; words are
 * split after a period when an initial run ends ("M.T." → "M." "T.",
 * "Hook.f." → "Hook." "f.", "var.alba" → "var." "alba"), but lower-case
 * abbreviation runs stay whole ("v.d.", "s.str.", "p.p.").
 */
import { isSpaceCode, isUpper } from './chars.js';

export interface Token {
  /** Text of the token. */
  t: string;
  /** Start and end offsets in the folded string. */
  s: number;
  e: number;
  /** True when whitespace precedes the token. */
  sp: boolean;
  /** Memo of the epithet reading of the token (null: not an epithet). */
  ep?: string | null;
}

const PUNCT = new Set(['(', ')', '[', ']', ',', '&', ';', ':', '×', '?', '"', '*', '†', '+', '/', '!', '=', '{', '}', '<', '>', '|', '#', '%', '@', '~', '^', '$']);

export function isPunct(t: string): boolean {
  return t.length === 1 && PUNCT.has(t);
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  let sp = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) { sp = true; i++; continue; }
    const ch = s[i];
    if (PUNCT.has(ch)) {
      out.push({ t: ch, s: i, e: i + 1, sp });
      sp = false;
      i++;
      continue;
    }
    // a word: run until space or punctuation, splitting after periods
    let start = i;
    let segLetters = 0;
    while (i < n) {
      const cc = s.charCodeAt(i);
      if (isSpaceCode(cc)) break;
      const wch = s[i];
      if (PUNCT.has(wch)) break;
      i++;
      if (wch === '.') {
        if (i < n) {
          const next = s[i];
          const greek = i - start === 2 && s.charCodeAt(start) >= 0x3b1 && s.charCodeAt(start) <= 0x3c9;
          const split = greek || isUpper(next) || next === "'" || (segLetters >= 2 && next !== '-' && next !== '.' && !isSpaceCode(s.charCodeAt(i)) && !PUNCT.has(next));
          if (!split && next >= 'a' && next <= 'z' && isParticleAt(s, i)) {
            out.push({ t: s.slice(start, i), s: start, e: i, sp });
            sp = false;
            start = i;
          } else if (split) {
            out.push({ t: s.slice(start, i), s: start, e: i, sp });
            sp = false;
            start = i;
          }
        }
        segLetters = 0;
      } else if (wch === '-') {
        segLetters = 0;
      } else {
        segLetters++;
      }
    }
    if (i > start) {
      out.push({ t: s.slice(start, i), s: start, e: i, sp });
      sp = false;
    }
  }
  return out;
}

const PARTICLES = ['van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'la', 'le'];

/** Does a lower-case author particle ("van", "de") start at i and run to the end of the word? */
function isParticleAt(s: string, i: number): boolean {
  let j = i;
  while (j < s.length && s[j] >= 'a' && s[j] <= 'z') j++;
  if (j < s.length && !isSpaceCode(s.charCodeAt(j))) return false;
  return PARTICLES.includes(s.slice(i, j));
}
