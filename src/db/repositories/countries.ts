// Read queries for countries (geo entities): Party membership in each
// convention, the species occurring there, the species both conventions cover.
import type { Database } from '../client.js';
import { currentListingSql } from './listings.js';
import type { TaxonomyFilter } from './taxa.js';

export interface CountryRow {
  iso2: string; iso3: string | null; m49: string | null; type: string; name_en: string; name_fr: string | null; name_es: string | null; region: string | null;
  is_current: boolean; cites_party_since: string | null; cms_party_since: string | null; cites_party: boolean; cms_party: boolean;
}

const countryColumns = `g.iso2, g.iso3, g.m49, g.type, g.name_en, g.name_fr, g.name_es, g.region, g.is_current,
  (select to_char(pm.entry_into_force, 'YYYY-MM-DD') from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CITES') cites_party_since,
  (select to_char(pm.entry_into_force, 'YYYY-MM-DD') from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CMS') cms_party_since,
  exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CITES') cites_party,
  exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CMS') cms_party`;

export async function listCountries(database: Database, opts: { party?: 'CITES' | 'CMS' } = {}): Promise<CountryRow[]> {
  const params: unknown[] = [];
  let where = 'true';
  if (opts.party) { params.push(opts.party); where = `exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = $1)`; }
  return database.query<CountryRow>(`select ${countryColumns} from geo_entities g where ${where} order by g.name_en`, params);
}

export async function getCountry(database: Database, iso2: string): Promise<CountryRow | null> {
  const [row] = await database.query<CountryRow>(`select ${countryColumns} from geo_entities g where g.iso2 = $1`, [iso2]);
  return row ?? null;
}

export interface CountrySpeciesRow {
  id: number; taxonomy_id: string; full_name: string; rank: string; family_name: string | null; tags: string[]; shared: boolean;
  cites_listing: string | null; cms_listing: string | null;
}

export interface CountrySpeciesQuery { sharedOnly?: boolean; taxonomy?: TaxonomyFilter; page: number; perPage: number }

/**
 * Accepted concepts occurring in a country, with their current listings (one
 * query for the page). `shared` marks those both conventions cover there: a
 * CITES concept linked to a CMS concept that also occurs in the country, or
 * the other way round. `taxonomy` filters after marking, so a CITES concept
 * stays shared when only CITES concepts are asked for.
 */
export async function countrySpecies(database: Database, iso2: string, opts: CountrySpeciesQuery): Promise<{ rows: CountrySpeciesRow[]; total: number; shared: number }> {
  const base = `with here as (
      select t.id, t.taxonomy_id, t.full_name, t.rank, t.family_name, d.tags from distributions d
        join geo_entities g on g.id = d.geo_entity_id join taxon_concepts t on t.id = d.taxon_concept_id
       where g.iso2 = $1 and t.deleted_at is null and t.name_status = 'A'),
    marked as (
      select h.*, exists (
        select 1 from concept_links k join here o on o.id = case when k.cms_taxon_concept_id = h.id then k.cites_taxon_concept_id else k.cms_taxon_concept_id end
         where (k.cms_taxon_concept_id = h.id or k.cites_taxon_concept_id = h.id) and k.relation <> 'disjunct') shared
      from here h),
    wanted as (select * from marked m where $2::text is null or m.taxonomy_id = $2)`;
  const params = [iso2, opts.taxonomy && opts.taxonomy !== 'both' ? opts.taxonomy.toUpperCase() : null];
  const filter = opts.sharedOnly ? 'where shared' : '';
  const rows = await database.query<CountrySpeciesRow>(
    `${base} select w.*, ${currentListingSql('CITES', 'w')} cites_listing, ${currentListingSql('CMS', 'w')} cms_listing
       from wanted w ${filter} order by full_name, taxonomy_id limit $3 offset $4`,
    [...params, opts.perPage, (opts.page - 1) * opts.perPage]);
  const [c] = await database.query<{ total: string; shared: string }>(`${base} select count(*) ${opts.sharedOnly ? 'filter (where shared)' : ''} total, count(*) filter (where shared) shared from wanted`, params);
  return { rows, total: Number(c.total), shared: Number(c.shared) };
}
