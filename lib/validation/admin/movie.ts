import { z } from "zod";
import { parseId } from "@/lib/ids";
import { idField, idListField, optionalIdField } from "@/lib/validation/ids";
import { loadedField } from "@/lib/conflict";
import { versionField } from "./version";

/**
 * The admin movie form: one schema for the server (truth) and the form (hints: required, maxLength). FormData
 * carries strings only; the cast grid's rows arrive as `cast_row` keys with `cast_<key>_<field>` fields (see
 * readMovieForm), so the actors of a character are the ids its picker rendered.
 */

export const CHARACTER_ROLES = ["lead", "supporting", "minor"] as const;
export type CharacterRole = (typeof CHARACTER_ROLES)[number];

export const MOVIE_LIMITS = {
  title: 300,
  description: 10_000,
  characterName: 200,
  characterDescription: 5_000,
  /** Characters the grid edits; a film with more is edited character by character. */
  castRows: 200,
  actorsPerCharacter: 20,
  genres: 30,
  duration: 10_000,
  /** numeric(14, 2) */
  budget: 999_999_999_999.99,
  earliestRelease: "1870-01-01",
  latestRelease: "2100-12-31",
} as const;


const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const noControl = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

/** What a picker field says when its value names nothing. */
const choose = (what: string) => `Choose ${what} from the list.`;

const optionalText = (max: number) =>
  z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .max(max, `Use at most ${max.toLocaleString("en-US")} characters.`)
      .refine(noControl, "Remove the control characters.")
      .nullable()
      .default(null),
  );

const releaseDate = z.preprocess(
  emptyToNull,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, "This date does not exist.")
    .refine((v) => v >= MOVIE_LIMITS.earliestRelease && v <= MOVIE_LIMITS.latestRelease, "Enter a release date between 1870 and 2100.")
    .nullable()
    .default(null),
);

const duration = z.preprocess(
  emptyToNull,
  z.coerce
    .number({ error: "Enter the runtime in whole minutes." })
    .int("Enter the runtime in whole minutes.")
    .min(1, "The runtime is at least 1 minute.")
    .max(MOVIE_LIMITS.duration, "That runtime is too long.")
    .nullable()
    .default(null),
);

/** "1,500,000", "$ 1 500 000" and "1500000.50" are all accepted; stored as a decimal string. */
const budget = z.preprocess(
  (v) => (typeof v === "string" ? emptyToNull(v.replace(/[\s,_$]/g, "")) : v),
  z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, "Enter an amount in US dollars, like 1500000 or 1500000.50.")
    .refine((v) => Number(v) <= MOVIE_LIMITS.budget, "That budget is too large.")
    .nullable()
    .default(null),
);

export const castRowSchema = z.object({
  /** An existing character of this film; null for a new one. */
  id: optionalIdField(choose("a character")),
  name: z
    .string({ error: "Name the character." })
    .trim()
    .min(1, "Name the character.")
    .max(MOVIE_LIMITS.characterName, `Use at most ${MOVIE_LIMITS.characterName} characters.`)
    .refine(noControl, "Remove the control characters."),
  description: optionalText(MOVIE_LIMITS.characterDescription),
  role: z.preprocess(emptyToNull, z.enum(CHARACTER_ROLES, { error: "Choose lead, supporting or minor." }).nullable().default(null)),
  actor_ids: idListField(choose("an actor"), MOVIE_LIMITS.actorsPerCharacter, `At most ${MOVIE_LIMITS.actorsPerCharacter} actors per character.`),
});

export const movieSchema = z.object({
  title: z
    .string({ error: "Enter the title." })
    .trim()
    .min(1, "Enter the title.")
    .max(MOVIE_LIMITS.title, `Use at most ${MOVIE_LIMITS.title} characters.`)
    .refine(noControl, "Remove the control characters."),
  description: optionalText(MOVIE_LIMITS.description),
  release_date: releaseDate,
  duration,
  budget,
  director_id: optionalIdField(choose("a director")),
  country_id: optionalIdField(choose("a country")),
  poster_id: optionalIdField(choose("a poster")),
  genre_ids: idListField(choose("a genre"), MOVIE_LIMITS.genres, `Choose at most ${MOVIE_LIMITS.genres} genres.`),
  /** null: the form had no cast grid (a film with too many characters), so the cast is left as it is. */
  cast: z.array(castRowSchema).max(MOVIE_LIMITS.castRows, `At most ${MOVIE_LIMITS.castRows} characters here; add more from Characters.`).nullable(),
});
export type MovieInput = z.infer<typeof movieSchema>;
export type CastRowInput = z.infer<typeof castRowSchema>;

export const movieUpdateSchema = movieSchema.extend({ id: idField("This movie could not be found."), version: versionField });

export const movieDeleteSchema = z.object({
  id: idField("This movie could not be found."),
  confirm: z.string().optional(),
});

/** The raw (string) shape of a submitted movie form, before validation; also what is sent back to refill it. */
export type RawCastRow = { key: string; id: string; name: string; description: string; role: string; actor_ids: string[] };
export type RawMovieForm = {
  id?: string;
  version?: string;
  /** The lines of the version the form loaded (lib/conflict.ts): only for the conflict notice. */
  loaded?: string;
  title?: string;
  description?: string;
  release_date?: string;
  duration?: string;
  budget?: string;
  director_id?: string;
  country_id?: string;
  poster_id?: string;
  genre_ids: string[];
  cast: RawCastRow[] | null;
};

const ROW_KEY = /^[A-Za-z0-9]{1,24}$/;
const text = (v: FormDataEntryValue | null): string | undefined => (typeof v === "string" ? v.slice(0, 20_000) : undefined);
const texts = (all: FormDataEntryValue[], max: number): string[] =>
  all
    .filter((v): v is string => typeof v === "string")
    .slice(0, max)
    .map((v) => v.slice(0, 40));

/**
 * Gathers the movie form's fields. Cast rows come in the order of their `cast_row` keys; each row's fields are
 * `cast_<key>_id|name|description|role` and its actor picker's hidden inputs `cast_<key>_actors`. Without
 * `cast_present` (no grid on the page), the cast is null and stays untouched. Bounded: extra rows, keys and
 * ids beyond the limits are cut here and refused by the schema's max.
 */
export function readMovieForm(formData: FormData): RawMovieForm {
  const raw: RawMovieForm = {
    id: text(formData.get("id")),
    version: text(formData.get("version")),
    loaded: loadedField(formData),
    title: text(formData.get("title")),
    description: text(formData.get("description")),
    release_date: text(formData.get("release_date")),
    duration: text(formData.get("duration")),
    budget: text(formData.get("budget")),
    director_id: text(formData.get("director_id")),
    country_id: text(formData.get("country_id")),
    poster_id: text(formData.get("poster_id")),
    genre_ids: texts(formData.getAll("genre_ids"), MOVIE_LIMITS.genres + 1),
    cast: null,
  };
  if (formData.get("cast_present") === "1") {
    const keys = [...new Set(texts(formData.getAll("cast_row"), MOVIE_LIMITS.castRows + 1))].filter((k) => ROW_KEY.test(k));
    raw.cast = keys.map((key) => ({
      key,
      id: text(formData.get(`cast_${key}_id`)) ?? "",
      name: text(formData.get(`cast_${key}_name`)) ?? "",
      description: text(formData.get(`cast_${key}_description`)) ?? "",
      role: text(formData.get(`cast_${key}_role`)) ?? "",
      actor_ids: texts(formData.getAll(`cast_${key}_actors`), MOVIE_LIMITS.actorsPerCharacter + 1),
    }));
  }
  return raw;
}

/**
 * Validates a raw movie form (with `movieUpdateSchema`, its id and version too). Field errors are keyed by field
 * name, cast errors by `cast.<row index>.<field>` (the grid shows them on the row), so the form can point at each.
 */
export function validateMovieForm<S extends typeof movieSchema | typeof movieUpdateSchema = typeof movieSchema>(
  raw: RawMovieForm,
  schema: S = movieSchema as S,
): { data: z.output<S>; fieldErrors?: never } | { data?: never; fieldErrors: Record<string, string> } {
  const result = schema.safeParse({
    ...raw,
    cast: raw.cast?.map(({ key: _key, ...row }) => row) ?? null,
  });
  if (result.success) return { data: result.data as z.output<S> };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // A row-level cut: cast.3.actor_ids.1 → cast.3.actor_ids
    const key = path[0] === "cast" && path.length >= 3 ? path.slice(0, 3).join(".") : path[0] === "genre_ids" ? "genre_ids" : (path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return { fieldErrors };
}

// ---------------------------------------------------------------------------------------------------------------
// The admin list's URL: /admin/movies?q=&genre=&country=&year=&missing=poster&missing=genres&sort=&page=
// ---------------------------------------------------------------------------------------------------------------

export const ADMIN_MOVIE_SORTS = ["updated", "title", "release"] as const;
export type AdminMovieSort = (typeof ADMIN_MOVIE_SORTS)[number];
export const ADMIN_MOVIE_MISSING = ["poster", "genres"] as const;
export type AdminMovieMissing = (typeof ADMIN_MOVIE_MISSING)[number];
export const ADMIN_MOVIES_PAGE_SIZE = 50;

export type AdminMovieListParams = {
  q: string;
  genreId: number | null;
  countryId: number | null;
  year: number | null;
  missing: AdminMovieMissing[];
  sort: AdminMovieSort;
  page: number;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Any query string becomes a valid list request: unknown values are ignored, `page` clamps to 1…100000. */
export function parseAdminMovieListParams(search: Record<string, string | string[] | undefined>): AdminMovieListParams {
  const q = (first(search.q) ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 200);
  const sort = first(search.sort);
  const missing = [search.missing ?? []].flat().filter((m): m is AdminMovieMissing => (ADMIN_MOVIE_MISSING as readonly string[]).includes(m));
  const year = parseId(first(search.year), 9999);
  return {
    q,
    genreId: parseId(first(search.genre)),
    countryId: parseId(first(search.country)),
    year: year !== null && year >= 1800 && year <= 2200 ? year : null,
    missing: [...new Set(missing)],
    sort: (ADMIN_MOVIE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as AdminMovieSort) : "updated",
    page: Math.min(parseId(first(search.page), 100_000) ?? 1, 100_000),
  };
}

/** The list's URL for these params (defaults left out), e.g. for pagination links. */
export function adminMovieListHref(params: Partial<AdminMovieListParams>): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.genreId) search.set("genre", String(params.genreId));
  if (params.countryId) search.set("country", String(params.countryId));
  if (params.year) search.set("year", String(params.year));
  for (const m of params.missing ?? []) search.append("missing", m);
  if (params.sort && params.sort !== "updated") search.set("sort", params.sort);
  if (params.page && params.page > 1) search.set("page", String(params.page));
  const query = search.toString();
  return query ? `/admin/movies?${query}` : "/admin/movies";
}
