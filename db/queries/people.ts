import "server-only";
import { cache } from "react";
import { sql, type SQL } from "drizzle-orm";
import type { MovieCardData } from "./movies";
import { nullsLastSort, searchKeyContains, type SortBranch } from "./toolkit";
import { db } from "../index";
import {
  FILMOGRAPHY_ALL_LIMIT,
  PEOPLE_PAGE_SIZE,
  searchTerms,
  type FilmographySort,
  type PeopleRole,
  type PeopleSort,
} from "@/lib/validation/people-filters";

// ---------------------------------------------------------------------------------------------------------------
// /people: search, filters, sort, pagination
// ---------------------------------------------------------------------------------------------------------------

export type PersonListItem = {
  id: number;
  name: string;
  photoUrl: string | null;
  birthDate: string | null;
  countryName: string | null;
  isActor: boolean;
  isDirector: boolean;
};

export type PeopleQuery = {
  q?: string;
  countryId?: number | null;
  role?: PeopleRole | null;
  sort?: PeopleSort;
  page?: number;
  pageSize?: number;
};

export type PeoplePage = {
  people: PersonListItem[];
  total: number;
  totalIsCapped: boolean;
  /** The page shown: the requested one, or the last one when the request was past the end. */
  page: number;
  pageCount: number;
};

/** Same expression as the trigram index person_name_trgm_idx, so the planner can use it. */
const searchKey = sql.raw(`marquee_search_key(p.first_name || ' ' || p.last_name)`);

function peopleWhere({ q = "", countryId = null, role = null }: PeopleQuery): SQL {
  const conditions: SQL[] = [sql`true`];
  // Each word must appear somewhere in the unaccented, lower-cased full name ("coppola francis" finds him too).
  for (const term of searchTerms(q)) conditions.push(searchKeyContains(searchKey, term));
  if (countryId) conditions.push(sql`p.country_id = ${countryId}`);
  // EXISTS on the indexed foreign keys: character_actors(person_id, ...) and movie(director_id).
  if (role === "actors") conditions.push(sql`exists (select 1 from character_actors ca where ca.person_id = p.id)`);
  if (role === "directors") conditions.push(sql`exists (select 1 from movie m where m.director_id = p.id)`);
  return sql.join(conditions, sql` and `);
}

/**
 * Each sort is a merge of two branches that each walk an index in order (person_name_idx or
 * person_date_of_birth_idx) and stop after offset + limit rows:
 * - by name: people with a last name by (last_name, first_name); mononymous people ("Peter") by first_name,
 *   merged alphabetically instead of all sorting before "A";
 * - by birth date: people with a known date by date, then those without one by name, in both directions (a plain
 *   `order by date_of_birth desc nulls last` could not use the index).
 * The outer order repeats each branch's order exactly, so pages never overlap or skip anyone.
 */
function sortPlan(sort: PeopleSort): { branches: [SortBranch, SortBranch]; outer: SQL } {
  switch (sort) {
    case "name":
    case "name-desc": {
      const dir = sql.raw(sort === "name" ? "asc" : "desc");
      return {
        branches: [
          { where: sql`p.last_name <> ''`, keys: sql`p.last_name as k1, p.first_name as k2`, order: sql`p.last_name ${dir}, p.first_name ${dir}, p.id ${dir}` },
          { where: sql`p.last_name = ''`, keys: sql`p.first_name as k1, p.last_name as k2`, order: sql`p.first_name ${dir}, p.id ${dir}` },
        ],
        outer: sql`k1 ${dir}, k2 ${dir}, id ${dir}`,
      };
    }
    case "born":
    case "born-desc": {
      const { present, absent, outer } = nullsLastSort({
        key: sql`p.date_of_birth`,
        type: "date",
        id: sql`p.id`,
        dir: sort === "born" ? "asc" : "desc",
        thenBy: [
          { column: sql`p.last_name`, as: "k1", type: "varchar" },
          { column: sql`p.first_name`, as: "k2", type: "varchar" },
        ],
      });
      return { branches: [present, absent], outer };
    }
  }
}

/**
 * Listing stops at this many people for one set of filters (417 pages): deep pages stay cheap, and so do counts
 * of broad filters (counting the 180,000 actors exactly would cost a second at scale). Narrower filters get
 * exact totals; the unfiltered and country-only totals are always exact (person_counts, kept by triggers).
 */
export const PEOPLE_LISTING_CAP = 10_000;

function hasCostlyFilter({ q = "", role = null }: PeopleQuery): boolean {
  return searchTerms(q).length > 0 || role !== null;
}

async function countPeople(query: PeopleQuery, where: SQL, capped: boolean): Promise<number> {
  if (capped) {
    const [row] = await db.execute<{ total: number }>(sql`select count(*)::int as total from (select 1 from person p where ${where} limit ${PEOPLE_LISTING_CAP + 1}) matches`);
    return row.total;
  }
  // Everyone, or one country's people: one row of person_counts (counting 200,000 people took ~50 ms at 100k).
  const [scope, id] = query.countryId ? ["country", query.countryId] : ["all", 0];
  const [row] = await db.execute<{ total: number }>(
    sql`select coalesce((select people from person_counts where scope = ${scope} and scope_id = ${id}), 0)::int as total`,
  );
  return row.total;
}

/**
 * `few`: the filters match fewer than PEOPLE_LISTING_CAP people, so collect them all first (through the
 * trigram, country or foreign-key indexes) and sort them; walking the name index instead could read most of the
 * table before finding 24 rare matches ("smith" sorts late). Otherwise matches are dense and walking the sort
 * index is the fast way.
 */
async function selectPeoplePage(where: SQL, sort: PeopleSort, page: number, pageSize: number, few: boolean): Promise<PersonListItem[]> {
  const offset = (page - 1) * pageSize;
  const { branches, outer } = sortPlan(sort);
  const source = few ? sql`matches p` : sql`person p`;
  const [a, b] = branches.map(
    (br) => sql`(select p.id, ${br.keys} from ${source} where ${few ? sql`true` : where} and ${br.where} order by ${br.order} limit ${offset + pageSize})`,
  );
  const rows = await db.execute<PersonListItem & { pos: number }>(sql`
    with ${few ? sql`matches as materialized (select p.id, p.first_name, p.last_name, p.date_of_birth from person p where ${where}),` : sql``}
         merged as (${a} union all ${b}),
         page as (select id, row_number() over (order by ${outer}) as pos from merged order by pos offset ${offset} limit ${pageSize})
    select p.id,
           trim(p.first_name || ' ' || p.last_name) as name,
           f.file_url as "photoUrl",
           p.date_of_birth::text as "birthDate",
           c.name as "countryName",
           exists (select 1 from character_actors ca where ca.person_id = p.id) as "isActor",
           exists (select 1 from movie m where m.director_id = p.id) as "isDirector",
           page.pos
    from page
    join person p on p.id = page.id
    left join countries c on c.id = p.country_id
    left join file_ f on f.id = p.main_photo_id and f.is_public
    order by page.pos`);
  return rows.map(({ pos: _pos, ...person }) => person);
}

/**
 * One page of people (PEOPLE_PAGE_SIZE by default) with the total: two statements, run one after the other
 * because the count decides how to fetch the page and where the last page is (a request past it gets the last).
 * `totalIsCapped`: more than PEOPLE_LISTING_CAP match and `total` is that cap; pages stop at the cap either way.
 */
export async function getPeople(query: PeopleQuery): Promise<PeoplePage> {
  const pageSize = query.pageSize ?? PEOPLE_PAGE_SIZE;
  const sort = query.sort ?? "name";
  const where = peopleWhere(query);
  const capped = hasCostlyFilter(query);
  const counted = await countPeople(query, where, capped);
  const totalIsCapped = capped && counted > PEOPLE_LISTING_CAP;
  const total = totalIsCapped ? PEOPLE_LISTING_CAP : counted;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, PEOPLE_LISTING_CAP) / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const people = total === 0 ? [] : await selectPeoplePage(where, sort, page, pageSize, total < PEOPLE_LISTING_CAP && (capped || query.countryId != null));
  return { people, total, totalIsCapped, page, pageCount };
}

export type CountryOption = { id: number; name: string };

/** Countries that at least one person comes from, for the country filter (person_counts, kept by triggers). */
export async function getPeopleCountries(): Promise<CountryOption[]> {
  return db.execute<CountryOption>(sql`
    select c.id, c.name from countries c
    where exists (select 1 from person_counts pc where pc.scope = 'country' and pc.scope_id = c.id and pc.people > 0)
    order by c.name`);
}

// ---------------------------------------------------------------------------------------------------------------
// /people/[id]
// ---------------------------------------------------------------------------------------------------------------

export type GalleryPhoto = { id: number; url: string };

export type PersonDetail = {
  id: number;
  name: string;
  firstName: string;
  lastName: string;
  biography: string | null;
  birthDate: string | null;
  deathDate: string | null;
  gender: string | null;
  countryId: number | null;
  countryName: string | null;
  photoUrl: string | null;
  /** person_photos whose file is public, oldest first (at most GALLERY_LIMIT). */
  photos: GalleryPhoto[];
};

const GALLERY_LIMIT = 60;

/** The person with country, main photo and public gallery: one statement. Deduplicated per request (page + metadata). */
export const getPersonDetail = cache(async (id: number): Promise<PersonDetail | null> => {
  const [row] = await db.execute<PersonDetail>(sql`
    select p.id,
           trim(p.first_name || ' ' || p.last_name) as name,
           p.first_name as "firstName",
           p.last_name as "lastName",
           p.biography,
           p.date_of_birth::text as "birthDate",
           p.date_of_death::text as "deathDate",
           p.gender,
           p.country_id as "countryId",
           c.name as "countryName",
           f.file_url as "photoUrl",
           coalesce((
             select json_agg(json_build_object('id', g.id, 'url', g.file_url) order by g.created_at, g.id)
             from (
               select gf.id, gf.file_url, pp.created_at from person_photos pp
               join file_ gf on gf.id = pp.file_id and gf.is_public
               where pp.person_id = p.id
               order by pp.created_at, gf.id
               limit ${GALLERY_LIMIT}
             ) g
           ), '[]'::json) as photos
    from person p
    left join countries c on c.id = p.country_id
    left join file_ f on f.id = p.main_photo_id and f.is_public
    where p.id = ${id}`);
  return row ?? null;
});

export type FilmographyCharacter = { id: number; name: string };

export type FilmCredit = {
  movieId: number;
  title: string;
  releaseDate: string | null;
  year: number | null;
  posterUrl: string | null;
};

export type ActingCredit = FilmCredit & { characters: FilmographyCharacter[] };

export type Filmography = {
  directing: FilmCredit[];
  directingTotal: number;
  /** One entry per film, with every character the person played in it. */
  acting: ActingCredit[];
  actingTotal: number;
};

/**
 * Directing and acting credits ordered by release date (unknown dates last in both directions), with the
 * totals: two statements whatever the number of credits. Each list stops at `limit` films (capped at
 * FILMOGRAPHY_ALL_LIMIT); the totals always count them all.
 */
export async function getFilmography(personId: number, dir: FilmographySort = "desc", { limit = 200 }: { limit?: number } = {}): Promise<Filmography> {
  const cap = Math.max(1, Math.min(limit, FILMOGRAPHY_ALL_LIMIT));
  const order = sql.raw(dir === "asc" ? "m.release_date asc nulls last, m.title asc, m.id asc" : "m.release_date desc nulls last, m.title asc, m.id desc");
  const d = sql.raw(dir === "asc" ? "asc" : "desc");
  const [directingRows, actingRows] = await Promise.all([
    db.execute<FilmCredit & { total: number }>(sql`
      select m.id as "movieId", m.title, m.release_date::text as "releaseDate",
             extract(year from m.release_date)::int as year, pf.file_url as "posterUrl",
             (count(*) over ())::int as total
      from movie m
      left join file_ pf on pf.id = m.poster_id and pf.is_public
      where m.director_id = ${personId}
      order by ${order}
      limit ${cap}`),
    // The person's castings are their own rows of person_credits, in date order in person_credits_person_idx: the
    // films with a date are read in the page's direction and stop at `cap` (with the films tied on the last date);
    // those without one, last either way, only when the dated ones do not fill the list. Titles, posters and
    // character names are looked up for those films only. Reading the 3,000 characters and films by primary key
    // first took ~40 ms at 100k.
    db.execute<ActingCredit & { total: number }>(sql`
      with dated as (
        select pc.movie_id, pc.release_date, array_agg(pc.character_id) as characters
        from person_credits pc
        where pc.person_id = ${personId} and pc.character_id <> 0 and pc.release_date is not null
        group by pc.release_date, pc.movie_id
        order by pc.release_date ${d}
        fetch first ${cap} rows with ties
      ), films as (
        select movie_id, characters from dated
        union all
        (select pc.movie_id, array_agg(pc.character_id) from person_credits pc
         where pc.person_id = ${personId} and pc.character_id <> 0 and pc.release_date is null
           and (select count(*) from dated) < ${cap}
         group by pc.movie_id)
      )
      select m.id as "movieId", m.title, m.release_date::text as "releaseDate",
             extract(year from m.release_date)::int as year, pf.file_url as "posterUrl",
             (select json_agg(json_build_object('id', ch.id, 'name', ch.name) order by ch.id) from character_ ch where ch.id = any(f.characters)) as characters,
             (select count(*) from (select 1 from person_credits t where t.person_id = ${personId} and t.character_id <> 0 group by t.release_date, t.movie_id) n)::int as total
      from films f
      join movie m on m.id = f.movie_id
      left join file_ pf on pf.id = m.poster_id and pf.is_public
      order by ${order}
      limit ${cap}`),
  ]);
  const strip = <T extends { total: number }>(rows: T[]) => rows.map(({ total: _total, ...rest }) => rest);
  return {
    directing: strip(directingRows),
    directingTotal: directingRows[0]?.total ?? 0,
    acting: strip(actingRows),
    actingTotal: actingRows[0]?.total ?? 0,
  };
}

/** A "Known for" film: its card, and what the person did in it (the characters played, in cast order of ids; directed). */
export type KnownForCredit = MovieCardData & { characters: string[]; directed: boolean };

/** A credit's weight in "known for": directing ranks with lead roles (the expression of person_credits_known_for_idx). */
const creditWeight = (alias: string) => sql.raw(`(case ${alias}.kind when 3 then 0 else ${alias}.kind end)`);

/**
 * "Known for": the person's films most often in users' favorites, lead roles and directing before smaller parts,
 * then the newest. One statement, as movie cards. Only two kinds of films can be in the list: films in someone's
 * favorites (they rank first), and the first `limit` films by role and date (whatever favorites the others have,
 * these complete the list). Both come from the person's own rows of person_credits, the second in the order of
 * person_credits_known_for_idx, so the busiest actor's 3,000 films are neither aggregated nor sorted.
 */
export async function getKnownFor(personId: number, { limit = 4 }: { limit?: number } = {}): Promise<KnownForCredit[]> {
  return db.execute<KnownForCredit>(sql`
    with candidates as (
      select pc.movie_id from person_credits pc join movie_favorites mf on mf.movie_id = pc.movie_id
      where pc.person_id = ${personId}
      union
      select first.movie_id from (
        -- Each film once, by its best credit (the lowest weight, then the lowest character id).
        select pc.movie_id from person_credits pc
        where pc.person_id = ${personId}
          and not exists (
            select 1 from person_credits o
            where o.person_id = pc.person_id and o.movie_id = pc.movie_id
              and (${creditWeight("o")}, o.character_id) < (${creditWeight("pc")}, pc.character_id))
        order by ${creditWeight("pc")}, pc.release_date desc nulls last, pc.movie_id desc nulls last
        limit ${limit}
      ) first
    ), ranked as (
      select c.movie_id, min(pc.release_date) as release_date, min(${creditWeight("pc")}) as weight, coalesce(min(mf.favorites), 0) as favorites
      from candidates c
      join person_credits pc on pc.person_id = ${personId} and pc.movie_id = c.movie_id
      left join movie_favorites mf on mf.movie_id = c.movie_id
      group by c.movie_id
      order by favorites desc, weight asc, release_date desc nulls last, c.movie_id desc
      limit ${limit}
    )
    select m.id, m.title,
           extract(year from m.release_date)::int as year,
           pf.file_url as "posterUrl",
           coalesce((select array_agg(g.name order by g.name) from movie_genres mg join genres g on g.id = mg.genre_id where mg.movie_id = m.id), '{}') as genres,
           coalesce((select array_agg(ch.name order by ch.id) from person_credits own join character_ ch on ch.id = own.character_id
                     where own.movie_id = m.id and own.person_id = ${personId} and own.character_id <> 0), '{}') as characters,
           m.director_id is not distinct from ${personId} as directed
    from ranked r
    join movie m on m.id = r.movie_id
    left join file_ pf on pf.id = m.poster_id and pf.is_public
    order by r.favorites desc, r.weight asc, r.release_date desc nulls last, r.movie_id desc`);
}
