import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../../../index";
import type { Executor } from "../../toolkit";

/** Deleting a movie, and what it would take with it. */

export type MovieDeleteConsequences = { title: string; characters: number; castings: number; favorites: number };

/** What deleting the movie takes with it (its characters, their castings, users' favorites), or null if unknown. */
export async function getMovieDeleteConsequences(id: number, executor: Executor = db): Promise<MovieDeleteConsequences | null> {
  const [row] = await executor.execute<MovieDeleteConsequences>(sql`
    select m.title,
      (select count(*)::int from character_ ch where ch.movie_id = m.id) as characters,
      (select count(*)::int from character_actors ca join character_ ch on ch.id = ca.character_id where ch.movie_id = m.id) as castings,
      (select count(*)::int from favorite_movies fm where fm.movie_id = m.id) as favorites
    from movie m where m.id = ${id}`);
  return row ?? null;
}

/**
 * Deletes the movie; its characters, their castings, its genre links and users' favorites cascade. Unless
 * `confirmed`, a movie that would take characters or favorites with it is not deleted: the answer says what
 * would go. The count and the delete run under the movie's row lock, so what was counted is what goes (new
 * characters or favorites wait for it).
 */
export async function deleteMovie(
  id: number,
  confirmed: boolean,
): Promise<{ deleted: MovieDeleteConsequences } | { needsConfirmation: MovieDeleteConsequences } | { gone: true }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from movie where id = ${id} for update`);
    // movie_counts rows in the order every other writer takes them (all, country, genre): the cascade to
    // movie_genres would otherwise lock the genre rows first and could deadlock with a concurrent save.
    await tx.execute(sql`
      select 1 from movie_counts
      where (scope = 'all' and scope_id = 0)
         or (scope = 'country' and scope_id = (select country_id from movie where id = ${id}))
         or (scope = 'genre' and scope_id in (select genre_id from movie_genres where movie_id = ${id}))
      order by scope, scope_id for update`);
    const consequences = await getMovieDeleteConsequences(id, tx);
    if (!consequences) return { gone: true as const };
    if (!confirmed && (consequences.characters > 0 || consequences.favorites > 0)) return { needsConfirmation: consequences };
    await tx.execute(sql`delete from movie where id = ${id}`);
    return { deleted: consequences };
  });
}
