-- A transaction that moves both generations bumps them at commit in the order it first touched them (favorites
-- first when, say, deleting a user cascades into favorite_movies before the avatar's file_ row goes). Two such
-- commits in opposite orders could each hold one page_generation row and wait for the other. Every bump now locks
-- the rows up to its own scope in one order ('catalogue' before 'favorites') before updating, so they cannot.
CREATE OR REPLACE FUNCTION marquee_page_generation_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM page_generation WHERE scope <= NEW.scope ORDER BY scope FOR UPDATE;
  UPDATE page_generation SET value = value + 1 WHERE scope = NEW.scope;
  DELETE FROM page_generation_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
