-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in an index expression.
-- This wrapper pins the dictionary and is declared IMMUTABLE: the documented way to index unaccented text.
CREATE OR REPLACE FUNCTION marquee_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- The normalized form every search compares: lower case, no accents.
CREATE OR REPLACE FUNCTION marquee_search_key(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.marquee_unaccent($1)) $$;
