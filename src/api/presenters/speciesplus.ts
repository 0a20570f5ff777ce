// Presenters for the Species+-compatible API: the JSON shapes of
// api.speciesplus.net/api/v1 (keys, nesting, types), built from our rows.
import type { SppConceptRow, SppListingRow, SppDistributionRow, SppReferenceRow } from '../../db/repositories/speciesplus.js';

type Lang = 'en' | 'es' | 'fr';
const CHANGE_CODE: Record<string, string> = { ADDITION: '+', DELETION: '-', RESERVATION: 'R+', RESERVATION_WITHDRAWAL: 'R-', EXCEPTION: 'Ex' };

function annotation(l: SppListingRow, lang: Lang): string | null {
  return (lang === 'fr' ? l.annotation_fr : lang === 'es' ? l.annotation_es : null) ?? l.annotation_en;
}

function party(l: SppListingRow, lang: Lang) {
  if (!l.party_iso2) return null;
  const name = (lang === 'fr' ? l.party_name_fr : lang === 'es' ? l.party_name_es : null) ?? l.party_name_en ?? l.party_iso2;
  return { iso_code2: l.party_iso2, name, type: l.party_type ?? 'COUNTRY' };
}

const hash = (l: SppListingRow) => (l.hash_symbol ? { symbol: l.hash_symbol, full_note: l.hash_annotation_en } : null);

/** A current listing as nested in a taxon concept. */
function nestedListing(l: SppListingRow, lang: Lang) {
  return { id: l.id, appendix: l.appendix, annotation: annotation(l, lang), hash_annotation: hash(l), effective_at: l.effective_at, party: party(l, lang) };
}

export function presentSppConcept(r: SppConceptRow, taxonomy: 'CITES' | 'CMS', lang: Lang) {
  const own = (c: string) => r.listings.filter((l) => l.convention === c).map((l) => nestedListing(l, lang));
  const summary = (c: string, stored: string | null) => stored ?? ([...new Set(r.listings.filter((l) => l.convention === c).map((l) => l.appendix))].sort().join('/') || null);
  return {
    id: r.id, full_name: r.full_name, author_year: r.author_year, rank: r.rank, name_status: r.name_status,
    updated_at: new Date(r.updated_at).toISOString(), active: !r.deleted,
    cites_listing: taxonomy === 'CITES' ? summary('CITES', r.cites_listing) : null,
    higher_taxa: { kingdom: r.kingdom_name, phylum: r.phylum_name, class: r.class_name, order: r.order_name, family: r.family_name },
    synonyms: r.synonyms.map((s) => ({ id: s.id, full_name: s.full_name, author_year: s.author_year, rank: s.rank })),
    common_names: r.common_names.map((c) => ({ name: c.name, language: c.language.toUpperCase() })),
    cites_listings: taxonomy === 'CITES' ? own('CITES') : [],
    ...(taxonomy === 'CMS' ? { cms_listing: summary('CMS', r.cms_listing), cms_listings: own('CMS') } : {}),
  };
}

export function presentSppLegislation(rows: SppListingRow[], lang: Lang) {
  return {
    cites_listings: rows.map((l) => {
      const p = party(l, lang);
      return {
        id: l.id, taxon_concept_id: l.taxon_concept_id, is_current: l.is_current, appendix: l.appendix,
        change_type: CHANGE_CODE[l.change_type] ?? l.change_type, effective_at: l.effective_at, annotation: annotation(l, lang),
        ...(p ? { party: p } : {}),
      };
    }),
    cites_quotas: [] as unknown[],
    cites_suspensions: [] as unknown[],
  };
}

export function presentSppDistribution(d: SppDistributionRow, lang: Lang) {
  const name = (lang === 'fr' ? d.name_fr : lang === 'es' ? d.name_es : null) ?? d.name_en;
  return { id: d.id, iso_code2: d.iso2, name, tags: d.tags ?? [], type: d.type, references: d.references ?? [] };
}

export function presentSppReference(r: SppReferenceRow) {
  return { id: r.id, citation: r.citation, is_standard: r.is_standard };
}
