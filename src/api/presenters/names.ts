// Presenters (and their schemas) for parse and match results: allow-lists of
// the name engine's output.
import type { MatchResult, ParsedName, MatchCandidate } from '../../names/index.js';
import type { CurrentListing } from '../../db/repositories/listings.js';
import { currentListingProps } from '../schemas.js';
import { joinedFields } from '../../listings/current.js';

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

export const matchSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    verbatim: { type: 'string' }, canonical: sn,
    match_type: { type: 'string', enum: ['EXACT', 'VARIANT', 'FUZZY', 'PARTIAL', 'AMBIGUOUS', 'NONE'] },
    edit_distance: { type: 'integer' }, score: { type: 'number' }, ...candidateProps,
    alternatives: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ...candidateProps, note: sn }, required: [...Object.keys(candidateProps), 'note'] } },
    warnings: { type: 'array', items: { type: 'string' } },
  },
  required: ['verbatim', 'canonical', 'match_type', 'edit_distance', 'score', ...Object.keys(candidateProps), 'alternatives', 'warnings'],
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
    alternatives: m.alternatives.map((a) => ({ ...presentCandidate(a, listings), note: a.note ?? null })),
    warnings: [...m.warnings],
  };
}
