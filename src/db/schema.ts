// The knowledge base of both conventions. Every fact carries its provenance
// (import run, file, line) so the UI and API can say where it came from.
import {
  pgTable, serial, integer, text, boolean, date, timestamp, jsonb, real,
  char, smallint, uniqueIndex, index, primaryKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Columns every imported fact carries. */
const provenance = () => ({
  importRunId: integer('import_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
  sourceFile: text('source_file'),
  sourceLine: integer('source_line'),
});

export const importRuns = pgTable('import_runs', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(), // importer name, e.g. 'checklist-csv'
  file: text('file').notNull(),
  fileSha256: text('file_sha256'),
  status: text('status').notNull().default('running'), // running | succeeded | refused | unchanged
  /** The day the source's facts are as of (the 2017 Checklist: 2017-04-21): newer sources win over older ones. */
  asOf: date('as_of'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  accepted: integer('accepted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  report: jsonb('report').$type<{ rejects?: RejectLine[]; notes?: string[] }>(),
});

export interface RejectLine { file: string; line: number; field: string; reason: string }

export const taxonomies = pgTable('taxonomies', {
  id: text('id').primaryKey(), // 'CITES' | 'CMS'
  name: text('name').notNull(),
});

export const taxonConcepts = pgTable('taxon_concepts', {
  id: serial('id').primaryKey(),
  taxonomyId: text('taxonomy_id').notNull().references(() => taxonomies.id),
  /** Species+ TaxonId (2017 Checklist, API, current deltas). */
  speciesplusId: integer('speciesplus_id'),
  /** Species+ 2013 seed RecID, prefixed by kingdom file: 'A:219', 'P:9762'. */
  legacyId: text('legacy_id'),
  fullName: text('full_name').notNull(),
  authorYear: text('author_year'),
  rank: text('rank').notNull(), // KINGDOM ... SPECIES, SUBSPECIES, VARIETY
  nameStatus: char('name_status', { length: 1 }).notNull(), // A S T H N
  parentId: integer('parent_id'),
  kingdomName: text('kingdom_name'),
  phylumName: text('phylum_name'),
  className: text('class_name'),
  orderName: text('order_name'),
  familyName: text('family_name'),
  genusName: text('genus_name'),
  /** Lower-cased, accent-folded full name for search. */
  nameKey: text('name_key').notNull(),
  /** Extra source fields kept as given (e.g. 2013 Designation, notes). */
  data: jsonb('data').$type<Record<string, unknown>>(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  ...provenance(),
}, (t) => [
  uniqueIndex('taxon_concepts_speciesplus_uq').on(t.taxonomyId, t.speciesplusId).where(sql`speciesplus_id is not null`),
  uniqueIndex('taxon_concepts_legacy_uq').on(t.taxonomyId, t.legacyId).where(sql`legacy_id is not null`),
  index('taxon_concepts_name_key_idx').on(t.nameKey),
  index('taxon_concepts_parent_idx').on(t.parentId),
  index('taxon_concepts_full_name_idx').on(t.taxonomyId, t.fullName),
  index('taxon_concepts_updated_idx').on(t.updatedAt),
]);

/** Within one taxonomy: HAS_SYNONYM, HAS_TRADE_NAME, HAS_HYBRID (accepted -> other). */
export const taxonRelationships = pgTable('taxon_relationships', {
  id: serial('id').primaryKey(),
  type: text('type').notNull(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  otherTaxonConceptId: integer('other_taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  ...provenance(),
}, (t) => [
  uniqueIndex('taxon_relationships_uq').on(t.type, t.taxonConceptId, t.otherTaxonConceptId),
  index('taxon_relationships_other_idx').on(t.otherTaxonConceptId),
]);

/** Across taxonomies (RCC-5): a CMS concept and its CITES counterpart. */
export const conceptLinks = pgTable('concept_links', {
  id: serial('id').primaryKey(),
  cmsTaxonConceptId: integer('cms_taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  citesTaxonConceptId: integer('cites_taxon_concept_id').references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  relation: text('relation').notNull(), // equal | includes | included_in | overlaps | disjunct
  basis: text('basis').notNull(), // name | synonym | variant | fuzzy | rank | split_lump | curated
  origin: text('origin').notNull().default('automatic'), // automatic | curated
  confidence: real('confidence').notNull(),
  review: boolean('review').notNull().default(false),
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  comment: text('comment'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('concept_links_cms_idx').on(t.cmsTaxonConceptId),
  index('concept_links_cites_idx').on(t.citesTaxonConceptId),
]);

export const commonNames = pgTable('common_names', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  language: text('language').notNull(), // ISO 639-1
  nameKey: text('name_key').notNull(),
  ...provenance(),
}, (t) => [
  uniqueIndex('common_names_uq').on(t.taxonConceptId, t.language, t.name),
  index('common_names_name_key_idx').on(t.nameKey),
]);

export const geoEntities = pgTable('geo_entities', {
  id: serial('id').primaryKey(),
  iso2: char('iso2', { length: 2 }).notNull(),
  iso3: char('iso3', { length: 3 }),
  m49: text('m49'),
  type: text('type').notNull(), // COUNTRY | TERRITORY | REGION
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr'),
  nameEs: text('name_es'),
  parentIso2: char('parent_iso2', { length: 2 }),
  region: text('region'),
  /** Other names sources use for it (CLDR, UNTERM, Species+ short and long names), to read country names in files. */
  otherNames: text('other_names').array().notNull().default(sql`'{}'::text[]`),
  isCurrent: boolean('is_current').notNull().default(true),
  ...provenance(),
}, (t) => [uniqueIndex('geo_entities_iso2_uq').on(t.iso2)]);

export const partyMemberships = pgTable('party_memberships', {
  id: serial('id').primaryKey(),
  geoEntityId: integer('geo_entity_id').notNull().references(() => geoEntities.id, { onDelete: 'cascade' }),
  convention: text('convention').notNull(), // CITES | CMS
  entryIntoForce: date('entry_into_force'),
  /** false: the source records the State as not a Party (IEA Database: no entry into force). */
  isParty: boolean('is_party').notNull().default(true),
  /** 'imported', or 'curated' (a Secretariat's edit in Concord: never overwritten by an import). */
  origin: text('origin').notNull().default('imported'),
  ...provenance(),
}, (t) => [uniqueIndex('party_memberships_uq').on(t.geoEntityId, t.convention)]);

export const distributions = pgTable('distributions', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  geoEntityId: integer('geo_entity_id').notNull().references(() => geoEntities.id, { onDelete: 'cascade' }),
  /** INTRODUCED, INTRODUCED (?), REINTRODUCED, EXTINCT, EXTINCT (?), DISTRIBUTION UNCERTAIN; empty = native. */
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  ...provenance(),
}, (t) => [
  uniqueIndex('distributions_uq').on(t.taxonConceptId, t.geoEntityId),
  index('distributions_geo_idx').on(t.geoEntityId),
]);

export const events = pgTable('events', {
  id: serial('id').primaryKey(),
  convention: text('convention').notNull(),
  name: text('name').notNull(), // CoP17, Pre-CoP1, CITES Notif. No. 283
  type: text('type').notNull(), // COP | NOTIFICATION | ...
  effectiveAt: date('effective_at'),
  url: text('url'),
  legacyId: text('legacy_id'),
  ...provenance(),
}, (t) => [uniqueIndex('events_uq').on(t.convention, t.name)]);

export const hashAnnotations = pgTable('hash_annotations', {
  id: serial('id').primaryKey(),
  convention: text('convention').notNull().default('CITES'),
  symbol: text('symbol').notNull(), // '#1'
  eventId: integer('event_id').references(() => events.id),
  displayName: text('display_name').notNull(), // 'CoP16 #5'
  textEn: text('text_en'),
  ...provenance(),
}, (t) => [uniqueIndex('hash_annotations_uq').on(t.convention, t.displayName)]);

export const listingChanges = pgTable('listing_changes', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  convention: text('convention').notNull(), // CITES | CMS
  /** 'I' | 'II' | 'III' for CITES; 'I' | 'II' or an agreement (AEWA, EUROBATS, ...) for CMS. */
  appendix: text('appendix').notNull(),
  changeType: text('change_type').notNull(), // ADDITION DELETION RESERVATION RESERVATION_WITHDRAWAL EXCEPTION
  effectiveAt: date('effective_at'),
  eventId: integer('event_id').references(() => events.id),
  partyIso2: char('party_iso2', { length: 2 }),
  isCurrent: boolean('is_current').notNull().default(false),
  populationsIncluded: text('populations_included').array().notNull().default(sql`'{}'::text[]`),
  populationsExcluded: text('populations_excluded').array().notNull().default(sql`'{}'::text[]`),
  /** Listed as part of a higher taxon's listing ("Included in FALCONIFORMES spp."). */
  inclusionTaxonConceptId: integer('inclusion_taxon_concept_id').references(() => taxonConcepts.id, { onDelete: 'set null' }),
  excludedTaxonConceptIds: integer('excluded_taxon_concept_ids').array().notNull().default(sql`'{}'::int[]`),
  annotationEn: text('annotation_en'),
  annotationEs: text('annotation_es'),
  annotationFr: text('annotation_fr'),
  fullAnnotationEn: text('full_annotation_en'),
  hashSymbol: text('hash_symbol'),
  hashAnnotationEn: text('hash_annotation_en'),
  nomenclatureNote: text('nomenclature_note'),
  data: jsonb('data').$type<Record<string, unknown>>(),
  /**
   * Set when another source states the same change (same taxon, day, appendix,
   * type, Party, populations): the fact is the row named here, and this row is
   * one more source of it. Views read only rows where it is null.
   */
  sameAs: integer('same_as').references((): AnyPgColumn => listingChanges.id, { onDelete: 'set null' }),
  ...provenance(),
}, (t) => [
  index('listing_changes_taxon_idx').on(t.taxonConceptId, t.convention),
  index('listing_changes_inclusion_idx').on(t.inclusionTaxonConceptId),
  index('listing_changes_same_as_idx').on(t.sameAs),
]);

/** A CMS Agreement or MOU covering a taxon (CMS instruments are not appendices). */
export const instrumentCoverage = pgTable('instrument_coverage', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  /** Code of src/taxonomy/instruments.ts (AEWA, RAPTORS, ...). */
  instrument: text('instrument').notNull(),
  since: date('since'),
  isCurrent: boolean('is_current').notNull().default(true),
  populationsIncluded: text('populations_included').array().notNull().default(sql`'{}'::text[]`),
  populationsExcluded: text('populations_excluded').array().notNull().default(sql`'{}'::text[]`),
  note: text('note'),
  data: jsonb('data').$type<Record<string, unknown>>(),
  ...provenance(),
}, (t) => [index('instrument_coverage_taxon_idx').on(t.taxonConceptId)]);

/** A source's reference for one distribution (the Species+ API gives them per range State). */
export const distributionReferences = pgTable('distribution_references', {
  id: serial('id').primaryKey(),
  distributionId: integer('distribution_id').notNull().references(() => distributions.id, { onDelete: 'cascade' }),
  citation: text('citation').notNull(),
  ...provenance(),
}, (t) => [uniqueIndex('distribution_references_uq').on(t.distributionId, t.citation)]);

/**
 * Derived: a taxon's status in BOTH conventions, one row per accepted concept
 * of either taxonomy: its own convention's status, and the other's through
 * the concept links (src/listings/joined.ts). `record_id` groups the concepts
 * that are one species in both taxonomies (linked as equal), so lists show
 * one row per species.
 */
export const taxonStatus = pgTable('taxon_status', {
  taxonConceptId: integer('taxon_concept_id').primaryKey().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  recordId: integer('record_id').notNull(),
  citesConceptId: integer('cites_concept_id'),
  citesConceptName: text('cites_concept_name'),
  citesRelation: text('cites_relation'),
  citesListing: text('cites_listing'),
  citesAppendices: text('cites_appendices').array().notNull().default(sql`'{}'::text[]`),
  cmsConceptId: integer('cms_concept_id'),
  cmsConceptName: text('cms_concept_name'),
  cmsRelation: text('cms_relation'),
  cmsListing: text('cms_listing'),
  cmsAppendices: text('cms_appendices').array().notNull().default(sql`'{}'::text[]`),
  cmsInstruments: jsonb('cms_instruments').$type<{ code: string; since: string | null }[]>().notNull().default(sql`'[]'::jsonb`),
}, (t) => [
  index('taxon_status_record_idx').on(t.recordId),
  index('taxon_status_cms_concept_idx').on(t.cmsConceptId),
  index('taxon_status_cites_concept_idx').on(t.citesConceptId),
]);

/**
 * Derived with the joined status: every name a search starts from (accepted
 * name, synonym, common name) mapped to the accepted concept it names and to
 * that concept's species record, with the record's name to order by. A plain
 * autocomplete reads this table alone and joins only the page it returns.
 */
export const searchNames = pgTable('search_names', {
  kind: text('kind').notNull(), // 'accepted' (any concept under its own name), 'synonym', 'common'
  sourceId: integer('source_id').notNull(), // the concept, or the common_names row
  nameKey: text('name_key').notNull(),
  name: text('name').notNull(),
  language: text('language'),
  priority: smallint('priority').notNull(), // accepted 0, synonym 1, common 2: which name a row shows
  taxonId: integer('taxon_id').notNull(), // the concept the name belongs to (a synonym: its accepted concept)
  recordId: integer('record_id').notNull(), // that concept's species record (taxon_status.record_id)
  recordName: text('record_name').notNull(),
  recordAccepted: boolean('record_accepted').notNull(), // the record is an accepted, not deleted, concept
}, (t) => [
  primaryKey({ columns: [t.kind, t.sourceId] }),
  index('search_names_prefix').using('btree', t.nameKey.op('text_pattern_ops')),
]);

/** Derived: the status of a taxon concept in one convention now, with reasons. */
export const taxonListings = pgTable('taxon_listings', {
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  convention: text('convention').notNull(),
  listing: text('listing'), // summary in the Checklist's form: 'I/II', 'III', null when not listed
  appendices: text('appendices').array().notNull().default(sql`'{}'::text[]`),
  reasons: jsonb('reasons').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.taxonConceptId, t.convention] })]);

export const conservationStatuses = pgTable('conservation_statuses', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  source: text('source').notNull().default('IUCN'),
  assessmentId: text('assessment_id').notNull(),
  assessedTaxonId: text('assessed_taxon_id'),
  assessedName: text('assessed_name').notNull(),
  category: text('category').notNull(), // e.g. 'Endangered' / 'EN'
  criteria: text('criteria'),
  yearPublished: integer('year_published'),
  populationTrend: text('population_trend'),
  matchType: text('match_type'),
  ...provenance(),
}, (t) => [uniqueIndex('conservation_statuses_uq').on(t.taxonConceptId, t.source, t.assessmentId)]);

export const references = pgTable('references', {
  id: serial('id').primaryKey(),
  speciesplusId: integer('speciesplus_id'),
  citation: text('citation').notNull(),
  ...provenance(),
}, (t) => [uniqueIndex('references_speciesplus_uq').on(t.speciesplusId)]);

export const taxonReferences = pgTable('taxon_references', {
  taxonConceptId: integer('taxon_concept_id').notNull().references(() => taxonConcepts.id, { onDelete: 'cascade' }),
  referenceId: integer('reference_id').notNull().references(() => references.id, { onDelete: 'cascade' }),
  isStandard: boolean('is_standard').notNull().default(false),
  ...provenance(),
}, (t) => [primaryKey({ columns: [t.taxonConceptId, t.referenceId] })]);

/** Removed taxa, for the change feed's tombstones. */
export const tombstones = pgTable('tombstones', {
  id: serial('id').primaryKey(),
  taxonConceptId: integer('taxon_concept_id').notNull(),
  taxonomyId: text('taxonomy_id').notNull(),
  fullName: text('full_name').notNull(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Key/value facts about the database itself (data version, seed dates). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
