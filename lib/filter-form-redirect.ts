/**
 * The filter forms of /movies, /favorites and /people are plain GET forms: without JavaScript the browser sends every
 * field, empty ones included (`?q=&country=&minRuntime=…`). Such a submission is sent on (proxy.ts, 307) to the
 * canonical URL the same choice gets with JavaScript, so there is one URL per state to share, bookmark and cache.
 */
import { DEFAULT_PEOPLE_SORT } from "@/lib/validation/people-filters";
import { moviesHrefFromForm, type FilterBase } from "@/lib/validation/movie-filters-url";

const CATALOGUES = new Set<string>(["/movies", "/favorites"]);

/** Where a request for `pathname?search` should go instead, or null when it carries no empty field. */
export function filterFormRedirect(pathname: string, search: URLSearchParams): string | null {
  if (pathname !== "/people" && !CATALOGUES.has(pathname)) return null;
  if (![...search.values()].some((value) => value.trim() === "")) return null;
  const kept = new URLSearchParams([...search].filter(([, value]) => value.trim() !== ""));
  if (CATALOGUES.has(pathname)) {
    const href = moviesHrefFromForm(kept, pathname as FilterBase);
    // Not a form field, but kept if someone typed it: the form never sends it.
    const page = kept.get("page");
    return page ? `${href}${href.includes("?") ? "&" : "?"}${new URLSearchParams({ page })}` : href;
  }
  if (kept.get("sort") === DEFAULT_PEOPLE_SORT) kept.delete("sort");
  const query = kept.toString();
  return query ? `${pathname}?${query}` : pathname;
}
