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

/** A row matched to a film released a year before or after the year the file gives (release vs festival year). */
export type NearYearMatch = { title: string; year: number; matchedYear: number };
/** A row with no film of its year and several films of its title a year off: nothing is added for it. */
export type AmbiguousRow = { title: string; year: number; candidateYears: number[] };
export type ImportResult = { added: number; alreadyThere: number; unmatched: FavoriteCsvRow[]; nearYear: NearYearMatch[]; ambiguous: AmbiguousRow[] };

/**
 * Adds the films of a Letterboxd-style list (title + year), matching titles without regard to case or accents and
 * the year when given; in one transaction. A row whose title and year match no film falls back to the one film of
 * that title released a year before or after (lists often give the festival year); two such films are ambiguous
 * and nothing is added. Returns what was added, the rows matched a year off, the ambiguous ones and the unmatched.
 */
export async function importFavorites(userId: number, rows: FavoriteCsvRow[]): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    // Passed as one JSON parameter (Drizzle would spread a JS array into a row of parameters).
    const input = JSON.stringify(rows.map((r) => ({ title: r.title, year: r.year })));
    const matches = await tx.execute<{ idx: number; movie_id: number | null; near: { id: number; year: number }[] | null }>(sql`
      with i as (
        select e.idx, e.value->>'title' as title, (e.value->>'year')::int as year
        from jsonb_array_elements(${input}::jsonb) with ordinality as e(value, idx)
      ), exact as (
        select i.idx, i.title, i.year,
               (select m.id from movie m
                 where marquee_search_key(m.title) = marquee_search_key(i.title)
                   and (i.year is null or extract(year from m.release_date) = i.year)
                 order by m.release_date nulls last, m.id limit 1) as movie_id
        from i
      )
      select x.idx::int as idx, x.movie_id,
             -- Only for rows with a year and no exact match: the films of that title a year off.
             case when x.movie_id is null and x.year is not null then
               (select json_agg(json_build_object('id', m.id, 'year', extract(year from m.release_date)::int) order by m.release_date, m.id)
                  from movie m
                 where marquee_search_key(m.title) = marquee_search_key(x.title)
                   and extract(year from m.release_date) in (x.year - 1, x.year + 1))
             end as near
      from exact x
      order by x.idx`);
    const nearYear: NearYearMatch[] = [];
    const ambiguous: AmbiguousRow[] = [];
    const unmatched: FavoriteCsvRow[] = [];
    const chosen: number[] = [];
    for (const m of matches) {
      const row = rows[m.idx - 1];
      if (m.movie_id !== null) chosen.push(m.movie_id);
      else if (m.near?.length === 1) {
        chosen.push(m.near[0].id);
        nearYear.push({ title: row.title, year: row.year!, matchedYear: m.near[0].year });
      } else if (m.near && m.near.length > 1) ambiguous.push({ title: row.title, year: row.year!, candidateYears: m.near.map((n) => n.year) });
      else unmatched.push(row);
    }
    const ids = [...new Set(chosen)];
    let added = 0;
    if (ids.length) {
      const inserted = await tx.execute(sql`
        insert into favorite_movies (user_id, movie_id)
        select ${userId}, value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)
        on conflict do nothing`);
      added = inserted.count;
    }
    return { added, alreadyThere: ids.length - added, unmatched, nearYear, ambiguous };
  });
}
