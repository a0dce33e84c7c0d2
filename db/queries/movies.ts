import "server-only";
import { desc, sql, type SQL } from "drizzle-orm";
import { db } from "../index";
import { file_, genres, movie, movie_genres } from "../schema";

export type MovieCardData = {
  id: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  genres: string[];
};

/**
 * The columns of a MovieCardData row for the movie aliased `alias` in the surrounding query: id, title, year,
 * the public poster's URL and the genre names. Compute it after the page is cut, so it costs only the rows shown.
 */
export function movieCardFields(alias: "m" | "movie"): SQL {
  const a = sql.raw(alias);
  return sql`${a}.id, ${a}.title, extract(year from ${a}.release_date)::int as year,
    (select card_f.file_url from file_ card_f where card_f.id = ${a}.poster_id and card_f.is_public) as "posterUrl",
    coalesce((select array_agg(card_g.name order by card_g.name) from movie_genres card_mg
              join genres card_g on card_g.id = card_mg.genre_id where card_mg.movie_id = ${a}.id), '{}') as genres`;
}

// Qualified explicitly: in a single-table select Drizzle leaves columns unqualified, and inside these subqueries
// an unqualified "id" would bind to the subquery's own table.
const movieId = sql.raw(`"movie"."id"`);
const moviePosterId = sql.raw(`"movie"."poster_id"`);

const cardColumns = {
  id: movie.id,
  title: movie.title,
  year: sql<number | null>`extract(year from ${movie.release_date})::int`,
  posterUrl: sql<string | null>`(select ${file_.file_url} from ${file_} where ${file_.id} = ${moviePosterId} and ${file_.is_public})`,
  genres: sql<string[]>`coalesce((select array_agg(${genres.name} order by ${genres.name}) from ${movie_genres} join ${genres} on ${genres.id} = ${movie_genres.genre_id} where ${movie_genres.movie_id} = ${movieId}), '{}')`,
};

/** Newest films first: one query, genres and poster included (an ordered scan of movie_release_date_idx). */
export async function getNewReleases({ limit }: { limit: number }): Promise<MovieCardData[]> {
  return db
    .select(cardColumns)
    .from(movie)
    .where(sql`${movie.release_date} is not null`)
    .orderBy(desc(movie.release_date), desc(movie.id))
    .limit(limit);
}

/**
 * A selection that changes every day and is the same on every instance: candidate ids are derived from the date
 * (spread over the id range) and looked up by primary key, so the cost does not grow with the catalogue.
 */
export async function getFeaturedMovies({ limit }: { limit: number }): Promise<MovieCardData[]> {
  const span = limit * 50;
  // A small catalogue is taken whole (every id of its range); a large one through limit * 40 date-hashed ids. An
  // array, not an IN (subquery): the planner then looks the candidates up in movie_pkey (Index Scan, ~240 lookups,
  // ~1 ms at 100k) instead of hashing a sequential scan of every film with a poster (80-140 ms at 100k).
  // abs() of a bigint: hashtext() can return -2^31, whose int4 abs() is out of range.
  const candidates = sql`array(
    select c.id from (select min(id) as lo, max(id) as hi from movie) b
    cross join lateral (
      select (b.lo + n - 1)::int as id from generate_series(1, case when b.hi - b.lo <= ${span} then b.hi - b.lo + 1 else 0 end) n
      union all
      select (b.lo + abs(hashtext(current_date::text || ':' || n)::bigint) % (b.hi - b.lo + 1))::int
      from generate_series(1, case when b.hi - b.lo > ${span} then ${limit * 40} else 0 end) n
    ) c)`;
  return db
    .select(cardColumns)
    .from(movie)
    .where(sql`${movie.id} = any(${candidates}) and exists (select 1 from ${file_} where ${file_.id} = ${moviePosterId} and ${file_.is_public})`)
    .orderBy(sql`md5(${movie.id}::text || current_date::text)`)
    .limit(limit);
}

/**
 * Catalogue sizes for the home page. Films: exact, from movie_counts (kept by triggers). People and characters:
 * exact while the table is small; once it is large, PostgreSQL's estimate (ANALYZE, autovacuum) rounded to two
 * significant digits, so a re-analyze between two instances' renders does not show as two different numbers.
 */
export async function getCatalogueCounts(): Promise<{ movies: number; people: number; characters: number }> {
  const [row] = await db.execute<{ movies: number; people: number; characters: number }>(sql`
    with estimate as (
      select relname, greatest(reltuples, 0)::bigint as n from pg_class
      where relname in ('person', 'character_') and relnamespace = 'public'::regnamespace
    ), rounded as (
      select relname, n, round(n, -(floor(log(greatest(n, 1)))::int - 1))::bigint as about from estimate
    )
    select
      coalesce((select movies from movie_counts where scope = 'all' and scope_id = 0), 0)::int as movies,
      (case when (select n from rounded where relname = 'person') > 50000 then (select about from rounded where relname = 'person') else (select count(*) from person) end)::int as people,
      (case when (select n from rounded where relname = 'character_') > 50000 then (select about from rounded where relname = 'character_') else (select count(*) from character_) end)::int as characters`);
  return row;
}
