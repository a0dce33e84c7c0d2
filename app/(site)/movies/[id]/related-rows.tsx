import Link from "next/link";
import { PosterRail } from "@/components/movies/poster-rail";
import type { MovieDetail } from "@/db/queries/movie-detail";
import type { MovieCardData } from "@/db/queries/movies";
import type { RelatedMovies } from "@/db/queries/related-movies";
import { personHref } from "@/lib/slug";

const railFilms = (movies: MovieCardData[]) => movies.map((m) => ({ ...m, note: m.genres.slice(0, 2).join(", ") || null }));

/** "More from <director>" and "In the same genres" under the cast; each row only when it has films. */
export function RelatedRows({ movie, related }: { movie: MovieDetail; related: RelatedMovies }) {
  const { byDirector, sameGenres } = related;
  if (byDirector.length === 0 && sameGenres.length === 0) return null;
  return (
    <div className="border-t border-border/70 bg-surface-muted/40">
      <div className="mx-auto max-w-7xl space-y-12 px-4 py-12 sm:px-6 lg:px-8">
        {movie.director && byDirector.length > 0 ? (
          <section aria-labelledby="more-from-director">
            <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h2 id="more-from-director" className="text-2xl font-semibold tracking-tight">
                More from {movie.director.name}
              </h2>
              <Link href={`${personHref(movie.director)}#directing`} className="text-sm font-medium text-accent-strong hover:underline">
                Full filmography
              </Link>
            </div>
            <PosterRail films={railFilms(byDirector)} label={`Other films directed by ${movie.director.name}`} testId="director-film" />
          </section>
        ) : null}
        {sameGenres.length > 0 ? (
          <section aria-labelledby="same-genres">
            <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h2 id="same-genres" className="text-2xl font-semibold tracking-tight">
                In the same genres
              </h2>
              <p className="text-sm text-muted">{movie.genres.map((g) => g.name).join(" · ")}</p>
            </div>
            <PosterRail films={railFilms(sameGenres)} label={`Films sharing genres with ${movie.title}`} testId="same-genre-film" />
          </section>
        ) : null}
      </div>
    </div>
  );
}
