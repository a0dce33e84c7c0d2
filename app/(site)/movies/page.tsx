import type { Metadata } from "next";
import { ActiveFilterChips, activeFilters } from "@/components/movies/active-filter-chips";
import { CatalogueEmptyState } from "@/components/movies/catalogue-empty-state";
import { CatalogueNavigationProvider, CataloguePendingMark, CatalogueResults } from "@/components/movies/catalogue-navigation";
import { CatalogueNotices } from "@/components/movies/catalogue-notices";
import { FilterPanel } from "@/components/movies/filter-panel";
import { MovieGrid } from "@/components/movies/movie-grid";
import { CATALOGUE_FORM_ID, MovieFilterForm } from "@/components/movies/movie-filter-form";
import { MovieSortControls } from "@/components/movies/movie-sort-controls";
import { Pagination } from "@/components/ui/pagination";
import { getFilterOptions, getMovies } from "@/db/queries/catalogue";
import { formatNumber, plural } from "@/lib/format";
import { redirect } from "next/navigation";
import { requestPath } from "@/lib/request-path";
import { getSessionViewer, passwordChangePath } from "@/lib/session";
import {
  CATALOGUE_PAGE_SIZE,
  moviesHref,
  parseMovieFilters,
  type MovieFilters,
  type SearchParamsRecord,
} from "@/lib/validation/movie-filters";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParamsRecord> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { filters } = parseMovieFilters(await searchParams);
  return {
    title: "Movies",
    description: "Browse the Marquee catalogue: films by genre, country, release year and runtime, sorted your way.",
    // The same state without junk parameters, defaults or page 1.
    alternates: { canonical: moviesHref(filters) },
    // A title search is for visitors; genre, country and year listings are worth indexing.
    robots: filters.q ? { index: false, follow: true } : undefined,
  };
}

const pageOf = (f: MovieFilters, userId: number | undefined) =>
  getMovies({
    genreIds: f.genreIds,
    countryId: f.countryId,
    yearFrom: f.yearFrom,
    yearTo: f.yearTo,
    runtimeMin: f.runtimeMin,
    runtimeMax: f.runtimeMax,
    q: f.q,
    favorites: f.mine && userId ? { userId, mode: f.mine } : null,
    sort: f.sort,
    dir: f.dir,
    page: f.page,
    pageSize: CATALOGUE_PAGE_SIZE,
  });

export default async function MoviesPage({ searchParams }: Props) {
  const { filters: parsed, notices } = await searchParams.then(parseMovieFilters);
  // Only "my favorites: only / hide" reads the session; without it the page is the same for everyone (and cached).
  const viewer = parsed.mine ? await getSessionViewer() : null;
  // Showing one's favorites is a member page: a password an admin reset is replaced first.
  if (viewer?.must_change_password) redirect(passwordChangePath(await requestPath()));
  let filters = parsed;
  if (filters.mine && !viewer) {
    notices.push("Sign in to show only your favorites or hide them; showing every film.");
    filters = { ...filters, mine: null };
  }
  const pageFor = (f: MovieFilters) => pageOf(f, viewer?.id);
  const [options, firstResult] = await Promise.all([getFilterOptions(), pageFor(filters)]);
  let result = firstResult;

  // Ids that are well-formed but name no genre or country with films (genre=999999) are ignored, not obeyed.
  const unknownGenres = filters.genreIds.filter((id) => !options.genres.some((g) => g.id === id));
  const unknownCountry = filters.countryId !== null && !options.countries.some((c) => c.id === filters.countryId);
  if (unknownGenres.length > 0 || unknownCountry) {
    for (const id of unknownGenres) notices.push(`Ignored an unknown genre “${id}”.`);
    if (unknownCountry) notices.push(`Ignored an unknown country “${filters.countryId}”.`);
    filters = { ...filters, genreIds: filters.genreIds.filter((id) => !unknownGenres.includes(id)), countryId: unknownCountry ? null : filters.countryId };
    result = await pageFor(filters);
  }
  if (result.page !== filters.page) {
    if (result.total > 0) notices.push(`There is no page ${formatNumber(filters.page)}; showing the last page, ${formatNumber(result.page)}.`);
    filters = { ...filters, page: result.page };
  }

  const { movies, total, page, pageCount } = result;
  const active = activeFilters(filters, options);
  const clearHref = moviesHref({ sort: filters.sort, dir: filters.dir });

  return (
    <CatalogueNavigationProvider>
      <div className="mx-auto max-w-7xl px-4 pb-16 pt-8 sm:px-6 sm:pt-10 lg:px-8">
        <header className="mb-6 lg:mb-8">
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">Movies</h1>
          <p className="mt-2 max-w-2xl text-muted text-pretty">Every film in the catalogue. Narrow it down by genre, country, year and runtime.</p>
        </header>

        <CatalogueNotices notices={notices} />

        <FilterPanel activeCount={active.length}>
          <MovieFilterForm filters={filters} options={options} active={active.length > 0} favoritesChoice />
        </FilterPanel>

        <CatalogueResults aria-labelledby="movies-results">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-3">
            <h2 id="movies-results" className="text-sm text-muted" aria-live="polite" aria-atomic="true">
              <span className="font-semibold text-foreground">{plural(total, "film")}</span>
              {pageCount > 1 ? ` · page ${formatNumber(page)} of ${formatNumber(pageCount)}` : null}
              <CataloguePendingMark />
            </h2>
            <MovieSortControls sort={filters.sort} dir={filters.dir} formId={CATALOGUE_FORM_ID} />
          </div>
          <ActiveFilterChips filters={filters} active={active} className="mb-6" />

          {movies.length > 0 ? (
            <MovieGrid movies={movies} priorityCount={6} />
          ) : (
            <CatalogueEmptyState active={active} clearHref={clearHref} q={filters.q} />
          )}

          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => moviesHref({ ...filters, page: p })} label="Catalogue pages" />
        </CatalogueResults>
      </div>
    </CatalogueNavigationProvider>
  );
}
