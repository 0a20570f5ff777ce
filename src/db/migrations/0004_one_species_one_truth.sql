CREATE TABLE "distribution_references" (
	"id" serial PRIMARY KEY NOT NULL,
	"distribution_id" integer NOT NULL,
	"citation" text NOT NULL,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "instrument_coverage" (
	"id" serial PRIMARY KEY NOT NULL,
	"taxon_concept_id" integer NOT NULL,
	"instrument" text NOT NULL,
	"since" date,
	"is_current" boolean DEFAULT true NOT NULL,
	"populations_included" text[] DEFAULT '{}'::text[] NOT NULL,
	"populations_excluded" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"data" jsonb,
	"import_run_id" integer,
	"source_file" text,
	"source_line" integer
);
--> statement-breakpoint
CREATE TABLE "taxon_status" (
	"taxon_concept_id" integer PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"cites_concept_id" integer,
	"cites_concept_name" text,
	"cites_relation" text,
	"cites_listing" text,
	"cites_appendices" text[] DEFAULT '{}'::text[] NOT NULL,
	"cms_concept_id" integer,
	"cms_concept_name" text,
	"cms_relation" text,
	"cms_listing" text,
	"cms_appendices" text[] DEFAULT '{}'::text[] NOT NULL,
	"cms_instruments" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "as_of" date;--> statement-breakpoint
ALTER TABLE "listing_changes" ADD COLUMN "same_as" integer;--> statement-breakpoint
ALTER TABLE "distribution_references" ADD CONSTRAINT "distribution_references_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_references" ADD CONSTRAINT "distribution_references_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_coverage" ADD CONSTRAINT "instrument_coverage_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_coverage" ADD CONSTRAINT "instrument_coverage_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxon_status" ADD CONSTRAINT "taxon_status_taxon_concept_id_taxon_concepts_id_fk" FOREIGN KEY ("taxon_concept_id") REFERENCES "public"."taxon_concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_references_uq" ON "distribution_references" USING btree ("distribution_id","citation");--> statement-breakpoint
CREATE INDEX "instrument_coverage_taxon_idx" ON "instrument_coverage" USING btree ("taxon_concept_id");--> statement-breakpoint
CREATE INDEX "taxon_status_record_idx" ON "taxon_status" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "taxon_status_cms_concept_idx" ON "taxon_status" USING btree ("cms_concept_id");--> statement-breakpoint
CREATE INDEX "taxon_status_cites_concept_idx" ON "taxon_status" USING btree ("cites_concept_id");--> statement-breakpoint
ALTER TABLE "listing_changes" ADD CONSTRAINT "listing_changes_same_as_listing_changes_id_fk" FOREIGN KEY ("same_as") REFERENCES "public"."listing_changes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_changes_same_as_idx" ON "listing_changes" USING btree ("same_as");--> statement-breakpoint
-- CMS instruments are not appendices: move the Agreement and MOU rows of the
-- CMS listing log to instrument_coverage (codes of src/taxonomy/instruments.ts).
INSERT INTO "instrument_coverage" ("taxon_concept_id", "instrument", "since", "is_current", "populations_included", "populations_excluded", "note", "data", "import_run_id", "source_file", "source_line")
  SELECT lc."taxon_concept_id", coalesce(a.code, lc."appendix"), lc."effective_at", lc."is_current", lc."populations_included", lc."populations_excluded", lc."annotation_en", lc."data", lc."import_run_id", lc."source_file", lc."source_line"
    FROM "listing_changes" lc
    LEFT JOIN (VALUES
    ('aewa', 'AEWA'),
    ('eurobats', 'EUROBATS'),
    ('acap', 'ACAP'),
    ('ascobans', 'ASCOBANS'),
    ('accobams', 'ACCOBAMS'),
    ('wadden_sea_seals', 'WADDEN_SEA_SEALS'),
    ('wadden sea seals', 'WADDEN_SEA_SEALS'),
    ('gorilla', 'GORILLA'),
    ('gorillas', 'GORILLA'),
    ('raptors', 'RAPTORS'),
    ('birds of prey', 'RAPTORS'),
    ('sharks', 'SHARKS'),
    ('atlantic_turtles', 'ATLANTIC_TURTLES'),
    ('marine turtles africa', 'ATLANTIC_TURTLES'),
    ('cms - marine turtles africa', 'ATLANTIC_TURTLES'),
    ('iosea', 'IOSEA'),
    ('marine turtles - iosea', 'IOSEA'),
    ('cms - marine turtles - iosea', 'IOSEA'),
    ('monk_seal', 'MONK_SEAL'),
    ('mediterranean monk seal', 'MONK_SEAL'),
    ('dugong', 'DUGONG'),
    ('ruddy_headed_goose', 'RUDDY_HEADED_GOOSE'),
    ('ruddy-headed goose', 'RUDDY_HEADED_GOOSE'),
    ('saiga', 'SAIGA'),
    ('saiga antelope', 'SAIGA'),
    ('siberian_crane', 'SIBERIAN_CRANE'),
    ('siberian crane', 'SIBERIAN_CRANE'),
    ('slender_billed_curlew', 'SLENDER_BILLED_CURLEW'),
    ('slender-billed curlew', 'SLENDER_BILLED_CURLEW'),
    ('west_african_elephants', 'WEST_AFRICAN_ELEPHANTS'),
    ('west african elephants', 'WEST_AFRICAN_ELEPHANTS'),
    ('bukhara_deer', 'BUKHARA_DEER'),
    ('bukhara deer', 'BUKHARA_DEER'),
    ('great_bustard', 'GREAT_BUSTARD'),
    ('great bustard', 'GREAT_BUSTARD'),
    ('aquatic_warbler', 'AQUATIC_WARBLER'),
    ('aquatic warbler', 'AQUATIC_WARBLER'),
    ('high_andean_flamingos', 'HIGH_ANDEAN_FLAMINGOS'),
    ('high andean flamingos', 'HIGH_ANDEAN_FLAMINGOS'),
    ('grassland_birds', 'GRASSLAND_BIRDS'),
    ('grassland birds', 'GRASSLAND_BIRDS'),
    ('huemul', 'HUEMUL'),
    ('pacific_cetaceans', 'PACIFIC_CETACEANS'),
    ('pacific islands cetaceans', 'PACIFIC_CETACEANS'),
    ('west_african_aquatic_mammals', 'WEST_AFRICAN_AQUATIC_MAMMALS'),
    ('western african aquatic mammals', 'WEST_AFRICAN_AQUATIC_MAMMALS')
    ) AS a(alias, code) ON a.alias = lower(lc."appendix")
   WHERE lc."convention" = 'CMS' AND lc."appendix" NOT IN ('I', 'II');
--> statement-breakpoint
DELETE FROM "listing_changes" WHERE "convention" = 'CMS' AND "appendix" NOT IN ('I', 'II');
