CREATE INDEX "character_name_trgm_idx" ON "character_" USING gin (marquee_search_key("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "movie_duration_idx" ON "movie" USING btree ("duration");--> statement-breakpoint
CREATE INDEX "movie_budget_idx" ON "movie" USING btree ("budget");--> statement-breakpoint
CREATE INDEX "movie_title_trgm_idx" ON "movie" USING gin (marquee_search_key("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_date_of_birth_idx" ON "person" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "person_name_trgm_idx" ON "person" USING gin (marquee_search_key("first_name" || ' ' || "last_name") gin_trgm_ops);