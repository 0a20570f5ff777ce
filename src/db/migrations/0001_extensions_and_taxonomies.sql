-- Trigram search for names (autocomplete, fuzzy look-ups) and the two taxonomies.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS taxon_concepts_name_key_trgm ON taxon_concepts USING gin (name_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS common_names_name_key_trgm ON common_names USING gin (name_key gin_trgm_ops);
--> statement-breakpoint
INSERT INTO taxonomies (id, name) VALUES ('CITES', 'CITES taxonomy'), ('CMS', 'CMS taxonomy') ON CONFLICT (id) DO NOTHING;
