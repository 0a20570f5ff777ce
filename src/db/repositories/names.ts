// A cheap data version for the names, so the API's in-memory match index is
// rebuilt only when the data changed.
import type { Database } from '../client.js';

/** Changes whenever taxon concepts, relationships or common names are written. */
export async function namesVersion(database: Database): Promise<string> {
  const [r] = await database.query<{ v: string }>(`
    select concat_ws('|', (select count(*) from taxon_concepts), (select max(updated_at) from taxon_concepts),
      (select count(*) from taxon_relationships), (select count(*) from common_names), (select max(id) from import_runs where status = 'succeeded')) v`);
  return r.v;
}

export interface ConceptHigherTaxa { id: number; phylum: string | null; class: string | null; order: string | null; family: string | null }

/** Phylum, class, order and family of the accepted names and synonyms, for the match index's context checks. */
export async function conceptHigherTaxa(database: Database): Promise<ConceptHigherTaxa[]> {
  return database.query<ConceptHigherTaxa>(`
    select id, phylum_name phylum, class_name class, order_name "order", family_name family from taxon_concepts
     where deleted_at is null and name_status in ('A', 'S')
       and (phylum_name is not null or class_name is not null or order_name is not null or family_name is not null)`);
}

export interface VernacularRow { taxon_concept_id: number; taxonomy_id: string; name: string; language: string }

/** Every common name of an accepted name or synonym, with the concept's taxonomy. */
export async function vernacularNames(database: Database): Promise<VernacularRow[]> {
  return database.query<VernacularRow>(`
    select c.taxon_concept_id, t.taxonomy_id, c.name, c.language from common_names c
      join taxon_concepts t on t.id = c.taxon_concept_id
     where t.deleted_at is null and t.name_status in ('A', 'S')`);
}
