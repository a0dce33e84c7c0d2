import { Search } from "lucide-react";

/** Site-wide search box: a plain GET form to /search (works without JavaScript). */
export function HeaderSearch() {
  return (
    <form action="/search" method="get" role="search" className="relative w-full max-w-xs">
      <label htmlFor="header-search" className="sr-only">
        Search movies, people and characters
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted" />
      <input
        id="header-search"
        name="q"
        type="search"
        placeholder="Search films, people…"
        autoComplete="off"
        maxLength={200}
        className="h-10 w-full rounded-full border border-border bg-surface pl-9 pr-4 text-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40"
      />
    </form>
  );
}
