import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../index";

export type GenreSummary = { id: number; name: string; films: number; posterUrl: string | null };
export type CountrySummary = { id: number; name: string; films: number; people: number };
export type PopularPerson = { id: number; name: string; photoUrl: string | null; credits: number };

/**
 * Every genre that has films, with its film count and the poster of its newest film: one statement. The counts
 * come from movie_counts (kept by triggers; counting 184,000 genre links per view took ~50 ms at 100k). A genre
 * with no film would open an empty catalogue, so it is left out (the admin lists every genre).
 */
export async function getGenreSummaries(): Promise<GenreSummary[]> {
  return db.execute<GenreSummary>(sql`
    select g.id, g.name, c.movies::int as films,
           -- The genre's films newest first (genre_films_genre_release_idx, backwards), stopping at the first with a
           -- public poster: a few rows per genre, where walking all films newest first tested ~740 genre links.
           (select f.file_url from genre_films gf
              join movie m on m.id = gf.movie_id
              join file_ f on f.id = m.poster_id and f.is_public
             where gf.genre_id = g.id and gf.release_date is not null
             order by gf.release_date desc, gf.movie_id desc limit 1) as "posterUrl"
    from genres g
    join movie_counts c on c.scope = 'genre' and c.scope_id = g.id and c.movies > 0
    order by g.name`);
}

/**
 * Every country with its film and people counts: one statement, the counts from movie_counts and person_counts
 * (kept by triggers; counting 100,000 films and 200,000 people per view took ~70 ms at 100k).
 */
export async function getCountrySummaries(): Promise<CountrySummary[]> {
  return db.execute<CountrySummary>(sql`
    select c.id, c.name,
           coalesce((select mc.movies from movie_counts mc where mc.scope = 'country' and mc.scope_id = c.id), 0)::int as films,
           coalesce((select pc.people from person_counts pc where pc.scope = 'country' and pc.scope_id = c.id), 0)::int as people
    from countries c
    order by c.name`);
}

/** The window and length of the precomputed list (popular_people_window holds the same numbers; tests compare). */
export const POPULAR_PEOPLE_WINDOW = 2000;
export const POPULAR_PEOPLE_KEPT = 100;

/**
 * People in the most recent films: credits (acting and directing) counted over the newest `window` films, so
 * the cost stays bounded however large the catalogue grows. The home page's list (the newest 2,000 films, up to
 * 100 people) is read from popular_people, recomputed when a transaction that changed it commits (migration
 * 0018; counting ~20,000 credits per view took 130-200 ms at 100k); other windows and lengths are counted here
 * from person_credits.
 */
export async function getPopularPeople({ limit, window = POPULAR_PEOPLE_WINDOW }: { limit: number; window?: number }): Promise<PopularPerson[]> {
  const ranked =
    window === POPULAR_PEOPLE_WINDOW && limit <= POPULAR_PEOPLE_KEPT
      ? sql`select person_id, credits from popular_people where position <= ${limit}`
      : sql`select pc.person_id, count(*)::int as credits
            from (select id from movie where release_date is not null order by release_date desc, id desc limit ${window}) recent
            join person_credits pc on pc.movie_id = recent.id
            group by pc.person_id order by credits desc, pc.person_id limit ${limit}`;
  return db.execute<PopularPerson>(sql`
    with ranked as (${ranked})
    select p.id, trim(p.first_name || ' ' || p.last_name) as name, f.file_url as "photoUrl", r.credits
    from ranked r join person p on p.id = r.person_id
    left join file_ f on f.id = p.main_photo_id and f.is_public
    order by r.credits desc, p.id`);
}
