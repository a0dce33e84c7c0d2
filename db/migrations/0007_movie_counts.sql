CREATE TABLE "movie_counts" (
	"scope" varchar(16) NOT NULL,
	"scope_id" integer NOT NULL,
	"movies" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "movie_counts_scope_scope_id_pk" PRIMARY KEY("scope","scope_id"),
	CONSTRAINT "movie_counts_scope_check" CHECK ("movie_counts"."scope" in ('all', 'genre', 'country'))
);
