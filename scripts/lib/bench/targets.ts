/**
 * The pages both benchmarks measure (scripts/benchmark.ts, scripts/sql-profile.ts), picked from the large catalogue
 * by what makes them heaviest.
 */
import type postgres from "postgres";
import { FatalError } from "../fatal";

export type BenchTargets = {
  /** The busiest genre × country pair: deep pages exist (page 50 of 24 needs 1,177+ films). */
  pair: { genre_id: number; country_id: number; films: number };
  /** The film with the largest cast: the heaviest movie page. */
  film: { id: number; title: string; castings: number };
  /** The person with the most castings: the heaviest person page. */
  actor: { id: number; name: string; castings: number };
};

export async function pickBenchTargets(sql: postgres.Sql): Promise<BenchTargets> {
  const [pair] = await sql<[BenchTargets["pair"]]>`
    select mg.genre_id, m.country_id, count(*)::int as films from movie_genres mg join movie m on m.id = mg.movie_id
    where m.country_id is not null group by 1, 2 order by 3 desc, 1, 2 limit 1`;
  if (!pair) throw new FatalError("the database has no movies: run `npm run db:generate-large` first");
  const [film] = await sql<[BenchTargets["film"]]>`
    select m.id, m.title, count(*)::int as castings from character_ c join character_actors a on a.character_id = c.id
    join movie m on m.id = c.movie_id group by m.id order by 3 desc, 1 limit 1`;
  const [actor] = await sql<[BenchTargets["actor"]]>`
    select p.id, trim(p.first_name || ' ' || p.last_name) as name, t.castings from
      (select person_id, count(*)::int as castings from character_actors group by person_id order by 2 desc, 1 limit 1) t
    join person p on p.id = t.person_id`;
  return { pair, film, actor };
}
