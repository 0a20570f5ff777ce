/**
 * Why a match answer is what it is: a stable code, its parameters and the
 * English text. The API gives all three; the web page translates the code
 * (web/src/locales, keys `why.<code>`) with the same parameters. The first
 * reason of a result is its verdict; the others qualify it.
 */

export const REASON_TEXT = {
  // verdicts
  exact: 'exact name: {matched}',
  variant: 'spelling variant of {matched}',
  fuzzy: 'misspelt: {edits} edit(s) from {matched}',
  fuzzy_authors: 'epithet {edits} edit(s) from {matched}, accepted because genus and authors agree',
  vernacular: 'common name ({language}) of {matched}',
  infraspecific_nearest: 'nearest name one rank up: {matched}',
  narrower_name: 'only a narrower name is known: {matched}',
  species_only: 'species only: {matched}',
  genus_only: 'genus only: {matched}',
  hybrid_parents: 'hybrid formula: {found} of {parents} parent(s) found',
  ambiguous: 'ambiguous: {count_words} accepted names ({names})',
  ambiguous_kingdoms: 'ambiguous: genus {matched} in {kingdoms}',
  ambiguous_vernacular: 'ambiguous: common name of {count_words} taxa ({names})',
  ambiguous_narrower: 'ambiguous: {count_words} narrower names ({names})',
  no_match: 'no match in {where}',
  not_a_name: 'not a scientific name',
  // status of the matched name
  accepted: 'accepted name in {taxonomy}',
  synonym: 'synonym of {accepted} in {taxonomy}',
  synonym_unresolved: 'synonym without an accepted name in {taxonomy}',
  also_synonym: 'also recorded as a synonym of {names}',
  // authorship
  authors_agree: 'authors agree: {query}',
  authors_compatible: 'authors compatible: {query} vs {matched} ({notes})',
  authors_differ: 'authors differ: {query} vs {matched}',
  years_differ: 'years differ: {query_year} vs {matched_year}',
  homonym_resolved: 'homonym resolved by the authors',
  exact_authors_differ: 'the exact name {exact} has other authors ({authors})',
  // doubts
  genus_unknown: 'genus {genus} is in no checklist',
  nearest_genus_not_offered: 'genus {genus} is in no checklist; the nearest genus, {nearest} ({edits} edit(s)), is not offered',
  fuzzy_genus_and_epithet: 'genus and epithet both misspelt in a short name: {nearest} not offered',
  context_mismatch: '{rank} differs: {given} given, {found} found',
  context_resolved: 'the given {rank} ({given}) singled out one name',
  comparison: 'cf.: identification uncertain',
  approximate: 'sp./aff./nr.: an unnamed taxon within {matched}',
  all_species: 'spp.: all species of {matched}',
  tail_ignored: 'ignored "{tail}"',
} as const;

export type ReasonCode = keyof typeof REASON_TEXT;
export type ReasonParams = Record<string, string | number>;

export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
  /** English text. */
  text: string;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Templates split once into literal parts and parameter names (odd positions), so filling one is a few concatenations. */
const COMPILED = Object.fromEntries(Object.entries(REASON_TEXT).map(([code, text]) => [code, text.split(/\{(\w+)\}/)])) as Record<ReasonCode, string[]>;

/** The text of a code with its parameters filled in ({count_words} spells small counts: "two"). */
export function reasonText(code: ReasonCode, params: ReasonParams): string {
  const parts = COMPILED[code];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    if (k === 'count_words') {
      const n = Number(params.count);
      out += WORDS[n] ?? String(n);
    } else {
      const v = params[k];
      if (v !== undefined) out += v;
    }
    out += parts[i + 1];
  }
  return out;
}

export function reason(code: ReasonCode, params: ReasonParams = {}): Reason {
  return { code, params, text: reasonText(code, params) };
}

/** All reasons of a result as one line ("fuzzy …; genus … is in no checklist"), as the CSV shows them. */
export function whyText(reasons: readonly Reason[]): string {
  return reasons.map((r) => r.text).join('; ');
}
