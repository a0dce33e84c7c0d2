-- The anonymous page cache (lib/page-cache.ts) keys every stored page by these generations. Any committed change to
-- a table whose rows public pages show moves "catalogue" on; favorite_movies moves "favorites" on (person pages rank
-- "Known for" by favorites). From the app, the importers or psql alike.
--
-- How, without a hot lock during the transaction: a statement-level trigger marks the transaction once (a
-- transaction-local setting + one row in page_generation_pending); a deferred constraint trigger on that row bumps
-- the generation at commit, the last thing the transaction does, so concurrent writers wait for each other only
-- there and never deadlock on it. Readers see the new generation exactly when they can see the new rows.
INSERT INTO page_generation (scope, value) VALUES ('catalogue', 0), ('favorites', 0) ON CONFLICT (scope) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_page_generation_mark() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('marquee.page_generation_' || TG_ARGV[0], true) IS DISTINCT FROM 'marked' THEN
    PERFORM set_config('marquee.page_generation_' || TG_ARGV[0], 'marked', true);
    INSERT INTO page_generation_pending (scope) VALUES (TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_page_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE page_generation SET value = value + 1 WHERE scope = NEW.scope;
  DELETE FROM page_generation_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER page_generation_bump AFTER INSERT ON page_generation_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marquee_page_generation_bump();
--> statement-breakpoint
-- The tables public pages show move "catalogue"; favorite_movies moves "favorites".
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['movie', 'person', 'character_', 'character_actors', 'movie_genres', 'genres', 'countries', 'person_photos', 'file_'] LOOP
    EXECUTE format('CREATE TRIGGER page_generation_catalogue AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION marquee_page_generation_mark(''catalogue'')', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER page_generation_favorites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON favorite_movies
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_page_generation_mark('favorites');
