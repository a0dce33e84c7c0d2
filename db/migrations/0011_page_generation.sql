CREATE TABLE "page_generation" (
	"scope" varchar(16) PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "page_generation_scope_check" CHECK ("page_generation"."scope" in ('catalogue', 'favorites'))
);
--> statement-breakpoint
CREATE TABLE "page_generation_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" varchar(16) NOT NULL
);
