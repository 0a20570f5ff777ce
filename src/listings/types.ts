// The listing engine's plain data: listing-change events in, status out.
// Pure types; no database or HTTP here.

export type Convention = 'CITES' | 'CMS';
export const CONVENTIONS: readonly Convention[] = ['CITES', 'CMS'];

export type ChangeType = 'ADDITION' | 'DELETION' | 'RESERVATION' | 'RESERVATION_WITHDRAWAL' | 'EXCEPTION';

/** Dates the conventions entered into force: nothing can be listed before them. */
export const ENTRY_INTO_FORCE: Record<Convention, string> = { CITES: '1975-07-01', CMS: '1983-11-01' };

export interface Annotation {
  en?: string | null;
  es?: string | null;
  fr?: string | null;
  /** The long English text of the Checklist, when there is one. */
  fullEn?: string | null;
}

/** One event of a taxon concept's legal history in one convention. */
export interface ListingChange {
  id: number | string;
  taxonConceptId: number;
  convention: Convention;
  /** 'I' | 'II' | 'III'; for CMS 'I' | 'II' or an agreement (AEWA, EUROBATS, ...). */
  appendix: string;
  changeType: ChangeType;
  /** YYYY-MM-DD; null when the source gives no date (treated as in force since the convention began). */
  effectiveAt: string | null;
  /** The listing Party of an App III listing, or the Party making a reservation. */
  partyIso2?: string | null;
  /** The source's own "is current" flag (kept for checks; the engine derives status from dates). */
  isCurrent?: boolean;
  /** Only these populations (ISO2) are listed. */
  populationsIncluded?: string[];
  /** All populations except these (ISO2) are listed. */
  populationsExcluded?: string[];
  /** Listed as part of this higher taxon's listing ("Included in Felidae spp."). */
  inclusionTaxonConceptId?: number | null;
  /** Taxa left out of this (higher-taxon) listing; they and their subtrees are not covered. */
  excludedTaxonConceptIds?: number[];
  annotation?: Annotation | null;
  /** '#1' ... with its text. */
  hashSymbol?: string | null;
  hashAnnotation?: string | null;
}

/** A node of one taxonomy's tree. */
export interface TaxonNode {
  id: number;
  name: string;
  rank: string;
  parentId: number | null;
  /**
   * Summary already known for this node (e.g. stored in the database), used
   * instead of computing it: lets a partial tree stand for the whole one.
   */
  knownSummary?: Partial<Record<Convention, string | null>>;
}

export interface TaxonRef { id: number; name: string; rank: string }

export type Reason =
  | { kind: 'own'; appendix: string; effectiveAt: string | null; changeId: number | string; text: string }
  | { kind: 'inherited'; appendix: string; from: TaxonRef; effectiveAt: string | null; changeId: number | string; text: string }
  | { kind: 'population'; appendix: string; included: string[]; excluded: string[]; text: string }
  | { kind: 'reservation'; appendix: string; party: string; effectiveAt: string | null; text: string }
  | { kind: 'app3'; appendix: 'III'; party: string; effectiveAt: string | null; text: string }
  | { kind: 'annotation'; appendix: string; en: string | null; es: string | null; fr: string | null; hashSymbol: string | null; hashAnnotation: string | null; changeId: number | string; text: string }
  | { kind: 'deletion'; appendix: string; party: string | null; effectiveAt: string | null; text: string }
  | { kind: 'excluded'; from: TaxonRef | null; effectiveAt: string | null; text: string }
  | { kind: 'descendants'; appendices: string[]; text: string };

/** A taxon concept's status in one convention on one date. */
export interface ConventionStatus {
  /** Appendices (and CMS agreements) covering the taxon itself, in order: I, II, III, then agreements. */
  appendices: string[];
  /** The Checklist's summary, own and descendants': 'I/II', 'II/NC', 'NC'; null when nothing is listed. */
  listing: string | null;
  reasons: Reason[];
}

export type TaxonStatus = Record<Convention, ConventionStatus>;
