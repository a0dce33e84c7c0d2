/**
 * The URL contract of /movies, without zod so client components can use it: parameter names, defaults, labels and
 * the canonical URL of a set of filters. Parsing untrusted parameters is lib/validation/movie-filters.ts.
 *
 * genre (repeated; a film must have ALL of them, as on TMDB), country, from and to (release years, inclusive),
 * minRuntime and maxRuntime (minutes, inclusive), q (title), mine (only|hide: the signed-in user's favorites),
 * sort, dir, page. Defaults are left out of URLs. /favorites takes the same filters (its own sorts, see below).
 */

export const CATALOGUE_PAGE_SIZE = 24;

export const MOVIE_SORTS = ["release", "title", "runtime", "budget"] as const;
export type MovieSort = (typeof MOVIE_SORTS)[number];
export const SORT_DIRECTIONS = ["desc", "asc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const DEFAULT_SORT: MovieSort = "release";
export const DEFAULT_DIRECTION: SortDirection = "desc";

export const MOVIE_SORT_LABELS: Record<MovieSort, string> = {
  release: "Release date",
  title: "Title",
  runtime: "Runtime",
  budget: "Budget",
};
/** What each direction means for each sort, in words a visitor reads in the sort menu. */
export const SORT_DIRECTION_LABELS: Record<MovieSort, Record<SortDirection, string>> = {
  release: { desc: "Newest first", asc: "Oldest first" },
  title: { asc: "A to Z", desc: "Z to A" },
  runtime: { desc: "Longest first", asc: "Shortest first" },
  budget: { desc: "Highest first", asc: "Lowest first" },
};

/**
 * The direction a sort takes when none is chosen (no `dir`, or an empty one: the order menu's first option): titles
 * A to Z, everything else (dates, runtime, budget, date added) newest or highest first.
 */
export function naturalDirection(sort: MovieSort | FavoriteSort): SortDirection {
  return sort === "title" ? "asc" : "desc";
}

/** Release years a filter may name: the first films to today's productions and announcements. */
export const YEAR_MIN = 1870;
export const YEAR_MAX = 2100;
export const RUNTIME_MAX = 10_000;
export const QUERY_MAX_LENGTH = 100;
/** More genres than any film has: beyond this a filter cannot match anything anyway. */
export const MAX_GENRES = 8;

/** Signed-in users can narrow the catalogue to their favorites, or hide them. */
export const FAVORITE_FILTERS = ["only", "hide"] as const;
export type FavoriteFilter = (typeof FAVORITE_FILTERS)[number];

/** The sorts of /favorites: when the film was added (default, newest first), its title, its release date. */
export const FAVORITE_SORTS = ["added", "title", "release"] as const;
export type FavoriteSort = (typeof FAVORITE_SORTS)[number];
export const FAVORITE_SORT_LABELS: Record<FavoriteSort, string> = { added: "Date added", title: "Title", release: "Year" };

/** The two lists that share these filters, with their default sorts. */
export const FILTER_BASES = {
  "/movies": { sort: DEFAULT_SORT, dir: DEFAULT_DIRECTION },
  "/favorites": { sort: "added", dir: "desc" },
} as const;
export type FilterBase = keyof typeof FILTER_BASES;

export type MovieFilters = {
  genreIds: number[];
  countryId: number | null;
  yearFrom: number | null;
  yearTo: number | null;
  runtimeMin: number | null;
  runtimeMax: number | null;
  /** Normalized title search, null when none. */
  q: string | null;
  /** Only the viewer's favorites, or all but them; null: no such filter (always null when signed out). */
  mine: FavoriteFilter | null;
  sort: MovieSort;
  dir: SortDirection;
  page: number;
};

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export const EMPTY_MOVIE_FILTERS: MovieFilters = {
  genreIds: [],
  countryId: null,
  yearFrom: null,
  yearTo: null,
  runtimeMin: null,
  runtimeMax: null,
  q: null,
  mine: null,
  sort: DEFAULT_SORT,
  dir: DEFAULT_DIRECTION,
  page: 1,
};

/**
 * The URL of /movies (or /favorites) for a set of filters: defaults and page 1 left out, so shared links stay
 * short. On /favorites the sort may also be "added".
 */
export function moviesHref(filters: Partial<Omit<MovieFilters, "sort">> & { sort?: MovieSort | FavoriteSort }, base: FilterBase = "/movies"): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const id of filters.genreIds ?? []) params.append("genre", String(id));
  if (filters.countryId != null) params.set("country", String(filters.countryId));
  if (filters.yearFrom != null) params.set("from", String(filters.yearFrom));
  if (filters.yearTo != null) params.set("to", String(filters.yearTo));
  if (filters.runtimeMin != null) params.set("minRuntime", String(filters.runtimeMin));
  if (filters.runtimeMax != null) params.set("maxRuntime", String(filters.runtimeMax));
  if (filters.mine && base === "/movies") params.set("mine", filters.mine);
  const defaults = FILTER_BASES[base];
  const sort = filters.sort ?? defaults.sort;
  const dir = filters.dir ?? defaults.dir;
  if (sort !== defaults.sort || dir !== defaults.dir) {
    params.set("sort", sort);
    params.set("dir", dir);
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

/** Parameter names in the order canonical URLs list them. */
const FORM_PARAMS = ["q", "genre", "country", "from", "to", "minRuntime", "maxRuntime", "mine"] as const;

/**
 * The canonical URL for what the filter form holds (the browser's own GET submission, minus empty fields and the
 * default sort; an empty order is the sort's natural direction). A new filter starts again at page 1, so the form
 * never carries a page. Also takes the query of such a submission (proxy.ts sends it to this URL).
 */
export function moviesHrefFromForm(data: { getAll(name: string): (string | File)[] }, base: FilterBase = "/movies"): string {
  const params = new URLSearchParams();
  const all = (name: string) => data.getAll(name).map((v) => (typeof v === "string" ? v.trim() : "")).filter(Boolean);
  for (const name of FORM_PARAMS) for (const value of name === "genre" ? all(name) : all(name).slice(0, 1)) params.append(name, value);
  const defaults = FILTER_BASES[base];
  const [sort = defaults.sort] = all("sort");
  const [dir = naturalDirection(sort as MovieSort | FavoriteSort)] = all("dir");
  if (sort !== defaults.sort || dir !== defaults.dir) {
    params.set("sort", sort);
    params.set("dir", dir);
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
