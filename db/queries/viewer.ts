/**
 * What GET /api/viewer tells a page's islands about the signed-in viewer, in one statement: the user (if not
 * disabled), which of the page's films are in their favorites, and with a person, how many of that person's films
 * are and how many there are. Not "server-only", and the executor is a parameter: the production server answers
 * /api/viewer itself with its own pool (lib/server/viewer-endpoint.ts), the route handler with the app's.
 *
 * The person's films come from person_credits (an index-only range, 19 pages for the busiest actor's 3,000 films)
 * joined with the user's favorites by primary key: ~40 buffers for a member with 3,000 favorites.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import type { UserRole } from "../schema";

export type ViewerFacts = {
  user: { id: number; username: string; role: UserRole; sessionVersion: number; avatarUrl: string | null; mustChangePassword: boolean } | null;
  /** Those of the asked films that are in the user's favorites, ascending. */
  favorites: number[];
  /** With a person: their distinct films (directed or acted in) and how many of those are favorites. */
  person: { films: number; favorites: number } | null;
};

type Row = { id: number; username: string; role: UserRole; sessionVersion: number; avatarUrl: string | null; mustChangePassword: boolean; favorites: number[]; films: number; favoriteFilms: number };

export async function viewerFacts(db: Database, userId: number, { movies, person }: { movies: number[]; person: number | null }): Promise<ViewerFacts> {
  // Whole numbers only (the callers' parser checks them), so the array literal is safe to build.
  const ids = `{${movies.filter((id) => Number.isSafeInteger(id)).join(",")}}`;
  const [row] = await db.execute<Row>(sql`
    with films as (select distinct pc.movie_id from person_credits pc where pc.person_id = ${person ?? 0})
    select u.id, u.username, u.role, u.session_version as "sessionVersion", f.file_url as "avatarUrl",
           u.must_change_password as "mustChangePassword",
           array(select fm.movie_id from favorite_movies fm
                  where fm.user_id = u.id and fm.movie_id = any(${ids}::int[]) order by fm.movie_id) as favorites,
           (select count(*) from films)::int as films,
           (select count(*) from films join favorite_movies fm on fm.user_id = u.id and fm.movie_id = films.movie_id)::int as "favoriteFilms"
    from user_ u left join file_ f on f.id = u.avatar_id
    where u.id = ${userId} and u.disabled_at is null`);
  if (!row) return { user: null, favorites: [], person: null };
  return {
    user: { id: row.id, username: row.username, role: row.role, sessionVersion: row.sessionVersion, avatarUrl: row.avatarUrl, mustChangePassword: row.mustChangePassword },
    favorites: row.favorites.map(Number),
    person: person === null ? null : { films: row.films, favorites: row.favoriteFilms },
  };
}
