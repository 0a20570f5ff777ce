// Synonym lists as the CITES Checklist and Species+ write them: names with
// their authors, separated by ", " although authors contain commas too
// ("Dendrobates galindoi Trapido, 1953, Hylaplesia pumilio (Schmidt, 1857)").

export interface NameWithAuthor {
  /** The name without author, as Species+ writes full names ('Aloe compressa var. rugosquamosa'). */
  fullName: string;
  author: string | null;
  rank: 'GENUS' | 'SPECIES' | 'SUBSPECIES' | 'VARIETY' | 'FORM';
}

/**
 * ", " then a capitalised genus word, an optional subgenus in parentheses, and
 * a lower-case epithet that is not an author's particle ("Barbosa de Souza" is
 * an author, not a name).
 */
const BEFORE_BINOMIAL = /,\s+(?=(?:×\s?)?[A-Z][A-Za-zë-]+(?:\s+\([A-Za-z-]+\))?\s+(?:×\s?)?(?!(?:de|da|del|della|der|den|di|du|dos|la|le|van|von|y|ex)\s)[a-z][a-z\u00df-\u00ff'-]+)/;
/** For genus synonyms: ", " then a capitalised word followed by a space (an author's year follows ", " as digits). */
const BEFORE_UNINOMIAL = /,\s+(?=[A-Z][a-zë-]+\s)/;

/** Split a synonym list into names with authors. `uninomials` for synonyms of a genus. */
export function splitSynonyms(value: string | undefined, opts: { uninomials?: boolean } = {}): string[] {
  const v = (value ?? '').trim();
  if (!v) return [];
  return v.split(opts.uninomials ? BEFORE_UNINOMIAL : BEFORE_BINOMIAL).map((s) => s.trim()).filter(Boolean);
}

/** Lower-case words that start an author, not an epithet. */
const AUTHOR_WORDS = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'dos', 'la', 'le', 'van', 'von', 'y', 'ex', 'auct.', 'auct', 'sensu', 'non', 'in', 'et', 'al.', 'emend.', 'nom.', 'hort.', 'sp.', 'spp.']);
const MARKERS: Record<string, NameWithAuthor['rank'] | 'SUBSPECIES_MARKER'> = {
  'var.': 'VARIETY', 'subvar.': 'VARIETY', 'f.': 'FORM', 'forma': 'FORM', 'fo.': 'FORM',
  'subsp.': 'SUBSPECIES_MARKER', 'ssp.': 'SUBSPECIES_MARKER',
};
const isEpithet = (w: string | undefined) => !!w && /^[a-z\u00df-\u00ff][a-z\u00df-\u00ff'-]+\??$/.test(w) && !AUTHOR_WORDS.has(w);

/** 'Hylaplesia pumilio (Schmidt, 1857)' -> { fullName: 'Hylaplesia pumilio', author: '(Schmidt, 1857)', rank: 'SPECIES' }. */
export function splitNameAuthor(text: string): NameWithAuthor {
  const words = text.trim().split(/\s+/);
  const name: string[] = [];
  let i = 0;
  if (words[i] === '×') name.push(words[i++]);
  name.push(words[i++]);
  if (words[i] && /^\([a-z-]+\)$/i.test(words[i]) && isEpithet(words[i + 1])) i++; // subgenus: not part of the full name
  let rank: NameWithAuthor['rank'] = 'GENUS';
  if (words[i] === '×' && isEpithet(words[i + 1])) name.push(words[i++]);
  if (isEpithet(words[i])) { name.push(words[i++]); rank = 'SPECIES'; }
  while (rank !== 'GENUS' && i < words.length) {
    const marker = MARKERS[words[i]];
    if (marker && isEpithet(words[i + 1])) {
      if (marker === 'SUBSPECIES_MARKER') { name.push(words[i + 1]); rank = 'SUBSPECIES'; } else { name.push(words[i], words[i + 1]); rank = marker; }
      i += 2;
    } else if (isEpithet(words[i]) && rank === 'SPECIES') {
      name.push(words[i++]); rank = 'SUBSPECIES';
    } else break;
  }
  const author = words.slice(i).join(' ').trim();
  return { fullName: name.join(' '), author: author || null, rank };
}
