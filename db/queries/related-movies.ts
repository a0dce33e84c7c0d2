import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";
import { movieCardFields, type MovieCardData } from "./movies";

/** How many of a genre's newest films (per genre of the film) are weighed for "In the same genres". */
export const SAME_GENRES_WINDOW = 200;

export type RelatedMovies = {
  /** Other films by the film's director: most often in favorites first, then the newest. */
  byDirector: MovieCardData[];
  /**
   * Films sharing genres with this one: the most genres in common first, then most often in favorites, then the
   * newest. Films already in `byDirector` are left out.
   */
  sameGenres: MovieCardData[];
};

/**
 * The movie page's "More from <director>" and "In the same genres": one statement, the film itself never in
 * either. The director's films are their own rows of person_credits (kind 3), ranked like "Known for": only films
 * in someone's favorites and the newest `limit` can make the list, so a director with thousands of films is not
 * sorted whole. The genre candidates are, per genre of the film, its newest SAME_GENRES_WINDOW films (a backward
 * walk of genre_films_genre_release_idx) and its undated ones: exact on the demo catalogue, the recent films of a
 * 100,000-film one (a film sharing every genre but older than all of them is not weighed). Each candidate's
 * shared genres are counted on movie_genres' primary key. EXPLAIN (demo catalogue, The Godfather): index scans
 * only (person_credits_person_idx, genre_films_genre_country_release_idx, movie_genres_pkey), 2 + 77 candidate
 * rows, no sequential scan but the empty movie_favorites.
 */
export async function getRelatedMovies(movieId: number, { limit = 6 }: { limit?: number } = {}): Promise<RelatedMovies> {
  const rows = await db.execute<MovieCardData & { row: "director" | "genres" }>(sql`
    with self as (
      select m.id, m.director_id from movie m where m.id = ${movieId}
    ), directed as (
      select pc.movie_id, pc.release_date from self
      join person_credits pc on pc.person_id = self.director_id and pc.kind = 3 and pc.movie_id <> self.id
    ), by_director as (
      select d.movie_id, coalesce(mf.favorites, 0) as favorites, d.release_date
      from (
        select movie_id, release_date from directed where exists (select 1 from movie_favorites f where f.movie_id = directed.movie_id)
        union
        (select movie_id, release_date from directed order by release_date desc nulls last, movie_id desc limit ${limit})
      ) d
      left join movie_favorites mf on mf.movie_id = d.movie_id
      order by favorites desc, d.release_date desc nulls last, d.movie_id desc
      limit ${limit}
    ), self_genres as (
      select mg.genre_id from movie_genres mg where mg.movie_id = ${movieId}
    ), candidates as (
      select distinct c.movie_id from self_genres sg cross join lateral (
        (select gf.movie_id from genre_films gf where gf.genre_id = sg.genre_id and gf.release_date is not null
         order by gf.release_date desc, gf.movie_id desc limit ${SAME_GENRES_WINDOW})
        union all
        (select gf.movie_id from genre_films gf where gf.genre_id = sg.genre_id and gf.release_date is null limit ${SAME_GENRES_WINDOW})
      ) c
    ), by_genres as (
      select c.movie_id, coalesce(mf.favorites, 0) as favorites, m.release_date,
             (select count(*) from movie_genres mg where mg.movie_id = c.movie_id and mg.genre_id in (select genre_id from self_genres)) as shared
      from candidates c
      join movie m on m.id = c.movie_id
      left join movie_favorites mf on mf.movie_id = c.movie_id
      where c.movie_id <> ${movieId} and c.movie_id not in (select movie_id from by_director)
      order by shared desc, favorites desc, m.release_date desc nulls last, c.movie_id desc
      limit ${limit}
    ), picked as (
      select 'director' as row, 0 as shared, movie_id, favorites, release_date from by_director
      union all
      select 'genres', shared, movie_id, favorites, release_date from by_genres
    )
    select p.row, ${movieCardFields("m")}
    from picked p
    join movie m on m.id = p.movie_id
    order by p.row, p.shared desc, p.favorites desc, p.release_date desc nulls last, p.movie_id desc`);
  const pick = (row: "director" | "genres") => rows.filter((r) => r.row === row).map(({ row: _row, ...card }) => card);
  return { byDirector: pick("director"), sameGenres: pick("genres") };
}
