-- person_counts stays true for every INSERT, UPDATE, DELETE and TRUNCATE of person, from the app or from psql: the
-- same design as movie_counts (0008). Statement-level triggers with transition tables, one upsert per statement
-- whatever the number of rows; deltas only, so concurrent writers add up instead of overwriting each other, and
-- rows are applied in key order so they lock them in the same order.
CREATE OR REPLACE FUNCTION marquee_bump_person_counts(deltas jsonb) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO person_counts AS c (scope, scope_id, people)
  SELECT d.scope, d.scope_id, d.delta
  FROM jsonb_to_recordset(deltas) AS d(scope varchar, scope_id integer, delta integer)
  WHERE d.delta <> 0
  ORDER BY d.scope, d.scope_id
  ON CONFLICT (scope, scope_id) DO UPDATE SET people = c.people + excluded.people;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_person_counts() RETURNS trigger
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
  IF deltas IS NOT NULL THEN PERFORM marquee_bump_person_counts(deltas); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION marquee_person_counts_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_counts_insert AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_person_counts();
--> statement-breakpoint
CREATE TRIGGER person_counts_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_person_counts();
--> statement-breakpoint
CREATE TRIGGER person_counts_delete AFTER DELETE ON person REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_person_counts();
--> statement-breakpoint
CREATE TRIGGER person_counts_truncate AFTER TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION marquee_person_counts_truncate();
--> statement-breakpoint
-- The counts of what is already there (a lock keeps writers out while they are taken).
LOCK TABLE person IN SHARE MODE;
--> statement-breakpoint
INSERT INTO person_counts (scope, scope_id, people)
SELECT 'all', 0, count(*)::int FROM person
UNION ALL
SELECT 'country', country_id, count(*)::int FROM person WHERE country_id IS NOT NULL GROUP BY country_id
ON CONFLICT (scope, scope_id) DO UPDATE SET people = excluded.people;
