DROP INDEX "person_credits_movie_id_idx";--> statement-breakpoint
CREATE INDEX "person_credits_movie_id_idx" ON "person_credits" USING btree ("movie_id","person_id");