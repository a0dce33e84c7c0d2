import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";

export type GenreSummary = { id: number; name: string; films: number; posterUrl: string | null };
export type CountrySummary = { id: number; name: string; films: number; people: number };
export type PopularPerson = { id: number; name: string; photoUrl: string | null; credits: number };

/** Every genre with its film count and the poster of its newest film: one statement. */
export async function getGenreSummaries(): Promise<GenreSummary[]> {
  return db.execute<GenreSummary>(sql`
    select g.id, g.name,
           (select count(*) from movie_genres mg where mg.genre_id = g.id)::int as films,
           -- Newest first through movie_release_date_idx, stopping at the first film of the genre with a poster.
           (select f.file_url from movie m
              join file_ f on f.id = m.poster_id and f.is_public
             where m.release_date is not null
               and exists (select 1 from movie_genres mg where mg.movie_id = m.id and mg.genre_id = g.id)
             order by m.release_date desc, m.id desc limit 1) as "posterUrl"
    from genres g
    order by g.name`);
}

/** Every country with its film and people counts: one statement. */
export async function getCountrySummaries(): Promise<CountrySummary[]> {
  return db.execute<CountrySummary>(sql`
    select c.id, c.name,
           (select count(*) from movie m where m.country_id = c.id)::int as films,
           (select count(*) from person p where p.country_id = c.id)::int as people
    from countries c
    order by c.name`);
}

/**
 * People in the most recent films: credits (acting and directing) counted over the newest `window` films, so
 * the cost stays bounded however large the catalogue grows.
 */
export async function getPopularPeople({ limit, window = 2000 }: { limit: number; window?: number }): Promise<PopularPerson[]> {
  return db.execute<PopularPerson>(sql`
    with recent as (
      select id, director_id from movie where release_date is not null order by release_date desc, id desc limit ${window}
    ), credits as (
      select ca.person_id from recent r join character_ c on c.movie_id = r.id join character_actors ca on ca.character_id = c.id
      union all
      select director_id from recent where director_id is not null
    ), ranked as (
      select person_id, count(*)::int as credits from credits group by person_id order by credits desc, person_id limit ${limit}
    )
    select p.id, trim(p.first_name || ' ' || p.last_name) as name, f.file_url as "photoUrl", r.credits
    from ranked r join person p on p.id = r.person_id
    left join file_ f on f.id = p.main_photo_id and f.is_public
    order by r.credits desc, p.id`);
}
