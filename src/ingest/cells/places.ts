// Places as sources write them: ISO code lists, and the comma lists of
// country names the Checklist and Species+ write (where some names contain a
// comma themselves: "Taiwan, Province of China", "Hong Kong, SAR").
/** 'AO, BJ,BW ' -> ['AO', 'BJ', 'BW']. */
export function isoCodes(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
}

/**
 * A piece after ", " that continues the previous name rather than starting a
 * new one: "SAR" (Hong Kong, SAR), "Province of China" (Taiwan, ...),
 * "Sint Eustatius and Saba", or any piece in lower case. ("Republic of Korea"
 * and "United Republic of Tanzania" start names, so "Republic of" is no clue.)
 */
const CONTINUATION = /^(?:SAR\b|Special Administrative Region|Province of\b|Sint Eustatius\b|[a-z(\[])/;

/** Country names of a ", " list, keeping names that contain a comma whole. */
export function splitPlaceNames(value: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const piece = raw.trim();
    if (!piece) continue;
    if (out.length && CONTINUATION.test(piece)) out[out.length - 1] += `, ${piece}`;
    else out.push(piece);
  }
  return out;
}

/**
 * Name -> code from two aligned lists (the Checklist's All_DistributionFullNames
 * and All_DistributionISOCodes); null when they do not line up one to one.
 */
export function alignPlaces(codes: string[], names: string[]): Map<string, string> | null {
  if (codes.length !== names.length) return null;
  const map = new Map<string, string>();
  codes.forEach((c, i) => map.set(names[i], c));
  return map;
}

/** A place name as sources vary it: "(the)", a trailing "*", a leading "the" dropped (UNTERM's "United States of America (the)"). */
export function cleanPlaceName(name: string): string {
  return name.replace(/\s*\(the\)\s*/gi, ' ').replace(/\s*\*\s*$/, '').replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim();
}

/** Known other names plus new ones (cleaned, without duplicates or the main name). */
export function mergeNames(known: string[], added: string[], main?: string | null): string[] {
  const out = [...known];
  for (const n of added.map(cleanPlaceName)) if (n && n !== main && !out.includes(n)) out.push(n);
  return out;
}

/** A name folded for comparing: accents, case, quotes, punctuation and the words "the", "of", "and" ignored. */
export function placeKey(name: string): string {
  return cleanPlaceName(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’'`]/g, '').replace(/[^a-z0-9]+/g, ' ').split(' ').filter((w) => w && !['the', 'of', 'and'].includes(w)).join(' ');
}

/** "Korea, Republic of" -> "Republic of Korea"; "Congo, Democratic Republic of the" -> "Democratic Republic of the Congo". */
export function uninvert(name: string): string {
  const m = /^([^,]+),\s*(.+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : name;
}

export interface NamedPlace { iso2: string; names: string[]; sovereign: boolean; current: boolean }

/**
 * The ISO code a country name means, by the places' known names: the name
 * (accent-, case- and punctuation-insensitive), its uninverted form, or the
 * leading words of exactly one sovereign country's name ("United States" ->
 * United States of America); of a current and a former country with one
 * name, the current; a place's own name before a name others give it.
 * Never a guess: no place, or two, is a reason.
 */
export function placeByName(name: string, places: NamedPlace[]): { iso2: string } | { reason: string } {
  const keys = [placeKey(name), placeKey(uninvert(name))];
  const hits = (pred: (k: string) => boolean, among = places) => [...new Set(among.filter((p) => p.names.some((n) => pred(placeKey(n)))).map((p) => p.iso2))];
  // A place's own name first (RS 'Serbia'), then the names others give it (CS 'Serbia and Montenegro', once called 'Serbia').
  const main = places.map((p) => ({ ...p, names: p.names.slice(0, 1) }));
  for (const k of keys) {
    const own = hits((n) => n === k, main);
    if (own.length === 1) return { iso2: own[0] };
    const exact = hits((n) => n === k);
    if (exact.length === 1) return { iso2: exact[0] };
    // A former country that shared the name (Zaire, Serbia and Montenegro) gives way to the one that exists.
    const current = exact.filter((c) => places.find((p) => p.iso2 === c)?.current);
    if (current.length === 1) return { iso2: current[0] };
    if (exact.length > 1) return { reason: `one place named '${name}'; ${exact.join(', ')} all have that name` };
  }
  const prefix = hits((n) => n.startsWith(`${keys[0]} `), places.filter((p) => p.sovereign));
  if (prefix.length === 1) return { iso2: prefix[0] };
  if (prefix.length > 1) return { reason: `one country named '${name}'; the names of ${prefix.join(', ')} all begin so` };
  return { reason: `a country name known to the country-codes or Species+ files; '${name}' is not` };
}
