import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "../index";
import { movieCardFields, type MovieCardData } from "./movies";
import { nullsLastSort, searchKeyMatches } from "./toolkit";

export type CatalogueSort = "release" | "title" | "runtime" | "budget" | "added";
export type CatalogueDirection = "asc" | "desc";

export type CatalogueQuery = {
  /** A film must have every one of these genres. */
  genreIds?: number[];
  countryId?: number | null;
  /** Release years, inclusive. */
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Runtime in minutes, inclusive. */
  runtimeMin?: number | null;
  runtimeMax?: number | null;
  /** Title search, accent- and case-insensitive; up to 2 characters match the start of a word. */
  q?: string | null;
  /** The user's favorites only, or all films but them. Sort "added" (when favorited) needs mode "only". */
  favorites?: { userId: number; mode: "only" | "hide" } | null;
  sort?: CatalogueSort;
  dir?: CatalogueDirection;
  page?: number;
  pageSize?: number;
};

export type CataloguePage = {
  movies: MovieCardData[];
  total: number;
  /** The page shown: the one asked for, or the last one when that was beyond the end. */
  page: number;
  /** At least 1, even when nothing matches. */
  pageCount: number;
};

const MAX_ID = 2_147_483_647;
const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 1_000_000;

// The sort key of each sort: an indexed column of movie (movie_title_idx, movie_release_date_idx,
// movie_duration_idx, movie_budget_idx). Only title is NOT NULL; `type` is a nullable key's.
type SortColumn = { column: SQL; type: string | null };
const SORT_COLUMNS: Record<Exclude<CatalogueSort, "added">, SortColumn> = {
  title: { column: sql.raw(`m."title"`), type: null },
  release: { column: sql.raw(`m."release_date"`), type: "date" },
  runtime: { column: sql.raw(`m."duration"`), type: "integer" },
  budget: { column: sql.raw(`m."budget"`), type: "numeric" },
};

const isId = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_ID;
const isInt = (n: unknown): n is number => Number.isSafeInteger(n);

/**
 * The WHERE clause over `movie m`. Every condition is sargable for an index of db/schema.ts: genres through
 * movie_genres' primary key (movie_id, genre_id) or its reverse index (genre_id, movie_id), whichever the planner
 * prefers for the EXISTS semi-join; years as a range on release_date (not extract(year), which no index serves);
 * the title through the trigram index on marquee_search_key(title).
 */
function whereClause(query: CatalogueQuery): SQL {
  const conditions: SQL[] = [];
  const genreIds = [...new Set(query.genreIds ?? [])].filter(isId);
  for (const id of genreIds) {
    conditions.push(sql`exists (select 1 from movie_genres mg where mg.movie_id = m.id and mg.genre_id = ${id})`);
  }
  if (isId(query.countryId)) conditions.push(sql`m.country_id = ${query.countryId}`);
  if (isInt(query.yearFrom)) conditions.push(sql`m.release_date >= make_date(${query.yearFrom}::int, 1, 1)`);
  if (isInt(query.yearTo)) conditions.push(sql`m.release_date < make_date(${query.yearTo}::int + 1, 1, 1)`);
  if (isInt(query.runtimeMin)) conditions.push(sql`m.duration >= ${query.runtimeMin}::int`);
  if (isInt(query.runtimeMax)) conditions.push(sql`m.duration <= ${query.runtimeMax}::int`);
  const q = query.q?.replace(/\u0000/g, "").trim().slice(0, 200);
  // The same expression as movie_title_trgm_idx, so the GIN index answers the LIKE.
  if (q) conditions.push(searchKeyMatches(sql`marquee_search_key(m.title)`, q));
  const favorites = query.favorites;
  if (favorites && isId(favorites.userId)) {
    // Served by favorite_movies' primary key (user_id, movie_id).
    const favorite = sql`exists (select 1 from favorite_movies f where f.user_id = ${favorites.userId} and f.movie_id = m.id)`;
    conditions.push(favorites.mode === "hide" ? sql`not ${favorite}` : favorite);
  }
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/** The rows a page is cut from: `from` aliased so that `id` is the film's id; `where` over that alias. */
type Source = { from: SQL; where: SQL; id: SQL };

/**
 * Filters that genre_films answers alone: one or more genres, optionally a country and years (nothing about
 * runtimes, titles or favorites). Null when the query has none of these genres or anything else.
 */
function genreFilmsWhere(query: CatalogueQuery): SQL | null {
  const genreIds = [...new Set(query.genreIds ?? [])].filter(isId);
  const q = query.q?.replace(/\u0000/g, "").trim();
  if (genreIds.length === 0 || q || [query.runtimeMin, query.runtimeMax].some(isInt) || (query.favorites && isId(query.favorites.userId))) return null;
  // The first genre is the index range (genre_films_genre_country_release_idx with a country, else
  // genre_films_genre_release_idx); any other genre is a lookup of the film's link (primary key movie_id, genre_id).
  const conditions: SQL[] = [sql`gf.genre_id = ${genreIds[0]}`];
  if (isId(query.countryId)) conditions.push(sql`gf.country_id = ${query.countryId}`);
  if (isInt(query.yearFrom)) conditions.push(sql`gf.release_date >= make_date(${query.yearFrom}::int, 1, 1)`);
  if (isInt(query.yearTo)) conditions.push(sql`gf.release_date < make_date(${query.yearTo}::int + 1, 1, 1)`);
  for (const id of genreIds.slice(1)) conditions.push(sql`exists (select 1 from genre_films g2 where g2.movie_id = gf.movie_id and g2.genre_id = ${id})`);
  return sql.join(conditions, sql` and `);
}

/**
 * Ids and sort keys of one page, in order. For a nullable sort key, films with a value and films without are two
 * branches, each an ordered scan of an index (see nullsLastSort): films without a value come last in both
 * directions. Each branch stops after offset + limit rows, so a page costs what it shows.
 */
function pageIds(source: Source, { column, type }: SortColumn, sort: CatalogueSort, dir: CatalogueDirection, offset: number, limit: number, userId?: number): SQL {
  const d = sql.raw(dir === "asc" ? "asc" : "desc");
  const { from, where, id } = source;
  if (sort === "added") {
    // A user's favorites are few: walk them (primary key user_id, movie_id) and sort by when each was added.
    return sql`select m.id, f.created_at as k from movie m join favorite_movies f on f.movie_id = m.id and f.user_id = ${userId ?? 0}
      where ${where} order by f.created_at ${d}, m.id ${d} offset ${offset} limit ${limit}`;
  }
  if (type === null) {
    return sql`select ${id} as id, ${column} as k from ${from} where ${where} order by ${column} ${d}, ${id} ${d} offset ${offset} limit ${limit}`;
  }
  const n = offset + limit;
  const { present, absent, outer } = nullsLastSort({ key: column, type, id, dir });
  // The films without a value are only looked at when those with one do not fill the page (a one-time filter).
  return sql`with present as (
      select ${id} as id, ${present.keys} from ${from} where ${where} and ${present.where} order by ${present.order} limit ${n}
    )
    select id, k from (
      select id, k from present
      union all
      (select ${id} as id, ${absent.keys} from ${from}
        where ${where} and ${absent.where} and (select count(*) from present) < ${n}
        order by ${absent.order} limit ${n})
    ) both_branches
    order by ${outer} offset ${offset} limit ${limit}`;
}

/**
 * The rows one page is cut from. Sorted by release with only genre, country and year filters, that is genre_films
 * (each genre link with its film's country and date, kept by triggers): at 100k, page 50 of Drama × United States
 * walks 1,200 entries of one index instead of 11,000 films newest first, each tested for the country and 3,500
 * for the genre (~37 ms). Otherwise the films themselves, through the sort key's index.
 */
function pageSource(query: CatalogueQuery, where: SQL, sort: CatalogueSort): { source: Source; key: SortColumn } {
  const genreWhere = sort === "release" ? genreFilmsWhere(query) : null;
  if (genreWhere) return { source: { from: sql`genre_films gf`, where: genreWhere, id: sql`gf.movie_id` }, key: { column: sql`gf.release_date`, type: "date" } };
  const key = sort === "added" ? { column: sql`f.created_at`, type: null } : SORT_COLUMNS[sort];
  return { source: { from: sql`movie m`, where, id: sql`m.id` }, key };
}

async function fetchPage(query: CatalogueQuery, where: SQL, sort: CatalogueSort, dir: CatalogueDirection, page: number, pageSize: number, userId?: number): Promise<MovieCardData[]> {
  const d = sql.raw(dir === "asc" ? "asc" : "desc");
  const { source, key } = pageSource(query, where, sort);
  // The card columns (poster, genres) are computed for the page's rows only, after the page is cut.
  const rows = await db.execute<MovieCardData>(sql`
    select ${movieCardFields("movie")}
    from (${pageIds(source, key, sort, dir, (page - 1) * pageSize, pageSize, userId)}) p
    join movie on movie.id = p.id
    order by p.k ${d} nulls last, p.id ${d}`);
  return rows.map((r) => ({ id: r.id, title: r.title, year: r.year, posterUrl: r.posterUrl, genres: r.genres }));
}

/**
 * The number of films matching. The whole catalogue, one genre or one country (the commonest views) are read
 * from movie_counts; genres with a country or years are counted in one index range of genre_films (10,731 entries
 * for Drama × United States at 100k, ~1 ms, where counting films with a genre test took ~50 ms); anything else is
 * counted over the films.
 */
function countStatement(query: CatalogueQuery, where: SQL): SQL {
  const genreIds = [...new Set(query.genreIds ?? [])].filter(isId);
  const country = isId(query.countryId) ? query.countryId : null;
  const otherFilters =
    [query.yearFrom, query.yearTo, query.runtimeMin, query.runtimeMax].some(isInt) ||
    !!query.q?.replace(/\u0000/g, "").trim() ||
    !!(query.favorites && isId(query.favorites.userId));
  const counted = (scope: "all" | "genre" | "country", id: number) =>
    sql`select coalesce((select movies from movie_counts where scope = ${scope} and scope_id = ${id}), 0)::int as total`;
  if (!otherFilters && country === null && genreIds.length === 0) return counted("all", 0);
  if (!otherFilters && country === null && genreIds.length === 1) return counted("genre", genreIds[0]);
  if (!otherFilters && country !== null && genreIds.length === 0) return counted("country", country);
  const genreWhere = genreFilmsWhere(query);
  if (genreWhere) return sql`select count(*)::int as total from genre_films gf where ${genreWhere}`;
  return sql`select count(*)::int as total from movie m where ${where}`;
}

/**
 * One page of the catalogue and the number of films matching: two statements run side by side (the page and the
 * count), plus one more only when the page asked for is beyond the last (then the last page is shown).
 */
export async function getMovies(query: CatalogueQuery): Promise<CataloguePage> {
  const favoritesOnly = query.favorites?.mode === "only" && isId(query.favorites.userId) ? query.favorites.userId : undefined;
  const sort: CatalogueSort =
    query.sort === "added" && favoritesOnly !== undefined ? "added" : query.sort && Object.hasOwn(SORT_COLUMNS, query.sort) ? query.sort : "release";
  const dir: CatalogueDirection = query.dir === "asc" ? "asc" : "desc";
  const pageSize = isInt(query.pageSize) ? Math.min(Math.max(query.pageSize, 1), MAX_PAGE_SIZE) : 24;
  const requested = isInt(query.page) ? Math.min(Math.max(query.page, 1), MAX_PAGE) : 1;
  const where = whereClause(query);

  const [movies, [{ total }]] = await Promise.all([
    fetchPage(query, where, sort, dir, requested, pageSize, favoritesOnly),
    db.execute<{ total: number }>(countStatement(query, where)),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (requested <= pageCount) return { movies, total, page: requested, pageCount };
  const last = total === 0 ? [] : await fetchPage(query, where, sort, dir, pageCount, pageSize, favoritesOnly);
  return { movies: last, total, page: pageCount, pageCount };
}

export type FilterOption = { id: number; name: string; count: number };
export type CatalogueFilterOptions = {
  genres: FilterOption[];
  countries: FilterOption[];
  /** Release years and runtimes present in the catalogue (for hints in the form); null when no film has one. */
  years: { min: number; max: number } | null;
  runtimes: { min: number; max: number } | null;
};

/**
 * The genres and countries that have films, with their number of films, in one statement: the counts come from
 * movie_counts (trigger-maintained), bounds are index end points.
 */
export async function getFilterOptions(): Promise<CatalogueFilterOptions> {
  const [row] = await db.execute<{
    genres: FilterOption[] | null;
    countries: FilterOption[] | null;
    year_min: number | null;
    year_max: number | null;
    runtime_min: number | null;
    runtime_max: number | null;
  }>(sql`
    select
      (select json_agg(json_build_object('id', g.id, 'name', g.name, 'count', c.movies) order by g.name)
         from movie_counts c join genres g on g.id = c.scope_id
         where c.scope = 'genre' and c.movies > 0) as genres,
      (select json_agg(json_build_object('id', co.id, 'name', co.name, 'count', c.movies) order by co.name)
         from movie_counts c join countries co on co.id = c.scope_id
         where c.scope = 'country' and c.movies > 0) as countries,
      extract(year from (select min(release_date) from movie))::int as year_min,
      extract(year from (select max(release_date) from movie))::int as year_max,
      (select min(duration) from movie) as runtime_min,
      (select max(duration) from movie) as runtime_max`);
  return {
    genres: row?.genres ?? [],
    countries: row?.countries ?? [],
    years: row?.year_min != null && row.year_max != null ? { min: row.year_min, max: row.year_max } : null,
    runtimes: row?.runtime_min != null && row.runtime_max != null ? { min: row.runtime_min, max: row.runtime_max } : null,
  };
}

/** The same options over one user's favorites (for /favorites): only genres and countries among them, counted there. */
export async function getFavoriteFilterOptions(userId: number): Promise<CatalogueFilterOptions> {
  const [row] = await db.execute<{
    genres: FilterOption[] | null;
    countries: FilterOption[] | null;
    year_min: number | null;
    year_max: number | null;
    runtime_min: number | null;
    runtime_max: number | null;
  }>(sql`
    with fav as (select m.id, m.country_id, m.release_date, m.duration from favorite_movies f join movie m on m.id = f.movie_id where f.user_id = ${userId})
    select
      (select json_agg(json_build_object('id', g.id, 'name', g.name, 'count', c.n) order by g.name)
         from (select mg.genre_id, count(*)::int as n from fav join movie_genres mg on mg.movie_id = fav.id group by mg.genre_id) c
         join genres g on g.id = c.genre_id) as genres,
      (select json_agg(json_build_object('id', co.id, 'name', co.name, 'count', c.n) order by co.name)
         from (select country_id, count(*)::int as n from fav where country_id is not null group by country_id) c
         join countries co on co.id = c.country_id) as countries,
      (select extract(year from min(release_date))::int from fav) as year_min,
      (select extract(year from max(release_date))::int from fav) as year_max,
      (select min(duration) from fav) as runtime_min,
      (select max(duration) from fav) as runtime_max`);
  return {
    genres: row?.genres ?? [],
    countries: row?.countries ?? [],
    years: row?.year_min != null && row.year_max != null ? { min: row.year_min, max: row.year_max } : null,
    runtimes: row?.runtime_min != null && row.runtime_max != null ? { min: row.runtime_min, max: row.runtime_max } : null,
  };
}
