/**
 * Query parameters of /people and /people/[id]. Anything may arrive in a URL (page=-1, role=<script>, q of
 * 10,000 characters, broken UTF-8): every value is parsed with zod, invalid ones are ignored or clamped, and
 * each correction is reported as a notice the page can show. Never throws.
 */
import { z } from "zod";
import { MAX_ID } from "@/lib/ids";

export const PEOPLE_PAGE_SIZE = 24;
export const PEOPLE_QUERY_MAX_LENGTH = 100;
/** Words of a search that are used; more would only cost index work for no better match. */
export const PEOPLE_QUERY_MAX_TERMS = 5;

export const PEOPLE_ROLES = ["actors", "directors"] as const;
export type PeopleRole = (typeof PEOPLE_ROLES)[number];

export const PEOPLE_SORTS = ["name", "name-desc", "born", "born-desc"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const DEFAULT_PEOPLE_SORT: PeopleSort = "name";

export const PEOPLE_SORT_LABELS: Record<PeopleSort, string> = {
  name: "Name, A–Z",
  "name-desc": "Name, Z–A",
  born: "Oldest first",
  "born-desc": "Youngest first",
};

export const PEOPLE_ROLE_LABELS: Record<PeopleRole, string> = { actors: "Actors", directors: "Directors" };

export type PeopleFilters = {
  /** Normalized search text ("" when none). */
  q: string;
  country: number | null;
  role: PeopleRole | null;
  sort: PeopleSort;
  page: number;
};

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const querySchema = z
  .string()
  // Control characters (NUL is rejected by PostgreSQL) and the replacement character left by broken UTF-8.
  .transform((v) => v.replace(/[\u0000-\u001f\u007f\ufffd]/g, " ").replace(/\s+/g, " ").trim());

const idSchema = z.coerce.number().int().min(1).max(MAX_ID);
const pageSchema = z.coerce.number().int().min(1);
const roleSchema = z.enum(PEOPLE_ROLES);
const sortSchema = z.enum(PEOPLE_SORTS);

/** The first value of a parameter given once or several times; "" and absent are the same. */
function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

/** A short, safe echo of a bad value for a notice (never rendered as HTML, but kept short). */
function echo(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, "");
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

export function parsePeopleFilters(params: SearchParamsRecord): { filters: PeopleFilters; notices: string[] } {
  const notices: string[] = [];
  const filters: PeopleFilters = { q: "", country: null, role: null, sort: DEFAULT_PEOPLE_SORT, page: 1 };

  const rawQ = single(params.q);
  if (rawQ !== undefined) {
    let q = querySchema.parse(rawQ);
    if (q.length > PEOPLE_QUERY_MAX_LENGTH) {
      q = q.slice(0, PEOPLE_QUERY_MAX_LENGTH).trim();
      notices.push(`The search was shortened to its first ${PEOPLE_QUERY_MAX_LENGTH} characters.`);
    }
    filters.q = q;
  }

  const rawCountry = single(params.country);
  if (rawCountry !== undefined) {
    const parsed = idSchema.safeParse(rawCountry);
    if (parsed.success) filters.country = parsed.data;
    else notices.push(`“${echo(rawCountry)}” is not a country; showing every country.`);
  }

  const rawRole = single(params.role);
  if (rawRole !== undefined) {
    const parsed = roleSchema.safeParse(rawRole);
    if (parsed.success) filters.role = parsed.data;
    else notices.push(`“${echo(rawRole)}” is not a role; showing actors and directors.`);
  }

  const rawSort = single(params.sort);
  if (rawSort !== undefined) {
    const parsed = sortSchema.safeParse(rawSort);
    if (parsed.success) filters.sort = parsed.data;
    else notices.push(`“${echo(rawSort)}” is not a sort order; sorted by name.`);
  }

  const rawPage = single(params.page);
  if (rawPage !== undefined) {
    const parsed = pageSchema.safeParse(rawPage);
    if (parsed.success && Number.isSafeInteger(parsed.data)) filters.page = parsed.data;
    else notices.push(`“${echo(rawPage)}” is not a page number; showing page 1.`);
  }

  return { filters, notices };
}

/** Search words for the name filter: at most PEOPLE_QUERY_MAX_TERMS, duplicates dropped. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.split(" ").filter(Boolean))].slice(0, PEOPLE_QUERY_MAX_TERMS);
}

/** The URL of /people for a set of filters, leaving out defaults so shared links stay short. */
export function peopleHref(filters: Partial<PeopleFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.country) params.set("country", String(filters.country));
  if (filters.role) params.set("role", filters.role);
  if (filters.sort && filters.sort !== DEFAULT_PEOPLE_SORT) params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const qs = params.toString();
  return qs ? `/people?${qs}` : "/people";
}

// ---- /people/[id]: filmography order and length ----

export const FILMOGRAPHY_SORTS = ["desc", "asc"] as const;
export type FilmographySort = (typeof FILMOGRAPHY_SORTS)[number];
/** Credits listed per section by default, and with ?all=1 (the most prolific people have thousands). */
export const FILMOGRAPHY_LIMIT = 200;
export const FILMOGRAPHY_ALL_LIMIT = 5000;

const filmographySchema = z.object({
  sort: z.enum(FILMOGRAPHY_SORTS).catch("desc"),
  all: z
    .enum(["1", "true"])
    .transform(() => true)
    .catch(false),
});

export function parseFilmographyParams(params: SearchParamsRecord): { sort: FilmographySort; all: boolean } {
  return filmographySchema.parse({ sort: single(params.sort), all: single(params.all) });
}
