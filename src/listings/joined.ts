// The joined status: a taxon's status in BOTH conventions, whichever taxonomy
// it comes from. Its own convention's status is its own (the listing engine's
// result); the other convention's comes from its counterpart in the other
// taxonomy through the concept links (RCC-5), else from the counterpart of its
// nearest higher taxon ("Gyps africanus, not named in the CMS taxonomy, is in
// CMS Appendix II as part of Accipitridae"). Pure: plain data in and out.
import type { Convention } from '../taxonomy/conventions.js';
import { APPENDICES, sortAppendices } from '../taxonomy/conventions.js';
import { nameKey } from '../taxonomy/keys.js';

/** How the concept a status comes from is linked to the taxon, from the taxon's side. */
export type JoinedRelation = 'self' | 'equal' | 'includes' | 'included_in' | 'overlaps';

export interface JoinConcept { id: number; taxonomy: Convention; name: string; rank: string; parentId: number | null }

/** A concept's status in its own convention (taxon_listings). */
export interface OwnStatus { listing: string | null; appendices: string[] }

/** An effective concept link (curated links already hide the automatic ones of their CMS concept). */
export interface JoinLink { cmsId: number; citesId: number | null; relation: string; confidence: number }

export interface JoinedSide {
  conceptId: number | null;
  conceptName: string | null;
  relation: JoinedRelation | null;
  /** The Checklist-style summary ('I/II', 'III'); CMS: 'I', 'II' or 'I/II'. */
  listing: string | null;
  /** Appendices covering the taxon itself. */
  appendices: string[];
}

export interface InstrumentRef { code: string; since: string | null }

export interface JoinedStatus {
  id: number;
  /** The joined record: concepts that are one species in both taxonomies share it (the CITES concept's id). */
  recordId: number;
  CITES: JoinedSide;
  CMS: JoinedSide;
  /** CMS Agreements and MOUs covering the taxon (through its CMS concept and that concept's higher taxa). */
  instruments: InstrumentRef[];
}

const INVERSE: Record<string, JoinedRelation> = { equal: 'equal', includes: 'included_in', included_in: 'includes', overlaps: 'overlaps' };
/** Which counterpart speaks for the taxon: one that is the same taxon, then one it is part of. */
const RELATION_RANK: Record<JoinedRelation, number> = { self: 0, equal: 0, included_in: 1, includes: 2, overlaps: 3 };

interface Counterpart { id: number; relation: JoinedRelation; confidence: number }

const EMPTY_SIDE: JoinedSide = Object.freeze({ conceptId: null, conceptName: null, relation: null, listing: null, appendices: [] }) as unknown as JoinedSide;

/** Only a convention's appendices ('I', 'II' for CMS), in order. */
function appendicesOf(convention: Convention, list: string[]): string[] {
  return sortAppendices(list.filter((a) => APPENDICES[convention].includes(a)));
}

/** The summary a convention's listing may show: CITES keeps NC ('I/II/NC'); CMS is I, II or I/II. */
function summaryOf(convention: Convention, listing: string | null): string | null {
  if (!listing) return null;
  const parts = listing.split('/').filter((p) => APPENDICES[convention].includes(p) || (convention === 'CITES' && p === 'NC'));
  return parts.length && parts.some((p) => p !== 'NC') ? parts.join('/') : null;
}

export function joinStatuses(concepts: JoinConcept[], own: Map<number, OwnStatus>, links: JoinLink[], coverage: Map<number, InstrumentRef[]>): JoinedStatus[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const counterparts = new Map<number, Counterpart[]>();
  const add = (from: number, c: Counterpart) => { const l = counterparts.get(from); if (l) l.push(c); else counterparts.set(from, [c]); };
  for (const l of links) {
    if (l.citesId == null || l.relation === 'disjunct' || !byId.has(l.cmsId) || !byId.has(l.citesId)) continue;
    add(l.cmsId, { id: l.citesId, relation: (INVERSE[l.relation] ? l.relation : 'overlaps') as JoinedRelation, confidence: l.confidence });
    add(l.citesId, { id: l.cmsId, relation: INVERSE[l.relation] ?? 'overlaps', confidence: l.confidence });
  }
  const sameName = (a: number, b: number) => nameKey(byId.get(a)!.name) === nameKey(byId.get(b)!.name);
  /** The primary counterpart: equal first, then the same name, then part-of, then confidence. */
  const primary = new Map<number, Counterpart>();
  for (const [id, list] of counterparts) {
    const best = [...list].sort((x, y) => Number(y.relation === 'equal') - Number(x.relation === 'equal')
      || Number(sameName(id, y.id)) - Number(sameName(id, x.id))
      || RELATION_RANK[x.relation] - RELATION_RANK[y.relation] || y.confidence - x.confidence || x.id - y.id)[0];
    primary.set(id, best);
  }
  const instrumentsOf = memo((cmsId: number): InstrumentRef[] => {
    const c = byId.get(cmsId);
    const up = c?.parentId != null && byId.has(c.parentId) ? instrumentsOf(c.parentId) : [];
    const mine = coverage.get(cmsId) ?? [];
    const seen = new Set(mine.map((i) => i.code));
    return [...mine, ...up.filter((i) => !seen.has(i.code))].sort((a, b) => a.code.localeCompare(b.code));
  });

  /** The other convention's side through a direct link, else through the nearest linked higher taxon. */
  const otherSide = (c: JoinConcept, other: Convention): JoinedSide => {
    const p = primary.get(c.id);
    if (p) {
      const s = own.get(p.id);
      return { conceptId: p.id, conceptName: byId.get(p.id)!.name, relation: p.relation, listing: summaryOf(other, s?.listing ?? null), appendices: appendicesOf(other, s?.appendices ?? []) };
    }
    for (let a = c.parentId == null ? undefined : byId.get(c.parentId); a; a = a.parentId == null ? undefined : byId.get(a.parentId)) {
      const q = primary.get(a.id);
      if (!q || (q.relation !== 'equal' && q.relation !== 'included_in')) continue;
      // The higher taxon's counterpart covers the taxon only by its own listing, not its descendants' summary.
      const appendices = appendicesOf(other, own.get(q.id)?.appendices ?? []);
      if (!appendices.length) return EMPTY_SIDE;
      return { conceptId: q.id, conceptName: byId.get(q.id)!.name, relation: 'included_in', listing: appendices.join('/'), appendices };
    }
    return EMPTY_SIDE;
  };

  return concepts.map((c) => {
    const other: Convention = c.taxonomy === 'CITES' ? 'CMS' : 'CITES';
    const s = own.get(c.id);
    const self: JoinedSide = { conceptId: c.id, conceptName: c.name, relation: 'self', listing: summaryOf(c.taxonomy, s?.listing ?? null), appendices: appendicesOf(c.taxonomy, s?.appendices ?? []) };
    const otherOne = otherSide(c, other);
    const cms = c.taxonomy === 'CMS' ? self : otherOne;
    const p = primary.get(c.id);
    // One species in both taxonomies: each is the other's primary counterpart, linked as equal or under one name.
    const mutual = p && primary.get(p.id)?.id === c.id && (p.relation === 'equal' || sameName(c.id, p.id));
    return {
      id: c.id,
      recordId: mutual && c.taxonomy === 'CMS' ? p.id : c.id,
      CITES: c.taxonomy === 'CITES' ? self : otherOne,
      CMS: cms,
      instruments: cms.conceptId != null && (cms.relation === 'self' || cms.relation === 'equal' || (cms.relation === 'includes' && c.taxonomy === 'CITES')) ? instrumentsOf(cms.conceptId) : [],
    };
  });
}

function memo<A, R>(f: (a: A) => R): (a: A) => R {
  const cache = new Map<A, R>();
  return (a) => {
    if (cache.has(a)) return cache.get(a)!;
    const r = f(a);
    cache.set(a, r);
    return r;
  };
}
