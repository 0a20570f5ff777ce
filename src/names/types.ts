/** Output types of the name engine. Field names follow gnparser. */

export interface AuthorTeam {
  authors: string[];
  year?: string;
  approximateYear?: boolean;
  exAuthors?: AuthorTeam;
  inAuthors?: AuthorTeam;
  emendAuthors?: AuthorTeam;
}

export interface Authorship {
  verbatim: string;
  normalized: string;
  /** Year of the combination authors, else of the basionym; "(1867)" when approximate. */
  year?: string;
  authors: string[];
  /** Parenthesised (original / basionym) authors. */
  basionym?: AuthorTeam;
  /** Authors of the current combination, after the parentheses. */
  combination?: AuthorTeam;
}

export interface Canonical {
  simple: string;
  full: string;
  stemmed: string;
}

export type HybridKind = 'NAMED_HYBRID' | 'HYBRID_FORMULA';
export type SurrogateKind = 'APPROXIMATION' | 'COMPARISON';

export interface ParsedName {
  verbatim: string;
  normalized?: string;
  parsed: boolean;
  /** 1 (clean) … 4 (severe problems) as gnparser; 0 when not parsed. */
  quality: number;
  canonical?: Canonical;
  cardinality: number;
  rank?: string;
  authorship?: Authorship;
  hybrid?: HybridKind;
  surrogate?: SurrogateKind;
  virus?: boolean;
  candidatus?: boolean;
  /** Unparsed rest of the input, if any. */
  tail?: string;
  warnings: string[];
  id: string;
}

export interface ParseOptions {
  /** Skip authorship and the id ('' then) and output only the canonical forms (fast path). */
  canonicalOnly?: boolean;
}
