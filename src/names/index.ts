/**
 * Concord's scientific-name engine: parser, stemmer, normaliser and matcher.
 * Pure TypeScript, no I/O. The CLI (`concord parse|match`) and the API
 * (`POST /api/v1/names/*`) are thin adapters over this facade.
 */
import { parseCanonical as parseCanonicalImpl, parseName } from './parser.js';
import { variantKey } from './normalise.js';
import type { ParsedName, ParseOptions } from './types.js';

export type { AuthorTeam, Authorship, Canonical, HybridKind, ParsedName, ParseOptions, SurrogateKind } from './types.js';
export type { CanonicalResult } from './parser.js';
export type { ChecklistEntry, HigherRank, MatchCandidate, MatchContext, MatchOptions, MatchResult, MatchType, TaxonStatus, VernacularEntry } from './matcher.js';
export type { AuthorshipComparison, AuthorshipMatch } from './authorship.js';
export type { Reason, ReasonCode, ReasonParams } from './reasons.js';
export type { CsvListing } from './csv.js';
export type { DwcChecklist, DwcProblem } from './checklists.js';

export { stem } from './stemmer.js';
export { WARNING_QUALITY } from './parser.js';
export { MatchIndex, buildMatchIndex, HIGHER_RANKS, SCORES } from './matcher.js';
export { authorKey, compareAuthorship, sameAuthor } from './authorship.js';
export { REASON_TEXT, reason, reasonText, whyText } from './reasons.js';
export { vernacularKey, vernacularKeys } from './vernacular.js';
export { boundedDamerau, boundedLevenshtein, dedouble, epithetKey, genusKey, genusSkeleton, variantKey } from './normalise.js';
export { citesIndexToEntries, citesIndexToVernaculars, readDwcChecklist, sapiLegacyToEntries, splitSynonyms } from './checklists.js';
export { parseStream, matchStream } from './stream.js';
export { csvField, csvHeader, csvLine, MATCH_CSV_HEADER, PARSE_CSV_HEADER, toCsvRow } from './csv.js';
export { GN_NAMESPACE, uuidV5 } from './uuid.js';

/** Parse a scientific name-string (gnparser field names). Never throws. */
export function parse(name: string, opts?: ParseOptions): ParsedName {
  return parseName(name, opts);
}

/** Canonical forms only — the fast path. Undefined when the string is not a name. */
export function parseCanonical(name: string): ReturnType<typeof parseCanonicalImpl> {
  return parseCanonicalImpl(name);
}

export interface NormalisedName {
  canonical: string;
  stemmed: string;
  /** EXACT match key. */
  exactKey: string;
  /** VARIANT match key (stems, y/i, de-doubled letters; genus spelling kept). */
  variantKey: string;
  cardinality: number;
}

/** Match keys of a name-string, or undefined when it is not a name. */
export function normalise(name: string): NormalisedName | undefined {
  const c = parseCanonicalImpl(name);
  if (!c) return undefined;
  return { canonical: c.simple, stemmed: c.stemmed, exactKey: c.simple, variantKey: variantKey(c.simple), cardinality: c.cardinality };
}
