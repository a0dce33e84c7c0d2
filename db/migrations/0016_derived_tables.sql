CREATE TABLE "genre_films" (
	"movie_id" integer NOT NULL,
	"genre_id" integer NOT NULL,
	"country_id" integer,
	"release_date" date,
	CONSTRAINT "genre_films_movie_id_genre_id_pk" PRIMARY KEY("movie_id","genre_id")
);
--> statement-breakpoint
CREATE TABLE "movie_favorites" (
	"movie_id" integer PRIMARY KEY NOT NULL,
	"favorites" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_credits" (
	"person_id" integer NOT NULL,
	"movie_id" integer NOT NULL,
	"character_id" integer NOT NULL,
	"kind" smallint NOT NULL,
	"release_date" date,
	CONSTRAINT "person_credits_person_id_movie_id_character_id_pk" PRIMARY KEY("person_id","movie_id","character_id"),
	CONSTRAINT "person_credits_kind_check" CHECK ("person_credits"."kind" between 0 and 3 and ("person_credits"."kind" = 3) = ("person_credits"."character_id" = 0))
);
--> statement-breakpoint
CREATE TABLE "popular_people" (
	"position" integer PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"credits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "popular_people_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"release_date" date NOT NULL,
	"movie_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "popular_people_window" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"films" integer NOT NULL,
	"kept" integer NOT NULL,
	"oldest_date" date,
	"oldest_id" integer,
	CONSTRAINT "popular_people_window_id_check" CHECK ("popular_people_window"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "genre_films_genre_release_idx" ON "genre_films" USING btree ("genre_id","release_date","movie_id");--> statement-breakpoint
CREATE INDEX "genre_films_genre_country_release_idx" ON "genre_films" USING btree ("genre_id","country_id","release_date","movie_id");--> statement-breakpoint
CREATE INDEX "person_credits_person_idx" ON "person_credits" USING btree ("person_id","release_date","movie_id","character_id","kind");--> statement-breakpoint
CREATE INDEX "person_credits_character_id_idx" ON "person_credits" USING btree ("character_id");--> statement-breakpoint
CREATE INDEX "person_credits_movie_id_idx" ON "person_credits" USING btree ("movie_id");