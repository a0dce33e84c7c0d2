import Link from "next/link";
import { X } from "@/components/ui/icons/x";
import type { CatalogueFilterOptions } from "@/db/queries/catalogue";
import { moviesHref, type FavoriteSort, type FilterBase, type MovieFilters, type MovieSort } from "@/lib/validation/movie-filters-url";

export type ActiveFilter = {
  key: string;
  /** What the chip says: "Drama", "1970–1999", "“godfather”". */
  label: string;
  /** What kind of filter it is, for screen readers: "genre", "release years". */
  kind: string;
  /** The same catalogue without this filter, back on page 1. */
  href: string;
};

const number = new Intl.NumberFormat("en-US");

function range(from: number | null, to: number | null, unit = ""): string {
  if (from !== null && to !== null) return from === to ? `${number.format(from)}${unit}` : `${number.format(from)}–${number.format(to)}${unit}`;
  if (from !== null) return `${number.format(from)}${unit} or more`;
  return `up to ${number.format(to!)}${unit}`;
}

/** Every filter in effect, each with the link that removes it. */
export function activeFilters(
  filters: Omit<MovieFilters, "sort"> & { sort: MovieSort | FavoriteSort },
  options: CatalogueFilterOptions,
  base: FilterBase = "/movies",
): ActiveFilter[] {
  const without = (change: Partial<MovieFilters>) => moviesHref({ ...filters, ...change, page: 1 }, base);
  const out: ActiveFilter[] = [];
  if (filters.q) out.push({ key: "q", kind: "title", label: `“${filters.q}”`, href: without({ q: null }) });
  for (const id of filters.genreIds) {
    const name = options.genres.find((g) => g.id === id)?.name ?? `#${id}`;
    out.push({ key: `genre-${id}`, kind: "genre", label: name, href: without({ genreIds: filters.genreIds.filter((g) => g !== id) }) });
  }
  if (filters.countryId !== null) {
    const name = options.countries.find((c) => c.id === filters.countryId)?.name ?? `#${filters.countryId}`;
    out.push({ key: "country", kind: "country", label: name, href: without({ countryId: null }) });
  }
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    const label =
      filters.yearFrom !== null && filters.yearTo !== null
        ? filters.yearFrom === filters.yearTo
          ? `${filters.yearFrom}`
          : `${filters.yearFrom}–${filters.yearTo}`
        : filters.yearFrom !== null
          ? `${filters.yearFrom} or later`
          : `${filters.yearTo} or earlier`;
    out.push({ key: "years", kind: "release years", label, href: without({ yearFrom: null, yearTo: null }) });
  }
  if (filters.runtimeMin !== null || filters.runtimeMax !== null) {
    out.push({ key: "runtime", kind: "runtime", label: range(filters.runtimeMin, filters.runtimeMax, " min"), href: without({ runtimeMin: null, runtimeMax: null }) });
  }
  if (filters.mine && base === "/movies") {
    out.push({ key: "mine", kind: "favorites", label: filters.mine === "only" ? "Only my favorites" : "Hiding my favorites", href: without({ mine: null }) });
  }
  return out;
}

/** Removable chips for the filters in effect, and a link that clears them all (the sort stays). */
export function ActiveFilterChips({
  filters,
  active,
  className = "",
  base = "/movies",
}: {
  filters: { sort: MovieSort | FavoriteSort; dir: MovieFilters["dir"] };
  active: ActiveFilter[];
  className?: string;
  base?: FilterBase;
}) {
  if (active.length === 0) return null;
  return (
    <ul aria-label="Active filters" className={`flex flex-wrap items-center gap-2 ${className}`}>
      {active.map((a) => (
        <li key={a.key}>
          <Link
            href={a.href}
            scroll={false}
            className="inline-flex max-w-72 items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-sm shadow-xs hover:border-accent"
          >
            <span className="sr-only">Remove the {a.kind} filter </span>
            <span className="truncate">{a.label}</span>
            <X aria-hidden className="size-3.5 shrink-0 text-muted" />
          </Link>
        </li>
      ))}
      {active.length > 1 ? (
        <li>
          <Link href={moviesHref({ sort: filters.sort, dir: filters.dir }, base)} scroll={false} className="px-1 text-sm font-medium text-accent-strong hover:underline">
            Clear all
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
