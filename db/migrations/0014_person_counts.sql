CREATE TABLE "person_counts" (
	"scope" varchar(16) NOT NULL,
	"scope_id" integer NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "person_counts_scope_scope_id_pk" PRIMARY KEY("scope","scope_id"),
	CONSTRAINT "person_counts_scope_check" CHECK ("person_counts"."scope" in ('all', 'country'))
);
