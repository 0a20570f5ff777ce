-- Operations (issue 15): limits shared by every server on one database, and
-- change notifications that empty the servers' caches (LISTEN concord_changes).
-- Unlogged: counters and recent failures need no crash safety and no WAL.
CREATE UNLOGGED TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" bigint NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("key", "window_start")
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "sign_in_failures" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_scope_key_at_idx" ON "sign_in_failures" ("scope", "key", "at");
--> statement-breakpoint
-- One notification a statement (and one a table per transaction: PostgreSQL folds equal ones), named by its table.
CREATE FUNCTION concord_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('concord_changes', TG_TABLE_NAME);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxonomies" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxon_concepts" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxon_relationships" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "concept_links" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "common_names" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "geo_entities" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "party_memberships" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "distributions" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "hash_annotations" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "listing_changes" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "instrument_coverage" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "distribution_references" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxon_status" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxon_listings" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "conservation_statuses" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "references" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "taxon_references" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tombstones" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "import_runs" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
-- Tokens and users: only what changes a token's worth (not last_used_at, written on every use).
CREATE TRIGGER "concord_changes" AFTER UPDATE OF "revoked_at", "expires_at" OR DELETE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
--> statement-breakpoint
CREATE TRIGGER "concord_changes" AFTER UPDATE OF "disabled", "role" OR DELETE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_change();
