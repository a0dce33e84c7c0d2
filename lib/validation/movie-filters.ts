/**
 * Query parameters of /movies, the catalogue. Anything may arrive in a URL (page=-1, from=abc, genre=999999, q of
 * 10,000 characters, SQL or HTML fragments, broken UTF-8): each parameter is parsed with zod, invalid values are
 * ignored or clamped, and each correction becomes a notice the page shows. Never throws.
 * The parameters themselves, their defaults and the canonical URL: ./movie-filters-url.ts (re-exported here).
 */
import { z } from "zod";
import { MAX_ID } from "@/lib/ids";
import {
  EMPTY_MOVIE_FILTERS,
  FAVORITE_FILTERS,
  MAX_GENRES,
  MOVIE_SORTS,
  QUERY_MAX_LENGTH,
  RUNTIME_MAX,
  SORT_DIRECTIONS,
  YEAR_MAX,
  YEAR_MIN,
  naturalDirection,
  type MovieFilters,
  type SearchParamsRecord,
} from "./movie-filters-url";

export * from "./movie-filters-url";

// Digits only: "1e3", "0x10", "12.5", "+5" and "-1" are not what a person typed into a year or page box.
const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/)
  .transform(Number);

export const movieFilterSchemas = {
  id: wholeNumber.pipe(z.number().int().min(1).max(MAX_ID)),
  year: wholeNumber.pipe(z.number().int().min(YEAR_MIN).max(YEAR_MAX)),
  runtime: wholeNumber.pipe(z.number().int().min(0).max(RUNTIME_MAX)),
  page: wholeNumber.pipe(z.number().int().min(1)),
  sort: z.enum(MOVIE_SORTS),
  mine: z.enum(FAVORITE_FILTERS),
  dir: z.enum(SORT_DIRECTIONS),
  // Control characters (PostgreSQL rejects NUL), the replacement character left by broken UTF-8 and lone
  // surrogates become spaces; runs of spaces collapse.
  q: z
    .string()
    .transform((v) =>
      v
        .toWellFormed()
        .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, " ")
        .normalize("NFC")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .refine((v) => /[\p{L}\p{N}]/u.test(v), "has no letters or digits"),
};

/** A parameter given once or several times, without empty values (an empty form field means "any"). */
function values(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v) => v.trim() !== "");
}

/** A short, safe echo of a bad value for a notice (rendered as text, and kept short). */
export function echo(value: string): string {
  const clean = value
    .toWellFormed()
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, "")
    .trim();
  const chars = [...clean]; // by code point, so an emoji is never cut in half
  return chars.length > 30 ? `${chars.slice(0, 30).join("")}…` : clean;
}

export function parseMovieFilters(params: SearchParamsRecord): { filters: MovieFilters; notices: string[] } {
  const notices: string[] = [];
  const filters: MovieFilters = { ...EMPTY_MOVIE_FILTERS, genreIds: [] };

  /** The first non-empty value of a single-valued parameter; extra values are reported and ignored. */
  const single = (name: string): string | undefined => {
    const list = values(params[name]);
    if (list.length > 1) notices.push(`Used only the first “${name}” value; ignored ${list.length - 1} more.`);
    return list[0];
  };

  const invalidGenres: string[] = [];
  for (const raw of values(params.genre)) {
    const parsed = movieFilterSchemas.id.safeParse(raw);
    if (!parsed.success) invalidGenres.push(raw);
    else if (!filters.genreIds.includes(parsed.data)) filters.genreIds.push(parsed.data);
  }
  if (invalidGenres.length === 1) notices.push(`Ignored an invalid genre “${echo(invalidGenres[0])}”.`);
  else if (invalidGenres.length > 1) {
    const shown = invalidGenres.slice(0, 3).map((g) => `“${echo(g)}”`).join(", ");
    notices.push(`Ignored ${invalidGenres.length} invalid genres: ${shown}${invalidGenres.length > 3 ? " and more" : ""}.`);
  }
  if (filters.genreIds.length > MAX_GENRES) {
    notices.push(`Used the first ${MAX_GENRES} genres; ignored ${filters.genreIds.length - MAX_GENRES} more.`);
    filters.genreIds = filters.genreIds.slice(0, MAX_GENRES);
  }

  const country = single("country");
  if (country !== undefined) {
    const parsed = movieFilterSchemas.id.safeParse(country);
    if (parsed.success) filters.countryId = parsed.data;
    else notices.push(`Ignored an invalid country “${echo(country)}”.`);
  }

  const year = (name: "from" | "to") => {
    const raw = single(name);
    if (raw === undefined) return null;
    const parsed = movieFilterSchemas.year.safeParse(raw);
    if (parsed.success) return parsed.data;
    notices.push(`Ignored an invalid year “${echo(raw)}” (years run from ${YEAR_MIN} to ${YEAR_MAX}).`);
    return null;
  };
  filters.yearFrom = year("from");
  filters.yearTo = year("to");
  if (filters.yearFrom !== null && filters.yearTo !== null && filters.yearFrom > filters.yearTo) {
    notices.push(`Swapped the years: ${filters.yearFrom} is after ${filters.yearTo}.`);
    [filters.yearFrom, filters.yearTo] = [filters.yearTo, filters.yearFrom];
  }

  const runtime = (name: "minRuntime" | "maxRuntime") => {
    const raw = single(name);
    if (raw === undefined) return null;
    const parsed = movieFilterSchemas.runtime.safeParse(raw);
    if (parsed.success) return parsed.data;
    notices.push(`Ignored an invalid runtime “${echo(raw)}” (minutes, from 0 to ${RUNTIME_MAX.toLocaleString("en-US")}).`);
    return null;
  };
  filters.runtimeMin = runtime("minRuntime");
  filters.runtimeMax = runtime("maxRuntime");
  if (filters.runtimeMin !== null && filters.runtimeMax !== null && filters.runtimeMin > filters.runtimeMax) {
    notices.push(`Swapped the runtimes: ${filters.runtimeMin} min is more than ${filters.runtimeMax} min.`);
    [filters.runtimeMin, filters.runtimeMax] = [filters.runtimeMax, filters.runtimeMin];
  }

  const q = single("q");
  if (q !== undefined) {
    const parsed = movieFilterSchemas.q.safeParse(q);
    if (/[\ufffd\u0000]/.test(q) || !q.isWellFormed()) notices.push("Removed characters from the search that were not valid text.");
    if (!parsed.success) notices.push(`Ignored the search “${echo(q)}”: it has no letters or digits.`);
    else if ([...parsed.data].length > QUERY_MAX_LENGTH) {
      filters.q = [...parsed.data].slice(0, QUERY_MAX_LENGTH).join("").trim();
      notices.push(`Shortened the search to its first ${QUERY_MAX_LENGTH} characters.`);
    } else filters.q = parsed.data;
  }

  const mine = single("mine");
  if (mine !== undefined) {
    const parsed = movieFilterSchemas.mine.safeParse(mine);
    if (parsed.success) filters.mine = parsed.data;
    else notices.push(`Ignored an unknown favorites filter “${echo(mine)}”.`);
  }

  const sort = single("sort");
  if (sort !== undefined) {
    const parsed = movieFilterSchemas.sort.safeParse(sort);
    if (parsed.success) filters.sort = parsed.data;
    else notices.push(`Ignored an unknown sort “${echo(sort)}”.`);
  }
  // No direction (or the order menu's empty "natural" choice): the sort's own, so Title without one is A to Z.
  filters.dir = naturalDirection(filters.sort);
  const dir = single("dir");
  if (dir !== undefined) {
    const parsed = movieFilterSchemas.dir.safeParse(dir);
    if (parsed.success) filters.dir = parsed.data;
    else notices.push(`Ignored an unknown sort direction “${echo(dir)}”.`);
  }

  const page = single("page");
  if (page !== undefined) {
    const parsed = movieFilterSchemas.page.safeParse(page);
    if (!parsed.success) notices.push(`Ignored an invalid page number “${echo(page)}”.`);
    else filters.page = parsed.data; // beyond the last page: the page shows the last one and says so
  }

  return { filters, notices };
}

