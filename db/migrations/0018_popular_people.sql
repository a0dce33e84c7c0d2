-- The home page's popular people (0016): the first `kept` people by credits (castings and films directed) in the
-- newest `films` dated films, ranked by credits, then id. Counting them takes ~100 ms at 100k films, too much per
-- page view, and the window moves with every new release, so the list cannot be kept by deltas: it is recomputed
-- (from person_credits, ~10 ms) when a transaction that may have changed it commits.
--
-- May have changed it: the transaction touched a dated film (its credits, its date, its director, the film itself)
-- at or above the oldest film of the window as last computed. Each statement records the newest film it touched in
-- popular_people_pending; a deferred constraint trigger, at commit, locks the window row, compares and recomputes.
-- The lock makes commits that test or recompute take turns, and at READ COMMITTED each of them reads what the
-- previous one committed: a recompute sees every committed credit, and a transaction that touched a film just below
-- the window tests it against the window as moved by any transaction that committed before it. (Every such commit
-- has already queued the page_generation bump, which locks the 'catalogue' row first, so this adds no new wait
-- order and cannot deadlock with it.) Films without a date are never in the window.
INSERT INTO popular_people_window (id, films, kept) VALUES (1, 2000, 100) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_popular_people_recompute() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE w popular_people_window%ROWTYPE;
BEGIN
  SELECT * INTO w FROM popular_people_window WHERE id = 1;
  DELETE FROM popular_people;
  INSERT INTO popular_people (position, person_id, credits)
  SELECT row_number() OVER (ORDER BY c.credits DESC, c.person_id), c.person_id, c.credits
  FROM (
    SELECT pc.person_id, count(*)::int AS credits
    FROM (SELECT id FROM movie WHERE release_date IS NOT NULL ORDER BY release_date DESC, id DESC LIMIT w.films) recent
    JOIN person_credits pc ON pc.movie_id = recent.id
    GROUP BY pc.person_id
    ORDER BY credits DESC, pc.person_id
    LIMIT w.kept
  ) c;
  -- The window's oldest film; none while there are fewer dated films than the window holds (then any dated film
  -- is in it).
  UPDATE popular_people_window SET (oldest_date, oldest_id) = (
    SELECT release_date, id FROM movie WHERE release_date IS NOT NULL ORDER BY release_date DESC, id DESC OFFSET w.films - 1 LIMIT 1
  ) WHERE id = 1;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_popular_people_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE w popular_people_window%ROWTYPE;
BEGIN
  -- The first of a transaction's pending rows does the work for all of them.
  IF NOT EXISTS (SELECT 1 FROM popular_people_pending WHERE id = NEW.id) THEN RETURN NULL; END IF;
  SELECT * INTO w FROM popular_people_window WHERE id = 1 FOR UPDATE;
  IF w.oldest_date IS NULL OR EXISTS (
    SELECT 1 FROM popular_people_pending p WHERE (p.release_date, p.movie_id) >= (w.oldest_date, w.oldest_id)
  ) THEN
    PERFORM marquee_popular_people_recompute();
  END IF;
  DELETE FROM popular_people_pending;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER popular_people_refresh AFTER INSERT ON popular_people_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION marquee_popular_people_refresh();
--> statement-breakpoint
-- Records the newest dated film a statement touched ('infinity' for a TRUNCATE: always recompute).
CREATE OR REPLACE FUNCTION marquee_popular_people_mark() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO popular_people_pending (release_date, movie_id) VALUES ('infinity', 0);
  ELSIF TG_TABLE_NAME = 'movie' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT release_date, id FROM new_rows WHERE release_date IS NOT NULL ORDER BY release_date DESC, id DESC LIMIT 1;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT release_date, id FROM old_rows WHERE release_date IS NOT NULL ORDER BY release_date DESC, id DESC LIMIT 1;
    ELSE -- a new date or director; other columns are not in the ranking
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT k.release_date, k.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.release_date, o.id), (n.release_date, n.id)) AS k(release_date, id)
      WHERE (o.release_date IS DISTINCT FROM n.release_date OR o.director_id IS DISTINCT FROM n.director_id) AND k.release_date IS NOT NULL
      ORDER BY k.release_date DESC, k.id DESC LIMIT 1;
    END IF;
  ELSIF TG_TABLE_NAME = 'character_' THEN
    IF TG_OP = 'DELETE' THEN -- its castings go by cascade, when the character's film is no longer known to them
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT m.release_date, m.id FROM movie m WHERE m.id IN (SELECT movie_id FROM old_rows) AND m.release_date IS NOT NULL
      ORDER BY m.release_date DESC, m.id DESC LIMIT 1;
    ELSE -- moved to another film (a new role changes no count)
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT m.release_date, m.id FROM movie m
      WHERE m.id IN (SELECT o.movie_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.movie_id IS DISTINCT FROM n.movie_id
                     UNION SELECT n.movie_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.movie_id IS DISTINCT FROM n.movie_id)
        AND m.release_date IS NOT NULL
      ORDER BY m.release_date DESC, m.id DESC LIMIT 1;
    END IF;
  ELSE -- character_actors
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT m.release_date, m.id FROM movie m
      WHERE m.id IN (SELECT c.movie_id FROM new_rows n JOIN character_ c ON c.id = n.character_id) AND m.release_date IS NOT NULL
      ORDER BY m.release_date DESC, m.id DESC LIMIT 1;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO popular_people_pending (release_date, movie_id)
      SELECT m.release_date, m.id FROM movie m
      WHERE m.id IN (SELECT c.movie_id FROM old_rows o JOIN character_ c ON c.id = o.character_id) AND m.release_date IS NOT NULL
      ORDER BY m.release_date DESC, m.id DESC LIMIT 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Named after page_generation_catalogue, so that on the same statement its pending row (and so its bump at commit,
-- which locks the 'catalogue' row) comes first.
CREATE TRIGGER popular_people_mark_insert AFTER INSERT ON movie REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_update AFTER UPDATE ON movie REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_delete AFTER DELETE ON movie REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_truncate AFTER TRUNCATE ON movie
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_update AFTER UPDATE ON character_ REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_delete AFTER DELETE ON character_ REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_insert AFTER INSERT ON character_actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_update AFTER UPDATE ON character_actors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_delete AFTER DELETE ON character_actors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
CREATE TRIGGER popular_people_mark_truncate AFTER TRUNCATE ON character_actors
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_popular_people_mark();
--> statement-breakpoint
SELECT marquee_popular_people_recompute();
