// Read queries for countries (geo entities): Party membership in each
// convention, the species occurring there, the species both conventions cover.
import type { Database } from '../client.js';
import { joinedColumns, type JoinedRow } from '../../listings/current.js';
import type { TaxonomyFilter } from './taxa.js';

export interface CountryRow {
  iso2: string; iso3: string | null; m49: string | null; type: string; name_en: string; name_fr: string | null; name_es: string | null; region: string | null;
  is_current: boolean; cites_party_since: string | null; cms_party_since: string | null; cites_party: boolean; cms_party: boolean;
  cites_source: MembershipSource | null; cms_source: MembershipSource | null;
}

/** Where a membership fact comes from: the file and the day it is as of, or a Secretariat's edit. */
const membershipSource = (convention: string) => `(select json_build_object('source', case when pm.origin = 'curated' then 'edited in Concord' else coalesce(r.source, pm.source_file) end,
    'file', pm.source_file, 'as_of', to_char(r.as_of, 'YYYY-MM-DD'), 'origin', pm.origin)
  from party_memberships pm left join import_runs r on r.id = pm.import_run_id where pm.geo_entity_id = g.id and pm.convention = '${convention}')`;

const countryColumns = `g.iso2, g.iso3, g.m49, g.type, g.name_en, g.name_fr, g.name_es, g.region, g.is_current,
  (select to_char(pm.entry_into_force, 'YYYY-MM-DD') from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CITES' and pm.is_party) cites_party_since,
  (select to_char(pm.entry_into_force, 'YYYY-MM-DD') from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CMS' and pm.is_party) cms_party_since,
  exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CITES' and pm.is_party) cites_party,
  exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = 'CMS' and pm.is_party) cms_party,
  ${membershipSource('CITES')} cites_source, ${membershipSource('CMS')} cms_source`;

export interface MembershipSource { source: string | null; file: string | null; as_of: string | null; origin: string }

export async function listCountries(database: Database, opts: { party?: 'CITES' | 'CMS' } = {}): Promise<CountryRow[]> {
  const params: unknown[] = [];
  let where = 'true';
  if (opts.party) { params.push(opts.party); where = `exists (select 1 from party_memberships pm where pm.geo_entity_id = g.id and pm.convention = $1 and pm.is_party)`; }
  return database.query<CountryRow>(`select ${countryColumns} from geo_entities g where ${where} order by g.name_en`, params);
}

export async function getCountry(database: Database, iso2: string): Promise<CountryRow | null> {
  const [row] = await database.query<CountryRow>(`select ${countryColumns} from geo_entities g where g.iso2 = $1`, [iso2]);
  return row ?? null;
}

export interface CountrySpeciesRow extends JoinedRow {
  id: number; taxonomy_id: string; full_name: string; rank: string; family_name: string | null; tags: string[]; shared: boolean;
}

export interface CountrySpeciesQuery { sharedOnly?: boolean; taxonomy?: TaxonomyFilter; page: number; perPage: number }

/**
 * The species occurring in a country, one row per species (concepts of the
 * two taxonomies that are one species count once, under the CITES name),
 * with their status in both conventions. `shared` marks those listed in both
 * conventions. A `taxonomy` filter lists that taxonomy's concepts instead.
 */
export async function countrySpecies(database: Database, iso2: string, opts: CountrySpeciesQuery): Promise<{ rows: CountrySpeciesRow[]; total: number; shared: number }> {
  const one = opts.taxonomy && opts.taxonomy !== 'both' ? opts.taxonomy.toUpperCase() : null;
  const base = `with here as (
      select ${one ? 't.id' : 'coalesce(ts.record_id, t.id)'} as rid, coalesce(array_agg(distinct tg) filter (where tg is not null), '{}') as tags
        from distributions d join geo_entities g on g.id = d.geo_entity_id join taxon_concepts t on t.id = d.taxon_concept_id
        left join taxon_status ts on ts.taxon_concept_id = t.id
        left join lateral unnest(d.tags) tg on true
       where g.iso2 = $1 and t.deleted_at is null and t.name_status = 'A' and ($2::text is null or t.taxonomy_id = $2)
       group by 1),
    wanted as (
      select r.id, r.taxonomy_id, r.full_name, r.rank, r.family_name, h.tags, ${joinedColumns('js')},
             (js.cites_listing is not null and js.cms_listing is not null) as shared
        from here h join taxon_concepts r on r.id = h.rid left join taxon_status js on js.taxon_concept_id = r.id)`;
  const params = [iso2, one];
  const filter = opts.sharedOnly ? 'where shared' : '';
  const rows = await database.query<CountrySpeciesRow>(
    `${base} select * from wanted w ${filter} order by full_name, taxonomy_id limit $3 offset $4`,
    [...params, opts.perPage, (opts.page - 1) * opts.perPage]);
  const [c] = await database.query<{ total: string; shared: string }>(`${base} select count(*) ${opts.sharedOnly ? 'filter (where shared)' : ''} total, count(*) filter (where shared) shared from wanted`, params);
  return { rows, total: Number(c.total), shared: Number(c.shared) };
}
