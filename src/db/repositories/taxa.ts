// Read queries for taxon concepts: search (names, synonyms, common names,
// filters) and the full detail of one concept with the provenance of every
// fact. Parameterised SQL only; callers get plain rows for the presenters.
import type { Database } from '../client.js';
import { joinedColumns, type JoinedRow } from '../../listings/current.js';

export type TaxonomyFilter = 'cites' | 'cms' | 'both';

export interface TaxonSearch {
  /** Name prefix: accepted, synonym or common name in any language (accent-insensitive). */
  q?: string;
  taxonomy?: TaxonomyFilter;
  rank?: string;
  /** Name of a higher taxon (kingdom ... genus). */
  higherTaxon?: string;
  citesAppendix?: string;
  /** 'I' includes taxa in I/II. */
  cmsAppendix?: string;
  /** Code of a CMS Agreement or MOU (src/taxonomy/instruments.ts). */
  cmsInstrument?: string;
  /** ISO2 of a range State. */
  rangeState?: string;
  /** Include synonyms and other non-accepted concepts as results (default false). */
  allStatuses?: boolean;
  updatedSince?: Date;
  page: number;
  perPage: number;
}

export interface TaxonSummaryRow extends JoinedRow {
  id: number; taxonomy_id: string; speciesplus_id: number | null; full_name: string; author_year: string | null;
  rank: string; name_status: string; kingdom_name: string | null; phylum_name: string | null; class_name: string | null;
  order_name: string | null; family_name: string | null; genus_name: string | null; updated_at: Date | string;
  matched_name: string | null; matched_kind: string | null; matched_language: string | null;
}

/** LIKE pattern for a prefix, with the user's % _ \ taken literally. */
export function prefixPattern(key: string): string {
  return `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A joined record's members: the concepts of both taxonomies that are one
 * species (taxon_status.record_id). Filters on range State and higher taxon
 * apply to the record, so a CITES row is found by its CMS concept's facts too.
 */
const memberOf = (cond: string) => `exists (select 1 from taxon_status mm join taxon_concepts mc on mc.id = mm.taxon_concept_id where mm.record_id = ts.record_id and ${cond})`;

/**
 * Search. With taxonomy 'both' (the default) the answer has one row per
 * species: concepts of the two taxonomies that are one species (linked as
 * equal) are one row, the CITES concept carrying the CMS one's name in
 * cms_concept ("Panthera uncia — CMS: Uncia uncia"); counts count species.
 * With 'cites' or 'cms', one row per concept of that taxonomy, each with its
 * status in both conventions. Appendix filters apply to the joined status
 * ("CMS Appendix I" includes I/II).
 */
export async function searchTaxa(database: Database, s: TaxonSearch): Promise<{ rows: TaxonSummaryRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const where: string[] = ['t.deleted_at is null'];
  const joined = !s.allStatuses && (!s.taxonomy || s.taxonomy === 'both');
  let from = 'taxon_concepts t left join taxon_status ts on ts.taxon_concept_id = t.id';
  let matched = 'null::text as matched_name, null::text as matched_kind, null::text as matched_language';
  let order = 't.full_name, t.id';
  if (s.q) {
    const key = p(s.q);
    const pat = p(prefixPattern(s.q));
    if (joined && plainSearch(s)) return autocomplete(database, s.q, s);
    // Every name that starts with the query (search_names: mapped to its accepted concept and, for 'both', to its species record).
    const target = joined ? 'h.record_id' : 'h.taxon_id';
    from = `(select distinct on (${target}) ${target} as taxon_id, h.name, h.kind, h.language, h.name_key = ${key} exact
        from search_names h where h.name_key like ${pat}
       order by ${target}, h.name_key = ${key} desc, h.priority, h.name) m join taxon_concepts t on t.id = m.taxon_id
      left join taxon_status ts on ts.taxon_concept_id = t.id`;
    matched = 'm.name as matched_name, m.kind as matched_kind, m.language as matched_language';
    order = 'm.exact desc, length(t.full_name), t.full_name, t.id';
  } else if (joined) {
    // One row per species: the record's own concept (the CITES one of an equal pair).
    where.push('(ts.record_id is null or ts.record_id = t.id)');
  }
  if (!s.allStatuses) where.push(`t.name_status = 'A'`);
  if (s.taxonomy && s.taxonomy !== 'both') where.push(`t.taxonomy_id = ${p(s.taxonomy.toUpperCase())}`);
  if (s.rank) where.push(`t.rank = ${p(s.rank)}`);
  if (s.higherTaxon) {
    const h = p(s.higherTaxon);
    const names = (a: string) => `${h} in (${a}.kingdom_name, ${a}.phylum_name, ${a}.class_name, ${a}.order_name, ${a}.family_name, ${a}.genus_name)`;
    where.push(`(${names('t')} or ${memberOf(names('mc'))})`);
  }
  if (s.citesAppendix) where.push(`${p(s.citesAppendix)} = any(ts.cites_appendices)`);
  if (s.cmsAppendix) where.push(`${p(s.cmsAppendix)} = any(ts.cms_appendices)`);
  if (s.cmsInstrument) where.push(`ts.cms_instruments @> jsonb_build_array(jsonb_build_object('code', ${p(s.cmsInstrument)}::text))`);
  if (s.rangeState) {
    const iso = p(s.rangeState);
    const inCountry = (a: string) => `exists (select 1 from distributions d join geo_entities g on g.id = d.geo_entity_id where d.taxon_concept_id = ${a}.id and g.iso2 = ${iso})`;
    where.push(`(${inCountry('t')} or ${memberOf(inCountry('mc'))})`);
  }
  if (s.updatedSince) where.push(`t.updated_at >= ${p(s.updatedSince.toISOString())}`);
  const whereSql = where.join(' and ');
  const countParams = [...params];
  const limit = p(s.perPage);
  const offset = p((s.page - 1) * s.perPage);
  // The page and the total in one pass: the matches are sorted in full anyway.
  const page = await database.query<TaxonSummaryRow & { total_count: string }>(
    `select ${SUMMARY_COLUMNS}, ${joinedColumns('ts')}, ${matched},
            count(*) over () as total_count
       from ${from} where ${whereSql} order by ${order} limit ${limit} offset ${offset}`, params);
  if (page.length > 0) return { rows: page.map(({ total_count, ...row }) => row), total: Number(page[0].total_count) };
  // Past the last page: the window saw no row, so count apart.
  const [{ n }] = await database.query<{ n: string }>(`select count(*) n from ${from} where ${whereSql}`, countParams);
  return { rows: [], total: Number(n) };
}

const SUMMARY_COLUMNS = `t.id, t.taxonomy_id, t.speciesplus_id, t.full_name, t.author_year, t.rank, t.name_status,
            t.kingdom_name, t.phylum_name, t.class_name, t.order_name, t.family_name, t.genus_name, t.updated_at`;

/** A name search with nothing but the name: autocomplete. */
const plainSearch = (s: TaxonSearch) => !s.rank && !s.higherTaxon && !s.citesAppendix && !s.cmsAppendix && !s.cmsInstrument && !s.rangeState && !s.updatedSince;

/**
 * Autocomplete: one row per species record whose names start with the query,
 * paged on search_names alone (it carries the record's name to order by), and
 * only the page joined to its concepts. Same rows and order as the general path.
 */
async function autocomplete(database: Database, q: string, s: TaxonSearch): Promise<{ rows: TaxonSummaryRow[]; total: number }> {
  // $1 the name key, $2 its prefix pattern, $3 and $4 the page.
  const page = await database.query<TaxonSummaryRow & { total_count: string }>(
    `select ${SUMMARY_COLUMNS}, ${joinedColumns('ts')},
            m.name as matched_name, m.kind as matched_kind, m.language as matched_language, m.total_count
       from (select d.*, count(*) over () as total_count from (
               select distinct on (h.record_id) h.record_id, h.name, h.kind, h.language, h.record_name, h.name_key = $1 exact
                 from search_names h where h.name_key like $2 and h.record_accepted
                order by h.record_id, h.name_key = $1 desc, h.priority, h.name) d
              order by d.exact desc, length(d.record_name), d.record_name, d.record_id limit $3 offset $4) m
       join taxon_concepts t on t.id = m.record_id left join taxon_status ts on ts.taxon_concept_id = t.id
      order by m.exact desc, length(t.full_name), t.full_name, t.id`, [q, prefixPattern(q), s.perPage, (s.page - 1) * s.perPage]);
  if (page.length > 0) return { rows: page.map(({ total_count, ...row }) => row), total: Number(page[0].total_count) };
  const [{ n }] = await database.query<{ n: string }>(
    'select count(distinct h.record_id) n from search_names h where h.name_key like $1 and h.record_accepted', [prefixPattern(q)]);
  return { rows: [], total: Number(n) };
}

export interface Provenance { import_run_id: number | null; source_file: string | null; source_line: number | null }

export interface TaxonDetailRow extends TaxonSummaryRow, Provenance {
  legacy_id: string | null; parent_id: number | null; created_at: string; data: Record<string, unknown> | null;
  synonyms: ({ id: number; full_name: string; author_year: string | null; rank: string; name_status: string } & Provenance)[];
  accepted_names: { id: number; full_name: string; author_year: string | null; rank: string }[];
  common_names: ({ name: string; language: string } & Provenance)[];
  ancestors: { id: number; full_name: string; rank: string; depth: number }[];
  distributions: ({ iso2: string; name: string; type: string; is_current: boolean; tags: string[]; references: string[] } & Provenance)[];
  listing_changes: ({ id: number; convention: string; appendix: string; change_type: string; effective_at: string | null;
    party_iso2: string | null; is_current: boolean; populations_included: string[]; populations_excluded: string[];
    inclusion_taxon_concept_id: number | null; annotation_en: string | null; annotation_es: string | null; annotation_fr: string | null;
    hash_symbol: string | null; hash_annotation_en: string | null; event: string | null; data: Record<string, unknown> | null;
    other_sources: Provenance[]; as_of: string | null } & Provenance)[];
  listings: { convention: string; listing: string | null; appendices: string[]; reasons: unknown[]; computed_at: string }[];
  /** The stored status of the concepts the joined status names in the other taxonomy. */
  counterpart_listings: { convention: string; listing: string | null; appendices: string[]; reasons: unknown[]; computed_at: string }[];
  links: { id: number; relation: string; basis: string; origin: string; confidence: number; review: boolean; evidence: Record<string, unknown> | null;
    comment: string | null; updated_at: string; other_id: number; other_taxonomy: string; other_full_name: string; other_rank: string; direction: 'cms_to_cites' | 'cites_to_cms' }[];
  references: ({ citation: string; is_standard: boolean; speciesplus_id: number | null } & Provenance)[];
  conservation: ({ source: string; category: string; criteria: string | null; year_published: number | null; population_trend: string | null; assessed_name: string } & Provenance)[];
}

const prov = (a: string) => `'import_run_id', ${a}.import_run_id, 'source_file', ${a}.source_file, 'source_line', ${a}.source_line`;

/** Every fact about the concepts of \`from ... where\`, one row each (json sub-selects: one round trip). */
const detailSql = (tail: string) => `${DETAIL_SELECT}
    ${tail.replace(/^from taxon_concepts t/, 'from taxon_concepts t left join taxon_status ts on ts.taxon_concept_id = t.id')}`;

const DETAIL_SELECT = `    select t.id, t.taxonomy_id, t.speciesplus_id, t.legacy_id, t.full_name, t.author_year, t.rank, t.name_status, t.parent_id,
      t.kingdom_name, t.phylum_name, t.class_name, t.order_name, t.family_name, t.genus_name, t.data,
      t.created_at, t.updated_at, t.import_run_id, t.source_file, t.source_line,
      ${joinedColumns('ts')},
      coalesce((select json_agg(json_build_object('convention', tl.convention, 'listing', tl.listing, 'appendices', tl.appendices, 'reasons', tl.reasons, 'computed_at', tl.computed_at))
        from taxon_listings tl where ((tl.taxon_concept_id = ts.cites_concept_id and tl.convention = 'CITES') or (tl.taxon_concept_id = ts.cms_concept_id and tl.convention = 'CMS'))
          and tl.taxon_concept_id <> t.id), '[]') as counterpart_listings,
      coalesce((select json_agg(json_build_object('id', s.id, 'full_name', s.full_name, 'author_year', s.author_year, 'rank', s.rank,
          'name_status', s.name_status, ${prov('r')}) order by s.full_name)
        from taxon_relationships r join taxon_concepts s on s.id = r.other_taxon_concept_id
        where r.type = any(array['HAS_SYNONYM', 'HAS_TRADE_NAME', 'HAS_HYBRID']) and r.taxon_concept_id = t.id and s.deleted_at is null
          and s.name_status <> 'A' and t.name_status <> 'S'), '[]') as synonyms,
      coalesce((select json_agg(json_build_object('id', a.id, 'full_name', a.full_name, 'author_year', a.author_year, 'rank', a.rank) order by a.full_name)
        from taxon_relationships r join taxon_concepts a on a.id = r.taxon_concept_id
        where r.other_taxon_concept_id = t.id and a.deleted_at is null and a.name_status not in ('S', 'T') and t.name_status in ('S', 'T')), '[]') as accepted_names,
      coalesce((select json_agg(json_build_object('name', c.name, 'language', c.language, ${prov('c')}) order by c.language, c.name)
        from common_names c where c.taxon_concept_id = t.id), '[]') as common_names,
      coalesce((with recursive up(id, full_name, rank, parent_id, depth) as (
          select p.id, p.full_name, p.rank, p.parent_id, 1 from taxon_concepts p where p.id = t.parent_id
          union all select p.id, p.full_name, p.rank, p.parent_id, up.depth + 1 from taxon_concepts p join up on p.id = up.parent_id where up.depth < 20)
        select json_agg(json_build_object('id', id, 'full_name', full_name, 'rank', rank, 'depth', depth) order by depth desc) from up), '[]') as ancestors,
      coalesce((select json_agg(json_build_object('iso2', g.iso2, 'name', g.name_en, 'type', g.type, 'is_current', g.is_current, 'tags', d.tags,
          'references', coalesce((select json_agg(dr.citation order by dr.citation) from distribution_references dr where dr.distribution_id = d.id), '[]'), ${prov('d')}) order by g.name_en)
        from distributions d join geo_entities g on g.id = d.geo_entity_id where d.taxon_concept_id = t.id), '[]') as distributions,
      coalesce((select json_agg(json_build_object('id', l.id, 'convention', l.convention, 'appendix', l.appendix, 'change_type', l.change_type,
          'effective_at', l.effective_at, 'party_iso2', l.party_iso2, 'is_current', l.is_current,
          'populations_included', l.populations_included, 'populations_excluded', l.populations_excluded,
          'inclusion_taxon_concept_id', l.inclusion_taxon_concept_id, 'annotation_en', l.annotation_en,
          'annotation_es', coalesce(l.annotation_es, (select o.annotation_es from listing_changes o where o.same_as = l.id and o.annotation_es is not null order by o.id limit 1)),
          'annotation_fr', coalesce(l.annotation_fr, (select o.annotation_fr from listing_changes o where o.same_as = l.id and o.annotation_fr is not null order by o.id limit 1)),
          'hash_symbol', l.hash_symbol, 'hash_annotation_en', l.hash_annotation_en, 'event', e.name, 'data', l.data, ${prov('l')},
          'as_of', case when l.effective_at is null then (select r.as_of from import_runs r where r.id = l.import_run_id) end,
          'other_sources', coalesce((select json_agg(json_build_object(${prov('o')}) order by o.id) from listing_changes o where o.same_as = l.id), '[]'))
          order by l.convention, l.effective_at nulls first, l.id)
        from listing_changes l left join events e on e.id = l.event_id where l.taxon_concept_id = t.id and l.same_as is null), '[]') as listing_changes,
      coalesce((select json_agg(json_build_object('convention', tl.convention, 'listing', tl.listing, 'appendices', tl.appendices,
          'reasons', tl.reasons, 'computed_at', tl.computed_at) order by tl.convention)
        from taxon_listings tl where tl.taxon_concept_id = t.id), '[]') as listings,
      coalesce((select json_agg(json_build_object('id', k.id, 'relation', k.relation, 'basis', k.basis, 'origin', k.origin,
          'confidence', k.confidence, 'review', k.review, 'evidence', k.evidence, 'comment', k.comment, 'updated_at', k.updated_at,
          'other_id', o.id, 'other_taxonomy', o.taxonomy_id, 'other_full_name', o.full_name, 'other_rank', o.rank,
          'direction', case when k.cms_taxon_concept_id = t.id then 'cms_to_cites' else 'cites_to_cms' end)
          -- The counterpart the joined status names first (equal, else the same name), then the others.
          order by (o.id = coalesce(case when t.taxonomy_id = 'CITES' then ts.cms_concept_id else ts.cites_concept_id end, -1)) desc,
                   (k.relation = 'equal') desc, k.confidence desc, k.id)
        from concept_links k join taxon_concepts o
          on o.id = case when k.cms_taxon_concept_id = t.id then k.cites_taxon_concept_id else k.cms_taxon_concept_id end
        where k.cms_taxon_concept_id = t.id or k.cites_taxon_concept_id = t.id), '[]') as links,
      coalesce((select json_agg(json_build_object('citation', rf.citation, 'is_standard', tr.is_standard, 'speciesplus_id', rf.speciesplus_id, ${prov('tr')})
          order by tr.is_standard desc, rf.citation)
        from taxon_references tr join "references" rf on rf.id = tr.reference_id where tr.taxon_concept_id = t.id), '[]') as "references",
      coalesce((select json_agg(json_build_object('source', cs.source, 'category', cs.category, 'criteria', cs.criteria,
          'year_published', cs.year_published, 'population_trend', cs.population_trend, 'assessed_name', cs.assessed_name, ${prov('cs')}))
        from conservation_statuses cs where cs.taxon_concept_id = t.id), '[]') as conservation
`;

/** One concept with every fact about it, in one round trip. */
export async function getTaxon(database: Database, id: number): Promise<TaxonDetailRow | null> {
  const [row] = await prepared<TaxonDetailRow>(database, 'concord_taxon_detail', detailSql('from taxon_concepts t where t.id = $1 and t.deleted_at is null'), [id]);
  return row ?? null;
}

/**
 * A named prepared statement on PostgreSQL (planned once per connection:
 * planning this many sub-selects costs more than running them), the plain
 * query on PGlite.
 */
async function prepared<T>(database: Database, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = database.kind === 'postgres' ? (database.db as unknown as { $client?: { query: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: T[] }> } }).$client : undefined;
  if (!pool) return database.query<T>(text, values);
  return (await pool.query({ name, text, values })).rows;
}

export interface ExportBatchOptions { afterId: number; limit: number; taxonomy?: 'CITES' | 'CMS'; acceptedOnly?: boolean }

/** The next batch of concepts (by id) with all their facts: exports stream these. */
export async function taxonDetailBatch(database: Database, o: ExportBatchOptions): Promise<TaxonDetailRow[]> {
  const params: unknown[] = [o.afterId, o.limit];
  let where = 't.id > $1 and t.deleted_at is null';
  if (o.taxonomy) { params.push(o.taxonomy); where += ` and t.taxonomy_id = $${params.length}`; }
  if (o.acceptedOnly) where += ` and t.name_status = 'A'`;
  return database.query<TaxonDetailRow>(detailSql(`from taxon_concepts t where ${where} order by t.id limit $2`), params);
}

export interface ImportRunRow { id: number; source: string; file: string; status: string; started_at: string; finished_at: string | null }

export async function importRunsByIds(database: Database, ids: number[]): Promise<ImportRunRow[]> {
  if (!ids.length) return [];
  return database.query<ImportRunRow>(
    `select id, source, file, status, started_at, finished_at from import_runs where id = any($1::int[]) order by id`, [ids]);
}

/** Whether a concept id exists but was removed (for 404 vs 410 wording). */
export async function tombstoneFor(database: Database, id: number): Promise<{ deleted_at: string } | null> {
  const [row] = await database.query<{ deleted_at: string }>(
    `select deleted_at from tombstones where taxon_concept_id = $1 order by deleted_at desc limit 1`, [id]);
  return row ?? null;
}
