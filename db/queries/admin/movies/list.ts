import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AdminMovieListParams, AdminMovieSort } from "@/lib/validation/admin/movie";
import { ADMIN_MOVIES_PAGE_SIZE } from "@/lib/validation/admin/movie";
import { db } from "../../../index";
import { nullsLastSort, searchKeyMatches } from "../../toolkit";

/** /admin/movies: the list, its title search, filters and sorts. */

export type AdminMovieRow = {
  id: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  director: string | null;
  country: string | null;
  genres: string[];
  /** ISO 8601 with offset. */
  updatedAt: string;
};

/** `totalIsCapped`: a title search matched more than ADMIN_MOVIES_SEARCH_CAP; `total` is that cap. */
export type AdminMoviePage = { rows: AdminMovieRow[]; total: number; totalIsCapped: boolean; page: number; pageCount: number };

/**
 * The WHERE clause over `movie m`, each condition served by an index: the title through the trigram index on
 * marquee_search_key(title) (accents and case ignored), genres through movie_genres' keys, years as a range on
 * movie_release_date_idx, the country through movie_country_id_idx.
 */
function listWhere(params: AdminMovieListParams): SQL {
  const conditions: SQL[] = [];
  const q = params.q.trim();
  if (q) conditions.push(searchKeyMatches(sql`marquee_search_key(m.title)`, q));
  if (params.genreId) conditions.push(sql`exists (select 1 from movie_genres mg where mg.movie_id = m.id and mg.genre_id = ${params.genreId})`);
  if (params.countryId) conditions.push(sql`m.country_id = ${params.countryId}`);
  if (params.year) conditions.push(sql`m.release_date >= make_date(${params.year}::int, 1, 1) and m.release_date < make_date(${params.year}::int + 1, 1, 1)`);
  if (params.missing.includes("poster")) conditions.push(sql`m.poster_id is null`);
  if (params.missing.includes("genres")) conditions.push(sql`not exists (select 1 from movie_genres mg where mg.movie_id = m.id)`);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * Ids of one page. Each sort walks a b-tree (movie_updated_at_idx, movie_title_idx, movie_release_date_idx)
 * and stops after offset + limit rows. Release dates may be null: films with a date come first (newest first),
 * then those without, as two ordered branches (see nullsLastSort). SORT_ORDER repeats each order over the joined
 * rows of the page.
 */
function pageIds(source: SQL, where: SQL, sort: AdminMovieSort, offset: number, limit: number): SQL {
  switch (sort) {
    case "updated":
      return sql`select m.id from ${source} where ${where} order by m.updated_at desc, m.id desc offset ${offset} limit ${limit}`;
    case "title":
      return sql`select m.id from ${source} where ${where} order by m.title, m.id offset ${offset} limit ${limit}`;
    case "release": {
      const n = offset + limit;
      const { present, absent, outer } = nullsLastSort({ key: sql`m.release_date`, type: "date", id: sql`m.id`, dir: "desc" });
      return sql`select id from (
          (select m.id, ${present.keys} from ${source} where ${where} and ${present.where} order by ${present.order} limit ${n})
          union all
          (select m.id, ${absent.keys} from ${source} where ${where} and ${absent.where} order by ${absent.order} limit ${n})
        ) both_branches
        order by ${outer} offset ${offset} limit ${limit}`;
    }
  }
}

const SORT_ORDER: Record<AdminMovieSort, SQL> = {
  updated: sql`m.updated_at desc, m.id desc`,
  title: sql`m.title, m.id`,
  release: sql`m.release_date desc nulls last, m.id desc`,
};

/**
 * Below this many matches a page collects its matches first (through the trigram, country, year, genre or poster
 * index) and sorts them; walking a sort index instead could read most of the table before finding 50 rare
 * matches ("missing genres" when only a few films lack them). Above it, matches are dense and the ordered index
 * walk is the fast way.
 */
const FEW_MATCHES = 5_000;

/**
 * A title search counts at most this many matches ("the" is in 40,000 titles; counting them all costs more than
 * the page): the list then says "10,000+" and pages stop there. Narrow the search to go further.
 */
export const ADMIN_MOVIES_SEARCH_CAP = 10_000;

/** One page (50) of the admin list and the number of matches: two statements. */
export async function listAdminMovies(params: AdminMovieListParams): Promise<AdminMoviePage> {
  const where = listWhere(params);
  const capped = params.q !== "";
  const [{ total: counted }] = capped
    ? await db.execute<{ total: number }>(sql`select count(*)::int as total from (select 1 from movie m where ${where} limit ${ADMIN_MOVIES_SEARCH_CAP + 1}) matches`)
    : await db.execute<{ total: number }>(sql`select count(*)::int as total from movie m where ${where}`);
  const totalIsCapped = capped && counted > ADMIN_MOVIES_SEARCH_CAP;
  const total = totalIsCapped ? ADMIN_MOVIES_SEARCH_CAP : counted;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_MOVIES_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page), pageCount);
  if (total === 0) return { rows: [], total, totalIsCapped, page, pageCount };
  const offset = (page - 1) * ADMIN_MOVIES_PAGE_SIZE;
  const ids =
    total <= FEW_MATCHES
      ? sql`with matches as materialized (select m.id, m.title, m.release_date, m.updated_at from movie m where ${where})
            ${pageIds(sql`matches m`, sql`true`, params.sort, offset, ADMIN_MOVIES_PAGE_SIZE)}`
      : pageIds(sql`movie m`, where, params.sort, offset, ADMIN_MOVIES_PAGE_SIZE);
  const rows = await db.execute<AdminMovieRow>(sql`
    select m.id, m.title,
           extract(year from m.release_date)::int as year,
           f.file_url as "posterUrl",
           nullif(btrim(d.first_name || ' ' || d.last_name), '') as director,
           c.name as country,
           coalesce((select array_agg(g.name order by g.name) from movie_genres mg join genres g on g.id = mg.genre_id where mg.movie_id = m.id), '{}') as genres,
           to_json(m.updated_at) #>> '{}' as "updatedAt"
    from (${ids}) p
    join movie m on m.id = p.id
    left join person d on d.id = m.director_id
    left join countries c on c.id = m.country_id
    left join file_ f on f.id = m.poster_id
    order by ${SORT_ORDER[params.sort]}`);
  return { rows: [...rows], total, totalIsCapped, page, pageCount };
}
