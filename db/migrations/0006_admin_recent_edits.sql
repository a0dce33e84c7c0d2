CREATE INDEX "character_updated_at_idx" ON "character_" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "movie_updated_at_idx" ON "movie" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "person_updated_at_idx" ON "person" USING btree ("updated_at");