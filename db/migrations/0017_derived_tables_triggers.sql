-- person_credits, movie_favorites and genre_films (0016) are derived from the catalogue and stay true for every
-- INSERT, UPDATE, DELETE and TRUNCATE of their sources, from the app or from psql: statement-level triggers with
-- transition tables, so a statement costs one pass however many rows it touched.
--
-- Each derived row mirrors one source row (a casting, a film directed, a genre link) or counts them (favorites), so
-- writers' changes never overwrite each other. The copied columns (a film's release date and country, a character's
-- film and role) are read under FOR SHARE: a concurrent update of that film or character waits for our commit (and
-- its own trigger then sees our rows), or we wait for its commit and read the new values. Rows written by this very
-- transaction need no lock (no one else can change them before we commit); that keeps bulk loads from locking the
-- rows they just inserted. This holds for writers at READ COMMITTED (the app's and psql's default): a REPEATABLE READ
-- writer's trigger would not see rows committed after its snapshot.

-- The kind of a casting from its character's role: as the public pages rank roles (exactly 'lead', 'supporting').
CREATE OR REPLACE FUNCTION marquee_role_kind(role varchar) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE role WHEN 'lead' THEN 0 WHEN 'supporting' THEN 1 ELSE 2 END)::smallint
$$;
--> statement-breakpoint
-- character_actors: one person_credits row per casting.
CREATE OR REPLACE FUNCTION marquee_derived_castings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM person_credits WHERE character_id <> 0;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- By person and character only: when the character itself was deleted (the cascade that brought us here), its
    -- film is no longer known, and the credit must go all the same.
    DELETE FROM person_credits pc USING old_rows o WHERE pc.character_id = o.character_id AND pc.person_id = o.person_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM 1 FROM character_ c
      WHERE c.id IN (SELECT character_id FROM new_rows) AND c.xmin <> pg_current_xact_id()::xid ORDER BY c.id FOR SHARE;
    PERFORM 1 FROM movie m
      WHERE m.id IN (SELECT c.movie_id FROM new_rows n JOIN character_ c ON c.id = n.character_id)
        AND m.xmin <> pg_current_xact_id()::xid ORDER BY m.id FOR SHARE;
    INSERT INTO person_credits (person_id, movie_id, character_id, kind, release_date)
    SELECT n.person_id, c.movie_id, c.id, marquee_role_kind(c.role), m.release_date
    FROM new_rows n JOIN character_ c ON c.id = n.character_id JOIN movie m ON m.id = c.movie_id
    ORDER BY 1, 2, 3;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- character_: a character moved to another film or given another role moves its castings' credits. (Deleting a
-- character deletes its castings, whose own trigger removes the credits; a new character has no castings yet.)
CREATE OR REPLACE FUNCTION marquee_derived_characters() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM movie m
    WHERE m.id IN (SELECT n.movie_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.movie_id IS DISTINCT FROM n.movie_id)
      AND m.xmin <> pg_current_xact_id()::xid ORDER BY m.id FOR SHARE;
  UPDATE person_credits pc SET movie_id = n.movie_id, kind = marquee_role_kind(n.role), release_date = m.release_date
  FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN movie m ON m.id = n.movie_id
  WHERE pc.character_id = n.id AND (o.movie_id IS DISTINCT FROM n.movie_id OR o.role IS DISTINCT FROM n.role);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- movie: directing credits, and the release date and country copied into person_credits and genre_films. (A deleted
-- film's castings and genre links go by cascade, and their triggers remove what derives from them.)
CREATE OR REPLACE FUNCTION marquee_derived_movies() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE person_credits, genre_films;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO person_credits (person_id, movie_id, character_id, kind, release_date)
    SELECT director_id, id, 0, 3, release_date FROM new_rows WHERE director_id IS NOT NULL ORDER BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM person_credits pc USING old_rows o WHERE pc.person_id = o.director_id AND pc.movie_id = o.id AND pc.character_id = 0;
  ELSE
    DELETE FROM person_credits pc USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.director_id IS DISTINCT FROM n.director_id AND pc.person_id = o.director_id AND pc.movie_id = o.id AND pc.character_id = 0;
    INSERT INTO person_credits (person_id, movie_id, character_id, kind, release_date)
    SELECT n.director_id, n.id, 0, 3, n.release_date FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.director_id IS DISTINCT FROM n.director_id AND n.director_id IS NOT NULL ORDER BY 1, 2;
    UPDATE person_credits pc SET release_date = n.release_date FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.release_date IS DISTINCT FROM n.release_date AND pc.movie_id = n.id;
    UPDATE genre_films gf SET country_id = n.country_id, release_date = n.release_date FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.release_date IS DISTINCT FROM n.release_date OR o.country_id IS DISTINCT FROM n.country_id) AND gf.movie_id = n.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- movie_genres: one genre_films row per link.
CREATE OR REPLACE FUNCTION marquee_derived_movie_genres() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE genre_films;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM genre_films gf USING old_rows o WHERE gf.movie_id = o.movie_id AND gf.genre_id = o.genre_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM 1 FROM movie m
      WHERE m.id IN (SELECT movie_id FROM new_rows) AND m.xmin <> pg_current_xact_id()::xid ORDER BY m.id FOR SHARE;
    INSERT INTO genre_films (movie_id, genre_id, country_id, release_date)
    SELECT n.movie_id, n.genre_id, m.country_id, m.release_date FROM new_rows n JOIN movie m ON m.id = n.movie_id
    ORDER BY 1, 2;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- favorite_movies: favorites per film, by deltas (as movie_counts), in film order; a film without any has no row.
CREATE OR REPLACE FUNCTION marquee_bump_movie_favorites(deltas jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO movie_favorites AS f (movie_id, favorites)
  SELECT d.movie_id, d.delta FROM jsonb_to_recordset(deltas) AS d(movie_id integer, delta integer)
  WHERE d.delta <> 0 ORDER BY d.movie_id
  ON CONFLICT (movie_id) DO UPDATE SET favorites = f.favorites + excluded.favorites;
  DELETE FROM movie_favorites f USING jsonb_to_recordset(deltas) AS d(movie_id integer, delta integer)
  WHERE f.movie_id = d.movie_id AND d.delta < 0 AND f.favorites <= 0;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_derived_favorites() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE deltas jsonb;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE movie_favorites;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (SELECT movie_id, count(*)::int AS delta FROM new_rows GROUP BY movie_id) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(x) INTO deltas FROM (SELECT movie_id, -count(*)::int AS delta FROM old_rows GROUP BY movie_id) x;
  ELSE
    SELECT jsonb_agg(x) INTO deltas FROM (
      SELECT movie_id, sum(delta)::int AS delta FROM (
        SELECT movie_id, -1 AS delta FROM old_rows UNION ALL SELECT movie_id, 1 FROM new_rows) moves
      GROUP BY movie_id) x;
  END IF;
  IF deltas IS NOT NULL THEN PERFORM marquee_bump_movie_favorites(deltas); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER derived_castings_insert AFTER INSERT ON character_actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_castings();
--> statement-breakpoint
CREATE TRIGGER derived_castings_update AFTER UPDATE ON character_actors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_castings();
--> statement-breakpoint
CREATE TRIGGER derived_castings_delete AFTER DELETE ON character_actors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_castings();
--> statement-breakpoint
CREATE TRIGGER derived_castings_truncate AFTER TRUNCATE ON character_actors
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_castings();
--> statement-breakpoint
CREATE TRIGGER derived_characters_update AFTER UPDATE ON character_ REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_characters();
--> statement-breakpoint
CREATE TRIGGER derived_movies_insert AFTER INSERT ON movie REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movies();
--> statement-breakpoint
CREATE TRIGGER derived_movies_update AFTER UPDATE ON movie REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movies();
--> statement-breakpoint
CREATE TRIGGER derived_movies_delete AFTER DELETE ON movie REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movies();
--> statement-breakpoint
CREATE TRIGGER derived_movies_truncate AFTER TRUNCATE ON movie
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movies();
--> statement-breakpoint
CREATE TRIGGER derived_movie_genres_insert AFTER INSERT ON movie_genres REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movie_genres();
--> statement-breakpoint
CREATE TRIGGER derived_movie_genres_update AFTER UPDATE ON movie_genres REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movie_genres();
--> statement-breakpoint
CREATE TRIGGER derived_movie_genres_delete AFTER DELETE ON movie_genres REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movie_genres();
--> statement-breakpoint
CREATE TRIGGER derived_movie_genres_truncate AFTER TRUNCATE ON movie_genres
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_movie_genres();
--> statement-breakpoint
CREATE TRIGGER derived_favorites_insert AFTER INSERT ON favorite_movies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_favorites();
--> statement-breakpoint
CREATE TRIGGER derived_favorites_update AFTER UPDATE ON favorite_movies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_favorites();
--> statement-breakpoint
CREATE TRIGGER derived_favorites_delete AFTER DELETE ON favorite_movies REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_favorites();
--> statement-breakpoint
CREATE TRIGGER derived_favorites_truncate AFTER TRUNCATE ON favorite_movies
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_derived_favorites();
--> statement-breakpoint
-- What is already there (a lock keeps writers out while it is copied), then statistics for the planner.
LOCK TABLE movie, character_, character_actors, movie_genres, favorite_movies IN SHARE MODE;
--> statement-breakpoint
INSERT INTO person_credits (person_id, movie_id, character_id, kind, release_date)
SELECT ca.person_id, c.movie_id, c.id, marquee_role_kind(c.role), m.release_date
FROM character_actors ca JOIN character_ c ON c.id = ca.character_id JOIN movie m ON m.id = c.movie_id
UNION ALL
SELECT director_id, id, 0, 3, release_date FROM movie WHERE director_id IS NOT NULL;
--> statement-breakpoint
INSERT INTO genre_films (movie_id, genre_id, country_id, release_date)
SELECT mg.movie_id, mg.genre_id, m.country_id, m.release_date FROM movie_genres mg JOIN movie m ON m.id = mg.movie_id;
--> statement-breakpoint
INSERT INTO movie_favorites (movie_id, favorites) SELECT movie_id, count(*)::int FROM favorite_movies GROUP BY movie_id;
--> statement-breakpoint
ANALYZE person_credits, genre_films, movie_favorites;
