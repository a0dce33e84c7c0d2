import { MovieGrid } from "@/components/movies/movie-card";
import { getCatalogueCounts, getFeaturedMovies, getNewReleases } from "@/db/queries/movies";

export const dynamic = "force-dynamic";

const numberFormat = new Intl.NumberFormat("en-US");

export default async function HomePage() {
  const [featured, newest, counts] = await Promise.all([
    getFeaturedMovies({ limit: 6 }),
    getNewReleases({ limit: 12 }),
    getCatalogueCounts(),
  ]);
  return (
    <div className="mx-auto max-w-7xl px-4 pb-16 sm:px-6 lg:px-8">
      <section className="py-10 sm:py-14">
        <p className="text-sm font-medium uppercase tracking-[0.2em] text-accent">Marquee</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          Every film, every face, every character they played.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-muted text-pretty">
          {numberFormat.format(counts.movies)} films, {numberFormat.format(counts.people)} people and{" "}
          {numberFormat.format(counts.characters)} characters, from silent classics to recent releases.
        </p>
      </section>

      {featured.length === 0 && newest.length === 0 ? (
        <section className="rounded-xl border border-dashed border-border p-10 text-center">
          <h2 className="text-lg font-semibold">The catalogue is empty</h2>
          <p className="mt-2 text-muted">Load the demo catalogue with <code>npm run db:seed</code>.</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="featured-heading" className="mb-14">
            <h2 id="featured-heading" className="mb-5 text-xl font-semibold tracking-tight">
              Featured today
            </h2>
            <MovieGrid movies={featured} priorityCount={6} />
          </section>
          <section aria-labelledby="newest-heading">
            <h2 id="newest-heading" className="mb-5 text-xl font-semibold tracking-tight">
              New releases
            </h2>
            <MovieGrid movies={newest} />
          </section>
        </>
      )}
    </div>
  );
}
