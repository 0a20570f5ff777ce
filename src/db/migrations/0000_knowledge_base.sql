CREATE TABLE "common_names" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"name_key" text NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "concept_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"cms_taxon_concept_id" integer NOT NULL,
	"cites_taxon_concept_id" integer,
	"relation" text NOT NULL,
	"basis" text NOT NULL,
	"origin" text DEFAULT 'automatic' NOT NULL,
	"confidence" real NOT NULL,
	"review" boolean DEFAULT false NOT NULL,
	"evidence" jsonb,
	"comment" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conservation_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"source" text DEFAULT 'IUCN' NOT NULL,
	"assessment_id" text NOT NULL,
	"assessed_taxon_id" text,
	"assessed_name" text NOT NULL,
	"category" text NOT NULL,
	"criteria" text,
	"year_published" integer,
	"population_trend" text,
	"match_type" text,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"geo_entity_id" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"effective_at" date,
	"url" text,
	"legacy_id" text,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "geo_entities" (
	"id" serial PRIMARY KEY NOT NULL,
	"iso2" char(2) NOT NULL,
	"iso3" char(3),
	"m49" text,
	"type" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text,
	"name_es" text,
	"parent_iso2" char(2),
	"region" text,
	"is_current" boolean DEFAULT true NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "hash_annotations" (
	"id" serial PRIMARY KEY NOT NULL,
	"convention" text DEFAULT 'CITES' NOT NULL,
	"symbol" text NOT NULL,
	"event_id" integer,
	"display_name" text NOT NULL,
	"text_en" text,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file" text NOT NULL,
	"file_sha256" text,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"accepted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb
);
--> statement-breakpoint
CREATE TABLE "listing_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"convention" text NOT NULL,
	"appendix" text NOT NULL,
	"change_type" text NOT NULL,
	"effective_at" date,
	"event_id" integer,
	"party_iso2" char(2),
	"is_current" boolean DEFAULT false NOT NULL,
	"populations_included" text[] DEFAULT '{}'::text[] NOT NULL,
	"populations_excluded" text[] DEFAULT '{}'::text[] NOT NULL,
	"inclusion_taxon_concept_id" integer,
	"excluded_taxon_concept_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"annotation_en" text,
	"annotation_es" text,
	"annotation_fr" text,
	"full_annotation_en" text,
	"hash_symbol" text,
	"hash_annotation_en" text,
	"nomenclature_note" text,
	"data" jsonb,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"geo_entity_id" integer NOT NULL,
	"convention" text NOT NULL,
	"entry_into_force" date,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "references" (
	"id" serial PRIMARY KEY NOT NULL,
	"speciesplus_id" integer,
	"citation" text NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "taxon_concepts" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxonomy_id" text NOT NULL,
	"speciesplus_id" integer,
	"legacy_id" text,
	"full_name" text NOT NULL,
	"author_year" text,
	"rank" text NOT NULL,
	"name_status" char(1) NOT NULL,
	"parent_id" integer,
	"kingdom_name" text,
	"phylum_name" text,
	"class_name" text,
	"order_name" text,
	"family_name" text,
	"genus_name" text,
	"name_key" text NOT NULL,
	"data" jsonb,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "taxon_listings" (
	"taxon_concept_id" integer NOT NULL,
	"convention" text NOT NULL,
	"listing" text,
	"appendices" text[] DEFAULT '{}'::text[] NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taxon_listings_taxon_concept_id_convention_pk" PRIMARY KEY("taxon_concept_id","convention")
);
--> statement-breakpoint
CREATE TABLE "taxon_references" (
	"taxon_concept_id" integer NOT NULL,
	"reference_id" integer NOT NULL,
	"is_standard" boolean DEFAULT false NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer,
	CONSTRAINT "taxon_references_taxon_concept_id_reference_id_pk" PRIMARY KEY("taxon_concept_id","reference_id")
);
--> statement-breakpoint
CREATE TABLE "taxon_relationships" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"other_taxon_concept_id" integer NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "taxonomies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tombstones" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"taxonomy_id" text NOT NULL,
	"full_name" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "common_names" ADD CONSTRAINT "common_names_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_names" ADD CONSTRAINT "common_names_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_links" ADD CONSTRAINT "concept_links_cms_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("cms_taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_links" ADD CONSTRAINT "concept_links_cites_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("cites_taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conservation_statuses" ADD CONSTRAINT "conservation_statuses_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conservation_statuses" ADD CONSTRAINT "conservation_statuses_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_geo_entity_id_geo_entities_id_fk" FOREIGN KEY ("geo_entity_id") REFERENCES "public"."geo_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_entities" ADD CONSTRAINT "geo_entities_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hash_annotations" ADD CONSTRAINT "hash_annotations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hash_annotations" ADD CONSTRAINT "hash_annotations_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_changes" ADD CONSTRAINT "listing_changes_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_changes" ADD CONSTRAINT "listing_changes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_changes" ADD CONSTRAINT "listing_changes_inclusion_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("inclusion_taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_changes" ADD CONSTRAINT "listing_changes_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_geo_entity_id_geo_entities_id_fk" FOREIGN KEY ("geo_entity_id") REFERENCES "public"."geo_entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_memberships" ADD CONSTRAINT "party_memberships_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "references" ADD CONSTRAINT "references_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_concepts" ADD CONSTRAINT "taxon_concepts_taxonomy_id_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."taxonomies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_concepts" ADD CONSTRAINT "taxon_concepts_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_listings" ADD CONSTRAINT "taxon_listings_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_references" ADD CONSTRAINT "taxon_references_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_references" ADD CONSTRAINT "taxon_references_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_references" ADD CONSTRAINT "taxon_references_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_relationships" ADD CONSTRAINT "taxon_relationships_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_relationships" ADD CONSTRAINT "taxon_relationships_other_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("other_taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_relationships" ADD CONSTRAINT "taxon_relationships_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "common_names_uq" ON "common_names" USING btree ("taxon_concept_id","language","name");--> statement-breakpoint
CREATE INDEX "common_names_name_key_idx" ON "common_names" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "concept_links_cms_idx" ON "concept_links" USING btree ("cms_taxon_concept_id");--> statement-breakpoint
CREATE INDEX "concept_links_cites_idx" ON "concept_links" USING btree ("cites_taxon_concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conservation_statuses_uq" ON "conservation_statuses" USING btree ("taxon_concept_id","source","assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distributions_uq" ON "distributions" USING btree ("taxon_concept_id","geo_entity_id");--> statement-breakpoint
CREATE INDEX "distributions_geo_idx" ON "distributions" USING btree ("geo_entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_uq" ON "events" USING btree ("convention","name");--> statement-breakpoint
CREATE UNIQUE INDEX "geo_entities_iso2_uq" ON "geo_entities" USING btree ("iso2");--> statement-breakpoint
CREATE UNIQUE INDEX "hash_annotations_uq" ON "hash_annotations" USING btree ("convention","display_name");--> statement-breakpoint
CREATE INDEX "listing_changes_taxon_idx" ON "listing_changes" USING btree ("taxon_concept_id","convention");--> statement-breakpoint
CREATE INDEX "listing_changes_inclusion_idx" ON "listing_changes" USING btree ("inclusion_taxon_concept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_memberships_uq" ON "party_memberships" USING btree ("geo_entity_id","convention");--> statement-breakpoint
CREATE UNIQUE INDEX "references_speciesplus_uq" ON "references" USING btree ("speciesplus_id");--> statement-breakpoint
CREATE UNIQUE INDEX "taxon_concepts_speciesplus_uq" ON "taxon_concepts" USING btree ("taxonomy_id","speciesplus_id") WHERE speciesplus_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "taxon_concepts_legacy_uq" ON "taxon_concepts" USING btree ("taxonomy_id","legacy_id") WHERE legacy_id is not null;--> statement-breakpoint
CREATE INDEX "taxon_concepts_name_key_idx" ON "taxon_concepts" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "taxon_concepts_parent_idx" ON "taxon_concepts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "taxon_concepts_full_name_idx" ON "taxon_concepts" USING btree ("taxonomy_id","full_name");--> statement-breakpoint
CREATE INDEX "taxon_concepts_updated_idx" ON "taxon_concepts" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "taxon_relationships_uq" ON "taxon_relationships" USING btree ("type","taxon_concept_id","other_taxon_concept_id");--> statement-breakpoint
CREATE INDEX "taxon_relationships_other_idx" ON "taxon_relationships" USING btree ("other_taxon_concept_id");