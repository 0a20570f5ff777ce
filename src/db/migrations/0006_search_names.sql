CREATE TABLE "search_names" (
	"kind" text NOT NULL,
	"source_id" integer NOT NULL,
	"name_key" text NOT NULL,
	"name" text NOT NULL,
	"language" text,
	"priority" smallint NOT NULL,
	"taxon_id" integer NOT NULL,
	"record_id" integer NOT NULL,
	"record_name" text NOT NULL,
	"record_accepted" boolean NOT NULL,
	CONSTRAINT "search_names_kind_source_id_pk" PRIMARY KEY("kind","source_id")
);
--> statement-breakpoint
CREATE INDEX "search_names_prefix" ON "search_names" USING btree ("name_key" text_pattern_ops);