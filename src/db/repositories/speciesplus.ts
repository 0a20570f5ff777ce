// Read queries behind the Species+-compatible API: taxon concept pages with
// nested synonyms, common names and current listings; distributions,
// legislation and references of one concept.
import type { Database } from '../client.js';

export interface SppConceptRow {
  id: number; speciesplus_id: number | null; full_name: string; author_year: string | null; rank: string; name_status: string;
  updated_at: string; deleted: boolean; kingdom_name: string | null; phylum_name: string | null; class_name: string | null; order_name: string | null; family_name: string | null;
  cites_listing: string | null; cms_listing: string | null;
  synonyms: { id: number; full_name: string; author_year: string | null; rank: string }[];
  common_names: { name: string; language: string }[];
  listings: SppListingRow[];
}
export interface SppListingRow {
  id: number; taxon_concept_id: number; convention: string; appendix: string; change_type: string; effective_at: string | null; is_current: boolean;
  annotation_en: string | null; annotation_es: string | null; annotation_fr: string | null; hash_symbol: string | null; hash_annotation_en: string | null;
  party_iso2: string | null; party_name_en: string | null; party_name_fr: string | null; party_name_es: string | null; party_type: string | null;
}

export interface SppSearch { taxonomy: 'CITES' | 'CMS'; name?: string; withDescendants?: boolean; updatedSince?: Date; languages?: string[]; page: number; perPage: number }

const listingJson = (alias: string) => `json_build_object('id', ${alias}.id, 'taxon_concept_id', ${alias}.taxon_concept_id, 'convention', ${alias}.convention,
  'appendix', ${alias}.appendix, 'change_type', ${alias}.change_type, 'effective_at', ${alias}.effective_at, 'is_current', ${alias}.is_current,
  'annotation_en', ${alias}.annotation_en, 'annotation_es', ${alias}.annotation_es, 'annotation_fr', ${alias}.annotation_fr,
  'hash_symbol', ${alias}.hash_symbol, 'hash_annotation_en', ${alias}.hash_annotation_en, 'party_iso2', ${alias}.party_iso2,
  'party_name_en', pg.name_en, 'party_name_fr', pg.name_fr, 'party_name_es', pg.name_es, 'party_type', pg.type)`;

export async function sppTaxonConcepts(database: Database, s: SppSearch): Promise<{ rows: SppConceptRow[]; total: number }> {
  const params: unknown[] = [s.taxonomy];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const where = [`t.taxonomy_id = $1`, `t.name_status in ('A', 'N')`];
  if (s.name) {
    const key = p(s.name.toLowerCase());
    const matches = `select c.id from taxon_concepts c where c.taxonomy_id = $1 and lower(c.full_name) = ${key} and c.name_status in ('A', 'N')`;
    where.push(s.withDescendants
      ? `t.id in (with recursive down(id) as (${matches} union select k.id from taxon_concepts k join down on k.parent_id = down.id) select id from down)`
      : `t.id in (${matches})`);
  }
  if (s.updatedSince) where.push(`t.updated_at >= ${p(s.updatedSince.toISOString())}`);
  else where.push('t.deleted_at is null');
  const whereSql = where.join(' and ');
  const countParams = [...params];
  const langs = s.languages?.length ? p(s.languages.map((l) => l.toLowerCase())) : null;
  const limit = p(s.perPage);
  const offset = p((s.page - 1) * s.perPage);
  const rows = await database.query<SppConceptRow>(`
    select t.id, t.speciesplus_id, t.full_name, t.author_year, t.rank, t.name_status, t.updated_at, t.deleted_at is not null deleted,
      t.kingdom_name, t.phylum_name, t.class_name, t.order_name, t.family_name,
      (select tl.listing from taxon_listings tl where tl.taxon_concept_id = t.id and tl.convention = 'CITES') cites_listing,
      (select tl.listing from taxon_listings tl where tl.taxon_concept_id = t.id and tl.convention = 'CMS') cms_listing,
      coalesce((select json_agg(json_build_object('id', s.id, 'full_name', s.full_name, 'author_year', s.author_year, 'rank', s.rank) order by s.full_name)
        from taxon_relationships r join taxon_concepts s on s.id = r.other_taxon_concept_id where r.taxon_concept_id = t.id and r.type = 'HAS_SYNONYM'), '[]') synonyms,
      coalesce((select json_agg(json_build_object('name', c.name, 'language', c.language) order by c.language, c.name)
        from common_names c where c.taxon_concept_id = t.id ${langs ? `and c.language = any(${langs}::text[])` : ''}), '[]') common_names,
      coalesce((select json_agg(${listingJson('l')} order by l.effective_at, l.id)
        from listing_changes l left join geo_entities pg on pg.iso2 = l.party_iso2
        where l.taxon_concept_id = t.id and l.is_current and l.change_type = 'ADDITION'), '[]') listings
    from taxon_concepts t where ${whereSql} order by t.id limit ${limit} offset ${offset}`, params);
  const [{ n }] = await database.query<{ n: string }>(`select count(*) n from taxon_concepts t where ${whereSql}`, countParams);
  return { rows, total: Number(n) };
}

/** A concept by the id the Species+-compatible API shows (ours). */
export async function sppConceptExists(database: Database, id: number): Promise<boolean> {
  return (await database.query(`select 1 from taxon_concepts where id = $1 and deleted_at is null`, [id])).length > 0;
}

export async function sppLegislation(database: Database, id: number, scope: 'current' | 'historic' | 'all'): Promise<SppListingRow[]> {
  const scopeSql = scope === 'current' ? 'and l.is_current' : scope === 'historic' ? 'and not l.is_current' : '';
  return database.query<SppListingRow>(`
    select l.id, l.taxon_concept_id, l.convention, l.appendix, l.change_type, to_char(l.effective_at, 'YYYY-MM-DD') effective_at, l.is_current,
      l.annotation_en, l.annotation_es, l.annotation_fr, l.hash_symbol, l.hash_annotation_en, l.party_iso2,
      pg.name_en party_name_en, pg.name_fr party_name_fr, pg.name_es party_name_es, pg.type party_type
    from listing_changes l left join geo_entities pg on pg.iso2 = l.party_iso2
    where l.taxon_concept_id = $1 and l.convention = 'CITES' ${scopeSql} order by l.effective_at nulls first, l.id`, [id]);
}

export interface SppDistributionRow { id: number; iso2: string; name_en: string; name_fr: string | null; name_es: string | null; type: string; tags: string[]; references: string[] }

export async function sppDistributions(database: Database, id: number): Promise<SppDistributionRow[]> {
  return database.query<SppDistributionRow>(`
    select d.id, g.iso2, g.name_en, g.name_fr, g.name_es, g.type, d.tags, '{}'::text[] "references"
    from distributions d join geo_entities g on g.id = d.geo_entity_id where d.taxon_concept_id = $1 order by g.name_en`, [id]);
}

export interface SppReferenceRow { id: number; citation: string; is_standard: boolean }

export async function sppReferences(database: Database, id: number): Promise<SppReferenceRow[]> {
  return database.query<SppReferenceRow>(`
    select coalesce(r.speciesplus_id, r.id) id, r.citation, tr.is_standard
    from taxon_references tr join "references" r on r.id = tr.reference_id where tr.taxon_concept_id = $1 order by r.citation`, [id]);
}
