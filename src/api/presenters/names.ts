// Presenters (and their schemas) for parse and match results: allow-lists of
// the name engine's output.
import type { MatchResult, ParsedName, MatchCandidate } from '../../names/index.js';
import type { CurrentListing } from '../../db/repositories/listings.js';
import { currentListingProps } from '../schemas.js';
import { joinedFields } from '../../listings/current.js';
import { REASON_TEXT, whyText } from '../../names/reasons.js';
import { csvField, csvLine, matchCsvFields } from '../../names/csv.js';

const sn = { type: ['string', 'null'] } as const;

export const parsedSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    id: { type: 'string' }, verbatim: { type: 'string' }, parsed: { type: 'boolean' }, quality: { type: 'integer' },
    canonical: { type: ['object', 'null'], additionalProperties: false, properties: { simple: { type: 'string' }, full: { type: 'string' }, stemmed: { type: 'string' } }, required: ['simple', 'full', 'stemmed'] },
    cardinality: { type: 'integer' }, rank: sn,
    authorship: { type: ['object', 'null'], additionalProperties: false, properties: { verbatim: { type: 'string' }, normalized: { type: 'string' }, year: sn, authors: { type: 'array', items: { type: 'string' } } }, required: ['verbatim', 'normalized', 'year', 'authors'] },
    hybrid: sn, surrogate: sn, tail: sn, warnings: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'verbatim', 'parsed', 'quality', 'canonical', 'cardinality', 'rank', 'authorship', 'hybrid', 'surrogate', 'tail', 'warnings'],
} as const;

const candidateProps = {
  matched_name: sn, matched_status: sn, accepted_name: sn, taxonomy: sn,
  taxon_id: { type: ['integer', 'null'] }, accepted_id: { type: ['integer', 'null'] }, kingdom: sn, rank: sn,
  // The accepted concept's status in both conventions (accepted_id), following its concept links.
  ...currentListingProps,
} as const;

const reasonSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    code: { type: 'string', enum: Object.keys(REASON_TEXT), description: 'Stable code (the web page translates it)' },
    text: { type: 'string', description: 'The reason in English' },
    params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'Values the text is made of' },
  },
  required: ['code', 'text', 'params'],
} as const;

export const matchSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    verbatim: { type: 'string' }, canonical: sn,
    match_type: { type: 'string', enum: ['EXACT', 'VARIANT', 'VERNACULAR', 'FUZZY', 'PARTIAL', 'AMBIGUOUS', 'NONE'] },
    edit_distance: { type: 'integer' }, score: { type: 'number' }, ...candidateProps,
    authorship: { ...sn, description: 'Authorship of the input, normalised' },
    matched_authorship: { ...sn, description: 'Authorship of the matched name as the checklist gives it' },
    authorship_match: { type: 'string', enum: ['exact', 'compatible', 'different', 'unknown'], description: "The input's authors and year against the matched name's" },
    authorship_score: { type: 'integer', minimum: 0, maximum: 7, description: "gnverifier's author score: 7 same authors and year … 0 no common author; 1 when either side has none" },
    vernacular: {
      type: ['object', 'null'], additionalProperties: false, description: 'The common name matched (match_type VERNACULAR)',
      properties: { name: { type: 'string' }, languages: { type: 'array', items: { type: 'string' } } }, required: ['name', 'languages'],
    },
    ambiguous: { type: 'boolean', description: 'Several taxa fit equally well; the alternatives list them' },
    alternatives: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ...candidateProps, note: sn }, required: [...Object.keys(candidateProps), 'note'] } },
    warnings: { type: 'array', items: { type: 'string' } },
    reasons: { type: 'array', items: reasonSchema, description: 'Why: the verdict first, then what qualifies it' },
    why: { type: 'string', description: 'The reasons in English, as one line' },
  },
  required: ['verbatim', 'canonical', 'match_type', 'edit_distance', 'score', ...Object.keys(candidateProps), 'authorship', 'matched_authorship',
    'authorship_match', 'authorship_score', 'vernacular', 'ambiguous', 'alternatives', 'warnings', 'reasons', 'why'],
} as const;

export function presentParsed(p: ParsedName) {
  return {
    id: p.id, verbatim: p.verbatim, parsed: p.parsed, quality: p.quality,
    canonical: p.canonical ? { simple: p.canonical.simple, full: p.canonical.full, stemmed: p.canonical.stemmed } : null,
    cardinality: p.cardinality, rank: p.rank ?? null,
    authorship: p.authorship ? { verbatim: p.authorship.verbatim, normalized: p.authorship.normalized, year: p.authorship.year ?? p.authorship.basionym?.year ?? null, authors: [...p.authorship.authors] } : null,
    hybrid: p.hybrid ?? null, surrogate: p.surrogate ?? null, tail: p.tail ?? null, warnings: [...p.warnings],
  };
}

const idOrNull = (v: string | null) => (v == null || !/^\d+$/.test(v) ? null : Number(v));

/** Listings by accepted concept id, looked up once for a whole request. */
export type ListingsById = ReadonlyMap<number, CurrentListing>;

/** A candidate's own fields; its accepted concept's listing fields follow them. */
function candidateHead(c: MatchCandidate) {
  return {
    matched_name: c.matchedName, matched_status: c.matchedStatus, accepted_name: c.acceptedName, taxonomy: c.taxonomy,
    taxon_id: idOrNull(c.taxonId), accepted_id: idOrNull(c.acceptedId), kingdom: c.kingdom, rank: c.rank,
  };
}

function matchMiddle(m: MatchResult) {
  return {
    authorship: m.authorship, matched_authorship: m.matchedAuthorship, authorship_match: m.authorshipMatch, authorship_score: m.authorshipScore,
    vernacular: m.vernacular ? { name: m.vernacular.name, languages: [...m.vernacular.languages] } : null,
    ambiguous: m.ambiguous,
  };
}

function matchEnd(m: MatchResult) {
  return {
    warnings: [...m.warnings],
    reasons: m.reasons.map((r) => ({ code: r.code, text: r.text, params: { ...r.params } })),
    why: whyText(m.reasons),
  };
}

/**
 * Match results serialised without their listings, so a worker thread can do
 * the serialising (the listings are looked up afterwards, on the main thread):
 * row r is parts[p] + listing(ids[k]) + parts[p+1] + … with one id (−1: none)
 * per candidate and perRow[r] ids. Plain string and number arrays, cheap to
 * pass between threads.
 */
export interface SerialisedMatches { parts: string[]; ids: number[]; perRow: number[] }

/** `{a,b}` → `{a,b,` (more keys follow) and → `a,b` (inside another object). */
const openJson = (o: object) => JSON.stringify(o).slice(0, -1) + ',';
const innerJson = (o: object) => JSON.stringify(o).slice(1, -1);

/** Append one match result (JSON as presentMatch gives it, or a CSV line) to `out`. */
export function serialiseMatch(m: MatchResult, csv: boolean, out: SerialisedMatches): void {
  if (csv) {
    // the two listing columns end the row
    out.parts.push(csvLine(matchCsvFields(m).slice(0, -2)), '');
    out.ids.push(idOrNull(m.acceptedId) ?? -1);
    out.perRow.push(1);
    return;
  }
  const head = { verbatim: m.verbatim, canonical: m.canonical, match_type: m.matchType, edit_distance: m.editDistance, score: m.score, ...candidateHead(m) };
  out.parts.push(openJson(head));
  out.ids.push(head.accepted_id ?? -1);
  let tail = ',' + innerJson(matchMiddle(m)) + ',"alternatives":[';
  m.alternatives.forEach((a, i) => {
    const alt = candidateHead(a);
    out.parts.push(tail + (i ? ',' : '') + openJson(alt));
    out.ids.push(alt.accepted_id ?? -1);
    tail = ',"note":' + JSON.stringify(a.note ?? null) + '}';
  });
  out.parts.push(tail + '],' + innerJson(matchEnd(m)) + '}');
  out.perRow.push(1 + m.alternatives.length);
}

export function serialiseMatches(results: readonly MatchResult[], csv: boolean): SerialisedMatches {
  const out: SerialisedMatches = { parts: [], ids: [], perRow: [] };
  for (const m of results) serialiseMatch(m, csv, out);
  return out;
}

/** The serialised rows with their listings filled in: row(i) in input order, each listing serialised once. */
export function withListings(s: SerialisedMatches, listings: ListingsById, csv: boolean): { count: number; row: (i: number) => string } {
  const fragments = new Map<number, string>();
  const fragment = (id: number) => {
    let f = fragments.get(id);
    if (f === undefined) {
      const l = listings.get(id);
      f = csv ? ',' + csvField(l?.cites_listing) + ',' + csvField(l?.cms_listing) : innerJson(l ?? joinedFields(null));
      fragments.set(id, f);
    }
    return f;
  };
  // where each row's parts and ids begin
  const idStart = new Int32Array(s.perRow.length + 1);
  for (let r = 0; r < s.perRow.length; r++) idStart[r + 1] = idStart[r] + s.perRow[r];
  return {
    count: s.perRow.length,
    row: (r) => {
      let text = s.parts[idStart[r] + r];
      for (let k = idStart[r]; k < idStart[r + 1]; k++) text += fragment(s.ids[k]) + s.parts[k + r + 1];
      return text;
    },
  };
}
