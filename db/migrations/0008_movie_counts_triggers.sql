-- movie_counts stays true for every INSERT, UPDATE, DELETE and TRUNCATE of movie and movie_genres, from the app or
-- from psql. Statement-level triggers with transition tables: one upsert per statement, however many rows it
-- touched (bulk loads stay fast). Rows are applied in key order so concurrent writers lock them in the same order.
CREATE OR REPLACE FUNCTION marquee_bump_movie_counts(deltas jsonb) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO movie_counts AS c (scope, scope_id, movies)
  SELECT d.scope, d.scope_id, d.delta
  FROM jsonb_to_recordset(deltas) AS d(scope varchar, scope_id integer, delta integer)
  WHERE d.delta <> 0
  ORDER BY d.scope, d.scope_id
  ON CONFLICT (scope, scope_id) DO UPDATE SET movies = c.movies + excluded.movies;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_movie_counts_movie() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT 'all' AS scope, 0 AS scope_id, count(*)::int AS delta FROM new_rows
      UNION ALL
      SELECT 'country', country_id, count(*)::int FROM new_rows WHERE country_id IS NOT NULL GROUP BY country_id) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT 'all' AS scope, 0 AS scope_id, -count(*)::int AS delta FROM old_rows
      UNION ALL
      SELECT 'country', country_id, -count(*)::int FROM old_rows WHERE country_id IS NOT NULL GROUP BY country_id) x;
  ELSE -- UPDATE: only a changed country moves a count.
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT 'country' AS scope, scope_id, sum(delta)::int AS delta FROM (
        SELECT o.country_id AS scope_id, -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.country_id IS DISTINCT FROM n.country_id AND o.country_id IS NOT NULL
        UNION ALL
        SELECT n.country_id, 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.country_id IS DISTINCT FROM n.country_id AND n.country_id IS NOT NULL) moves
      GROUP BY scope_id) x;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM marquee_bump_movie_counts(deltas); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_movie_counts_movie_genres() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (SELECT 'genre' AS scope, genre_id AS scope_id, count(*)::int AS delta FROM new_rows GROUP BY genre_id) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (SELECT 'genre' AS scope, genre_id AS scope_id, -count(*)::int AS delta FROM old_rows GROUP BY genre_id) x;
  ELSE
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT 'genre' AS scope, scope_id, sum(delta)::int AS delta FROM (
        SELECT genre_id AS scope_id, -1 AS delta FROM old_rows UNION ALL SELECT genre_id, 1 FROM new_rows) moves
      GROUP BY scope_id) x;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM marquee_bump_movie_counts(deltas); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_movie_counts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'movie' THEN
    DELETE FROM movie_counts WHERE scope IN ('all', 'country');
  ELSE
    DELETE FROM movie_counts WHERE scope = 'genre';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER movie_counts_insert AFTER INSERT ON movie REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie();
--> statement-breakpoint
CREATE TRIGGER movie_counts_update AFTER UPDATE ON movie REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie();
--> statement-breakpoint
CREATE TRIGGER movie_counts_delete AFTER DELETE ON movie REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie();
--> statement-breakpoint
CREATE TRIGGER movie_counts_truncate AFTER TRUNCATE ON movie
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_truncate();
--> statement-breakpoint
CREATE TRIGGER movie_genres_counts_insert AFTER INSERT ON movie_genres REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie_genres();
--> statement-breakpoint
CREATE TRIGGER movie_genres_counts_update AFTER UPDATE ON movie_genres REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie_genres();
--> statement-breakpoint
CREATE TRIGGER movie_genres_counts_delete AFTER DELETE ON movie_genres REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_movie_genres();
--> statement-breakpoint
CREATE TRIGGER movie_genres_counts_truncate AFTER TRUNCATE ON movie_genres
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_movie_counts_truncate();
--> statement-breakpoint
-- The counts of what is already there (a lock keeps writers out while they are taken).
LOCK TABLE movie, movie_genres IN SHARE MODE;
--> statement-breakpoint
INSERT INTO movie_counts (scope, scope_id, movies)
SELECT 'all', 0, count(*)::int FROM movie
UNION ALL
SELECT 'country', country_id, count(*)::int FROM movie WHERE country_id IS NOT NULL GROUP BY country_id
UNION ALL
SELECT 'genre', genre_id, count(*)::int FROM movie_genres GROUP BY genre_id
ON CONFLICT (scope, scope_id) DO UPDATE SET movies = excluded.movies;
