// Read queries of the alignment's products: the joint list (seed C5) and the
// nomenclature alignment report (seed A2). One SQL query loads the CMS
// concepts with their effective links (curated hide automatic) and both
// conventions' current status; filters and categories are applied here.
import type { Database } from '../db/client.js';
import type { Basis, NameDifference, Relation } from './align.js';
import { sortAppendices } from '../taxonomy/conventions.js';
import { instrumentViews, type InstrumentView } from '../listings/current.js';

export type CmsCategory = 'I' | 'II' | 'I+II' | 'agreement' | 'none';
export type CitesCategory = 'I' | 'II' | 'III' | 'split' | 'none';
export const CMS_CATEGORIES: readonly CmsCategory[] = ['I', 'II', 'I+II', 'agreement', 'none'];
export const CITES_CATEGORIES: readonly CitesCategory[] = ['I', 'II', 'III', 'split', 'none'];

export interface ConceptSide {
  id: number;
  name: string;
  rank: string;
  /** Summary as the Checklist writes it ('I/II', 'II', 'AEWA' ...); null when not listed. */
  listing: string | null;
  appendices: string[];
  category: CmsCategory | CitesCategory;
  /** Why it has this status (the listing engine's reasons). */
  reasons: unknown[];
  author: string | null;
  /** CMS side: the Agreements and MOUs covering it. */
  instruments?: InstrumentView[];
  /** CITES side: no CITES concept of its own; the higher taxon whose listing covers it. */
  viaHigherTaxon?: boolean;
}

export interface AlignmentRow {
  cms: ConceptSide;
  cites: ConceptSide | null;
  relation: Relation;
  basis: Basis;
  confidence: number;
  review: boolean;
  origin: 'automatic' | 'curated' | 'unaligned';
  difference: NameDifference;
  className: string | null;
  orderName: string | null;
  familyName: string | null;
  evidence: Record<string, unknown> | null;
  comment: string | null;
}

export interface JointListFilters {
  /** CMS side: an appendix, 'I+II', 'agreement', 'none', 'any' (I or II) or 'all'. Default 'I'. */
  cms?: CmsCategory | 'any' | 'all';
  /** CITES side: an appendix, 'split', 'none', 'any' (I, II or III) or 'all'. Default 'any'. */
  cites?: CitesCategory | 'any' | 'all';
  /** ISO2 of a range State of the species (in either taxonomy's distribution). */
  country?: string;
  className?: string;
  orderName?: string;
  familyName?: string;
}

interface Raw {
  cms_id: number; cms_name: string; cms_rank: string; cms_author: string | null;
  class_name: string | null; order_name: string | null; family_name: string | null;
  cms_listing: string | null; cms_appendices: string[] | null; cms_reasons: unknown[] | null; cms_instruments: { code: string; since: string | null }[] | null;
  higher_id: number | null; higher_name: string | null; higher_rank: string | null; higher_appendices: string[] | null;
  relation: string | null; basis: string | null; confidence: number | null; review: boolean | null; origin: string | null;
  evidence: Record<string, unknown> | null; comment: string | null;
  cites_id: number | null; cites_name: string | null; cites_rank: string | null; cites_author: string | null;
  cites_listing: string | null; cites_appendices: string[] | null; cites_reasons: unknown[] | null;
}

/**
 * The CMS concepts with their effective links (curated hide automatic), each
 * side's stored status, the CMS instruments, and, for a CMS concept with no
 * CITES counterpart of its own, the CITES higher taxon whose listing covers it
 * (the joined status, src/listings/joined.ts).
 */
const BASE_SQL = `
  with eff as (
    select l.* from concept_links l
     where l.origin = 'curated'
        or not exists (select 1 from concept_links c where c.cms_taxon_concept_id = l.cms_taxon_concept_id and c.origin = 'curated'))
  select cms.id as cms_id, cms.full_name as cms_name, cms.rank as cms_rank, cms.author_year as cms_author,
         cms.class_name, cms.order_name, cms.family_name,
         s_cms.listing as cms_listing, s_cms.appendices as cms_appendices, s_cms.reasons as cms_reasons, ts.cms_instruments,
         l.relation, l.basis, l.confidence, l.review, l.origin, l.evidence, l.comment,
         ci.id as cites_id, ci.full_name as cites_name, ci.rank as cites_rank, ci.author_year as cites_author,
         s_ci.listing as cites_listing, s_ci.appendices as cites_appendices, s_ci.reasons as cites_reasons,
         case when ci.id is null and ts.cites_relation = 'included_in' then ts.cites_concept_id end as higher_id,
         case when ci.id is null and ts.cites_relation = 'included_in' then ts.cites_concept_name end as higher_name,
         case when ci.id is null and ts.cites_relation = 'included_in' then ts.cites_appendices end as higher_appendices,
         hi.rank as higher_rank
    from taxon_concepts cms
    left join eff l on l.cms_taxon_concept_id = cms.id
    left join taxon_concepts ci on ci.id = l.cites_taxon_concept_id
    left join taxon_listings s_cms on s_cms.taxon_concept_id = cms.id and s_cms.convention = 'CMS'
    left join taxon_listings s_ci on s_ci.taxon_concept_id = ci.id and s_ci.convention = 'CITES'
    left join taxon_status ts on ts.taxon_concept_id = cms.id
    left join taxon_concepts hi on ci.id is null and ts.cites_relation = 'included_in' and hi.id = ts.cites_concept_id
   where cms.taxonomy_id = 'CMS' and cms.name_status = 'A' and cms.deleted_at is null`;

/** CMS I, II, both; 'agreement' when only an Agreement or MOU covers it. */
export function cmsCategory(appendices: string[], instruments: unknown[] = []): CmsCategory {
  const i = appendices.includes('I');
  const ii = appendices.includes('II');
  if (i && ii) return 'I+II';
  if (i) return 'I';
  if (ii) return 'II';
  return instruments.length ? 'agreement' : 'none';
}

export function citesCategory(appendices: string[]): CitesCategory {
  const own = appendices.filter((a) => a === 'I' || a === 'II' || a === 'III');
  if (own.length > 1) return 'split';
  return (own[0] as CitesCategory | undefined) ?? 'none';
}

async function loadRows(database: Database, where: { country?: string; cmsAppendices?: string[] } = {}): Promise<AlignmentRow[]> {
  const params: unknown[] = [];
  let extra = '';
  if (where.cmsAppendices) {
    // Narrow to CMS concepts listed in one of these appendices before the per-row status lookups.
    params.push(`{${where.cmsAppendices.join(',')}}`);
    const p = `$${params.length}::text[]`;
    extra += ` and s_cms.appendices && ${p}`;
  }
  if (where.country) {
    params.push(where.country.toUpperCase());
    // One set of the country's taxa, probed per row (a hashed subplan), not a join per row.
    const inCountry = `(select d.taxon_concept_id from distributions d join geo_entities g on g.id = d.geo_entity_id where g.iso2 = $${params.length})`;
    extra += ` and (cms.id in ${inCountry} or ci.id in ${inCountry})`;
  }
  const raws = await database.query<Raw>(`${BASE_SQL}${extra} order by cms.class_name nulls last, cms.full_name, cms.id, ci.full_name`, params);
  return raws.map(toRow);
}


function toRow(r: Raw): AlignmentRow {
  const cmsApp = sortAppendices(r.cms_appendices ?? []);
  const citesApp = sortAppendices(r.cites_appendices ?? []);
  const evidence = r.evidence ?? null;
  const higher = r.cites_id == null && r.higher_id != null ? higherSide(r) : null;
  return {
    cms: {
      id: Number(r.cms_id), name: r.cms_name, rank: r.cms_rank, listing: r.cms_listing, appendices: cmsApp,
      category: cmsCategory(cmsApp, r.cms_instruments ?? []), reasons: r.cms_reasons ?? [], author: r.cms_author,
      instruments: instrumentViews(r.cms_instruments),
    },
    cites: higher ?? (r.cites_id == null ? null : {
      id: Number(r.cites_id), name: r.cites_name!, rank: r.cites_rank!, listing: r.cites_listing, appendices: citesApp,
      category: citesCategory(citesApp), reasons: r.cites_reasons ?? [], author: r.cites_author,
    }),
    relation: (r.relation ?? 'disjunct') as Relation,
    basis: (r.basis ?? 'name') as Basis,
    confidence: r.confidence == null ? 0 : Math.round(Number(r.confidence) * 1000) / 1000,
    review: r.review ?? true,
    origin: (r.origin ?? 'unaligned') as AlignmentRow['origin'],
    difference: (evidence?.difference as NameDifference | undefined) ?? (r.origin === 'curated' ? curatedDifference(r) : 'no_counterpart'),
    className: r.class_name, orderName: r.order_name, familyName: r.family_name,
    evidence, comment: r.comment,
  };
}

/** No CITES counterpart of its own, but covered by a CITES higher taxon's listing (Gyps africanus by Accipitridae). */
function higherSide(r: Raw): ConceptSide {
  const appendices = sortAppendices(r.higher_appendices ?? []);
  return {
    id: Number(r.higher_id), name: r.higher_name!, rank: r.higher_rank ?? '', listing: appendices.join('/') || null, appendices, category: citesCategory(appendices),
    reasons: appendices.map((a) => ({ kind: 'inherited', appendix: a, from: { id: Number(r.higher_id), name: r.higher_name }, text: `listed as part of ${r.higher_name} in Appendix ${a}` })),
    author: null, viaHigherTaxon: true,
  };
}

function curatedDifference(r: Raw): NameDifference {
  if (r.cites_name == null) return 'no_counterpart';
  if (r.cites_name === r.cms_name) return 'none';
  if (r.relation !== 'equal') return r.cms_rank !== r.cites_rank ? 'rank' : 'split_lump';
  return r.cms_name.split(' ')[0] !== r.cites_name.split(' ')[0] ? 'genus_transfer' : 'synonym';
}

const eqi = (a: string | null, b?: string) => !b || (a ?? '').toLowerCase() === b.toLowerCase();

function cmsMatches(c: CmsCategory, f: JointListFilters['cms']): boolean {
  if (f === 'all') return true;
  if (f === 'any') return c === 'I' || c === 'II' || c === 'I+II';
  if (f === 'I') return c === 'I' || c === 'I+II';
  if (f === 'II') return c === 'II' || c === 'I+II';
  return c === f;
}

function citesMatches(c: CitesCategory, f: JointListFilters['cites'], appendices: string[]): boolean {
  if (!f || f === 'any') return c !== 'none';
  if (f === 'all') return true;
  if (f === 'I' || f === 'II' || f === 'III') return appendices.includes(f);
  return c === f;
}

/** Species in both conventions (default: CMS Appendix I and any CITES Appendix), one row per link. */
export async function jointList(database: Database, filters: JointListFilters = {}): Promise<AlignmentRow[]> {
  const cms = filters.cms ?? 'I';
  const narrow = cms === 'I' || cms === 'I+II' ? ['I'] : cms === 'II' ? ['II'] : cms === 'any' ? ['I', 'II'] : undefined;
  const rows = await loadRows(database, { country: filters.country, cmsAppendices: narrow });
  return rows.filter((r) => cmsMatches(r.cms.category as CmsCategory, filters.cms ?? 'I')
    && citesMatches((r.cites?.category ?? 'none') as CitesCategory, filters.cites ?? 'any', r.cites?.appendices ?? [])
    && eqi(r.className, filters.className) && eqi(r.orderName, filters.orderName) && eqi(r.familyName, filters.familyName));
}

/** Counts of CMS concepts per CMS category x CITES category (a concept linked to two CITES concepts counts in each cell once). */
export async function jointMatrix(database: Database, filters: Omit<JointListFilters, 'cms' | 'cites'> = {}): Promise<Record<CmsCategory, Record<CitesCategory, number>>> {
  const rows = (await loadRows(database, { country: filters.country }))
    .filter((r) => eqi(r.className, filters.className) && eqi(r.orderName, filters.orderName) && eqi(r.familyName, filters.familyName));
  const cells = new Map<string, Set<number>>();
  for (const r of rows) {
    const k = `${r.cms.category}|${r.cites?.category ?? 'none'}`;
    if (!cells.has(k)) cells.set(k, new Set());
    cells.get(k)!.add(r.cms.id);
  }
  const out = {} as Record<CmsCategory, Record<CitesCategory, number>>;
  for (const a of CMS_CATEGORIES) {
    out[a] = {} as Record<CitesCategory, number>;
    for (const b of CITES_CATEGORIES) out[a][b] = cells.get(`${a}|${b}`)?.size ?? 0;
  }
  return out;
}

export interface AlignmentReportOptions {
  /** Every CMS concept with its counterpart or none (default: only names that differ and CMS-listed taxa without counterpart). */
  all?: boolean;
  className?: string;
}

/** The nomenclature alignment report (A2): linked pairs whose names differ, and CMS-listed taxa with no CITES counterpart. */
export async function alignmentReport(database: Database, opts: AlignmentReportOptions = {}): Promise<AlignmentRow[]> {
  const rows = (await loadRows(database)).filter((r) => eqi(r.className, opts.className));
  if (opts.all) return rows;
  return rows.filter((r) => (r.cites ? r.difference !== 'none' : r.cms.category !== 'none'));
}

export interface ClassSummary { className: string; cmsConcepts: number; linked: number; equal: number; disjunct: number; review: number; alignedPercent: number }
export interface DataIssue { kind: string; taxonConceptId: number; name: string; convention?: string; detail: string }

/** Counts and alignment percentage by class, and the contradictory source facts found. */
export async function alignmentSummary(database: Database): Promise<{ byClass: ClassSummary[]; dataIssues: DataIssue[] }> {
  const rows = await loadRows(database);
  const byConcept = new Map<number, AlignmentRow[]>();
  for (const r of rows) byConcept.set(r.cms.id, [...(byConcept.get(r.cms.id) ?? []), r]);
  const classes = new Map<string, ClassSummary>();
  for (const rs of byConcept.values()) {
    const name = rs[0].className ?? '(no class)';
    const s = classes.get(name) ?? { className: name, cmsConcepts: 0, linked: 0, equal: 0, disjunct: 0, review: 0, alignedPercent: 0 };
    s.cmsConcepts++;
    if (rs.some((r) => r.cites)) s.linked++;
    if (rs.length === 1 && rs[0].relation === 'equal') s.equal++;
    if (rs.every((r) => !r.cites)) s.disjunct++;
    if (rs.some((r) => r.review)) s.review++;
    classes.set(name, s);
  }
  for (const s of classes.values()) s.alignedPercent = Math.round((1000 * s.linked) / Math.max(1, s.cmsConcepts)) / 10;
  return { byClass: [...classes.values()].sort((a, b) => a.className.localeCompare(b.className)), dataIssues: await dataIssues(database, rows) };
}

async function dataIssues(database: Database, rows: AlignmentRow[]): Promise<DataIssue[]> {
  // CITES lists a taxon in one appendix: two current listings in different
  // appendices, neither limited to populations, contradict each other. (CMS
  // lists many species in I and II at once, so that is not an issue there.)
  const contradictions = await database.query<{ id: number; full_name: string; appendices: string[]; lines: string[] }>(`
    select t.id, t.full_name, array_agg(distinct x.appendix order by x.appendix) as appendices,
           array_agg(distinct coalesce(x.source_file, '?') || ':' || coalesce(x.source_line::text, '?')) as lines
      from listing_changes x join taxon_concepts t on t.id = x.taxon_concept_id
     where x.convention = 'CITES' and x.is_current and x.change_type = 'ADDITION' and x.appendix in ('I', 'II')
       and cardinality(x.populations_included) = 0 and cardinality(x.populations_excluded) = 0
     group by t.id, t.full_name having count(distinct x.appendix) > 1 order by t.full_name`);
  const issues: DataIssue[] = contradictions.map((c) => ({
    kind: 'contradictory_listings', taxonConceptId: Number(c.id), name: c.full_name, convention: 'CITES',
    detail: `current listings in Appendices ${c.appendices.join(' and ')} without populations (${c.lines.join(', ')})`,
  }));
  const seen = new Set<string>();
  for (const r of rows) {
    const notes = (r.evidence?.notes as string[] | undefined) ?? [];
    for (const n of notes) {
      if (seen.has(n)) continue;
      seen.add(n);
      issues.push({ kind: 'duplicate_cms_concepts', taxonConceptId: r.cms.id, name: r.cms.name, convention: 'CMS', detail: n });
    }
    const same = (r.evidence?.sameName as number[] | undefined) ?? [];
    if (same.length && r.cites && !seen.has(`same:${r.cites.id}`)) {
      seen.add(`same:${r.cites.id}`);
      issues.push({ kind: 'duplicate_cites_concepts', taxonConceptId: r.cites.id, name: r.cites.name, convention: 'CITES', detail: `same name and rank as CITES concepts ${same.join(', ')}` });
    }
  }
  return issues;
}
