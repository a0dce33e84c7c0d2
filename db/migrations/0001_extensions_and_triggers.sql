-- Search extensions (both are "trusted": a database owner without superuser can create them).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- updated_at is true for every UPDATE, whoever issues it.
CREATE OR REPLACE FUNCTION marquee_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['file_','user_','countries','person','movie','genres','movie_genres','character_',
                           'character_actors','person_photos','favorite_movies']
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_touch_updated_at', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION marquee_touch_updated_at()',
                   t || '_touch_updated_at', t);
  END LOOP;
END;
$$;
