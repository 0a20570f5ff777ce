// Presenters: allow-lists from repository rows to API shapes. Nothing leaves
// the API that is not named here.
import type { TaxonSummaryRow, TaxonDetailRow, ImportRunRow, Provenance } from '../db/repositories/taxa.js';
import type { ConventionStatusView } from './status.js';
import { joinedFields } from '../listings/current.js';
import { listingPeriods } from '../listings/periods.js';
import type { ChangeType, Convention, ListingChange } from '../listings/index.js';

const iso = (v: Date | string | null | undefined): string | null => (v == null ? null : new Date(v).toISOString());

export function presentProvenance(p: Provenance) {
  return { import_run_id: p.import_run_id ?? null, source_file: p.source_file ?? null, source_line: p.source_line ?? null };
}

export function presentHigherTaxa(r: Pick<TaxonSummaryRow, 'kingdom_name' | 'phylum_name' | 'class_name' | 'order_name' | 'family_name' | 'genus_name'>) {
  return { kingdom: r.kingdom_name, phylum: r.phylum_name, class: r.class_name, order: r.order_name, family: r.family_name, genus: r.genus_name };
}

export function presentTaxonSummary(r: TaxonSummaryRow) {
  return {
    id: r.id, taxonomy: r.taxonomy_id, speciesplus_id: r.speciesplus_id, full_name: r.full_name, author_year: r.author_year,
    rank: r.rank, name_status: r.name_status, higher_taxa: presentHigherTaxa(r),
    ...joinedFields(r), updated_at: iso(r.updated_at)!,
    matched: r.matched_kind ? { name: r.matched_name!, kind: r.matched_kind, language: r.matched_language ?? null } : null,
  };
}

export function presentListingChange(l: TaxonDetailRow['listing_changes'][number]) {
  return {
    id: l.id, convention: l.convention, appendix: l.appendix, change_type: l.change_type, effective_at: l.effective_at,
    party: l.party_iso2, is_current: l.is_current, populations_included: l.populations_included ?? [], populations_excluded: l.populations_excluded ?? [],
    inclusion_taxon_concept_id: l.inclusion_taxon_concept_id,
    annotation: { en: l.annotation_en, es: l.annotation_es, fr: l.annotation_fr, hash_symbol: l.hash_symbol, hash_text: l.hash_annotation_en },
    event: l.event, provenance: presentProvenance(l),
    other_sources: (l.other_sources ?? []).map(presentProvenance),
  };
}

function groupCommonNames(names: TaxonDetailRow['common_names']) {
  const out: Record<string, { name: string; provenance: ReturnType<typeof presentProvenance> }[]> = {};
  for (const c of names) (out[c.language] ??= []).push({ name: c.name, provenance: presentProvenance(c) });
  return out;
}

export function presentTaxonDetail(r: TaxonDetailRow, status: { CITES: ConventionStatusView; CMS: ConventionStatusView }, runs: ImportRunRow[]) {
  return {
    ...presentTaxonSummary({ ...r, matched_kind: null, matched_name: null, matched_language: null }),
    matched: undefined,
    legacy_id: r.legacy_id,
    provenance: presentProvenance(r),
    names: {
      accepted: { full_name: r.full_name, author_year: r.author_year },
      accepted_names: r.accepted_names.map((a) => ({ id: a.id, full_name: a.full_name, author_year: a.author_year, rank: a.rank })),
      synonyms: r.synonyms.map((s) => ({ id: s.id, full_name: s.full_name, author_year: s.author_year, rank: s.rank, name_status: s.name_status, provenance: presentProvenance(s) })),
      common_names: groupCommonNames(r.common_names),
    },
    ancestors: r.ancestors.map((a) => ({ id: a.id, full_name: a.full_name, rank: a.rank })),
    distributions: r.distributions.map((d) => ({ iso2: d.iso2, name: d.name, type: d.type, is_current: d.is_current !== false, tags: d.tags ?? [], references: d.references ?? [], provenance: presentProvenance(d) })),
    status,
    listing_history: r.listing_changes.map(presentListingChange),
    listing_periods: listingPeriods(r.listing_changes.map(asListingChange)),
    links: r.links.map((k) => ({
      id: k.id, relation: k.relation, basis: k.basis, origin: k.origin, confidence: k.confidence, review: k.review,
      evidence: k.evidence, comment: k.comment, updated_at: iso(k.updated_at)!,
      other: { id: k.other_id, taxonomy: k.other_taxonomy, full_name: k.other_full_name, rank: k.other_rank },
    })),
    references: r.references.map((x) => ({ citation: x.citation, is_standard: x.is_standard, speciesplus_id: x.speciesplus_id, provenance: presentProvenance(x) })),
    conservation: r.conservation.map((c) => ({
      source: c.source, category: c.category, criteria: c.criteria, year_published: c.year_published,
      population_trend: c.population_trend, assessed_name: c.assessed_name, provenance: presentProvenance(c),
    })),
    import_runs: runs.map(presentImportRun),
  };
}

/** A detail row's listing change as the listing engine reads it. */
function asListingChange(l: TaxonDetailRow['listing_changes'][number]): ListingChange {
  return {
    id: l.id, taxonConceptId: 0, convention: l.convention as Convention, appendix: l.appendix, changeType: l.change_type as ChangeType,
    effectiveAt: l.effective_at ? String(l.effective_at).slice(0, 10) : null, asOf: l.as_of ? String(l.as_of).slice(0, 10) : null,
    partyIso2: l.party_iso2?.trim() || null, isCurrent: l.is_current, populationsIncluded: l.populations_included ?? [], populationsExcluded: l.populations_excluded ?? [],
  };
}

export function presentImportRun(r: ImportRunRow) {
  return { id: r.id, source: r.source, file: r.file, status: r.status, started_at: iso(r.started_at)!, finished_at: iso(r.finished_at) };
}

/** Every import run id a detail row's facts point at. */
export function importRunIds(r: TaxonDetailRow): number[] {
  const ids = new Set<number>();
  const add = (p: Provenance) => { if (p.import_run_id != null) ids.add(p.import_run_id); };
  add(r);
  for (const list of [r.synonyms, r.common_names, r.distributions, r.listing_changes, r.references, r.conservation]) for (const p of list) add(p);
  for (const l of r.listing_changes) for (const p of l.other_sources ?? []) add(p);
  return [...ids].sort((a, b) => a - b);
}
