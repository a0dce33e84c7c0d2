import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { Info } from "@/components/ui/icons/info";
import { MovieGrid } from "@/components/movies/movie-grid";
import { PersonGrid } from "@/components/people/person-card";
import { CharacterResults } from "@/components/search/character-results";
import { SearchEmptyState } from "@/components/search/search-empty-state";
import { SearchPageForm } from "@/components/search/search-page-form";
import { searchCatalogue, type KindResults, type MatchMode } from "@/db/queries/search";
import { formatNumber } from "@/lib/format";
import { isShortQuery, parseSearchQuery, SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchQuery((await searchParams).q);
  return {
    title: q ? `Search: ${q}` : "Search",
    // Result pages are endless variations of the catalogue's own pages: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

/** "229", or "500+" when the search stopped counting. */
function countLabel(results: KindResults<unknown>): string {
  return `${formatNumber(results.total)}${results.capped ? "+" : ""}`;
}

function SectionHeading({ id, title, results, seeAll }: { id: string; title: string; results: KindResults<unknown>; seeAll?: { href: string; label: string } | null }) {
  return (
    <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
      <h2 id={id} className="flex items-baseline gap-2 text-xl font-semibold tracking-tight">
        {title}
        <span className="rounded-full bg-surface-muted px-2.5 py-0.5 text-sm font-medium tabular-nums text-muted">
          {countLabel(results)}
          <span className="sr-only"> {results.total === 1 ? "match" : "matches"}</span>
        </span>
      </h2>
      {seeAll ? (
        <Link href={seeAll.href} className="inline-flex items-center gap-1 text-sm font-medium text-accent-strong hover:underline">
          {seeAll.label}
          <ArrowRight aria-hidden className="size-4" />
        </Link>
      ) : null}
    </div>
  );
}

/** A "see all" link into the list page when it lists more than shown here (it lists titles or names containing q). */
function seeAllLink(results: KindResults<unknown>, mode: MatchMode, path: string, q: string, noun: string) {
  if (mode !== "substring" || results.total <= results.items.length) return null;
  return { href: `${path}?q=${encodeURIComponent(q)}`, label: `See all ${countLabel(results)} ${noun}` };
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, truncated, junk } = parseSearchQuery((await searchParams).q);
  const results = await searchCatalogue({ q });
  const { movies, people, characters, mode } = results;
  const found = movies.total + people.total + characters.total;

  const notices: string[] = [];
  if (truncated) notices.push(`Your search was shortened to its first ${SEARCH_QUERY_MAX_LENGTH} characters.`);
  if (junk) notices.push("Your search had no letters or digits, so there was nothing to look for.");
  if (found > 0 && mode === "fuzzy") notices.push(`Nothing contains “${q}”: showing the closest spellings.`);
  if (q && isShortQuery(q)) notices.push("Searches of one or two characters find exact names only. Type three or more for wider results.");

  const kinds = [
    { id: "search-movies", title: "Movies", results: movies },
    { id: "search-people", title: "People", results: people },
    { id: "search-characters", title: "Characters", results: characters },
  ].filter((k) => k.results.total > 0);

  return (
    <div className="mx-auto max-w-7xl px-4 pb-16 pt-8 sm:px-6 sm:pt-10 lg:px-8">
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight text-balance [overflow-wrap:anywhere] sm:text-4xl">
          {q ? <>Results for “{q}”</> : "Search"}
        </h1>
        <div className="mt-5">
          <SearchPageForm q={q} />
        </div>
        {notices.length > 0 ? (
          <div role="status" className="mt-5 flex max-w-2xl gap-3 rounded-xl border border-accent/40 bg-accent/10 px-4 py-3 text-sm">
            <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-accent-strong" />
            <ul className="space-y-0.5">
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {kinds.length > 1 ? (
          <nav aria-label="Result kinds" className="mt-5">
            <ul className="flex flex-wrap gap-2 text-sm">
              {kinds.map((k) => (
                <li key={k.id}>
                  <a href={`#${k.id}`} className="inline-flex items-center gap-1.5 rounded-full border border-border bg-surface px-3 py-1 hover:border-accent">
                    {k.title}
                    <span className="tabular-nums text-muted">{countLabel(k.results)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      {found === 0 ? (
        <SearchEmptyState q={q} />
      ) : (
        <div className="space-y-14">
          {movies.total > 0 ? (
            <section aria-labelledby="search-movies" className="scroll-mt-24">
              <SectionHeading id="search-movies" title="Movies" results={movies} seeAll={seeAllLink(movies, mode, "/movies", q, "movies")} />
              <MovieGrid movies={movies.items} priorityCount={6} />
            </section>
          ) : null}
          {people.total > 0 ? (
            <section aria-labelledby="search-people" className="scroll-mt-24">
              <SectionHeading id="search-people" title="People" results={people} seeAll={seeAllLink(people, mode, "/people", q, "people")} />
              <PersonGrid people={people.items} />
            </section>
          ) : null}
          {characters.total > 0 ? (
            <section aria-labelledby="search-characters" className="scroll-mt-24">
              <SectionHeading id="search-characters" title="Characters" results={characters} />
              <CharacterResults characters={characters.items} />
              {characters.total > characters.items.length ? (
                <p className="mt-3 text-sm text-muted">
                  Showing the {characters.items.length} closest of {countLabel(characters)} characters. Type more of the name to narrow it down.
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
