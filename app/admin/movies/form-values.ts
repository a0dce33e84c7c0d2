import "server-only";
import type { EditableMovie, PickedEntity, PickedFile } from "@/db/queries/admin/movies/form";
import type { MovieReferences } from "@/db/queries/admin/movies/references";
import { parseId } from "@/lib/ids";
import { loadedLines, type ConflictKind, type ConflictRow } from "@/lib/conflict";
import type { RawMovieForm } from "@/lib/validation/admin/movie";

/**
 * What the movie form is refilled with after a save (refused or not), as the flat strings of FormState.values:
 * the typed text fields as typed, the pickers and the cast grid as JSON (ids with their labels, looked up on the
 * server, so a picked person shows by name again), and one readable line per field for ConflictNotice
 * ("Yours" beside "Their value", under the same keys as conflictRows).
 */
export type CastRowValue = { key: string; id: number | null; name: string; description: string; role: string; actors: PickedEntity[] };

/** Every id a raw form mentions that could name something, for looking up labels even when validation failed. */
export function rawReferencedIds(raw: RawMovieForm) {
  const personIds = new Set<number>();
  const director = parseId(raw.director_id);
  if (director) personIds.add(director);
  for (const row of raw.cast ?? []) {
    for (const actor of row.actor_ids) {
      const id = parseId(actor);
      if (id) personIds.add(id);
    }
  }
  return {
    personIds: [...personIds],
    countryId: parseId(raw.country_id),
    posterId: parseId(raw.poster_id),
    genreIds: raw.genre_ids.map((v) => parseId(v)).filter((n): n is number => n !== null),
  };
}

type Snapshot = {
  title: string;
  description: string;
  release_date: string;
  duration: string;
  budget: string;
  director: PickedEntity | null;
  country: PickedEntity | null;
  poster: PickedFile | null;
  genres: PickedEntity[];
  cast: Omit<CastRowValue, "key">[] | null;
};

/** "6500000.00" → "6500000"; "99.50" stays. */
const plainBudget = (b: string | null) => (b ? b.replace(/\.00$/, "") : "");

const castLine = (cast: Snapshot["cast"]) =>
  (cast ?? [])
    .map((c) => `${c.name.trim()}${c.role ? ` (${c.role})` : ""}${c.actors.length ? `: ${c.actors.map((a) => a.label).join(", ")}` : ""}`)
    .join(" · ");

/** The readable lines compared by ConflictNotice, keyed like conflictRows. */
function readable(s: Snapshot): Record<string, string> {
  return {
    title: s.title,
    description: s.description,
    release_date: s.release_date,
    duration: s.duration,
    budget: s.budget,
    director: s.director?.label ?? "",
    country: s.country?.label ?? "",
    poster: s.poster?.file_name ?? "",
    genres: s.genres
      .map((g) => g.label)
      .sort((a, b) => a.localeCompare(b))
      .join(", "),
    ...(s.cast ? { cast: castLine(s.cast) } : {}),
  };
}

const KINDS: Record<string, ConflictKind> = { release_date: "date", duration: "runtime", budget: "budget" };

const LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  release_date: "Release date",
  duration: "Runtime (minutes)",
  budget: "Budget (USD)",
  director: "Director",
  country: "Country",
  poster: "Poster",
  genres: "Genres",
  cast: "Cast",
};

/** The form's values after a submission: what was typed, with picked entities resolved to labels. */
export function typedMovieValues(raw: RawMovieForm, refs: MovieReferences): Record<string, string> {
  const director = refs.people.get(parseId(raw.director_id) ?? 0) ?? null;
  const country = refs.country && refs.country.id === parseId(raw.country_id) ? refs.country : null;
  const poster = refs.poster && refs.poster.id === parseId(raw.poster_id) ? refs.poster : null;
  const genres = [...new Set(raw.genre_ids.map((v) => parseId(v)))].flatMap((id) => (id && refs.genres.has(id) ? [refs.genres.get(id)!] : []));
  const cast: CastRowValue[] | null =
    raw.cast?.map((row) => ({
      key: row.key,
      id: parseId(row.id),
      name: row.name,
      description: row.description,
      role: row.role,
      actors: [...new Set(row.actor_ids.map((v) => parseId(v)))].flatMap((id) => (id && refs.people.has(id) ? [refs.people.get(id)!] : [])),
    })) ?? null;
  const snapshot: Snapshot = {
    title: raw.title ?? "",
    description: raw.description ?? "",
    release_date: raw.release_date ?? "",
    duration: raw.duration ?? "",
    budget: raw.budget ?? "",
    director,
    country,
    poster,
    genres,
    cast,
  };
  return {
    ...readable(snapshot),
    director_json: JSON.stringify(director ? [director] : []),
    country_json: JSON.stringify(country ? [country] : []),
    poster_json: JSON.stringify(poster ? [poster] : []),
    genre_ids_json: JSON.stringify(genres.map((g) => g.id)),
    ...(cast ? { cast_json: JSON.stringify(cast) } : {}),
  };
}

/** The saved movie as the form shows it (after a successful save, the form is refilled from this). */
export function savedMovieValues(movie: EditableMovie): Record<string, string> {
  const cast: CastRowValue[] | null =
    movie.cast?.map((c) => ({ key: `c${c.id}`, id: c.id, name: c.name, description: c.description ?? "", role: c.role ?? "", actors: c.actors })) ?? null;
  return {
    ...readable(snapshotOf(movie)),
    director_json: JSON.stringify(movie.director ? [movie.director] : []),
    country_json: JSON.stringify(movie.country ? [movie.country] : []),
    poster_json: JSON.stringify(movie.poster ? [movie.poster] : []),
    genre_ids_json: JSON.stringify(movie.genres.map((g) => g.id)),
    ...(cast ? { cast_json: JSON.stringify(cast) } : {}),
    version: movie.version,
    loaded: loadedLines(conflictRows(movie)),
  };
}

function snapshotOf(movie: EditableMovie): Snapshot {
  return {
    title: movie.title,
    description: movie.description ?? "",
    release_date: movie.release_date ?? "",
    duration: movie.duration === null ? "" : String(movie.duration),
    budget: plainBudget(movie.budget),
    director: movie.director,
    country: movie.country,
    poster: movie.poster,
    genres: movie.genres,
    cast: movie.cast?.map((c) => ({ id: c.id, name: c.name, description: c.description ?? "", role: c.role ?? "", actors: c.actors })) ?? null,
  };
}

/** A saved movie's values, field by field, for ConflictNotice (and, as `loaded`, for the form to carry). */
export function conflictRows(current: EditableMovie): ConflictRow[] {
  return Object.entries(readable(snapshotOf(current))).map(([field, value]) => ({ field, label: LABELS[field] ?? field, value, kind: KINDS[field] }));
}
