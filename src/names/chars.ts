/**
 * Character-level helpers: transliteration of diacritics and ligatures to the
 * ASCII forms nomenclature uses (ä→ae, æ→ae, ſ→s), folding odd spaces,
 * dashes and apostrophes. Table-driven, no regex over whole names.
 */

const TRANSLIT: Record<string, string> = {
  'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'å': 'ao', 'ø': 'oe', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ſ': 's',
  'Ä': 'Ae', 'Ö': 'Oe', 'Ü': 'Ue', 'Å': 'Ao', 'Ø': 'Oe', 'Æ': 'Ae', 'Œ': 'Oe',
  'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ð': 'd', 'þ': 'th', 'ı': 'i',
};

const cache = new Map<string, string>();

/** ASCII form of one non-ASCII character ('' when it has none). */
export function translitChar(ch: string): string {
  const hit = TRANSLIT[ch];
  if (hit !== undefined) return hit;
  let v = cache.get(ch);
  if (v !== undefined) return v;
  const base = ch.normalize('NFD');
  v = '';
  for (let i = 0; i < base.length; i++) {
    const c = base.charCodeAt(i);
    if (c < 128) v += base[i];
  }
  cache.set(ch, v);
  return v;
}

/** Transliterate a word to ASCII; returns the same string when already ASCII. */
export function transliterate(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) return word;
  let out = '';
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 128 || ch === '\uFFFD') out += ch;
    else out += translitChar(ch) || ch;
  }
  return out;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

export function isDashCode(c: number): boolean {
  return c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

export function isApostropheCode(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 0x60 || c === 0xb4 || c === 0x2032 || c === 0x02bc;
}

export function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return ch === '\uFFFD' || ch.toLowerCase() !== ch.toUpperCase() || ch === 'ß' || ch === 'ſ';
}

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Control characters other than ordinary whitespace: a sign of binary junk. */
export function isControlCode(c: number): boolean {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || (c >= 0x80 && c < 0xa0);
}

/** Upper-case first letter, rest lower (for all-caps names like FELIDAE). */
export function capitalize(word: string): string {
  if (!word) return word;
  let out = word[0].toUpperCase();
  let prevHyphen = false;
  for (let i = 1; i < word.length; i++) {
    const ch = word[i];
    out += prevHyphen ? ch.toUpperCase() : ch.toLowerCase();
    prevHyphen = ch === '-' || ch === ' ';
  }
  return out;
}
