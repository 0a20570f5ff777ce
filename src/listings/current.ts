// The current status of a taxon in both conventions, as every view gives it:
// one SQL fragment (the derived taxon_status row, see joined.ts) and one
// function from that row to the fields the API, the CLI and the exports
// show. Lists and detail pages alike read it here, so a fact cannot differ
// between views.
import type { Convention } from '../taxonomy/conventions.js';
import { instrumentByCode } from '../taxonomy/instruments.js';
import { COMPLETE_SOURCES } from '../taxonomy/sources.js';
import type { JoinedRelation } from './joined.js';
import type { Reason } from './types.js';

const list = (formats: readonly string[]) => formats.map((f) => `'${f}'`).join(', ');
/** The day a convention's Appendix list is complete to: its newest complete source (one value a query, not a row). */
export const asOfSql = (convention: Convention) =>
  `(select to_char(max(r.as_of), 'YYYY-MM-DD') from import_runs r where r.status = 'succeeded' and r.source in (${list(COMPLETE_SOURCES[convention])}))`;

/** The joined-status columns of a concept aliased `t` (with JOINED_JOIN): `${joinedColumns('ts')}`. */
export const joinedColumns = (a = 'ts') => `${a}.record_id, ${a}.cites_listing, ${a}.cms_listing, ${a}.cites_appendices, ${a}.cms_appendices,
  ${a}.cites_concept_id, ${a}.cites_concept_name, ${a}.cites_relation, ${a}.cms_concept_id, ${a}.cms_concept_name, ${a}.cms_relation, ${a}.cms_instruments,
  ${asOfSql('CITES')} as cites_as_of, ${asOfSql('CMS')} as cms_as_of`;

/** Joins a concept aliased `t` to its joined status, aliased `a`. */
export const joinedJoin = (t = 't', a = 'ts') => `left join taxon_status ${a} on ${a}.taxon_concept_id = ${t}.id`;

export interface JoinedRow {
  record_id?: number | null;
  cites_listing: string | null; cms_listing: string | null;
  cites_appendices?: string[] | null; cms_appendices?: string[] | null;
  cites_concept_id?: number | null; cites_concept_name?: string | null; cites_relation?: string | null;
  cms_concept_id?: number | null; cms_concept_name?: string | null; cms_relation?: string | null;
  cms_instruments?: { code: string; since: string | null }[] | null;
  cites_as_of?: string | null; cms_as_of?: string | null;
}

export interface ConceptRef { id: number; full_name: string; relation: JoinedRelation }
export interface InstrumentView { code: string; name: string; kind: 'agreement' | 'mou'; since: string | null }

/** What every view says of a taxon's status: the listings, which concept each comes from, the CMS instruments. */
export interface JoinedFields {
  cites_listing: string | null;
  cms_listing: string | null;
  cites_concept: ConceptRef | null;
  cms_concept: ConceptRef | null;
  cms_instruments: InstrumentView[];
  /** The day the knowledge base is complete to for each convention (its newest complete source); newer facts of some taxa may come on top. */
  cites_as_of: string | null;
  cms_as_of: string | null;
}

const ref = (id: number | null | undefined, name: string | null | undefined, relation: string | null | undefined): ConceptRef | null =>
  (id == null || !name || !relation ? null : { id: Number(id), full_name: name, relation: relation as JoinedRelation });

export function instrumentViews(list: { code: string; since: string | null }[] | null | undefined): InstrumentView[] {
  return (list ?? []).map((i) => {
    const known = instrumentByCode(i.code);
    return { code: i.code, name: known?.name ?? i.code, kind: known?.kind ?? 'mou', since: i.since ?? null };
  });
}

/** The joined status row of a concept as API, CLI and export fields. No row (a synonym, nothing derived yet): nothing listed. */
export function joinedFields(r: JoinedRow | null | undefined): JoinedFields {
  return {
    cites_listing: r?.cites_listing ?? null,
    cms_listing: r?.cms_listing ?? null,
    cites_concept: ref(r?.cites_concept_id, r?.cites_concept_name, r?.cites_relation),
    cms_concept: ref(r?.cms_concept_id, r?.cms_concept_name, r?.cms_relation),
    cms_instruments: instrumentViews(r?.cms_instruments),
    cites_as_of: r?.cites_as_of ?? null,
    cms_as_of: r?.cms_as_of ?? null,
  };
}

/** A stored status row (taxon_listings) of one concept in one convention. */
export interface StoredStatus { listing: string | null; appendices: string[]; reasons: Reason[] }

export interface StatusView {
  listed: boolean;
  listing: string | null;
  appendices: string[];
  reasons: (Reason | { kind: 'via'; relation: JoinedRelation; concept: { id: number; full_name: string }; text: string })[];
  /** The concept this convention's status comes from, and how it is linked. */
  concept: ConceptRef | null;
}

const VIA_TEXT: Record<JoinedRelation, string> = {
  self: '', equal: 'the same taxon', included_in: 'a taxon it is part of', includes: 'a taxon that is part of it', overlaps: 'a taxon it overlaps',
};

/**
 * The status shown for one convention: the taxon's own, or its
 * counterpart's (the stored status of the concept the joined row names), with
 * a first reason saying where it comes from. A taxon that is part of its
 * counterpart (a CMS subspecies of a CITES species, a species of a listed
 * family) is covered by the counterpart's own listings only: reasons about
 * the counterpart's other descendants do not apply to it.
 */
export function statusView(convention: Convention, joined: JoinedFields, stored: StoredStatus | null | undefined): StatusView {
  const concept = convention === 'CITES' ? joined.cites_concept : joined.cms_concept;
  const listing = convention === 'CITES' ? joined.cites_listing : joined.cms_listing;
  if (!concept) return { listed: false, listing: null, appendices: [], reasons: [], concept: null };
  const appendices = (stored?.appendices ?? []).filter((a) => (convention === 'CMS' ? a === 'I' || a === 'II' : true));
  let reasons: StatusView['reasons'] = stored?.reasons ?? [];
  if (concept.relation === 'included_in') {
    const from = { id: concept.id, name: concept.full_name, rank: '' };
    reasons = reasons.filter((r) => r.kind !== 'descendants').map((r) => (r.kind === 'own'
      ? { kind: 'inherited', appendix: r.appendix, from, effectiveAt: r.effectiveAt, changeId: r.changeId, text: `listed as part of ${concept.full_name} in Appendix ${r.appendix}` }
      : r));
  }
  if (concept.relation !== 'self') {
    reasons = [{ kind: 'via', relation: concept.relation, concept: { id: concept.id, full_name: concept.full_name }, text: `${convention} status of ${concept.full_name}, ${VIA_TEXT[concept.relation]} in the ${convention} taxonomy` }, ...reasons];
  }
  return { listed: appendices.length > 0, listing, appendices, reasons: reasons.map(reasonView), concept };
}

const SNAKE_ALIASES = { effectiveAt: 'effective_at', changeId: 'change_id', hashSymbol: 'hash_symbol', hashAnnotation: 'hash_annotation' } as const;

/**
 * A reason as the API shows it: the stored (camelCase) fields gain their snake_case
 * names, the API's one casing; the camelCase ones stay a while, deprecated (docs/api.md).
 */
export function reasonView<R extends object>(r: R): R & Record<string, unknown> {
  const out: Record<string, unknown> = { ...(r as Record<string, unknown>) };
  for (const [camel, snake] of Object.entries(SNAKE_ALIASES)) if (camel in r) out[snake] = (r as Record<string, unknown>)[camel];
  return out as R & Record<string, unknown>;
}
