"use client";

import { Image } from "@/components/ui/image";
import Link from "next/link";
import { Film } from "@/components/ui/icons/film";
import type { MovieCardData } from "@/db/queries/movies";
import { movieHref } from "@/lib/slug";

/**
 * The one card for a movie, used wherever films are listed. `action` is a slot for the favorite heart.
 * A client component only so that a page's RSC payload carries each card as its data, not as its rendered element
 * tree (24 to 60 cards a page); the HTML is server-rendered all the same.
 */
export function MovieCard({ movie, priority = false, eager = false, action }: { movie: MovieCardData; priority?: boolean; eager?: boolean; action?: React.ReactNode }) {
  return (
    <article className="group relative flex flex-col gap-2" data-testid="movie-card">
      <div className="relative aspect-[2/3] overflow-hidden rounded-lg bg-surface-muted shadow-sm ring-1 ring-border/60 transition group-hover:shadow-md">
        {movie.posterUrl ? (
          <Image
            src={movie.posterUrl}
            alt={`Poster of ${movie.title}`}
            fill
            sizes="(min-width: 1280px) 180px, (min-width: 768px) 20vw, 45vw"
            className="object-cover transition duration-300 group-hover:scale-[1.03]"
            priority={priority}
            loading={priority || !eager ? undefined : "eager"}
          />
        ) : (
          <div className="flex h-full items-center justify-center text-muted">
            <Film aria-hidden className="size-10" />
            <span className="sr-only">No poster</span>
          </div>
        )}
      </div>
      <div className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold leading-snug" title={movie.title}>
            {/* The link covers the whole card (after:inset-0) while staying one accessible link. Its own box is a
                24 px target beside the heart (WCAG 2.5.8): padding taken back by negative margins, so nothing moves. */}
            <Link
              href={movieHref(movie)}
              className="-my-[3px] block truncate py-[3px] after:absolute after:inset-0 after:content-[''] hover:text-accent-strong focus-visible:outline-none focus-visible:after:rounded-lg focus-visible:after:outline-2 focus-visible:after:outline-ring"
            >
              {movie.title}
            </Link>
          </h3>
          <p className="truncate text-xs text-muted">{[movie.year, movie.genres.slice(0, 2).join(", ")].filter(Boolean).join(" · ")}</p>
        </div>
        {action ? <div className="relative z-10 shrink-0">{action}</div> : null}
      </div>
    </article>
  );
}

