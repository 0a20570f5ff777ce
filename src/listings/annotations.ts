// Listing annotations as the CITES Checklist writes them: one text holding a
// segment per appendix ("Appendix I:...\nAppendix II:..."), and short English
// annotations that name the populations a listing covers ("Populations of BW,
// NA, ZA, ZW", "All populations except those of BW, NA, ZA, and ZW").

export const APPENDIX_TOKENS = ['I', 'II', 'III', 'NC'] as const;

/**
 * Appendix -> its segment text (several segments of one appendix, e.g. two
 * Parties' App III listings, are joined by a new line). A present but blank
 * segment maps to ''.
 */
export function appendixSegments(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!text) return out;
  const re = /(?:^|\n)\s*Appendix (I{1,3}|NC)\s*:/g;
  const heads: { appendix: string; start: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) heads.push({ appendix: m[1], start: m.index, end: m.index + m[0].length });
  heads.forEach((h, i) => {
    const body = text.slice(h.end, i + 1 < heads.length ? heads[i + 1].start : text.length).trim();
    const prev = out.get(h.appendix);
    out.set(h.appendix, prev ? (body ? `${prev}\n${body}` : prev) : body);
  });
  return out;
}

export interface PopulationScope {
  included: string[];
  excluded: string[];
  /** "All populations except those included in Appendix I": excluded = that appendix's populations. */
  exceptAppendix?: string;
}

export interface PopulationLookup {
  /** Is this a known two-letter geo code? */
  isCode(code: string): boolean;
  /** A country name of this taxon's range -> its code (from the aligned distribution lists). */
  codeOfName(name: string): string | undefined;
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Codes of "BW, NA, ZA, and ZW" / "Brazil" / "Botswana and Zimbabwe, which are
 * ...": every item must be a place, else [] (never a partial list: "Botswana
 * and Atlantis" states no scope we can read).
 */
function placeList(text: string, lookup: PopulationLookup): string[] {
  const codes: string[] = [];
  const places = text.replace(/\([^)]*\)/g, ' ').split(/,?\s+(?:which|that|are|is|were|listed|included)\b/i)[0];
  const items = places.split(/,|;|\band\b|&/)
    .flatMap((item) => (/^\s*(?:[A-Z]{2}\s+)+[A-Z]{2}\s*$/.test(item) ? item.trim().split(/\s+/) : [item]));
  for (let raw of items) {
    raw = raw.replace(/^\s*(?:the\s+)?(?:populations?|popns?)\s+of\s+/i, '').replace(/\bonly\b/i, '').replace(/[.:]+$/, '').trim();
    if (!raw) continue;
    const code = /^[A-Z]{2}$/.test(raw) && lookup.isCode(raw) ? raw : lookup.codeOfName(raw.replace(/^the\s+/i, ''));
    if (!code) return [];
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * The population scope a short English annotation states, or null when it
 * states none that can be read as country codes (e.g. "Only the population of
 * Asia", "Part of the population of CO").
 */
export function parsePopulations(annotation: string | null | undefined, lookup: PopulationLookup): PopulationScope | null {
  if (!annotation) return null;
  const text = stripTags(annotation).split(/\.\s|;/)[0].replace(/\.$/, '').trim();
  const exceptApp = /^All populations except those included in Appendix (I{1,3})\b/i.exec(text);
  if (exceptApp) return { included: [], excluded: [], exceptAppendix: exceptApp[1] };
  const except = /^(?:All populations )?except (?:for )?(?:those of |the populations? of |populations? of )?(.+)$/i.exec(text);
  if (except) {
    const codes = placeList(except[1], lookup);
    return codes.length ? { included: [], excluded: codes } : null;
  }
  const only = /^(?:Only )?(?:the )?(?:populations?|popns?)(?: of)?:?\s+(.+)$/i.exec(text);
  if (only) {
    const codes = placeList(only[1], lookup);
    return codes.length ? { included: codes, excluded: [] } : null;
  }
  const suffix = /^(.+?) populations? only\b/i.exec(text);
  if (suffix) {
    const codes = placeList(suffix[1], lookup);
    return codes.length ? { included: codes, excluded: [] } : null;
  }
  return null;
}

/**
 * Fill the scopes a split listing implies: when one appendix names the
 * populations it includes and another appendix of the same taxon states none,
 * the other covers all populations except those (Ursus arctos: I "Popns of
 * BT, CN, MN, MX", II "Included in Ursidae spp."), and "except those included
 * in Appendix I" resolves to Appendix I's populations.
 */
export function completeSplitListing(scopes: Map<string, PopulationScope | null>): Map<string, PopulationScope> {
  const out = new Map<string, PopulationScope>();
  for (const [app, s] of scopes) out.set(app, s ? { included: [...s.included], excluded: [...s.excluded] } : { included: [], excluded: [] });
  for (const [app, s] of scopes) {
    if (s?.exceptAppendix) out.get(app)!.excluded = [...(out.get(s.exceptAppendix)?.included ?? [])];
  }
  const appendices = [...scopes.keys()].filter((a) => a !== 'III');
  if (appendices.length === 2) {
    const [a, b] = appendices;
    for (const [x, y] of [[a, b], [b, a]]) {
      const sx = out.get(x)!;
      const sy = out.get(y)!;
      if (sx.included.length && !sy.included.length && !sy.excluded.length) sy.excluded = [...sx.included];
    }
  }
  return out;
}
