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
