/** CSV rows for parse and match results, so the CLI and API just pipe. */
import type { MatchResult } from './matcher.js';
import type { ParsedName } from './types.js';
import { whyText } from './reasons.js';

/** The current listings of a matched taxon, when the caller has them (the CLI and API look them up). */
export interface CsvListing { cites_listing: string | null; cms_listing: string | null }

export const PARSE_CSV_HEADER = [
  'id', 'verbatim', 'parsed', 'quality', 'canonical_simple', 'canonical_full', 'canonical_stemmed', 'cardinality', 'rank',
  'authorship', 'year', 'hybrid', 'surrogate', 'warnings',
] as const;

export const MATCH_CSV_HEADER = [
  'verbatim', 'canonical', 'match_type', 'edit_distance', 'score', 'matched_name', 'matched_status', 'accepted_name',
  'taxonomy', 'taxon_id', 'accepted_id', 'kingdom', 'alternatives', 'warnings',
  'authorship', 'matched_authorship', 'authorship_match', 'authorship_score', 'vernacular_name', 'vernacular_languages',
  'ambiguous', 'why_codes', 'why', 'cites_listing', 'cms_listing',
] as const;

/** RFC 4180 quoting: quote when the field holds a comma, quote, CR or LF. */
export function csvField(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return '"' + s.replace(/"/g, '""') + '"';
  }
  return s;
}

export function csvLine(fields: readonly unknown[]): string {
  return fields.map(csvField).join(',');
}

export function parseCsvFields(p: ParsedName): unknown[] {
  return [
    p.id, p.verbatim, p.parsed, p.quality, p.canonical?.simple, p.canonical?.full, p.canonical?.stemmed, p.cardinality, p.rank,
    p.authorship?.normalized, p.authorship?.year, p.hybrid, p.surrogate, p.warnings.join('; '),
  ];
}

export function matchCsvFields(m: MatchResult, listing?: CsvListing): unknown[] {
  const alts = m.alternatives.map((a) => `${a.matchedName ?? ''}${a.acceptedName && a.acceptedName !== a.matchedName ? ` → ${a.acceptedName}` : ''} [${[a.taxonomy, a.kingdom, a.taxonId].filter(Boolean).join(' ')}]`);
  return [
    m.verbatim, m.canonical, m.matchType, m.editDistance, m.score, m.matchedName, m.matchedStatus, m.acceptedName,
    m.taxonomy, m.taxonId, m.acceptedId, m.kingdom, alts.join(' | '), m.warnings.join('; '),
    m.authorship, m.matchedAuthorship, m.authorshipMatch, m.authorshipScore, m.vernacular?.name, m.vernacular?.languages.join(';'),
    m.ambiguous, m.reasons.map((r) => r.code).join(';'), whyText(m.reasons), listing?.cites_listing, listing?.cms_listing,
  ];
}

function isMatch(r: ParsedName | MatchResult): r is MatchResult {
  return (r as MatchResult).matchType !== undefined;
}

/** One CSV line (no newline) for a parse or a match result (with the matched taxon's listings, when known). */
export function toCsvRow(r: ParsedName | MatchResult, listing?: CsvListing): string {
  return csvLine(isMatch(r) ? matchCsvFields(r, listing) : parseCsvFields(r));
}

export function csvHeader(kind: 'parse' | 'match'): string {
  return csvLine(kind === 'parse' ? PARSE_CSV_HEADER : MATCH_CSV_HEADER);
}
