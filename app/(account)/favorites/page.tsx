import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "@/components/ui/icons/download";
import { Heart } from "@/components/ui/icons/heart";
import { ImportFavoritesForm } from "@/components/favorites/import-form";
import { ActiveFilterChips, activeFilters } from "@/components/movies/active-filter-chips";
import { CatalogueEmptyState } from "@/components/movies/catalogue-empty-state";
import { CatalogueNavigationProvider, CataloguePendingMark, CatalogueResults } from "@/components/movies/catalogue-navigation";
import { CatalogueNotices } from "@/components/movies/catalogue-notices";
import { FilterPanel } from "@/components/movies/filter-panel";
import { MovieFilterForm } from "@/components/movies/movie-filter-form";
import { MovieGrid } from "@/components/movies/movie-grid";
import { Pagination } from "@/components/ui/pagination";
import { getFavoriteFilterOptions, getMovies } from "@/db/queries/catalogue";
import { formatNumber, plural } from "@/lib/format";
import { favoriteTitle } from "@/db/queries/favorites";
import { requireUser } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validation/account";
import {
  CATALOGUE_PAGE_SIZE,
  FAVORITE_SORT_LABELS,
  FAVORITE_SORTS,
  moviesHref,
  naturalDirection,
  parseMovieFilters,
  type FavoriteSort,
  type SearchParamsRecord,
} from "@/lib/validation/movie-filters";

export const metadata: Metadata = { title: "Your favorites", robots: { index: false } };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The viewer's favorites with the catalogue's filters (same URL parameters) and their own sorts. */
export default async function FavoritesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const viewer = await requireUser("/favorites");
  const { sort: rawSort, dir: rawDir, mine: _mine, added: rawAdded, back: rawBack, ...params } = await searchParams;
  const { filters: parsed, notices } = parseMovieFilters(params);
  const sort: FavoriteSort = (FAVORITE_SORTS as readonly string[]).includes(first(rawSort) ?? "") ? (first(rawSort) as FavoriteSort) : "added";
  const dir = first(rawDir) === "asc" || first(rawDir) === "desc" ? (first(rawDir) as "asc" | "desc") : naturalDirection(sort);
  let filters = { ...parsed, mine: null, sort, dir };

  const query = (page: number) =>
    getMovies({
      genreIds: filters.genreIds,
      countryId: filters.countryId,
      yearFrom: filters.yearFrom,
      yearTo: filters.yearTo,
      runtimeMin: filters.runtimeMin,
      runtimeMax: filters.runtimeMax,
      q: filters.q,
      favorites: { userId: viewer.id, mode: "only" },
      sort,
      dir,
      page,
      pageSize: CATALOGUE_PAGE_SIZE,
    });
  const addedId = Number(first(rawAdded));
  const [options, result, all, added] = await Promise.all([
    getFavoriteFilterOptions(viewer.id),
    query(filters.page),
    // The count of every favorite, to tell "no favorites yet" from "none match these filters".
    getMovies({ favorites: { userId: viewer.id, mode: "only" }, pageSize: 1 }).then((r) => r.total),
    // A heart pressed without JavaScript on a public page lands here: say what it did.
    Number.isSafeInteger(addedId) && addedId > 0 ? favoriteTitle(viewer.id, addedId) : null,
  ]);
  if (result.page !== filters.page) {
    if (result.total > 0) notices.push(`There is no page ${formatNumber(filters.page)}; showing the last page, ${formatNumber(result.page)}.`);
    filters = { ...filters, page: result.page };
  }
  const active = activeFilters(filters, options, "/favorites");
  const href = (change: Partial<typeof filters>) => moviesHref({ ...filters, page: 1, ...change }, "/favorites");

  return (
    <CatalogueNavigationProvider>
      <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-3xl font-semibold tracking-tight">Your favorites</h1>
            <p className="mt-2 text-muted" data-testid="favorites-count">
              {active.length > 0 ? `${plural(result.total, "film")} of ${formatNumber(all)}` : plural(all, "film")}
            </p>
          </div>
          {all > 0 ? (
            <nav aria-label="Sort favorites" className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted">Sort by</span>
              {FAVORITE_SORTS.map((value) => (
                <Link
                  key={value}
                  href={href({ sort: value, dir: value === sort ? (dir === "asc" ? "desc" : "asc") : naturalDirection(value) })}
                  aria-current={value === sort ? "true" : undefined}
                  className={`rounded-full border px-3 py-1.5 ${value === sort ? "border-accent bg-accent/10 font-medium" : "border-border hover:bg-surface-muted"}`}
                >
                  {FAVORITE_SORT_LABELS[value]}
                  {value === sort ? <span aria-label={dir === "asc" ? ", ascending" : ", descending"}>{dir === "asc" ? " ↑" : " ↓"}</span> : null}
                </Link>
              ))}
            </nav>
          ) : null}
        </div>

        {added ? (
          <p role="status" className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-rose-500/30 bg-rose-500/10 px-4 py-3 text-sm" data-testid="favorite-added">
            <Heart aria-hidden className="size-4 fill-rose-500 text-rose-500" />
            <span>
              <span className="font-medium">{added}</span> is in your favorites.
            </span>
            <Link href={safeCallbackPath(first(rawBack))} className="font-medium text-accent-strong underline-offset-2 hover:underline">
              Back to the page you were on
            </Link>
          </p>
        ) : null}

        <div className="mt-6">
          <CatalogueNotices notices={notices} />
        </div>

        {all === 0 ? (
          <div className="mt-8 rounded-xl border border-dashed border-border p-10 text-center">
            <Heart aria-hidden className="mx-auto size-10 text-muted" />
            <h2 className="mt-3 text-lg font-semibold">No favorites yet</h2>
            <p className="mt-1 text-muted">Press the heart on any film to keep it here.</p>
            <Link href="/movies" className="mt-5 inline-flex rounded-full bg-accent px-5 py-2.5 text-sm font-semibold text-accent-foreground hover:bg-accent-strong">
              Browse films
            </Link>
          </div>
        ) : (
          <>
            <div className="mt-6">
              <FilterPanel activeCount={active.length}>
                <MovieFilterForm filters={{ ...filters, sort: "release" }} options={options} active={active.length > 0} base="/favorites" hidden={{ sort, dir }} />
              </FilterPanel>
            </div>
            <CatalogueResults aria-labelledby="favorites-results">
              <h2 id="favorites-results" className="mb-4 text-sm text-muted" aria-live="polite" aria-atomic="true">
                <span className="font-semibold text-foreground">{plural(result.total, "film")}</span>
                {result.pageCount > 1 ? ` · page ${formatNumber(result.page)} of ${formatNumber(result.pageCount)}` : null}
                <CataloguePendingMark />
              </h2>
              <ActiveFilterChips filters={filters} active={active} className="mb-6" base="/favorites" />
              {result.movies.length > 0 ? (
                <MovieGrid movies={result.movies} favorites />
              ) : (
                <CatalogueEmptyState active={active} clearHref={moviesHref({ sort, dir }, "/favorites")} q={filters.q} />
              )}
              <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => href({ page: p })} label="Favorites pages" />
            </CatalogueResults>
          </>
        )}

      <section aria-labelledby="csv-heading" className="mt-14 grid gap-6 border-t border-border pt-8 md:grid-cols-3">
        <div>
          <h2 id="csv-heading" className="text-lg font-semibold">
            Export and import
          </h2>
          <p className="mt-1 text-sm text-muted">A CSV with Letterboxd&apos;s columns, Title and Year.</p>
        </div>
        <div className="space-y-6 md:col-span-2">
          <a href="/favorites/export.csv" download className="inline-flex h-11 items-center gap-2 rounded-full border border-border bg-surface px-5 text-sm font-semibold hover:bg-surface-muted">
            <Download aria-hidden className="size-4" /> Download CSV
          </a>
          <ImportFavoritesForm />
        </div>
      </section>
      </div>
    </CatalogueNavigationProvider>
  );
}
