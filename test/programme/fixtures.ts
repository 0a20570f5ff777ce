// A small real slice for the tracker's API tests: the seed document, the
// country codes, and the snow leopard in both taxonomies (CITES 2017 Checklist
// TaxonId 10828 'Uncia uncia (Schreber, 1775)', App. I; Species+ 2013 CMS
// RecID 22732, App. I since 24/01/1986) with an automatic link awaiting review.
import type { Database } from '../../src/db/client.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { dataPath } from '../support/data.js';
import { recomputeJoinedStatus } from '../../src/listings/joinedStore.js';
import { seedDocument } from './support.js';

export async function loadFixtures(database: Database): Promise<{ linkId: number; citesId: number; cmsId: number }> {
  for (const [format, file] of [['country-codes', dataPath('country-codes', 'country-codes.csv')], ['work-programme', seedDocument]]) {
    const s = await runImport(database, await importerFor(format), file, { progress: false });
    if (s.status !== 'succeeded') throw new Error(`${format}: ${s.error}`);
  }
  await database.query(`insert into taxonomies (id, name) values ('CITES', 'CITES'), ('CMS', 'CMS') on conflict do nothing`);
  const [cites] = await database.query<{ id: number }>(`insert into taxon_concepts (taxonomy_id, speciesplus_id, full_name, author_year, rank, name_status, name_key, genus_name, family_name)
    values ('CITES', 10828, 'Uncia uncia', '(Schreber, 1775)', 'SPECIES', 'A', 'uncia uncia', 'Uncia', 'Felidae') returning id`);
  const [cms] = await database.query<{ id: number }>(`insert into taxon_concepts (taxonomy_id, legacy_id, full_name, author_year, rank, name_status, name_key, genus_name, family_name)
    values ('CMS', 'A:22732', 'Uncia uncia', '(Schreber, 1775)', 'SPECIES', 'A', 'uncia uncia', 'Uncia', 'Felidae') returning id`);
  // The document writes 'Gyps rueppelli'; the 2017 Checklist has Gyps rueppellii (Brehm, 1852), TaxonId 4434, App. II.
  const [gyps] = await database.query<{ id: number }>(`insert into taxon_concepts (taxonomy_id, speciesplus_id, full_name, author_year, rank, name_status, name_key, genus_name, family_name)
    values ('CITES', 4434, 'Gyps rueppellii', '(Brehm, 1852)', 'SPECIES', 'A', 'gyps rueppellii', 'Gyps', 'Accipitridae') returning id`);
  await database.query(`insert into taxon_listings (taxon_concept_id, convention, listing, appendices) values ($1, 'CITES', 'II', '{II}')`, [gyps.id]);
  await database.query(`insert into taxon_listings (taxon_concept_id, convention, listing, appendices) values ($1, 'CITES', 'I', '{I}'), ($2, 'CMS', 'I', '{I}')`, [cites.id, cms.id]);
  const [link] = await database.query<{ id: number }>(`insert into concept_links (cms_taxon_concept_id, cites_taxon_concept_id, relation, basis, confidence, review)
    values ($1, $2, 'equal', 'name', 0.6, true) returning id`, [cms.id, cites.id]);
  // What an import derives after the facts: the status of each taxon in both conventions.
  await recomputeJoinedStatus(database.db);
  return { linkId: link.id, citesId: cites.id, cmsId: cms.id };
}
