/**
 * The contract of GET /api/viewer (app/api/viewer/route.ts), shared by the route and the client islands that read
 * it (components/viewer/viewer-store.ts).
 */
import { MAX_ID } from "@/lib/ids";

/** The most movie ids one request may ask about (a page shows at most 60 cards and one movie). */
export const VIEWER_MAX_MOVIES = 200;

/** `mustChangePassword`: an admin reset the password; until it is replaced the viewer has no favorites to show. */
export type ViewerSummary = { id: number; username: string; avatarUrl: string | null; editor: boolean; mustChangePassword?: boolean };
export type PersonFavorites = { id: number; films: number; favorites: number };
export type ViewerResponse =
  | { viewer: null }
  | { viewer: ViewerSummary; favorites: number[]; person: PersonFavorites | null };

const ID = /^[1-9]\d{0,9}$/;
const isId = (value: string) => ID.test(value) && Number(value) <= MAX_ID;

/** `movies=1,2,3` (or repeated) and an optional `person=7`; anything else is a 400 with the reason. */
export function parseViewerQuery(params: URLSearchParams): { movies: number[]; person: number | null } | { error: string } {
  const raw = params
    .getAll("movies")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
  if (raw.some((value) => !isId(value))) return { error: "movies must be a comma-separated list of movie ids." };
  const movies = [...new Set(raw.map(Number))];
  if (movies.length > VIEWER_MAX_MOVIES) return { error: `Ask about at most ${VIEWER_MAX_MOVIES} movies at once.` };
  const persons = params.getAll("person");
  if (persons.length > 1 || (persons.length === 1 && !isId(persons[0]))) return { error: "person must be one person id." };
  return { movies, person: persons.length ? Number(persons[0]) : null };
}

/** The query string for a set of movie ids and a person (sorted, so one page always asks the same URL). */
export function viewerQuery(movies: Iterable<number>, person: number | null): string {
  const params = new URLSearchParams();
  const ids = [...new Set(movies)].sort((a, b) => a - b).slice(0, VIEWER_MAX_MOVIES);
  if (ids.length) params.set("movies", ids.join(","));
  if (person !== null) params.set("person", String(person));
  const query = params.toString();
  return query ? `?${query}` : "";
}
