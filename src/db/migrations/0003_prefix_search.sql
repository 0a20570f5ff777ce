-- Prefix search for autocomplete: `name_key LIKE 'pan%'` uses a btree index
-- only with text_pattern_ops (the default collation cannot serve LIKE).
CREATE INDEX IF NOT EXISTS taxon_concepts_name_key_prefix ON taxon_concepts (name_key text_pattern_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS common_names_name_key_prefix ON common_names (name_key text_pattern_ops);
