import type { Metadata } from "next";
import { Image } from "@/components/ui/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { Film } from "@/components/ui/icons/film";
import { getMovieDetail, type MovieDetail } from "@/db/queries/movie-detail";
import { getRelatedMovies } from "@/db/queries/related-movies";
import { formatBudget, formatDate, formatRuntime, plural } from "@/lib/format";
import { jsonLdScriptProps } from "@/lib/json-ld";
import { siteUrl } from "@/lib/site-url";
import { movieHref, parseIdSegment, personHref } from "@/lib/slug";
import { FavoriteButton } from "@/components/favorites/favorite-button";
import { CastList } from "./cast-list";
import { RelatedRows } from "./related-rows";
import { movieJsonLd } from "./movie-json-ld";

export const dynamic = "force-dynamic";

// One database round trip per request, shared by generateMetadata and the page. The URL itself (unknown id, other
// spelling) was already checked by layout.tsx before anything streamed.
const loadMovie = cache(async (segment: string) => {
  const id = parseIdSegment(segment);
  return id === null ? null : getMovieDetail(id);
});

function pageTitle(movie: MovieDetail) {
  return movie.year ? `${movie.title} (${movie.year})` : movie.title;
}

function summary(movie: MovieDetail): string {
  const text = movie.description?.trim();
  if (text) return text.length <= 200 ? text : `${text.slice(0, 199).replace(/\s+\S*$/, "")}…`;
  const by = movie.director ? `, directed by ${movie.director.name}` : "";
  return `${pageTitle(movie)}${by}: cast, characters and details on Marquee.`;
}

export async function generateMetadata({ params }: PageProps<"/movies/[id]">): Promise<Metadata> {
  const movie = await loadMovie((await params).id);
  if (!movie) return {};
  const origin = await siteUrl();
  const url = new URL(movieHref(movie), `${origin}/`).toString();
  const image = movie.posterUrl ? new URL(movie.posterUrl, `${origin}/`).toString() : null;
  const title = pageTitle(movie);
  const description = summary(movie);
  const images = image ? [{ url: image, alt: `Poster of ${movie.title}` }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "video.movie",
      siteName: "Marquee",
      url,
      title,
      description,
      images,
      releaseDate: movie.releaseDate ?? undefined,
      duration: movie.duration ? movie.duration * 60 : undefined,
      directors: movie.director ? [new URL(personHref(movie.director), `${origin}/`).toString()] : undefined,
      tags: movie.genres.map((g) => g.name),
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images },
  };
}

export default async function MoviePage({ params }: PageProps<"/movies/[id]">) {
  const segment = (await params).id;
  const id = parseIdSegment(segment);
  const [movie, related] = await Promise.all([loadMovie(segment), id === null ? null : getRelatedMovies(id)]);
  if (!movie || !related) notFound();
  const origin = await siteUrl();

  const runtime = formatRuntime(movie.duration);
  const released = formatDate(movie.releaseDate);
  const budget = formatBudget(movie.budget);
  const facts: { label: string; value: React.ReactNode }[] = [];
  if (movie.director)
    facts.push({
      label: "Director",
      value: (
        <Link href={personHref(movie.director)} className="font-medium text-foreground underline decoration-border underline-offset-4 hover:text-accent-strong hover:decoration-accent">
          {movie.director.name}
        </Link>
      ),
    });
  if (released) facts.push({ label: "Release date", value: <time dateTime={movie.releaseDate!}>{released}</time> });
  if (runtime) facts.push({ label: "Runtime", value: runtime });
  if (budget) facts.push({ label: "Budget", value: budget });
  if (movie.country)
    facts.push({
      label: "Country",
      value: (
        <Link href={`/movies?country=${movie.country.id}`} className="underline decoration-border underline-offset-4 hover:text-accent-strong hover:decoration-accent">
          {movie.country.name}
        </Link>
      ),
    });

  const castCount = movie.cast.length;
  return (
    <article>
      <script {...jsonLdScriptProps(movieJsonLd(movie, origin))} />

      <header className="relative isolate overflow-hidden border-b border-border/70">
        {movie.posterUrl ? (
          // A blurred, enlarged copy of the poster as a backdrop: a small rendition is enough once blurred. On a phone
          // it is the largest thing painted (the page's LCP), so it loads first like the poster: a few KB.
          <div aria-hidden className="absolute inset-0 -z-10">
            <Image src={movie.posterUrl} alt="" fill priority sizes="96px" className="scale-125 object-cover opacity-45 blur-3xl saturate-150" />
            <div className="absolute inset-0 bg-linear-to-b from-background/50 via-background/80 to-background" />
          </div>
        ) : null}

        <div className="mx-auto max-w-7xl px-4 pb-10 pt-6 sm:px-6 sm:pb-14 lg:px-8">
          <nav aria-label="Breadcrumb" className="text-sm text-muted">
            <ol className="flex min-w-0 items-center gap-1">
              <li>
                <Link href="/movies" className="rounded-sm hover:text-foreground">
                  Movies
                </Link>
              </li>
              <li aria-hidden>
                <ChevronRight className="size-4" />
              </li>
              <li className="min-w-0 truncate">
                <span aria-current="page">{movie.title}</span>
              </li>
            </ol>
          </nav>

          <div className="mt-6 grid gap-8 md:grid-cols-[240px_minmax(0,1fr)] md:items-start lg:grid-cols-[300px_minmax(0,1fr)] lg:gap-12">
            <div className="relative mx-auto aspect-2/3 w-44 overflow-hidden rounded-xl bg-surface-muted shadow-xl ring-1 ring-border/60 sm:w-56 md:mx-0 md:w-full">
              {movie.posterUrl ? (
                <Image src={movie.posterUrl} alt={`Poster of ${movie.title}`} fill priority sizes="(min-width: 1024px) 300px, 240px" className="object-cover" />
              ) : (
                <div className="flex h-full flex-col items-center justify-center gap-2 text-muted">
                  <Film aria-hidden className="size-12" />
                  <span className="text-sm">No poster</span>
                </div>
              )}
            </div>

            <div className="min-w-0">
              <div className="flex items-start gap-4">
                <h1 className="min-w-0 flex-1 text-3xl font-semibold tracking-tight text-balance sm:text-4xl lg:text-5xl">
                  {movie.title}
                  {movie.year ? <span className="font-normal text-muted"> ({movie.year})</span> : null}
                </h1>
                <div data-slot="movie-actions" className="flex shrink-0 items-center gap-2 pt-1">
                  <FavoriteButton movieId={movie.id} title={movie.title} size="lg" />
                </div>
              </div>

              <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-muted">
                {[runtime, movie.country?.name].filter(Boolean).map((part, i) => (
                  <span key={i} className="flex items-center gap-2">
                    {i > 0 ? <span aria-hidden>·</span> : null}
                    {part}
                  </span>
                ))}
              </p>

              {movie.genres.length ? (
                <ul aria-label="Genres" className="mt-5 flex flex-wrap gap-2">
                  {movie.genres.map((genre) => (
                    <li key={genre.id}>
                      <Link
                        href={`/movies?genre=${genre.id}`}
                        className="inline-flex h-8 items-center rounded-full border border-border bg-surface/70 px-3.5 text-sm font-medium backdrop-blur-sm hover:border-accent hover:text-accent-strong"
                      >
                        {genre.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}

              {movie.description ? <p className="mt-6 max-w-3xl text-lg leading-relaxed text-pretty">{movie.description}</p> : null}

              {facts.length ? (
                <dl className="mt-8 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-5 border-t border-border/70 pt-6 sm:grid-cols-3">
                  {facts.map((fact) => (
                    <div key={fact.label} className="min-w-0">
                      <dt className="text-xs font-medium uppercase tracking-[0.12em] text-muted">{fact.label}</dt>
                      <dd className="mt-1 text-[0.9375rem]">{fact.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </div>
          </div>
        </div>
      </header>

      <section id="cast" aria-labelledby="cast-heading" className="mx-auto scroll-mt-20 max-w-7xl px-4 py-12 sm:px-6 lg:px-8">
        <div className="mb-6 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h2 id="cast-heading" className="text-2xl font-semibold tracking-tight">
            Cast
          </h2>
          {castCount ? (
            <p className="text-sm text-muted">{plural(castCount, "character")}</p>
          ) : null}
        </div>
        {castCount ? (
          <CastList cast={movie.cast} />
        ) : (
          <p className="rounded-xl border border-dashed border-border p-8 text-center text-muted">No cast has been added to this film yet.</p>
        )}
        {movie.castTruncated ? <p className="mt-6 text-sm text-muted">Showing the first {castCount} characters.</p> : null}
      </section>

      <RelatedRows movie={movie} related={related} />
    </article>
  );
}
