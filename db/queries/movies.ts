import "server-only";
import { desc, sql } from "drizzle-orm";
import { db } from "../index";
import { file_, genres, movie, movie_genres } from "../schema";

export type MovieCardData = {
  id: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  genres: string[];
};

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

/** Newest films first: one query, genres and poster included. */
export async function getNewReleases({ limit }: { limit: number }): Promise<MovieCardData[]> {
  return db
    .select(cardColumns)
    .from(movie)
    .orderBy(sql`${movie.release_date} desc nulls last`, desc(movie.id))
    .limit(limit);
}

/** A selection that changes every day and is the same on every instance (ordered by a hash of id and date). */
export async function getFeaturedMovies({ limit }: { limit: number }): Promise<MovieCardData[]> {
  return db
    .select(cardColumns)
    .from(movie)
    .where(sql`exists (select 1 from ${file_} where ${file_.id} = ${moviePosterId} and ${file_.is_public})`)
    .orderBy(sql`md5(${movie.id}::text || current_date::text)`)
    .limit(limit);
}

export async function getCatalogueCounts(): Promise<{ movies: number; people: number; characters: number }> {
  const [row] = await db.execute<{ movies: number; people: number; characters: number }>(sql`
    select (select count(*) from movie)::int as movies,
           (select count(*) from person)::int as people,
           (select count(*) from character_)::int as characters`);
  return row;
}
