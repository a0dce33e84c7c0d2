import Link from "next/link";
import { ArrowRight } from "@/components/ui/icons/arrow-right";
import { Search } from "@/components/ui/icons/search";
import { MovieGrid } from "@/components/movies/movie-grid";
import { PersonGrid } from "@/components/people/person-card";
import { getGenreSummaries, getPopularPeople } from "@/db/queries/browse";
import { getCatalogueCounts, getFeaturedMovies, getNewReleases } from "@/db/queries/movies";
import { formatNumber, plural } from "@/lib/format";

export const dynamic = "force-dynamic";

function SectionHeading({ id, title, href, linkLabel }: { id: string; title: string; href: string; linkLabel: string }) {
  return (
    <div className="mb-5 flex items-baseline justify-between gap-4">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      <Link href={href} className="inline-flex items-center gap-1 text-sm font-medium text-accent-strong hover:underline">
        {linkLabel} <ArrowRight aria-hidden className="size-4" />
      </Link>
    </div>
  );
}

export default async function HomePage() {
  const [featured, newest, counts, genres, people] = await Promise.all([
    getFeaturedMovies({ limit: 6 }),
    getNewReleases({ limit: 12 }),
    getCatalogueCounts(),
    getGenreSummaries(),
    getPopularPeople({ limit: 6 }),
  ]);
  return (
    <div className="mx-auto max-w-7xl px-4 pb-16 sm:px-6 lg:px-8">
      <section className="py-10 sm:py-14" aria-labelledby="hero-heading">
        <p className="text-sm font-medium uppercase tracking-[0.2em] text-accent">Marquee</p>
        <h1 id="hero-heading" className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          Every film, every face, every character they played.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-muted text-pretty">
          {formatNumber(counts.movies)} films, {formatNumber(counts.people)} people and {formatNumber(counts.characters)} characters, from
          silent classics to recent releases.
        </p>
        <form action="/search" method="get" role="search" className="mt-8 flex max-w-xl gap-2">
          <label htmlFor="home-search" className="sr-only">
            Search movies, people and characters
          </label>
          <div className="relative flex-1">
            <Search aria-hidden className="pointer-events-none absolute left-4 top-1/2 size-5 -translate-y-1/2 text-muted" />
            <input
              id="home-search"
              name="q"
              type="search"
              maxLength={200}
              placeholder="A film, an actor, a character…"
              className="h-12 w-full rounded-full border border-border bg-surface pl-12 pr-4 text-base shadow-sm placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40"
            />
          </div>
          <button type="submit" className="h-12 rounded-full bg-accent px-6 text-sm font-semibold text-accent-foreground hover:bg-accent-strong">
            Search
          </button>
        </form>
      </section>

      {counts.movies === 0 ? (
        <section className="rounded-xl border border-dashed border-border p-10 text-center">
          <h2 className="text-lg font-semibold">The catalogue is empty</h2>
          <p className="mt-2 text-muted">
            Load the demo catalogue with <code>npm run db:seed</code>.
          </p>
        </section>
      ) : (
        <div className="space-y-14">
          {featured.length > 0 ? (
            <section aria-labelledby="featured-heading">
              <SectionHeading id="featured-heading" title="Featured today" href="/movies" linkLabel="Browse all films" />
              <MovieGrid movies={featured} priorityCount={6} />
            </section>
          ) : null}
          <section aria-labelledby="newest-heading">
            <SectionHeading id="newest-heading" title="New releases" href="/movies?sort=release&dir=desc" linkLabel="Newest first" />
            <MovieGrid movies={newest} />
          </section>
          {genres.length > 0 ? (
            <section aria-labelledby="genres-heading">
              <SectionHeading id="genres-heading" title="Browse by genre" href="/genres" linkLabel="All genres" />
              <ul className="flex flex-wrap gap-2">
                {genres
                  .filter((g) => g.films > 0)
                  .map((g) => (
                    <li key={g.id}>
                      <Link
                        href={`/movies?genre=${g.id}`}
                        className="inline-flex items-center gap-2 rounded-full border border-border bg-surface px-4 py-2 text-sm font-medium hover:border-accent hover:text-accent-strong"
                      >
                        {g.name}
                        <span className="text-xs text-muted" aria-label={plural(g.films, "film")}>
                          {formatNumber(g.films)}
                        </span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
          {people.length > 0 ? (
            <section aria-labelledby="people-heading">
              <SectionHeading id="people-heading" title="Popular people" href="/people" linkLabel="All people" />
              <PersonGrid people={people.map((p) => ({ id: p.id, name: p.name, photoUrl: p.photoUrl, detail: plural(p.credits, "credit") }))} />
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
