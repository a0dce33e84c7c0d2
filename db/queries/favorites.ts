import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "../index";
import { favorite_movies, movie } from "../schema";

/** Adds a favorite; concurrent duplicates are absorbed by the primary key. Returns false for an unknown movie. */
export async function addFavorite(userId: number, movieId: number): Promise<boolean> {
  const rows = await db.execute(sql`
    insert into favorite_movies (user_id, movie_id)
    select ${userId}, id from movie where id = ${movieId}
    on conflict do nothing`);
  if (rows.count > 0) return true;
  const [exists] = await db.select({ id: movie.id }).from(movie).where(eq(movie.id, movieId)).limit(1);
  return Boolean(exists);
}

export async function removeFavorite(userId: number, movieId: number): Promise<void> {
  await db.delete(favorite_movies).where(and(eq(favorite_movies.user_id, userId), eq(favorite_movies.movie_id, movieId)));
}

/** The title of a film in the user's favorites (null when it isn't one, or doesn't exist). */
export async function favoriteTitle(userId: number, movieId: number): Promise<string | null> {
  const [row] = await db
    .select({ title: movie.title })
    .from(favorite_movies)
    .innerJoin(movie, eq(movie.id, favorite_movies.movie_id))
    .where(and(eq(favorite_movies.user_id, userId), eq(favorite_movies.movie_id, movieId)));
  return row?.title ?? null;
}

export async function countFavorites(userId: number): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from favorite_movies where user_id = ${userId}`);
  return row.n;
}

export type FavoriteCsvRow = { title: string; year: number | null };

/** Title and year of every favorite, oldest first (the CSV export). */
export async function getFavoritesForExport(userId: number): Promise<FavoriteCsvRow[]> {
  return db.execute<FavoriteCsvRow>(sql`
    select m.title, extract(year from m.release_date)::int as year
    from favorite_movies f join movie m on m.id = f.movie_id
    where f.user_id = ${userId}
    order by f.created_at, m.id`);
}

/**
 * Adds the films of a Letterboxd-style list (title + year), matching titles without regard to case or accents and
 * the year when given; in one transaction. Returns what was added and the rows that matched no film.
 */
export async function importFavorites(userId: number, rows: FavoriteCsvRow[]): Promise<{ added: number; alreadyThere: number; unmatched: FavoriteCsvRow[] }> {
  return db.transaction(async (tx) => {
    // Passed as one JSON parameter (Drizzle would spread a JS array into a row of parameters).
    const input = JSON.stringify(rows.map((r) => ({ title: r.title, year: r.year })));
    const matches = await tx.execute<{ idx: number; movie_id: number | null }>(sql`
      with i as (
        select e.idx, e.value->>'title' as title, (e.value->>'year')::int as year
        from jsonb_array_elements(${input}::jsonb) with ordinality as e(value, idx)
      )
      select i.idx::int as idx,
             (select m.id from movie m
               where marquee_search_key(m.title) = marquee_search_key(i.title)
                 and (i.year is null or extract(year from m.release_date) = i.year)
               order by m.release_date nulls last, m.id limit 1) as movie_id
      from i`);
    const ids = [...new Set(matches.filter((m) => m.movie_id !== null).map((m) => m.movie_id as number))];
    let added = 0;
    if (ids.length) {
      const inserted = await tx.execute(sql`
        insert into favorite_movies (user_id, movie_id)
        select ${userId}, value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)
        on conflict do nothing`);
      added = inserted.count;
    }
    const unmatched = matches.filter((m) => m.movie_id === null).map((m) => rows[m.idx - 1]);
    return { added, alreadyThere: ids.length - added, unmatched };
  });
}
