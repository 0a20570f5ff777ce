// Presenters (and their schemas) for parse and match results: allow-lists of
// the name engine's output.
import type { MatchResult, ParsedName, MatchCandidate } from '../../names/index.js';
import type { CurrentListing } from '../../db/repositories/listings.js';
import { currentListingProps } from '../schemas.js';
import { joinedFields } from '../../listings/current.js';
import { REASON_TEXT, whyText } from '../../names/reasons.js';

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

/** The accepted concept ids of match results (primary and alternatives), for one listings lookup. */
export function acceptedIds(results: readonly MatchResult[]): number[] {
  return results.flatMap((m) => [m, ...m.alternatives]).map((c) => idOrNull(c.acceptedId)).filter((id): id is number => id !== null);
}

function presentCandidate(c: MatchCandidate, listings: ListingsById) {
  const acceptedId = idOrNull(c.acceptedId);
  const listing = acceptedId === null ? undefined : listings.get(acceptedId);
  return {
    matched_name: c.matchedName, matched_status: c.matchedStatus, accepted_name: c.acceptedName, taxonomy: c.taxonomy,
    taxon_id: idOrNull(c.taxonId), accepted_id: acceptedId, kingdom: c.kingdom, rank: c.rank,
    ...(listing ?? joinedFields(null)),
  };
}

export function presentMatch(m: MatchResult, listings: ListingsById) {
  return {
    verbatim: m.verbatim, canonical: m.canonical, match_type: m.matchType, edit_distance: m.editDistance, score: m.score,
    ...presentCandidate(m, listings),
    authorship: m.authorship, matched_authorship: m.matchedAuthorship, authorship_match: m.authorshipMatch, authorship_score: m.authorshipScore,
    vernacular: m.vernacular ? { name: m.vernacular.name, languages: [...m.vernacular.languages] } : null,
    ambiguous: m.ambiguous,
    alternatives: m.alternatives.map((a) => ({ ...presentCandidate(a, listings), note: a.note ?? null })),
    warnings: [...m.warnings],
    reasons: m.reasons.map((r) => ({ code: r.code, text: r.text, params: { ...r.params } })),
    why: whyText(m.reasons),
  };
}

/** The listing of a match's accepted concept, for the CSV. */
export function listingOf(m: MatchResult, listings: ListingsById): CurrentListing | undefined {
  const id = idOrNull(m.acceptedId);
  return id === null ? undefined : listings.get(id);
}
