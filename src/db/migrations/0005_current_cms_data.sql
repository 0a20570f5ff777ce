ALTER TABLE "geo_entities" ADD COLUMN "other_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "party_memberships" ADD COLUMN "is_party" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "party_memberships" ADD COLUMN "origin" text DEFAULT 'imported' NOT NULL;--> statement-breakpoint
-- Dates a CMS Secretariat user set in Concord (no import run) are curated.
UPDATE "party_memberships" SET "origin" = 'curated' WHERE "convention" = 'CMS' AND "import_run_id" IS NULL AND "source_file" IS NULL;
