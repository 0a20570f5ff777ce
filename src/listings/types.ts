// The listing engine's plain data: listing-change events in, status out.
// Pure types; no database or HTTP here.

import type { Convention } from '../taxonomy/conventions.js';
import type { ChangeType } from '../taxonomy/ranks.js';
export { CONVENTIONS, ENTRY_INTO_FORCE, type Convention } from '../taxonomy/conventions.js';
export type { ChangeType } from '../taxonomy/ranks.js';

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
  /** 'I' | 'II' | 'III' (CITES); 'I' | 'II' (CMS). */
  appendix: string;
  changeType: ChangeType;
  /** YYYY-MM-DD; null when the source gives no date (a snapshot of current listings). */
  effectiveAt: string | null;
  /**
   * For an undated snapshot row: the day the source's list of current
   * listings is as of (the 2017 Checklist: 2017-04-21). The snapshot replaces
   * the taxon's listings on that day; dated changes after it still apply.
   */
  asOf?: string | null;
  /** For a snapshot row confirming a listing already in force: the day that listing began (the reason's "since"). */
  since?: string | null;
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
  | { kind: 'not_in_force'; since: string; text: string }
  | { kind: 'excluded'; from: TaxonRef | null; effectiveAt: string | null; text: string }
  | { kind: 'descendants'; appendices: string[]; text: string };

/** A taxon concept's status in one convention on one date. */
export interface ConventionStatus {
  /** Appendices covering the taxon itself (own or inherited), in order: I, II, III. */
  appendices: string[];
  /** The Checklist's summary, own and descendants': 'I/II', 'II/NC', 'NC'; null when nothing is listed. */
  listing: string | null;
  reasons: Reason[];
}

export type TaxonStatus = Record<Convention, ConventionStatus>;
